package render

import (
	"encoding/json"
	"html/template"

	"gazette/internal/content"
	"gazette/internal/i18n"
	"gazette/internal/recordtext"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// The interface's words: layouts say {{$.T "key"}}, {{$.T "key" n}},
// {{$.Date d}}, {{$.When from until seen}}, {{$.Num n}} on a Page or a
// Fragment, which answer in the page's interface language (UILang) from
// the theme's message catalogues (package i18n). They are methods, not
// template functions, so that one parsed template serves every language.

// words is what Page and Fragment share to say things: the localizer of
// the interface language.
type words struct {
	loc  *i18n.Localizer
	said *said // what the edition says of its records, kept; nil: not kept
}

// T is the message key in the interface language: i18n.Localizer.T.
func (w words) T(key string, args ...any) string { return w.loc.T(key, args...) }

// HTML is a message that holds markup: i18n.Localizer.HTML.
func (w words) HTML(key string, args ...any) template.HTML { return w.loc.HTML(key, args...) }

// Date writes d in the interface language: "12 August 2016", "12 آب 2016".
func (w words) Date(d content.Date) string { return w.loc.Date(d) }

// When writes an event's dates: i18n.Localizer.When.
func (w words) When(from content.Date, until content.Until, seen content.Date) string {
	return w.loc.When(from, until, seen)
}

// Num writes n in the interface language's digits.
func (w words) Num(n int) string { return w.loc.Num(n) }

// Forms is a message for a script to format (i18n.Localizer.Forms), as
// JSON, for a data- attribute: the search page gives its script its words
// so. (An attribute, not a <script type="application/json">: the pages'
// safety check, package htmlsafe, allows no such script.)
func (w words) Forms(key string) string {
	b, err := json.Marshal(w.loc.Forms(key))
	if err != nil {
		return "{}" // a map of strings always marshals
	}
	return string(b)
}

// StatusText is a record's status: site.StatusText.
func (w words) StatusText(s evidence.Status) string { return evidence.StatusText(w.loc, s) }

// StartText is when a record began: site.StartText.
func (w words) StartText(s evidence.Span) string { return evidence.StartText(w.loc, s) }

// RecordTitle is a record's title: Site.RecordHeading. It takes the site
// from the record's page.
func (p *Page) RecordTitle(rec *site.Record) string { return p.heading(p.Site, rec) }

// RecordTitle is Page.RecordTitle.
func (f *Fragment) RecordTitle(rec *site.Record) string { return f.heading(f.Site, rec) }

// RecordLine is a record in one line: recordLine.
func (p *Page) RecordLine(rec *site.Record) string { return p.line(p.Site, rec) }

// RecordLine is Page.RecordLine.
func (f *Fragment) RecordLine(rec *site.Record) string { return f.line(f.Site, rec) }

// RoleText says what an entity did in a record: roleText.
func (p *Page) RoleText(role string) string { return recordtext.Role(p.Site, p.loc, role) }

// RoleText is Page.RoleText.
func (f *Fragment) RoleText(role string) string { return recordtext.Role(f.Site, f.loc, role) }

// heading is recordtext.Heading, said once per record (see said). s is
// the edition's site, the one the page or fragment shows.
func (w words) heading(s *site.Site, rec *site.Record) string {
	if w.said == nil {
		return recordtext.Heading(s, w.loc, rec)
	}
	return w.said.headings.get(rec, func() string { return recordtext.Heading(s, w.loc, rec) })
}

// line is recordtext.Line, said once per record.
func (w words) line(s *site.Site, rec *site.Record) string {
	if w.said == nil {
		return recordtext.Line(s, w.loc, rec)
	}
	return w.said.lines.get(rec, func() string { return recordtext.Line(s, w.loc, rec) })
}

// lineHTML is recordtext.LineHTML in the edition's language lang, said
// once per record.
func (w words) lineHTML(s *site.Site, lang string, rec *site.Record) template.HTML {
	if w.said == nil {
		return recordtext.LineHTML(s, w.loc, lang, rec)
	}
	return w.said.linesHTML.get(rec, func() template.HTML { return recordtext.LineHTML(s, w.loc, lang, rec) })
}
