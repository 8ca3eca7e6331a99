package site

import "gazette/internal/site/evidence"

// Words gives the record phrases (package recordtext, and evidence's),
// and the charts' (package svg), their words in the reader's language:
// the theme's message catalogue in the page's interface language (an
// *i18n.Localizer), so that no interface word is written in Go.
type Words = evidence.Words

// In is the site as the edition in lang labels it: its Config in lang
// (config.Config.In: the title, the kinds' titles and counting words, the
// roles' labels and phrases, the vocabularies) and its kinds with those
// labels. Reports, entities, events and records are the same
// values as s's, so an entity's Kind is still s's kind: pages ask the
// view's Config for labels (Config.Kind, Config.Types), never the
// entity. s is not changed.
//
// Each edition's pages, feeds and search index read the view; the open
// data reads s, the default edition's, since a data set has one language.
func (s *Site) In(lang string) *Site {
	out := *s
	out.Config = s.Config.In(lang)
	out.Kinds = make([]*Kind, len(s.Kinds))
	for i, k := range s.Kinds {
		c := *k
		c.Kind = k.Kind.In(lang)
		out.Kinds[i] = &c
	}
	out.lang = lang
	return &out
}

// NameOf is e's name in the site's language.
func (s *Site) NameOf(e *Entity) string {
	if s.lang == "" {
		return e.Name
	}
	return e.NameIn(s.lang)
}
