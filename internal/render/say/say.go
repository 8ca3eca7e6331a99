// Package say is what pages and partials say in the interface language:
// the methods layouts call on a Page or a Fragment ({{$.T "key"}},
// {{$.Date d}}, …), which package render's Page and Fragment embed as
// Words, and the phrases an edition says of each record once and repeats
// on every page that shows it.
package say

import (
	"encoding/json"
	"html/template"
	"sync"

	"gazette/internal/config"
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

// Words is what Page and Fragment share to say things: the localizer of
// the interface language, and what the edition says of its records.
type Words struct {
	loc  *i18n.Localizer
	said *said // what the edition says of its records, kept; nil: not kept
	site *site.Site
	ed   config.Edition
}

// New is the Words of edition ed, whose site, as it labels things, is s,
// in loc; with keep, each record's heading and lines are said once and
// kept (see said).
func New(loc *i18n.Localizer, s *site.Site, ed config.Edition, keep bool) Words {
	w := Words{loc: loc, site: s, ed: ed}
	if keep {
		w.said = &said{}
	}
	return w
}

// Localizer is the localizer Words says things through.
func (w Words) Localizer() *i18n.Localizer { return w.loc }

// T is the message key in the interface language: i18n.Localizer.T.
func (w Words) T(key string, args ...any) string { return w.loc.T(key, args...) }

// HTML is a message that holds markup: i18n.Localizer.HTML.
func (w Words) HTML(key string, args ...any) template.HTML { return w.loc.HTML(key, args...) }

// Date writes d in the interface language: "12 August 2016", "12 آب 2016".
func (w Words) Date(d content.Date) string { return w.loc.Date(d) }

// When writes an event's dates: i18n.Localizer.When.
func (w Words) When(from content.Date, until content.Until, seen content.Date) string {
	return w.loc.When(from, until, seen)
}

// Num writes n in the interface language's digits.
func (w Words) Num(n int) string { return w.loc.Num(n) }

// Forms is a message for a script to format (i18n.Localizer.Forms), as
// JSON, for a data- attribute: the search page gives its script its words
// so. (An attribute, not a <script type="application/json">: the pages'
// safety check, package htmlsafe, allows no such script.)
func (w Words) Forms(key string) string {
	b, err := json.Marshal(w.loc.Forms(key))
	if err != nil {
		return "{}" // a map of strings always marshals
	}
	return string(b)
}

// StatusText is a record's status: site.StatusText.
func (w Words) StatusText(s evidence.Status) string { return evidence.StatusText(w.loc, s) }

// StartText is when a record began: site.StartText.
func (w Words) StartText(s evidence.Span) string { return evidence.StartText(w.loc, s) }

// Heading is recordtext.Heading, said once per record (see said). s is
// the edition's site, the one the page or fragment shows.
func (w Words) Heading(s *site.Site, rec *site.Record) string {
	if w.said == nil {
		return recordtext.Heading(s, w.loc, rec)
	}
	return w.said.headings.get(rec, func() string { return recordtext.Heading(s, w.loc, rec) })
}

// Line is recordtext.Line, said once per record.
func (w Words) Line(s *site.Site, rec *site.Record) string {
	if w.said == nil {
		return recordtext.Line(s, w.loc, rec)
	}
	return w.said.lines.get(rec, func() string { return recordtext.Line(s, w.loc, rec) })
}

// LineHTML is recordtext.LineHTML in the edition's language lang, said
// once per record.
func (w Words) LineHTML(s *site.Site, lang string, rec *site.Record) template.HTML {
	if w.said == nil {
		return recordtext.LineHTML(s, w.loc, lang, rec)
	}
	return w.said.linesHTML.get(rec, func() template.HTML { return recordtext.LineHTML(s, w.loc, lang, rec) })
}

// The names and titles of the site's things, as the edition shows them:
// what layouts call on a Page or a Fragment to name an entity, a report
// or a record.

// NameOf is an entity's name in the page's edition.
func (w Words) NameOf(e *site.Entity) string { return e.NameIn(w.ed.Lang) }

// NameHTML is NameOf, for an _html message's placeholder: in <bdi>, as a
// name's direction is its own, and marked with its language where the
// edition has no name for it in its own (see recordtext.NameHTML).
func (w Words) NameHTML(e *site.Entity) template.HTML { return recordtext.NameHTML(e, w.ed.Lang) }

// OriginalLang is the language to mark what stays in a report's or an
// entity's original in every edition (an event's note, an entity's
// aliases) with on this page, or "" when it is the page's.
func (w Words) OriginalLang(x interface{ OriginalLang() string }) string {
	return recordtext.OtherLang(x.OriginalLang(), w.ed.Lang)
}

// NameLang is the language to mark NameOf e with: the original's where the
// edition has no name for e in its language, else "".
func (w Words) NameLang(e *site.Entity) string { return recordtext.NameLang(e, w.ed.Lang) }

// RecordLang is the language to mark a record's title, summary and body
// with: records are not translated, so a record file's text is in the
// default language, marked as such in the other editions; "" in the
// default edition, and for a record whose title gazette makes.
func (w Words) RecordLang(rec *site.Record) string {
	s := w.site
	if rec.Title == "" || len(s.Config.Editions) == 0 || w.ed.Lang == s.Config.Editions[0].Lang {
		return ""
	}
	return s.Config.Editions[0].Lang
}

// OtherNames is an entity's names in other languages than the page's
// edition shows (site.Entity.OtherNamesIn).
func (w Words) OtherNames(e *site.Entity) []content.LangName { return e.OtherNamesIn(w.ed.Lang) }

// TitleOf is a report's title in the page's edition: its translation's,
// else its own.
func (w Words) TitleOf(rep *site.Report) string { return rep.TitleIn(w.ed.Lang) }

// SummaryOf is a report's summary in the page's edition.
func (w Words) SummaryOf(rep *site.Report) string { return rep.In(w.ed.Lang).Summary }

// ItemLang is the language to mark a report's title, summary or note with
// on this page: the language of the text the edition shows of it (its
// translation, else its original), when it is not the page's, else "".
func (w Words) ItemLang(rep *site.Report) string {
	l := rep.In(w.ed.Lang).Lang
	if rep.Translation(w.ed.Lang) != nil {
		l = w.ed.Lang
	}
	if l != w.ed.Lang {
		return l
	}
	return ""
}

// RecordTitle is a record's title: recordtext.Heading, said once.
func (w Words) RecordTitle(rec *site.Record) string { return w.Heading(w.site, rec) }

// RecordLine is a record in one line: recordtext.Line, said once.
func (w Words) RecordLine(rec *site.Record) string { return w.Line(w.site, rec) }

// RecordLineHTML is RecordLine with each entity's name as NameHTML gives
// it, so that a name the edition has no form of is marked as the content
// in another language it is.
func (w Words) RecordLineHTML(rec *site.Record) template.HTML {
	return w.LineHTML(w.site, w.ed.Lang, rec)
}

// RoleText says what an entity did in a record: recordtext.Role.
func (w Words) RoleText(role string) string { return recordtext.Role(w.site, w.loc, role) }

// SubtitleHTML is Site.Subtitle with the parent's name as NameHTML gives
// it. Like record.line, message entity.subtitle is plain text.
func (w Words) SubtitleHTML(e *site.Entity) template.HTML {
	return recordtext.SubtitleHTML(w.site, w.loc, w.ed.Lang, e)
}

// said keeps what an edition says of each record: its heading and its
// line, which every report that is evidence for it, every place and actor
// it names, the indexes and the timeline all repeat, and which take a
// dozen messages each to say. One renderer (one edition: one site as it
// labels it, one localizer, one language) has one, so a record's words
// are the same wherever it is said; nil says them each time.
type said struct {
	headings, lines memoOf[*site.Record, string]
	linesHTML       memoOf[*site.Record, template.HTML]
}

// memoOf is a map of answers made once, safe for many pages at once.
type memoOf[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

// get returns the answer for k, making it with make the first time.
func (c *memoOf[K, V]) get(k K, make func() V) V {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = make()
	c.mu.Lock()
	if c.m == nil {
		c.m = map[K]V{}
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}
