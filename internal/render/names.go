package render

import (
	"html/template"
	"strings"

	"gazette/internal/i18n"
	"gazette/internal/langtag"
	"gazette/internal/recordtext"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// nameHTML is e's name in the edition in lang, in <bdi> so that a name
// of either direction does not reorder the message around it. Where the
// entity has no name in lang, the name shown is the original's, content
// in another language: it carries that language, so that screen readers
// read it as such and the interface is not taken to be untranslated.
func nameHTML(e *site.Entity, lang string) template.HTML {
	name := template.HTMLEscapeString(e.NameIn(lang))
	return template.HTML(`<bdi` + string(langtag.Attrs(nameLang(e, lang))) + `>` + name + `</bdi>`)
}

// otherLang is lang when it is not the page's language, else "": the
// language to mark a text in lang with on that page.
func otherLang(lang, page string) string {
	if strings.EqualFold(lang, page) {
		return ""
	}
	return lang
}

// nameLang is the language of e's name in the edition in lang when it is
// not lang (the original's name standing in for a missing one), else "".
func nameLang(e *site.Entity, lang string) string {
	if l := e.NameLangIn(lang); l != "" && !strings.EqualFold(l, lang) {
		return l
	}
	return ""
}

// RecordLineHTML is RecordLine with each entity's name as NameHTML gives
// it, so that a name the edition has no form of is marked as the content
// in another language it is.
func (p *Page) RecordLineHTML(rec *site.Record) template.HTML {
	return recordLineHTML(p.Site, p.loc, p.Edition.Lang, rec)
}

// RecordLineHTML is Page.RecordLineHTML.
func (f *Fragment) RecordLineHTML(rec *site.Record) template.HTML {
	return recordLineHTML(f.Site, f.loc, f.Edition.Lang, rec)
}

// recordLineHTML is recordLine as HTML. Message record.line is plain text
// (the page's description says it too), so its own words are taken as
// they are: a catalogue's record.line holds no markup characters.
func recordLineHTML(s *site.Site, loc *i18n.Localizer, lang string, rec *site.Record) template.HTML {
	c := &s.Config
	var roles strings.Builder
	sep := " "
	for _, p := range rec.Roles {
		r, _ := c.Role(p.Role)
		names := make([]string, len(p.Entities))
		for i, e := range p.Entities {
			names[i] = string(nameHTML(e, lang))
		}
		roles.WriteString(template.HTMLEscapeString(sep+r.Phrase+" ") + loc.List(names))
		sep = loc.T("list.sep")
	}
	return loc.HTML("record.line", "What", recordtext.What(s, loc, rec), "Roles", template.HTML(roles.String()),
		"Start", evidence.StartText(loc, rec.Start), "Status", evidence.StatusText(loc, rec.Status))
}

// SubtitleHTML is Site.Subtitle with the parent's name as NameHTML gives
// it. Like record.line, message entity.subtitle is plain text.
func (p *Page) SubtitleHTML(e *site.Entity) template.HTML {
	return subtitleHTML(p.Site, p.loc, p.Edition.Lang, e)
}

// SubtitleHTML is Page.SubtitleHTML.
func (f *Fragment) SubtitleHTML(e *site.Entity) template.HTML {
	return subtitleHTML(f.Site, f.loc, f.Edition.Lang, e)
}

func subtitleHTML(s *site.Site, loc *i18n.Localizer, lang string, e *site.Entity) template.HTML {
	if e.Parent == nil {
		return template.HTML(template.HTMLEscapeString(s.Subtitle(e)))
	}
	t := s.Config.Types.TypeLabel(e.Type) // "" when it has none
	if t == "" {
		k, _ := s.Config.Kind(e.Kind.ID) // the edition's words: Config is In's
		t = k.One
	}
	return loc.HTML("entity.subtitle", "Type", t, "Parent", nameHTML(e.Parent, lang))
}
