// Package render is gazette's page stage: it lays the resolved site out as
// files, through the theme's html/template layouts.
//
// Input: a *site.Site and a Theme. Output: every file of the site, handed to
// a Writer as it is made. Go code here computes what a page shows (lists,
// groups, counts, metadata); the templates only arrange it, so a theme can
// restyle every page without touching Go.
package render

import (
	"bufio"
	"bytes"
	"html/template"
	"io"
	"io/fs"
	"slices"
	"sync"

	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/site"
	"gazette/internal/spill"
)

// Writer receives the files of the site. WriteFile is called from several
// goroutines at once; path is slash-separated and relative to the output
// root. data is only lent: the renderer reuses it once WriteFile returns.
type Writer interface {
	WriteFile(path string, data []byte) error
}

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

// Render writes every page and file of s to w. Problems in the theme are
// reported to diags; an error is returned only when writing fails.
func Render(s *site.Site, t *Theme, md *markup.Markdown, w Writer, opts Options, diags *diag.List) (Stats, error) {
	if len(s.Static) > 0 {
		w = newShadowed(w, s.Static, diags)
	}
	r := &renderer{site: s, theme: t, md: md, w: w, diags: diags, frags: &fragments{spill: opts.Spill}}
	r.nav = r.navigation()
	r.basemap = newBasemap(s)
	r.axis = newTimeAxis(s.Events)

	// Pages are laid out inside their jobs, so that only the pages being
	// written are in memory, not all of them. The jobs that take longest,
	// the indexes of the whole site, go first, so that no core waits for
	// one of them at the end.
	var jobs []func() error
	page := func(layout string, p func() *Page) {
		jobs = append(jobs, func() error { return r.page(layout, p()) })
	}
	jobs = append(jobs, r.searchIndex)
	page("timeline", func() *Page { return r.timeline() })
	jobs = append(jobs, r.feeds()...)
	page("reports", func() *Page { return r.reportsIndex() })
	page("search", func() *Page { return r.search() })
	page("home", func() *Page { return r.home() })
	for _, rep := range s.Reports {
		page("report", func() *Page { return r.report(rep) })
	}
	for _, k := range s.Kinds {
		page("entities", func() *Page { return r.entities(k) })
		for _, e := range k.Entities {
			page("entity", func() *Page { return r.entity(e) })
		}
	}
	for _, p := range s.Pages {
		page("page", func() *Page { return r.standalone(p) })
	}
	if len(s.Records) > 0 {
		page("records", func() *Page { return r.recordsIndex() })
	}
	for _, rec := range s.Records {
		page("record", func() *Page { return r.record(rec) })
	}
	page("data", func() *Page { return r.dataPage() })
	page("404", func() *Page { return r.notFound() })
	jobs = append(jobs, r.assets, r.sitemap, r.data)

	errs := make([]error, len(jobs))
	site.Parallel(len(jobs), func(i int) { errs[i] = jobs[i]() })
	for _, err := range errs {
		if err != nil {
			return r.stats, err
		}
	}
	return r.stats, nil
}

type renderer struct {
	site  *site.Site
	theme *Theme
	md    *markup.Markdown
	w     Writer
	diags *diag.List
	nav   []NavItem

	basemap *basemap   // nil when no place has coordinates
	axis    timeAxis   // the span of the site's events, shared by the strips
	frags   *fragments // the HTML of cached partials, shared by all pages
	bufs    sync.Pool  // *bytes.Buffer, for pages being laid out

	mu    sync.Mutex
	stats Stats
}

func (r *renderer) count(pages, files int) {
	r.mu.Lock()
	r.stats.Pages += pages
	r.stats.Files += files
	r.mu.Unlock()
}

// page executes a layout and writes the page to <p.URL>index.html (or to
// 404.html).
func (r *renderer) page(layout string, p *Page) error {
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
	if err := r.theme.execute(buf, layout, p); err != nil {
		r.theme.execError(r.diags, layout, p.File(), err)
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
	f, err := Create(r.w, p.File())
	if err != nil {
		return err
	}
	fw := &firstError{w: f}
	bw := bufio.NewWriterSize(fw, 64<<10)
	if err := r.theme.execute(bw, layout, p); err != nil {
		f.Close()
		if fw.err != nil {
			return fw.err // the disk, not the theme
		}
		r.theme.execError(r.diags, layout, p.File(), err)
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

// body renders a parsed Markdown body.
func (r *renderer) body(doc *markup.Doc) template.HTML {
	if doc == nil {
		return ""
	}
	b, err := r.md.HTML(doc)
	if err != nil {
		r.diags.Errorf(diag.Pos{Path: doc.Path}, "rendering Markdown: %v", err)
		return ""
	}
	return template.HTML(b) // goldmark in safe mode: raw HTML already omitted
}

// assets copies the theme's and the content's static files; the content's
// win. style.css is the theme's stylesheet followed by the code colours.
func (r *renderer) assets() error {
	css := append(bytes.Clone(r.theme.css), "\n/* Code highlighting (chroma) */\n"...)
	css = append(css, r.md.CSS()...)
	if err := r.w.WriteFile("style.css", css); err != nil {
		return err
	}
	n := 1
	own := map[string]bool{}
	for _, p := range r.site.Static {
		own[p] = true
	}
	for _, p := range r.theme.staticFiles() {
		if own[p] {
			continue
		}
		b, err := fs.ReadFile(r.theme.static[p], "static/"+p)
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

// StaticCopier is implemented by writers that can copy a content file
// without reading it into memory.
type StaticCopier interface {
	CopyFile(dst string, src fs.FS, srcPath string) error
}

// Creator is implemented by writers that can take a file as a stream, so
// that a large file (the open data, a page listing every report) is
// written as it is made instead of being held whole in memory.
type Creator interface {
	Create(path string) (io.WriteCloser, error)
}

// CopyFile copies srcPath of src to dst on w: with w's CopyFile when it
// has one, else through memory.
func CopyFile(w Writer, dst string, src fs.FS, srcPath string) error {
	if c, ok := w.(StaticCopier); ok {
		return c.CopyFile(dst, src, srcPath)
	}
	b, err := fs.ReadFile(src, srcPath)
	if err != nil {
		return err
	}
	return w.WriteFile(dst, b)
}

// Create opens path on w for streaming: with w's Create when it has one,
// else into a buffer that Close hands to WriteFile.
func Create(w Writer, path string) (io.WriteCloser, error) {
	if c, ok := w.(Creator); ok {
		return c.Create(path)
	}
	return &bufferedFile{w: w, path: path}, nil
}

type bufferedFile struct {
	bytes.Buffer
	w    Writer
	path string
}

func (f *bufferedFile) Close() error { return f.w.WriteFile(f.path, f.Bytes()) }

// shadowed is the Writer of a site with static/ files: it warns at each
// static file that will replace a file the site makes itself (the home
// page, style.css, a feed), which CopyStatic writes after the render. It
// looks each written name up among the static files, so it costs no
// memory however large the site. The theme's static files are meant to be
// replaced by the content's, and are not written here when they are.
type shadowed struct {
	w      Writer
	static map[string]bool
	diags  *diag.List
}

func newShadowed(w Writer, static []string, diags *diag.List) *shadowed {
	set := make(map[string]bool, len(static))
	for _, p := range static {
		set[p] = true
	}
	return &shadowed{w, set, diags}
}

func (s *shadowed) check(name string) {
	if s.static[name] {
		s.diags.Warnf(diag.Pos{Path: "static/" + name}, "this file replaces the %s that gazette makes; rename or move it, unless replacing it is what you mean", name)
	}
}

func (s *shadowed) WriteFile(name string, data []byte) error {
	s.check(name)
	return s.w.WriteFile(name, data)
}

// Create keeps the underlying writer's streaming.
func (s *shadowed) Create(name string) (io.WriteCloser, error) {
	s.check(name)
	return Create(s.w, name)
}

// CopyStatic copies the content's static/ files.
func CopyStatic(s *site.Site, content fs.FS, w Writer) (int, error) {
	for _, p := range s.Static {
		if err := CopyFile(w, p, content, "static/"+p); err != nil {
			return 0, err
		}
	}
	return len(s.Static), nil
}

// NavItem is one entry of the site navigation.
type NavItem struct {
	Title string
	URL   string
}

func (r *renderer) navigation() []NavItem {
	var nav []NavItem
	if len(r.site.Records) > 0 {
		nav = append(nav, NavItem{"Shutdowns", "records/"})
	}
	nav = append(nav, NavItem{"Reports", "reports/"})
	for _, k := range r.site.Kinds {
		nav = append(nav, NavItem{k.Title, k.URL})
	}
	nav = append(nav, NavItem{"Timeline", "timeline/"}, NavItem{"Data", "data/"}, NavItem{"Search", "search/"})
	for _, p := range r.site.Pages {
		if p.Menu != 0 {
			nav = append(nav, NavItem{p.Title, p.URL})
		}
	}
	return nav
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ReportPage lays out one report's page alone, for `gazette serve` to show
// an edit at once; rep comes from site.Site.Report. It returns the page's
// output path and HTML.
func ReportPage(s *site.Site, t *Theme, md *markup.Markdown, rep *site.Report, diags *diag.List) (string, []byte, error) {
	r := &renderer{site: s, theme: t, md: md, diags: diags}
	r.nav = r.navigation()
	r.basemap = newBasemap(s)
	r.axis = newTimeAxis(s.Events)
	r.frags = &fragments{}
	p := r.report(rep)
	var buf bytes.Buffer
	if err := t.execute(&buf, "report", p); err != nil {
		return "", nil, err
	}
	return p.File(), buf.Bytes(), nil
}
