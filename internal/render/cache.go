package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"

	"gazette/internal/site"
	"gazette/internal/spill"
)

// Fragment is what a cached partial receives: its data, and of the page
// only what every page at the same depth and in the same language shares.
// A partial that can only see these gives the same HTML on all such pages,
// so it is executed once for them all (see Page.Cached).
type Fragment struct {
	Data       any
	Site       *site.Site
	Nav        []NavItem
	Lang       string // the page's language
	Dir        string // "rtl" or "ltr", the direction of Lang
	ChromeLang string // the site's language when the page's differs, else ""
	ChromeDir  string // the site's direction when it differs from Dir, else ""

	page     *Page  // for Cached and Partial inside a fragment
	prefix   string // how links leave the page: "../../", or base_url on 404.html
	notFound bool   // on 404.html, links go to base_url's directories as they are
}

// Link returns the URL of the page at directory url (relative to the site
// root) as seen from the pages this fragment is on.
func (f *Fragment) Link(url string) string {
	if f.notFound {
		return f.prefix + url
	}
	return f.prefix + url + "index.html"
}

// Asset returns the URL of the file at path (relative to the site root) as
// seen from the pages this fragment is on.
func (f *Fragment) Asset(path string) string { return f.prefix + path }

// ItemLang is Page.ItemLang.
func (f *Fragment) ItemLang(rep *site.Report) string {
	return itemLang(rep, f.Lang, f.Site.Config.Language)
}

// Cached is Page.Cached, for a partial inside a cached one.
func (f *Fragment) Cached(name string, data any) (template.HTML, error) {
	return f.page.Cached(name, data)
}

// CachedEach is Page.CachedEach, for a partial inside a cached one.
func (f *Fragment) CachedEach(name string, list any) (template.HTML, error) {
	return f.page.CachedEach(name, list)
}

// Partial is Page.Partial, for a partial inside a cached one.
func (f *Fragment) Partial(name string, data any) (template.HTML, error) {
	return f.page.Partial(name, data)
}

// fragmentKey identifies a cached fragment: its data, and a number for
// the rest (see context).
type fragmentKey struct {
	ctx  uint32
	data any
}

// fragmentContext is what a fragment's HTML depends on besides its data:
// the partial, the parts of the page it can see, and the layouts whose own
// partials it may use (Theme.variant). A site has a handful of them, so
// each is numbered once and a key holds the number.
type fragmentContext struct {
	name, prefix, lang string
	variant            int
}

// fragment is a cached fragment's HTML, in memory or in the spill file.
type fragment struct {
	html    template.HTML
	ref     spill.Ref
	spilled bool
}

// fragments caches the HTML of partials executed through Page.Cached. The
// first maxFragmentBytes of it are kept in memory; past that, when a spill
// file is given, the HTML waits there (a read from the page cache is still
// far cheaper than laying the partial out again), else it is made anew
// each time. A 100,000-report site repeats some 300 MB of fragments in
// half a million keys, so a key is small: a number and a pointer.
type fragments struct {
	mu    sync.RWMutex
	m     map[fragmentKey]fragment
	ctxs  map[fragmentContext]uint32
	bytes int64       // HTML held in memory
	max   int64       // bytes kept in memory; 0 is maxFragmentBytes
	spill *spill.File // nil: only memory
	bufs  sync.Pool
}

const maxFragmentBytes = 8 << 20

// context numbers fc, once.
func (c *fragments) context(fc fragmentContext) uint32 {
	c.mu.RLock()
	n, ok := c.ctxs[fc]
	c.mu.RUnlock()
	if ok {
		return n
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.ctxs[fc]; ok {
		return n
	}
	if c.ctxs == nil {
		c.ctxs = map[fragmentContext]uint32{}
	}
	n = uint32(len(c.ctxs))
	c.ctxs[fc] = n
	return n
}

func (c *fragments) load(key fragmentKey) (template.HTML, bool) {
	c.mu.RLock()
	v, ok := c.m[key]
	c.mu.RUnlock()
	switch {
	case !ok:
		return "", false
	case !v.spilled:
		return v.html, true
	}
	h, err := c.spill.GetString(v.ref)
	return template.HTML(h), err == nil
}

func (c *fragments) store(key fragmentKey, h template.HTML) {
	c.mu.RLock()
	inMemory := c.bytes < cmp.Or(c.max, maxFragmentBytes)
	c.mu.RUnlock()
	v := fragment{html: h}
	if !inMemory {
		if c.spill == nil {
			return
		}
		ref, err := c.spill.PutString(string(h))
		if err != nil {
			return
		}
		v = fragment{ref: ref, spilled: true}
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[fragmentKey]fragment{}
	}
	if _, dup := c.m[key]; !dup {
		c.m[key] = v
		if !v.spilled {
			c.bytes += int64(len(h))
		}
	}
	c.mu.Unlock()
}

// Cached executes the partial template name with a Fragment holding data,
// and returns its HTML. The HTML is kept and reused on every page at the
// same depth and in the same language, so a partial listed on thousands of
// pages, such as a report's entry in a list, is laid out once. data must
// be comparable (a pointer, a string, a number); the partial sees only the
// Fragment, never the page itself.
func (p *Page) Cached(name string, data any) (template.HTML, error) {
	if data != nil && !reflect.ValueOf(data).Comparable() {
		return "", fmt.Errorf("Cached %q: data of type %T cannot be a cache key; pass a pointer, a string or a number", name, data)
	}
	f := p.fragment()
	c := p.frags
	key := fragmentKey{ctx: c.context(fragmentContext{name, f.prefix, f.Lang, p.variant}), data: data}
	if h, ok := c.load(key); ok {
		return h, nil
	}
	h, err := p.execute(name, data)
	if err != nil {
		return "", err
	}
	c.store(key, h)
	return h, nil
}

// CachedEach is Cached for each item of list (a slice), joined, each item
// on a line of its own: what a {{range}} of Cached calls gives, one call
// instead of one per item.
func (p *Page) CachedEach(name string, list any) (template.HTML, error) {
	return each(name, list, p.Cached)
}

// PartialEach is CachedEach with Partial.
func (p *Page) PartialEach(name string, list any) (template.HTML, error) {
	return each(name, list, p.Partial)
}

func each(name string, list any, one func(string, any) (template.HTML, error)) (template.HTML, error) {
	v := reflect.ValueOf(list)
	if !v.IsValid() {
		return "", nil
	}
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return "", fmt.Errorf("%q for each of a %T: want a list", name, list)
	}
	var b strings.Builder
	for i := range v.Len() {
		h, err := one(name, v.Index(i).Interface())
		if err != nil {
			return "", err
		}
		b.WriteByte('\n')
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// Partial executes the partial template name with a Fragment holding
// data, as Cached does, but keeps nothing: for what only one page shows.
func (p *Page) Partial(name string, data any) (template.HTML, error) {
	return p.execute(name, data)
}

// maxPartialDepth bounds partials laid out one inside another, as
// text/template bounds its own recursion, so that a partial that calls
// itself is an error and not a stack overflow.
const maxPartialDepth = 100

func (p *Page) execute(name string, data any) (template.HTML, error) {
	if p.depth >= maxPartialDepth {
		return "", fmt.Errorf("partial %q: more than %d partials one inside another; does it call itself?", name, maxPartialDepth)
	}
	p.depth++
	defer func() { p.depth-- }()
	fd := *p.fragment()
	fd.Data = data
	buf, _ := p.frags.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	defer p.frags.bufs.Put(buf)
	if err := p.tmpl.ExecuteTemplate(buf, name, &fd); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// fragment is the part of p that a cached partial may see, made once per
// page.
func (p *Page) fragment() *Fragment {
	if p.frag != nil {
		return p.frag
	}
	f := &Fragment{Site: p.Site, Nav: p.Nav, Lang: p.Lang, Dir: p.Dir(), notFound: p.notFound, page: p,
		ChromeLang: p.ChromeLang, ChromeDir: p.ChromeDir}
	if p.notFound {
		f.prefix = p.base()
	} else {
		f.prefix = site.RelFile(p.URL, "")
	}
	p.frag = f
	return f
}
