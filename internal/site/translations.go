package site

import (
	"strings"

	"gazette/internal/content"
	"gazette/internal/markup"
)

// Translation is the text of a report, page or entity in another of the
// site's editions, resolved: its file is content's Translation, its body
// is parsed and its annotations are resolved as the original's are, with
// the names that hold in its language.
type Translation struct {
	*content.Translation

	// Summary is a report's summary in this language: the front
	// matter's, else cut from the first paragraph. A page's is its front
	// matter's; an entity's is "".
	Summary  string
	Doc      *markup.Doc
	Mentions []*Mention // a report's entity annotations in this text, numbered from 1

	named []*Entity // while resolving: what its annotations name
}

// Text is what a report, page or entity reads in one edition: its
// translation into the edition's language, or else its original, which
// then says which language it is in, so that an edition lists a report it
// has no translation of in the report's own language, marked as such.
type Text struct {
	Lang       string      // the language the text is written in
	Title      string      // a report's or page's title; an entity's name (NameIn)
	Summary    string      // reports and pages
	Doc        *markup.Doc // the body
	Mentions   []*Mention  // a report's entity annotations in this text
	Path       string      // the file it is from
	Translated bool        // a translation into the edition; false: the original
}

// translation returns the one of list in lang, or nil.
func translation(list []*Translation, lang string) *Translation {
	for _, t := range list {
		if strings.EqualFold(t.Lang, lang) {
			return t
		}
	}
	return nil
}

// Translation returns the report's translation into lang, an edition's
// language tag, or nil when it has none (or only a draft, in a build
// without drafts).
func (r *Report) Translation(lang string) *Translation { return translation(r.Translations, lang) }

// In returns the report as the edition in lang shows it: its translation
// into lang, or else the original, in its own language (its lang:, else
// the site's default language).
func (r *Report) In(lang string) Text {
	if t := r.Translation(lang); t != nil {
		return Text{Lang: t.Lang, Title: r.TitleIn(lang), Summary: t.Summary, Doc: t.Doc, Mentions: t.Mentions, Path: t.Path, Translated: true}
	}
	return Text{Lang: r.lang, Title: r.Title, Summary: r.Summary, Doc: r.Doc, Mentions: r.Mentions, Path: r.Path}
}

// TitleIn returns the report's title in the edition in lang: In's
// Title. It reads only front matter, so it may be called while the bodies
// are being resolved.
func (r *Report) TitleIn(lang string) string {
	if t := r.Translation(lang); t != nil {
		return t.Title
	}
	return r.Title
}

// Translation returns the page's translation into lang, or nil.
func (p *Page) Translation(lang string) *Translation { return translation(p.Translations, lang) }

// In returns the page as the edition in lang shows it: its translation,
// whose title is the original's when it gives none and whose summary is
// its own ("" when it gives none), or else the original.
func (p *Page) In(lang string) Text {
	if t := p.Translation(lang); t != nil {
		title := t.Title
		if title == "" {
			title = p.Title
		}
		return Text{Lang: t.Lang, Title: title, Summary: t.Summary, Doc: t.Doc, Path: t.Path, Translated: true}
	}
	return Text{Lang: p.lang, Title: p.Title, Summary: p.Summary, Doc: p.Doc, Path: p.Path}
}

// Translation returns the entity's translation into lang, or nil.
func (e *Entity) Translation(lang string) *Translation { return translation(e.Translations, lang) }

// NameIn returns the entity's name in the edition in lang: its
// translation's name, else its names: entry for lang, else its name. The
// name is the default language's: names: does not override it there.
func (e *Entity) NameIn(lang string) string {
	if t := e.Translation(lang); t != nil && t.Name != "" {
		return t.Name
	}
	if !strings.EqualFold(lang, e.lang) {
		for _, n := range e.Names {
			if strings.EqualFold(n.Lang, lang) {
				return n.Name
			}
		}
	}
	return e.Name
}

// OriginalLang is the language of the report's original, which its
// events' notes and sources are in whatever edition shows them.
func (r *Report) OriginalLang() string { return r.lang }

// OriginalLang is the language of the entity's original, which its
// aliases are in.
func (e *Entity) OriginalLang() string { return e.lang }

// NameLangIn is the language of NameIn(lang): lang when the entity has a
// name in it, else the original's, whose name stands in for it. A page
// marks a name in another language than its own, which is content.
func (e *Entity) NameLangIn(lang string) string {
	if t := e.Translation(lang); t != nil && t.Name != "" {
		return lang
	}
	for _, n := range e.Names {
		if strings.EqualFold(n.Lang, lang) {
			return lang
		}
	}
	return e.lang
}

// In returns the entity as the edition in lang shows it: its name there
// and its description, translated or else the original. Translated is
// true when the description is.
func (e *Entity) In(lang string) Text {
	if t := e.Translation(lang); t != nil {
		return Text{Lang: t.Lang, Title: e.NameIn(lang), Doc: t.Doc, Path: t.Path, Translated: true}
	}
	return Text{Lang: e.lang, Title: e.NameIn(lang), Doc: e.Doc, Path: e.Path}
}

// MentionsIn returns the mentions of the entity in the texts the edition
// in lang shows: for each report, newest first, those of its translation
// into lang, else those of its original. Mentions is the originals'.
func (e *Entity) MentionsIn(lang string) []*Mention {
	if e.mentionsIn == nil { // the site has no translated report
		return e.Mentions
	}
	if list, ok := e.mentionsIn[lang]; ok {
		return list
	}
	for l, list := range e.mentionsIn {
		if strings.EqualFold(l, lang) {
			return list
		}
	}
	return e.Mentions // not an edition's language
}

// MentionGroupsIn is MentionGroups and MoreMentionReports for the edition
// in lang: the mentions its entity page quotes, those of the texts that
// edition shows (MentionsIn), grouped and bounded as MentionGroups are.
func (e *Entity) MentionGroupsIn(lang string) ([]MentionGroup, int) {
	if e.mentionsIn == nil {
		return e.MentionGroups, e.MoreMentionReports
	}
	return mentionGroups(e.MentionsIn(lang))
}

// OtherNamesIn is the entity's names in other languages, as the edition
// in lang lists them beside the name it shows (NameIn): its names:, but
// for the one shown, and its own name, in its own language, when that is
// not the one shown.
func (e *Entity) OtherNamesIn(lang string) []content.LangName {
	shown := e.NameIn(lang)
	var out []content.LangName
	if shown != e.Name {
		out = append(out, content.LangName{Lang: e.lang, Name: e.Name})
	}
	for _, n := range e.Names {
		if n.Name != shown {
			out = append(out, n)
		}
	}
	return out
}
