// Package site is gazette's resolving stage. It takes the files of package
// content, parses their bodies with package markup, and returns one linked
// model of the whole site.
//
// Input: a *content.Site. Output: a *Site in which every reference (front
// matter lists, events, within, inline annotations) points at its *Entity
// or *Report, and the indexes that pages show are computed: each entity's
// reports (rolled up through `within`), mentions in context, events and
// co-occurring entities; each report's related reports and its neighbours
// by date. Translations into the site's other editions are resolved as
// their originals are, with the names that hold in their language; In
// gives what a report, page or entity reads in one edition. Unknown ids,
// annotations that give alone a name several entities share, within cycles
// and links to missing reports are reported here. Nothing in this package
// writes HTML. Three parts stand alone below it: names (finding entities
// by name), rank (related reports, co-occurring entities) and evidence
// (what a record's reports say of its start and end).
package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/parallel"
	"gazette/internal/site/names"
	"gazette/internal/spill"
)

// Site is the resolved site.
type Site struct {
	Config  config.Config
	Kinds   []*Kind
	Reports []*Report // newest first, then by slug
	Pages   []*Page   // by menu position, then slug
	Static  []string
	Events  []*Event  // every event, oldest first
	Records []*Record // every record, by start, then id
	Outline *config.Outline

	resolver *resolver // kept for Report, which resolves one edit against the rest

	// Set on an edition's view of the site (In): its language. Empty on
	// the site itself.
	lang string
}

// Kind is one entity kind with its entities.
type Kind struct {
	config.Kind
	URL      string    // "cities/"
	Entities []*Entity // by name
	byID     map[string]*Entity
}

// Entity is a resolved city, actor or other entity.
type Entity struct {
	*content.Entity
	Kind     *Kind
	URL      string // "cities/mosul/"
	Parent   *Entity
	Children []*Entity // by name
	Doc      *markup.Doc

	// TypeLabel is its type as readers see it (site.yaml types: gives
	// labels; else the word with spaces for hyphens), "" when it has none.
	TypeLabel string

	Reports  []ReportRef // its own and its descendants', newest first
	Mentions []*Mention  // in report order (newest first), then document order
	Events   []*Event    // its own and its descendants', oldest first
	Records  []RecordRef // its own and its descendants', by start
	Related  []Count     // entities that share reports with it, most first

	// Published are the reports one of whose sources it published (a
	// source's publisher is its name or an alias), newest first: an
	// outlet's part in the site is often only that.
	Published []*Report

	// Translations are its texts in the site's other languages, in
	// site.yaml's order; see In and NameIn.
	Translations []*Translation

	// What its page shows of Mentions: grouped by report, newest first, a
	// few of each report's, and the number of reports with mentions
	// beyond the groups. See maxMentionGroups.
	MentionGroups      []MentionGroup
	MoreMentionReports int

	lang       string                // the language of the original: the site's default
	mentionsIn map[string][]*Mention // by edition; see MentionsIn
}

// ReportRef is a report listed on an entity page. Direct is false when the
// report reached the entity only through one of its descendants.
type ReportRef struct {
	*Report
	Direct bool
}

// RecordRef is a record listed on an entity page, with the entity's part
// in it: a role id, or RoleRestored (it brought service back).
type RecordRef struct {
	*Record
	Role string
}

// Count is an entity and how many reports it shares with another.
type Count struct {
	*Entity
	N int
}

// Subtitle tells an entity from its namesakes in a line: its type, or
// else its kind's word for one, and the entity it is within: "district in
// Erbil Governorate".
func (e *Entity) Subtitle() string {
	s := e.TypeLabel
	if s == "" {
		s = e.Kind.One
	}
	if e.Parent != nil {
		s += " in " + e.Parent.Name
	}
	return s
}

// Ancestors returns the parents of e, nearest first.
func (e *Entity) Ancestors() []*Entity {
	var out []*Entity
	for p := e.Parent; p != nil && len(out) < 100; p = p.Parent {
		out = append(out, p)
	}
	return out
}

// Report is a resolved report.
type Report struct {
	*content.Report
	URL      string // "reports/slug/"
	Summary  string // from front matter, else cut from the first paragraph
	Doc      *markup.Doc
	Entities [][]*Entity // per kind, in Site.Kinds order, each by name
	Events   []*Event
	Records  []*Record // the records its events are evidence for or end, in event order
	Related  []*Report
	Prev     *Report // the next older report
	Next     *Report // the next newer report
	Mentions []*Mention

	// Translations are its texts in the site's other languages, in
	// site.yaml's order, drafts left out unless the build has them; see In.
	Translations []*Translation

	named []*Entity // while resolving: every entity it names, with repeats
	lang  string    // the language of the original: its lang:, else the site's default
}

// Mention is one annotation of an entity in a report.
type Mention struct {
	Report   *Report
	Entity   *Entity
	Sentence markup.Sentence // the sentence around it, for the first few of an entity in a text (see reportBody)
	Lang     string          // the language of the text it is in: the original's or a translation's
	n        int             // its number in its text, from 1
}

// MentionGroup is the mentions of an entity in one report, as the
// entity's page shows them.
type MentionGroup struct {
	Report   *Report
	Mentions []*Mention // the first maxMentionsShown, in document order
	More     int        // how many more the report has
}

// Anchor is the mention's id in the page of its report's text: "m-3".
func (m *Mention) Anchor() string { return "m-" + strconv.Itoa(m.n) }

// Event is a resolved event.
type Event struct {
	content.Event
	Report *Report
	Roles  Roles
	Record *Record // the record it is evidence for or ends
	N      int     // its number among its report's events, from 1
}

// ID is the event's stable id in exports: its report's slug and its
// number, "2016-08-12-isil-cuts-internet-across-mosul-1". An event that
// names no record is a record of its own with the same id.
func (e *Event) ID() string { return e.Report.Slug + "-" + strconv.Itoa(e.N) }

// Page is a resolved stand-alone page.
type Page struct {
	*content.Page
	URL string // "about/"
	Doc *markup.Doc

	// Translations are its texts in the site's other languages, in
	// site.yaml's order; see In.
	Translations []*Translation

	lang string // the language of the original: the site's default
}

// Options change what is resolved.
type Options struct {
	Drafts bool        // include reports marked draft
	Spill  *spill.File // when set, rendered bodies wait there for the render stage, not in memory
	// Bodies, when set, keeps finished bodies for the next build in the
	// same process, and gives this one those of the last (see
	// markup.Bodies).
	Bodies *markup.Bodies
}

// Resolve links the content into a Site, reporting problems to diags. It
// consumes the bodies: each content Body is released once parsed, and the
// Docs keep the rendered HTML and plain text.
func Resolve(c *content.Site, md *markup.Markdown, opts Options, diags *diag.List) *Site {
	s := &Site{Config: c.Config, Static: c.Static, Outline: c.Outline}
	r := &resolver{site: s, diags: diags, md: md, spill: opts.Spill, kept: opts.Bodies, drafts: map[string]bool{}, invalid: map[string]bool{}}
	s.resolver = r
	r.entities(c.Entities)
	for _, rep := range c.Reports {
		if rep.Invalid {
			// Already reported; known, so links to it add no errors, but not
			// built, and the warnings that need every report are skipped.
			r.invalid[rep.Slug] = true
			continue
		}
		if rep.Draft && !opts.Drafts {
			r.drafts[rep.Slug] = true
			continue
		}
		s.Reports = append(s.Reports, &Report{Report: rep, URL: "reports/" + rep.Slug + "/", lang: cmp.Or(rep.Lang, s.Config.Language),
			Translations: translations(rep.Translations, opts.Drafts)})
	}
	for _, p := range c.Pages {
		s.Pages = append(s.Pages, &Page{Page: p, URL: p.Slug + "/", lang: s.Config.Language, Translations: translations(p.Translations, false)})
	}
	r.reportIndex = map[string]*Report{}
	for _, rep := range s.Reports {
		r.reportIndex[rep.Slug] = rep
	}
	for _, rep := range s.Reports {
		r.reportMeta(rep)
	}
	r.records(c.Records)
	r.bodies()
	for _, rep := range s.Reports {
		r.reportEntities(rep)
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int {
		return cmp.Or(cmp.Compare(menuOrder(a.Menu), menuOrder(b.Menu)), strings.Compare(a.Slug, b.Slug))
	})
	r.index()
	return s
}

// translations returns the translations to build: not those whose front
// matter could not be read (the error is reported), nor drafts unless the
// build has them.
func translations(list []*content.Translation, drafts bool) []*Translation {
	var out []*Translation
	for _, t := range list {
		if !t.Invalid && (!t.Draft || drafts) {
			out = append(out, &Translation{Translation: t, Summary: t.Summary})
		}
	}
	return out
}

func menuOrder(m int) int {
	if m == 0 {
		return 1 << 30
	}
	return m
}

// resolver carries the state of one Resolve call.
type resolver struct {
	site        *Site
	diags       *diag.List
	md          *markup.Markdown
	spill       *spill.File                      // nil: bodies stay in memory
	kept        *markup.Bodies                   // nil: no body is kept for the next build
	names       map[string]*names.Index[*Entity] // by kind id
	reportIndex map[string]*Report
	recordIndex map[string]*Record
	drafts      map[string]bool // slugs of drafts left out of this build
	invalid     map[string]bool // slugs of reports whose front matter is broken
}

// bodies parses every Markdown body, resolves its links, renders it and
// lets its tree go, in parallel: each body is independent of the others,
// and it is the costliest part of resolving. Finishing each body as soon
// as it is resolved keeps one tree per core in memory, not one per file.
func (r *resolver) bodies() {
	type job struct {
		path, url string
		lang      string  // the language the body is written in
		src       *[]byte // released once parsed: the Doc keeps what is needed
		doc       **markup.Doc
		report    *Report
		tr        *Translation // set with report: the body is this translation of it
	}
	var jobs []job
	// A translation is resolved at its original's URL: the edition's pages
	// are its prefix and those URLs, so the relative links are the same.
	add := func(url string, report *Report, list []*Translation) {
		for _, t := range list {
			jobs = append(jobs, job{t.Path, url, t.Lang, &t.Body, &t.Doc, report, t})
		}
	}
	for _, rep := range r.site.Reports {
		jobs = append(jobs, job{rep.Path, rep.URL, rep.lang, &rep.Body, &rep.Doc, rep, nil})
		add(rep.URL, rep, rep.Translations)
	}
	for _, k := range r.site.Kinds {
		for _, e := range k.Entities {
			jobs = append(jobs, job{e.Path, e.URL, e.lang, &e.Body, &e.Doc, nil, nil})
			add(e.URL, nil, e.Translations)
		}
	}
	for _, p := range r.site.Pages {
		jobs = append(jobs, job{p.Path, p.URL, p.lang, &p.Body, &p.Doc, nil, nil})
		add(p.URL, nil, p.Translations)
	}
	for _, rec := range r.site.Records {
		if !rec.Own {
			jobs = append(jobs, job{rec.Path, rec.URL, r.site.Config.Language, &rec.Body, &rec.Doc, nil, nil})
		}
	}
	parallel.For(len(jobs), func(i int) {
		j := jobs[i]
		doc := r.md.ParseKept(r.kept, j.path, *j.src)
		*j.doc = doc
		switch {
		case j.tr != nil && j.report != nil:
			r.translationBody(j.report, j.tr)
		case j.report != nil:
			r.reportBody(j.report)
		default:
			r.links(doc, j.url, j.lang, nil)
		}
		if err := r.md.Finish(doc, r.spill); err != nil {
			r.diags.Errorf(diag.Pos{Path: j.path}, "rendering Markdown: %v", err)
		}
		r.diags.Append(doc.Problems...) // Finish adds a body over the limit on a page's size
		*j.src = nil
	})
}

// Report resolves an edited version of one of the site's reports against
// the rest of the site as it was, without touching the site: the result
// has its own events, entities and mentions, and keeps the old version's
// related reports and neighbours. `gazette serve` shows it at once, while
// the whole site is rebuilt behind it. It returns nil when the edit cannot
// be shown this way (a new report, a draft, a change of date, which moves
// it among the others); problems go to diags.
func (s *Site) Report(rep *content.Report, diags *diag.List) *Report {
	r := s.resolver
	if r == nil {
		return nil
	}
	old := r.reportIndex[rep.Slug]
	if old == nil || rep.Draft || rep.Date != old.Date {
		return nil
	}
	one := *r
	one.diags = diags
	one.site = &Site{Config: s.Config, Kinds: s.Kinds} // events go here, not to s
	nr := &Report{Report: rep, URL: old.URL, Related: old.Related, Prev: old.Prev, Next: old.Next,
		lang: cmp.Or(rep.Lang, s.Config.Language), Translations: old.Translations}
	one.reportMeta(nr)
	for _, ev := range nr.Events {
		// The records stay as last built; the full rebuild behind this
		// one updates them.
		id := ev.ID()
		if ev.Event.Record != nil {
			id = ev.Event.Record.ID
		}
		ev.Record = r.recordIndex[id]
	}
	nr.Doc = r.md.Parse(rep.Path, rep.Body)
	one.reportBody(nr)
	if err := r.md.Finish(nr.Doc, nil); err != nil {
		diags.Errorf(diag.Pos{Path: rep.Path}, "rendering Markdown: %v", err)
	}
	diags.Append(nr.Doc.Problems...)
	one.reportEntities(nr)
	return nr
}
