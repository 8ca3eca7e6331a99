// Package render is gazette's page stage: it lays the resolved site out as
// HTML pages, through the theme's html/template layouts, and runs, as jobs
// beside the pages, the stages that make the site's other files: the
// search index (searchindex), the feeds and sitemap (feeds) and the open
// data (export). The pictures the pages show come from svg, their JSON-LD
// from jsonld.
//
// Input: a *site.Site and a Theme. Output: every file of the site but the
// content's static/ files (which build copies), handed to an
// output.Writer as it is made. Go code here computes what a page shows
// (lists, groups, counts, metadata); the templates only arrange it, so a
// theme can restyle every page without touching Go.
//
// The files: render.go runs the jobs; pages.go and records.go make the
// Page of each layout, paginate.go those of split lists; cache.go lays
// out partials and keeps their HTML; funcs.go and package say are what
// layouts call. Loading a theme is package theme's; what the timeline
// lists is package render/timeline's, the other lists of index pages
// render/lists'; pagers are package paging's.
package render

import (
	"bufio"
	"bytes"
	"html/template"
	"io"
	"strings"
	"sync"

	"gazette/internal/config"
	"gazette/internal/diag"
	"gazette/internal/export"
	"gazette/internal/feeds"
	"gazette/internal/i18n"
	"gazette/internal/markup"
	"gazette/internal/output"
	"gazette/internal/parallel"
	"gazette/internal/render/deps"
	"gazette/internal/render/say"
	"gazette/internal/render/timeline"
	"gazette/internal/searchindex"
	"gazette/internal/site"
	"gazette/internal/spill"
	"gazette/internal/svg"
	"gazette/internal/theme"
)

// Stats counts what a render produced.
type Stats struct {
	Pages int // HTML pages
	Files int // all files, pages included
}

// Options change how a site is rendered.
type Options struct {
	// Spill, when set, holds the cached fragments that do not fit in
	// memory (see Page.Partial).
	Spill *spill.File

	// Jobs, when set, is asked before each job whether its files from the
	// last build stand, and is given the files of those that run; Global
	// is then the digest of what every page is made from besides the
	// content's reports, entities, records and pages: the gazette binary,
	// the build's options, site.yaml, the theme and the content's other
	// files. See package deps.
	Jobs   Jobs
	Global Digest

	// Terms, when set, gives the search index the terms of the documents
	// whose texts did not change since a build it kept them from, and
	// keeps this build's (see searchindex.Kept).
	Terms *searchindex.Kept
}

// Digest is what a job's files are made from (package deps).
type Digest = deps.Digest

// Jobs lets a build skip the jobs whose files it kept from the last one.
// Its methods are called from several goroutines at once.
type Jobs interface {
	// Start is called before a job runs, with its key (unique in the
	// build, the same from build to build) and the digest of what it is
	// made from. It returns the writer the job's files go to; or nil when
	// the files the job made with that digest stand, with the pages and
	// files it counted then.
	Start(key string, d Digest) (w output.Writer, pages, files int)
	// Done is called after a job that Start let run, with what it made.
	Done(key string, pages, files int)
}

// Render writes every page and file of s to w, static/ files aside.
// Problems in the theme are reported to diags; an error is returned only
// when writing fails.
//
// Each edition of the site (config.Config.Editions) is a whole site, under
// its Edition.Root(): every page, the search index and the feeds are made
// once per edition; the shared files (the theme's static files, the open
// data, the sitemap, robots.txt) once, at the root.
func Render(s *site.Site, t *theme.Theme, md *markup.Markdown, w output.Writer, opts Options, diags *diag.List) (Stats, error) {
	sh := &shared{site: s, theme: t, md: md, diags: diags, frags: &fragments{Fragments: theme.Fragments{Spill: opts.Spill}}, terms: opts.Terms}
	t.CheckMessages(s.Config.Langs(), diags)
	sh.basemap = svg.NewBasemap(s)
	sh.axis = svg.NewTimeAxis(s.Events)
	sh.tl = timeline.New(s)

	if opts.Jobs != nil {
		sh.dg = deps.Of(s)
	}
	var navs []Digest
	var jobs []job
	for _, ed := range s.Config.Editions {
		r := newRenderer(sh, ed)
		jobs = append(jobs, r.jobs()...)
		d := deps.New("edition")
		d.Value(ed)
		d.Value(r.nav)
		navs = append(navs, d.Done())
	}
	g := sh.dg
	jobs = append(jobs,
		job{"assets", func(d deps.Hash) { d.Digest(g.Box) }, sh.assets},
		job{"sitemap", func(d deps.Hash) { d.Digest(g.AllMeta); d.Digest(g.AllNames); d.Digest(g.AllRecs) }, sh.sitemap},
		job{"data", func(d deps.Hash) { d.Digest(g.AllMeta); d.Digest(g.AllNames); d.Digest(g.AllRecs) }, sh.data})

	// Every job's digest has the build's and the editions': their labels
	// and navigation are on every page.
	d := deps.New("global")
	d.Digest(opts.Global)
	for _, n := range navs {
		d.Digest(n)
	}
	global := d.Done()

	errs := make([]error, len(jobs))
	parallel.For(len(jobs), func(i int) {
		j := jobs[i]
		o := &sink{Writer: w}
		if opts.Jobs != nil {
			d := deps.New(j.key)
			d.Digest(global)
			j.deps(d)
			var pages, files int
			if o.Writer, pages, files = opts.Jobs.Start(j.key, d.Done()); o.Writer == nil {
				sh.count(pages, files)
				return
			}
		}
		errs[i] = j.run(o)
		sh.count(o.pages, o.files)
		if opts.Jobs != nil && errs[i] == nil {
			opts.Jobs.Done(j.key, o.pages, o.files)
		}
	})
	for _, err := range errs {
		if err != nil {
			return sh.stats, err
		}
	}
	return sh.stats, nil
}

// newRenderer is the renderer of one edition.
func newRenderer(sh *shared, ed config.Edition) *renderer {
	r := &renderer{shared: sh, ed: ed}
	r.ui = r.localizer(ed)
	r.site = sh.site.In(ed.Lang)
	r.words = say.New(r.ui, r.site, ed, true)
	r.basemap = sh.basemap.In(ed.Lang)
	r.labels = svg.LabelsFrom(r.site, r.ui)
	r.labels.HeadingLang = r.words.RecordLang
	r.nav = r.navigation()
	return r
}

// jobs are the jobs that write the edition's pages, search index and
// feeds. Pages are laid out inside their jobs, so that only the pages
// being written are in memory, not all of them. The jobs that take
// longest, the indexes of the whole site, go first, so that no core waits
// for one of them at the end.
func (r *renderer) jobs() []job {
	s, g := r.site, r.dg
	root := r.ed.Root()
	var jobs []job
	page := func(key string, deps func(d deps.Hash), layout string, p func() *Page) {
		jobs = append(jobs, job{root + key, deps, func(o *sink) error { return r.page(o, layout, p()) }})
	}
	jobs = append(jobs, job{root + "search-index", func(d deps.Hash) { d.Digest(g.AllFull); d.Digest(g.AllTexts); d.Digest(g.AllRecs) }, r.searchIndex})
	jobs = append(jobs, r.listJobs()...) // reports, timeline, records: see paginate.go
	jobs = append(jobs, r.feeds()...)
	page("search", func(d deps.Hash) { d.Digest(g.AllMeta) }, "search", func() *Page { return r.search() })
	page("home", func(d deps.Hash) { d.Digest(g.AllMeta); d.Digest(g.AllRecs); d.Digest(g.AllNames) }, "home", func() *Page { return r.home() })
	for _, rep := range s.Reports {
		page(rep.URL, func(d deps.Hash) { d.Digest(g.Full[rep]) }, "report", func() *Page { return r.report(rep) })
	}
	for _, k := range s.Kinds {
		jobs = append(jobs, r.kindJobs(k)...) // its index, split into pages: see paginate.go
		for _, e := range k.Entities {
			jobs = append(jobs, r.entityJobs(e)...)
		}
	}
	for _, p := range s.Pages {
		page(p.URL, func(d deps.Hash) { d.Digest(deps.Page(p)) }, "page", func() *Page { return r.standalone(p) })
	}
	for _, rec := range s.Records {
		page(rec.URL, func(d deps.Hash) { d.Digest(g.Record[rec]) }, "record", func() *Page { return r.record(rec) })
	}
	page("data/", func(d deps.Hash) { d.Digest(g.AllMeta); d.Digest(g.AllRecs); d.Digest(g.AllNames) }, "data", func() *Page { return r.dataPage() })
	page("404", func(deps.Hash) {}, "404", func() *Page { return r.notFound() })
	return jobs
}

// job is one of the render's jobs: it writes one page or a few files.
type job struct {
	// key names the job among the build's, the same from build to build:
	// the edition's root and its page's URL, or what it writes.
	key string
	// deps writes what the job's files are made from beyond the site's
	// Global digest (see package deps).
	deps func(d deps.Hash)
	run  func(o *sink) error
}

// sink is where one job's files go, and what it counts of them.
type sink struct {
	output.Writer
	pages, files int
}

// renderer lays out the pages of one edition.
type renderer struct {
	*shared
	ed config.Edition // the edition whose pages it makes
	// site and basemap are the shared ones as the edition labels them
	// (site.Site.In, svg.Basemap.In): they stand in for shared's in every
	// method of the renderer, so that each page, feed and search index
	// reads the edition's labels; shared's methods, which write the files
	// every edition shares, read the default edition's.
	site    *site.Site
	basemap *svg.Basemap
	nav     []NavItem // the edition's navigation
	// ui is the interface language of the edition's pages: the one place
	// it is decided. Every Page and Fragment says things through it.
	ui     *i18n.Localizer
	words  say.Words  // what pages and fragments say through ui, with what they keep of it
	labels svg.Labels // the words on the chart and the strips, from ui
}

// shared is what the renderers of every edition share: the site, the
// theme, the output and the cache of fragments.
type shared struct {
	site  *site.Site
	theme *theme.Theme
	md    *markup.Markdown
	diags *diag.List

	basemap *svg.Basemap   // nil when no place has coordinates
	axis    svg.TimeAxis   // the span of the site's events, shared by the strips
	tl      *timeline.Plan // the timeline's years and pages
	frags   *fragments     // the HTML of cached partials, shared by all pages
	dg      *deps.Site     // what the jobs are made from (package deps)
	bufs    sync.Pool      // *bytes.Buffer, for pages being laid out

	terms *searchindex.Kept // Options.Terms

	mu    sync.Mutex
	stats Stats
}

func (r *shared) count(pages, files int) {
	r.mu.Lock()
	r.stats.Pages += pages
	r.stats.Files += files
	r.mu.Unlock()
}

// page executes a layout and writes the page to <p.URL>index.html (or to
// 404.html).
func (r *renderer) page(o *sink, layout string, p *Page) error {
	// A map's dots are one stop in the tab order, entered with Tab and
	// moved through with the arrow keys (map.js), so that the keyboard
	// reaches what comes after a map without passing every place on it.
	if p.Map != nil || p.RecordMap != nil {
		p.Scripts = append(p.Scripts, "map.js")
	}
	if streamed(layout) {
		return r.streamPage(o, layout, p)
	}
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		if buf.Cap() <= maxPooledPage {
			r.bufs.Put(buf)
		} // a larger one, an index of every place, would sit in the pool
	}()
	buf.Reset()
	if err := execute(r.theme, buf, layout, p); err != nil {
		r.theme.ExecError(r.diags, layout, p.File(), err)
		return nil
	}
	o.pages++
	o.files++
	return o.WriteFile(p.File(), buf.Bytes())
}

// maxPooledPage is the largest page buffer kept for the next page.
const maxPooledPage = 1 << 20

// streamed are the layouts of the pages that list every report or event:
// at 100,000 reports they are tens of megabytes, so they are written as
// they are laid out.
func streamed(layout string) bool {
	return layout == "reports" || layout == "search" || layout == "timeline"
}

// streamPage is page for a page written as it is laid out.
func (r *renderer) streamPage(o *sink, layout string, p *Page) error {
	f, err := output.Create(o, p.File())
	if err != nil {
		return err
	}
	fw := &firstError{w: f}
	bw := bufio.NewWriterSize(fw, 64<<10)
	if err := execute(r.theme, bw, layout, p); err != nil {
		f.Close()
		if fw.err != nil {
			return fw.err // the disk, not the theme
		}
		r.theme.ExecError(r.diags, layout, p.File(), err)
		return nil
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	o.pages++
	o.files++
	return f.Close()
}

// firstError keeps the first error of a writer, to tell a failed write
// from a failed template.
type firstError struct {
	w   io.Writer
	err error
}

func (f *firstError) Write(b []byte) (int, error) {
	n, err := f.w.Write(b)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

// file writes a file that is not a page.
func (o *sink) file(name string, data []byte) error {
	o.files++
	return o.WriteFile(name, data)
}

// feeds are the jobs that write the edition's feed and one per entity.
func (r *renderer) feeds() []job {
	s, ed, g := r.site, r.ed, r.dg
	jobs := []job{{feeds.Path(ed.Root()), func(d deps.Hash) {
		d.Int(len(s.Reports))
		for _, rep := range s.Reports[:min(len(s.Reports), feeds.MaxEntries)] {
			d.Digest(g.Entry[rep])
		}
	}, func(o *sink) error { return o.file(feeds.Path(ed.Root()), feeds.Site(s, ed)) }}}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			path := feeds.Path(ed.Root() + e.URL)
			jobs = append(jobs, job{path, func(d deps.Hash) {
				d.Digest(g.Name[e])
				d.Int(len(e.Reports))
				for _, r := range e.Reports[:min(len(e.Reports), feeds.MaxEntries)] {
					d.Digest(g.Entry[r.Report])
				}
			}, func(o *sink) error { return o.file(path, feeds.Entity(s, ed, e)) }})
		}
	}
	return jobs
}

// sitemap writes robots.txt and sitemap.xml, which lists every edition's
// pages (with sitemap-1.xml, … on a site of more than 50,000 of them).
func (r *shared) sitemap(o *sink) error {
	if err := o.file("robots.txt", feeds.Robots(r.site)); err != nil {
		return err
	}
	for _, f := range feeds.Sitemaps(r.site) {
		if err := o.file(f.Name, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// searchIndex writes the files of the edition's search index, under its
// root.
func (r *renderer) searchIndex(o *sink) error {
	n, err := searchindex.WriteKept(r.site, r.ed, r.ui, o, r.terms, r.diags)
	o.files += n
	return err
}

// data writes the open data files.
func (r *shared) data(o *sink) error {
	lang := r.site.Config.Editions[0].Lang
	n, err := export.Write(r.site, o, r.theme.Catalogue().Localizer(lang, "", lang))
	o.files += n
	return err
}

// body renders a parsed Markdown body.
func (r *shared) body(doc *markup.Doc) template.HTML {
	if doc == nil {
		return ""
	}
	b, err := r.md.HTML(doc)
	if err != nil {
		r.diags.Errorf(diag.Pos{Path: doc.Path}, "rendering Markdown: %v", err)
		return ""
	}
	return template.HTML(b) // package markup renders in safe mode: raw HTML already omitted
}

// assets copies the theme's and the content's static files; the content's
// win. style.css is the theme's stylesheet; code.css the code colours,
// which only pages with highlighted code link (Page.Styles).
func (r *shared) assets(o *sink) error {
	if err := o.WriteFile("style.css", r.theme.CSS()); err != nil {
		return err
	}
	if err := o.WriteFile("code.css", []byte("/* Code highlighting (chroma) */\n"+r.md.CSS())); err != nil {
		return err
	}
	n := 2
	if b := r.basemap.Outline(); b != nil {
		if err := o.WriteFile(svg.OutlinePath, b); err != nil {
			return err
		}
		n++
	}
	own := map[string]bool{}
	for _, p := range r.site.Static {
		own[p] = true
	}
	for _, p := range r.theme.StaticFiles() {
		if own[p] {
			continue
		}
		b, err := r.theme.Static(p)
		if err != nil {
			return err
		}
		if err := o.WriteFile(p, b); err != nil {
			return err
		}
		n++
	}
	o.files += n
	return nil
}

// NavItem is one entry of the site navigation.
type NavItem struct {
	Title string
	URL   string
	// Lang is the language of Title when it is not the edition's: the
	// original title of a page the edition has no translation of, marked
	// so that readers and screen readers know it is not the interface.
	Lang string
}

// localizer is the interface language of edition e's pages: its
// language, in its digits, falling back to the default edition's.
func (r *renderer) localizer(e config.Edition) *i18n.Localizer {
	return r.theme.Catalogue().Localizer(e.Lang, e.Digits, r.shared.site.Config.Editions[0].Lang)
}

// navigation is the edition's: its URLs are relative to the edition's
// root, as Page.Link takes them.
func (r *renderer) navigation() []NavItem {
	var nav []NavItem
	if len(r.site.Records) > 0 {
		nav = append(nav, NavItem{Title: r.ui.T("nav.shutdowns"), URL: "records/"})
	}
	nav = append(nav, NavItem{Title: r.ui.T("nav.reports"), URL: "reports/"})
	for _, k := range r.site.Kinds {
		nav = append(nav, NavItem{Title: k.Title, URL: k.URL})
	}
	nav = append(nav, NavItem{Title: r.ui.T("nav.timeline"), URL: "timeline/"}, NavItem{Title: r.ui.T("nav.data"), URL: "data/"}, NavItem{Title: r.ui.T("nav.search"), URL: "search/"})
	for _, p := range r.site.Pages {
		if p.Menu != 0 {
			t := p.In(r.ed.Lang)
			item := NavItem{Title: t.Title, URL: p.URL}
			if !t.Translated && !strings.EqualFold(t.Lang, r.ed.Lang) {
				item.Lang = t.Lang
			}
			nav = append(nav, item)
		}
	}
	return nav
}

// ReportPage lays out one report's page alone, in the default edition, for
// `gazette serve` to show an edit at once; rep comes from
// site.Site.Report. It returns the page's output path and HTML.
func ReportPage(s *site.Site, t *theme.Theme, md *markup.Markdown, rep *site.Report, diags *diag.List) (string, []byte, error) {
	sh := &shared{site: s, theme: t, md: md, diags: diags, frags: &fragments{}}
	sh.basemap = svg.NewBasemap(s)
	sh.axis = svg.NewTimeAxis(s.Events)
	sh.tl = &timeline.Plan{}
	r := newRenderer(sh, s.Config.Editions[0])
	p := r.report(rep)
	var buf bytes.Buffer
	if err := execute(t, &buf, "report", p); err != nil {
		return "", nil, err
	}
	return p.File(), buf.Bytes(), nil
}
