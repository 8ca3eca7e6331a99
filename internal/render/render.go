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
// out partials and keeps their HTML; funcs.go and words.go are what
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
	sh := &shared{site: s, theme: t, md: md, w: w, diags: diags, frags: &fragments{Fragments: theme.Fragments{Spill: opts.Spill}}}
	t.CheckMessages(s.Config.Langs(), diags)
	sh.basemap = svg.NewBasemap(s)
	sh.axis = svg.NewTimeAxis(s.Events)
	sh.tl = timeline.New(s)

	var jobs []func() error
	for _, ed := range s.Config.Editions {
		jobs = append(jobs, newRenderer(sh, ed).jobs()...)
	}
	jobs = append(jobs, sh.assets, sh.sitemap, sh.data)

	errs := make([]error, len(jobs))
	parallel.For(len(jobs), func(i int) { errs[i] = jobs[i]() })
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
	r.words = words{loc: r.ui, said: &said{}}
	r.site = sh.site.In(ed.Lang)
	r.basemap = sh.basemap.In(ed.Lang)
	r.labels = svg.LabelsFrom(r.site, r.ui)
	r.labels.HeadingLang = func(rec *site.Record) string { return recordLang(r.site, ed, rec) }
	r.nav = r.navigation()
	return r
}

// jobs are the jobs that write the edition's pages, search index and
// feeds. Pages are laid out inside their jobs, so that only the pages
// being written are in memory, not all of them. The jobs that take
// longest, the indexes of the whole site, go first, so that no core waits
// for one of them at the end.
func (r *renderer) jobs() []func() error {
	s := r.site
	var jobs []func() error
	page := func(layout string, p func() *Page) {
		jobs = append(jobs, func() error { return r.page(layout, p()) })
	}
	jobs = append(jobs, r.searchIndex)
	jobs = append(jobs, r.listJobs()...) // reports, timeline, records: see paginate.go
	jobs = append(jobs, r.feeds()...)
	page("search", func() *Page { return r.search() })
	page("home", func() *Page { return r.home() })
	for _, rep := range s.Reports {
		page("report", func() *Page { return r.report(rep) })
	}
	for _, k := range s.Kinds {
		page("entities", func() *Page { return r.entities(k) })
		for _, e := range k.Entities {
			jobs = append(jobs, r.entityJobs(e)...)
		}
	}
	for _, p := range s.Pages {
		page("page", func() *Page { return r.standalone(p) })
	}
	for _, rec := range s.Records {
		page("record", func() *Page { return r.record(rec) })
	}
	page("data", func() *Page { return r.dataPage() })
	page("404", func() *Page { return r.notFound() })
	return jobs
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
	words  words      // what pages and fragments say through ui, with what they keep of it
	labels svg.Labels // the words on the chart and the strips, from ui
}

// shared is what the renderers of every edition share: the site, the
// theme, the output and the cache of fragments.
type shared struct {
	site  *site.Site
	theme *theme.Theme
	md    *markup.Markdown
	w     output.Writer
	diags *diag.List

	basemap *svg.Basemap   // nil when no place has coordinates
	axis    svg.TimeAxis   // the span of the site's events, shared by the strips
	tl      *timeline.Plan // the timeline's years and pages
	frags   *fragments     // the HTML of cached partials, shared by all pages
	bufs    sync.Pool      // *bytes.Buffer, for pages being laid out

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
func (r *renderer) page(layout string, p *Page) error {
	// A map's dots are one stop in the tab order, entered with Tab and
	// moved through with the arrow keys (map.js), so that the keyboard
	// reaches what comes after a map without passing every place on it.
	if p.Map != nil || p.RecordMap != nil {
		p.Scripts = append(p.Scripts, "map.js")
	}
	if streamed(layout) {
		return r.streamPage(layout, p)
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
	r.count(1, 1)
	return r.w.WriteFile(p.File(), buf.Bytes())
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
func (r *renderer) streamPage(layout string, p *Page) error {
	f, err := output.Create(r.w, p.File())
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
	r.count(1, 1)
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
func (r *shared) file(name string, data []byte) error {
	r.count(0, 1)
	return r.w.WriteFile(name, data)
}

// feeds are the jobs that write the edition's feed and one per entity.
func (r *renderer) feeds() []func() error {
	s, ed := r.site, r.ed
	jobs := []func() error{func() error { return r.file(feeds.Path(ed.Root()), feeds.Site(s, ed)) }}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			jobs = append(jobs, func() error { return r.file(feeds.Path(ed.Root()+e.URL), feeds.Entity(s, ed, e)) })
		}
	}
	return jobs
}

// sitemap writes robots.txt and sitemap.xml, which lists every edition's
// pages.
func (r *shared) sitemap() error {
	if err := r.file("robots.txt", feeds.Robots(r.site)); err != nil {
		return err
	}
	return r.file("sitemap.xml", feeds.Sitemap(r.site))
}

// searchIndex writes the files of the edition's search index, under its
// root.
func (r *renderer) searchIndex() error {
	n, err := searchindex.Write(r.site, r.ed, r.ui, r.w, r.diags)
	r.count(0, n)
	return err
}

// data writes the open data files.
func (r *shared) data() error {
	lang := r.site.Config.Editions[0].Lang
	n, err := export.Write(r.site, r.w, r.theme.Catalogue().Localizer(lang, "", lang))
	r.count(0, n)
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
func (r *shared) assets() error {
	if err := r.w.WriteFile("style.css", r.theme.CSS()); err != nil {
		return err
	}
	if err := r.w.WriteFile("code.css", []byte("/* Code highlighting (chroma) */\n"+r.md.CSS())); err != nil {
		return err
	}
	n := 2
	if b := r.basemap.Outline(); b != nil {
		if err := r.w.WriteFile(svg.OutlinePath, b); err != nil {
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
		if err := r.w.WriteFile(p, b); err != nil {
			return err
		}
		n++
	}
	r.count(0, n)
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
