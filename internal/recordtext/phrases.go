package recordtext

import (
	"html/template"
	"strings"

	"gazette/internal/i18n"
	"gazette/internal/langtag"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// The phrases below put entities' names in a line: plain, as in a page's
// description, or as HTML, each name in <bdi> and marked with its
// language where the edition has no name of its own for it.

// NameHTML is e's name in the edition in lang, in <bdi> so that a name
// of either direction does not reorder the message around it. Where the
// entity has no name in lang, the name shown is the original's, content
// in another language: it carries that language, so that screen readers
// read it as such and the interface is not taken to be untranslated.
func NameHTML(e *site.Entity, lang string) template.HTML {
	name := template.HTMLEscapeString(e.NameIn(lang))
	return template.HTML(`<bdi` + string(langtag.Attrs(NameLang(e, lang))) + `>` + name + `</bdi>`)
}

// OtherLang is lang when it is not the page's language, else "": the
// language to mark a text in lang with on that page.
func OtherLang(lang, page string) string {
	if strings.EqualFold(lang, page) {
		return ""
	}
	return lang
}

// NameLang is the language of e's name in the edition in lang when it is
// not lang (the original's name standing in for a missing one), else "".
func NameLang(e *site.Entity, lang string) string {
	if l := e.NameLangIn(lang); l != "" && !strings.EqualFold(l, lang) {
		return l
	}
	return ""
}

// LineHTML is Line as HTML. Message record.line is plain text
// (the page's description says it too), so its own words are taken as
// they are: a catalogue's record.line holds no markup characters.
func LineHTML(s *site.Site, loc *i18n.Localizer, lang string, rec *site.Record) template.HTML {
	c := &s.Config
	var roles strings.Builder
	sep := " "
	for _, p := range rec.Roles {
		r, _ := c.Role(p.Role)
		names := make([]string, len(p.Entities))
		for i, e := range p.Entities {
			names[i] = string(NameHTML(e, lang))
		}
		roles.WriteString(template.HTMLEscapeString(sep+r.Phrase+" ") + loc.List(names))
		sep = loc.T("list.sep")
	}
	return loc.HTML("record.line", "What", What(s, loc, rec), "Roles", template.HTML(roles.String()),
		"Start", evidence.StartText(loc, rec.Start), "Status", evidence.StatusText(loc, rec.Status))
}

// SubtitleHTML is site.Site.Subtitle as HTML, with the parent's name as
// NameHTML gives it. Like record.line, message entity.subtitle is plain text.
func SubtitleHTML(s *site.Site, loc *i18n.Localizer, lang string, e *site.Entity) template.HTML {
	if e.Parent == nil {
		return template.HTML(template.HTMLEscapeString(Subtitle(s, loc, e)))
	}
	t := s.Config.Types.TypeLabel(e.Type) // "" when it has none
	if t == "" {
		k, _ := s.Config.Kind(e.Kind.ID) // the edition's words: Config is In's
		t = k.One
	}
	return loc.HTML("entity.subtitle", "Type", t, "Parent", NameHTML(e.Parent, lang))
}

// Line is the answer to the reader's question in one line: what,
// where, by whom, from, and whether it is over (message record.line). Each
// role puts its entities in the sentence with its phrase: "Shutdown: Mobile
// in Mosul, by ISIL; from June 2014; ongoing as of 12 August 2016".
func Line(s *site.Site, w site.Words, rec *site.Record) string {
	c := &s.Config
	var roles strings.Builder
	sep := " "
	for _, p := range rec.Roles {
		r, _ := c.Role(p.Role)
		roles.WriteString(sep + r.Phrase + " " + w.List(Names(s, p.Entities)))
		sep = w.T("list.sep")
	}
	return w.T("record.line", "What", What(s, w, rec), "Roles", roles.String(),
		"Start", evidence.StartText(w, rec.Start), "Status", evidence.StatusText(w, rec.Status))
}

// Names is the names of es in s's language.
func Names(s *site.Site, es []*site.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, s.NameOf(e))
	}
	return out
}

// Role says what an entity did in a record: its role's label, or for
// site.RoleRestored, "Restored service" (message role.restored). Layouts
// call it as {{$.RoleText $ref.Role}}.
func Role(s *site.Site, w site.Words, role string) string {
	if role == site.RoleRestored {
		return w.T("role.restored")
	}
	if r, ok := s.Config.Role(role); ok {
		return r.Label
	}
	return role
}

// Subtitle tells an entity from its namesakes in a line, in the site's
// language: its type, or else its kind's word for one, and the entity it
// is within (message entity.subtitle): "district in Erbil Governorate".
// Without interface words (w nil), it is site.Entity.Subtitle.
func Subtitle(s *site.Site, w site.Words, e *site.Entity) string {
	if w == nil {
		return e.Subtitle()
	}
	t := s.Config.Types.TypeLabel(e.Type) // "" when it has none
	if t == "" {
		k, _ := s.Config.Kind(e.Kind.ID) // the edition's words: Config is In's
		t = k.One
	}
	if e.Parent == nil {
		return t
	}
	return w.T("entity.subtitle", "Type", t, "Parent", s.NameOf(e.Parent))
}
