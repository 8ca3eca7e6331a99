package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"sync"

	"gazette/internal/config"
	"gazette/internal/render/say"
	"gazette/internal/site"
	"gazette/internal/theme"
	"gazette/internal/urlpath"
)

// Fragment is what every partial receives: the value the layout or partial
// that called it gave it (Data), and of the page only what every page at
// the same depth, in the same language and interface language shares: the
// site, the navigation, the languages and direction, the interface's
// words, and links as seen from there.
// A partial sees nothing else, so it gives the same HTML for the same data
// on all such pages, and the renderer may lay it out once for them all
// (see theme.Cached): the theme never has to say so.
type Fragment struct {
	Data       any
	Site       *site.Site
	Nav        []NavItem
	Lang       string // the page's language: its edition's
	Dir        string // "rtl" or "ltr", the direction of Lang
	UILang     string // the interface language: the edition's, in which T, Date and the like answer
	Edition    config.Edition
	ChromeLang string // always "": see Page.ChromeLang
	ChromeDir  string // always ""

	say.Words // T, HTML, Date, When, Num, StatusText, StartText (package say)

	page     *Page  // for Partial inside a partial
	prefix   string // how links leave the page for the site root: "../../", or base_url on 404.html
	inside   string // how they leave it for its edition's root: "../../", "../../ar/" on 404.html
	notFound bool   // on 404.html, links go to base_url's directories as they are
}

// Link returns the URL of the page at directory url (relative to the site
// root) as seen from the pages this fragment is on.
func (f *Fragment) Link(url string) string {
	if f.notFound {
		return f.inside + url
	}
	return f.inside + url + "index.html"
}

// SiteFeed is Page.SiteFeed.
func (f *Fragment) SiteFeed() string { return f.page.SiteFeed() }

// Asset returns the URL of the file at path (relative to the site root) as
// seen from the pages this fragment is on.
func (f *Fragment) Asset(path string) string { return f.prefix + path }

// Partial is Page.Partial, for a partial inside another: {{.Partial "name" data}}.
func (f *Fragment) Partial(name string, data any) (template.HTML, error) {
	return f.page.Partial(name, data)
}

// PartialEach is Page.PartialEach, for a partial inside another.
func (f *Fragment) PartialEach(name string, list any) (template.HTML, error) {
	return f.page.PartialEach(name, list)
}

// Cached is Partial.
//
// Deprecated: themes once chose which partials were cached; the renderer
// now does (see theme.Cached). Kept so that layouts written before still build.
func (f *Fragment) Cached(name string, data any) (template.HTML, error) {
	return f.page.Partial(name, data)
}

// CachedEach is PartialEach.
//
// Deprecated: see Cached.
func (f *Fragment) CachedEach(name string, list any) (template.HTML, error) {
	return f.page.PartialEach(name, list)
}

// fragments is what the pages of one render share to lay out partials:
// the HTML kept of them (theme.Fragments), and buffers to lay them out in.
type fragments struct {
	theme.Fragments
	bufs sync.Pool
}

// fragmentContext is what a fragment's HTML depends on besides its data:
// the partial, the parts of the page it can see (its edition is its
// language), and the layouts whose own partials it may use
// (theme.Theme.Layout's variant).
type fragmentContext struct {
	name, prefix, lang, uiLang string
	variant                    int
}

// Partial lays out the partial template name, giving it a Fragment that
// holds data, and returns its HTML: layouts call it as
// {{$.Partial "report-item" .}}, or with nil for a partial that needs no
// data. Whether the HTML is kept for other pages is decided by theme.Cached,
// not by the layouts; data that cannot be a map key (a list, a dict) is
// never kept. It takes exactly one value, not a variadic list: text/template
// calls a variadic method with two more allocations, and a page makes
// hundreds of these calls.
func (p *Page) Partial(name string, data any) (template.HTML, error) {
	if !theme.Cached(name) || !keyable(data) {
		return p.execute(name, data)
	}
	f := p.fragment()
	c := p.frags
	key := c.Key(fragmentContext{name, f.prefix, f.Lang, f.UILang, p.variant}, data)
	if h, ok := c.Load(key); ok {
		return h, nil
	}
	h, err := p.execute(name, data)
	if err != nil {
		return "", err
	}
	c.Store(key, h)
	return h, nil
}

// keyable reports whether a partial's HTML for data may be kept under it:
// data that cannot be a map key (a list, a dict) cannot, nor a partial's
// own Fragment passed on ({{.Partial "x" .}}), which execute reuses for
// the page's next partial, so that the same pointer then holds other data.
func keyable(data any) bool {
	if _, ok := data.(*Fragment); ok {
		return false
	}
	return data == nil || reflect.ValueOf(data).Comparable()
}

// PartialEach is Partial for each item of list (a slice), joined, each item
// on a line of its own: what a {{range}} of Partial calls gives, one call
// instead of one per item.
func (p *Page) PartialEach(name string, list any) (template.HTML, error) {
	v := reflect.ValueOf(list)
	if !v.IsValid() {
		return "", nil
	}
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return "", fmt.Errorf("PartialEach %q of a %T: want a list", name, list)
	}
	// The items' HTML is joined once its length is known: growing the
	// result as it goes copied a long list's HTML several times.
	hs := make([]template.HTML, v.Len())
	n := 0
	for i := range hs {
		h, err := p.Partial(name, v.Index(i).Interface())
		if err != nil {
			return "", err
		}
		hs[i] = h
		n += 1 + len(h)
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range hs {
		b.WriteByte('\n')
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// Cached is Partial.
//
// Deprecated: see Fragment.Cached.
func (p *Page) Cached(name string, data any) (template.HTML, error) {
	return p.Partial(name, data)
}

// CachedEach is PartialEach.
//
// Deprecated: see Fragment.Cached.
func (p *Page) CachedEach(name string, list any) (template.HTML, error) {
	return p.PartialEach(name, list)
}

// execute lays out p with the theme's layout: the layout's template set
// becomes the page's, for Partial.
func execute(t *theme.Theme, w io.Writer, layout string, p *Page) error {
	tmpl, variant := t.Layout(layout)
	if tmpl == nil {
		return fmt.Errorf("theme has no layout %q", layout)
	}
	p.prepare(tmpl, variant)
	return tmpl.Execute(w, p)
}

// maxPartialDepth bounds partials laid out one inside another, as
// text/template bounds its own recursion, so that a partial that calls
// itself is an error and not a stack overflow.
const maxPartialDepth = 100

func (p *Page) execute(name string, data any) (template.HTML, error) {
	if p.depth >= maxPartialDepth {
		return "", fmt.Errorf("partial %q: more than %d partials one inside another; does it call itself?", name, maxPartialDepth)
	}
	// A Fragment for each depth of partials, kept for the page's next
	// partial at that depth: text/template keeps no hold of its data once
	// it returns, and a page lays out hundreds of partials.
	if len(p.fds) <= p.depth {
		p.fds = append(p.fds, new(Fragment))
	}
	fd := p.fds[p.depth]
	*fd = *p.fragment()
	fd.Data = data
	p.depth++
	defer func() { p.depth-- }()
	buf, _ := p.frags.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	defer p.frags.bufs.Put(buf)
	if err := p.tmpl.ExecuteTemplate(buf, name, fd); err != nil {
		if p.tmpl.Lookup(name) == nil {
			return "", fmt.Errorf("there is no partial %q: no file layouts/partials/%s.html defines it", name, name)
		}
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// fragment is the part of p that a partial sees, made once per page.
func (p *Page) fragment() *Fragment {
	if p.frag != nil {
		return p.frag
	}
	f := &Fragment{Site: p.Site, Nav: p.Nav, Lang: p.Lang, Dir: p.Dir(), UILang: p.UILang, Edition: p.Edition,
		notFound: p.notFound, page: p, ChromeLang: p.ChromeLang, ChromeDir: p.ChromeDir, Words: p.Words}
	if p.notFound {
		f.prefix = p.base()
		f.inside = f.prefix + p.Edition.Root()
	} else {
		f.prefix = urlpath.File(p.URL, "")
		f.inside = urlpath.File(p.path, "")
	}
	p.frag = f
	return f
}
