// Package linkcheck checks the links of a rendered site, as htmltest or
// lychee --offline do, but built in: it is part of `gazette check`.
//
// Input: the site's files by slash-separated path (what the render stage
// wrote, kept in memory) and, to point at the right line, the content
// folder. Output: a diagnostic for every internal href or src that names no
// file of the site and every #fragment that names no id in its page. Links
// with a scheme (https:, mailto:) and protocol-relative links are external
// and not checked.
//
// A broken link is reported where it was written when that can be found:
// at the Markdown link in the content file the page was made from
// (reports/<slug>/index.html comes from reports/<slug>.md, cities/<id>/
// from cities/<id>.md, <slug>/ from pages/<slug>.md), or in the file of
// static/ that was copied. A link the theme made is reported at the
// rendered page, under public/.
package linkcheck

import (
	"bytes"
	"html"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"gazette/internal/diag"
	"gazette/internal/parallel"
)

// Check checks every HTML file of files. content is the content folder, read
// to find where a broken link was written; it may be nil.
func Check(files map[string][]byte, content fs.FS) []diag.Diagnostic {
	pages := make([]string, 0, len(files))
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	slices.Sort(pages)
	// One pass over each page finds its links and its ids; then every link
	// is checked. Both steps run on every CPU: a large site's pages add up
	// to hundreds of megabytes.
	c := &checker{files: files, content: content, pages: map[string]*page{}}
	parsed := make([]*page, len(pages))
	parallel.For(len(pages), func(i int) { parsed[i] = scan(files[pages[i]]) })
	for i, name := range pages {
		c.pages[name] = parsed[i]
	}
	var diags diag.List
	parallel.For(len(pages), func(i int) { c.page(pages[i], &diags) })
	return diags.Sorted()
}

type checker struct {
	files   map[string][]byte
	content fs.FS
	pages   map[string]*page // read-only once built
}

// page is what one HTML page holds that the checker needs.
type page struct {
	links []attr
	ids   map[string]bool
	dups  []attr // an id given to an element that an earlier one has
}

// attr is a link attribute's value, unescaped, and where it is.
type attr struct {
	value  string
	offset int
}

// scan finds the href, src, id and name attributes of an HTML page. The
// render stage writes every attribute with double quotes (html/template
// and package markup both do) and escapes a double quote in text, so ="…"
// preceded by an attribute name is always an attribute.
func scan(data []byte) *page {
	p := &page{ids: map[string]bool{}}
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte(`="`))
		if j < 0 {
			return p
		}
		eq := i + j
		start := eq + 2
		end := bytes.IndexByte(data[start:], '"')
		if end < 0 {
			return p
		}
		end += start
		i = end + 1
		n := eq
		for n > 0 && (data[n-1] >= 'a' && data[n-1] <= 'z' || data[n-1] == '-') {
			n--
		}
		if n == 0 || !isSpace(data[n-1]) {
			continue
		}
		switch string(data[n:eq]) {
		case "href", "src":
			p.links = append(p.links, attr{html.UnescapeString(string(data[start:end])), start})
		case "id", "name":
			id := html.UnescapeString(string(data[start:end]))
			if p.ids[id] && string(data[n:eq]) == "id" {
				p.dups = append(p.dups, attr{id, start})
			}
			p.ids[id] = true
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// page checks the links and the ids of one page. An id given to two
// elements is a warning: a link to it lands on the first, whichever it
// meant. Markdown bodies cannot cause one (their heading ids start with
// "h-"); a theme's layouts, or a page in static/, can.
func (c *checker) page(name string, diags *diag.List) {
	for _, d := range c.pages[name].dups {
		pos := diag.NewLines("public/"+name, c.files[name]).Pos(d.offset)
		pos.Root = diag.Project // public/ is beside content/, not in it
		if file := "static/" + name; c.content != nil && isFile(c.content, file) {
			pos.Path, pos.Root = file, diag.Content
		}
		diags.Warnf(pos, "duplicate id %q: a link to #%s lands on the first element with it, not on this one", d.value, d.value)
	}
	seen := map[string]bool{}
	for _, a := range c.pages[name].links {
		if seen[a.value] {
			continue // one report per link and page
		}
		seen[a.value] = true
		if msg := c.link(name, a.value); msg != "" {
			pos, where := c.source(name, a.value, a.offset)
			diags.Errorf(pos, "broken link %q: %s%s", a.value, msg, where)
		}
	}
}

// link checks one link of page and says what is wrong with it, or "".
func (c *checker) link(page, link string) string {
	if link == "" || external(link) {
		return ""
	}
	rest, frag, hasFrag := strings.Cut(link, "#")
	rest, _, _ = strings.Cut(rest, "?")
	target := page
	if rest != "" {
		p, err := url.PathUnescape(rest)
		if err != nil {
			return "malformed percent-encoding"
		}
		if strings.HasPrefix(p, "/") {
			target = path.Clean(p[1:]) // 404.html links from the site root
		} else {
			target = path.Join(path.Dir(page), p)
		}
		if strings.HasSuffix(p, "/") || target == "." {
			target = path.Join(target, "index.html") // what a host serves
		}
		target = strings.TrimPrefix(target, "./")
		if target == ".." || strings.HasPrefix(target, "../") {
			return "it leads outside the site"
		}
		if _, ok := c.files[target]; !ok {
			if _, dir := c.files[target+"/index.html"]; dir {
				return "it names a folder; link to " + path.Base(target) + "/index.html so the site also works from disk"
			}
			return "there is no " + target + " in the site"
		}
	}
	if !hasFrag || frag == "" {
		return ""
	}
	if !strings.HasSuffix(target, ".html") {
		return ""
	}
	ids := c.pages[target].ids
	if ids[frag] {
		return ""
	}
	if f, err := url.PathUnescape(frag); err == nil && ids[f] {
		return ""
	}
	if target == page {
		return "this page has no id " + quote(frag)
	}
	return target + " has no id " + quote(frag)
}

func quote(s string) string { return `"` + s + `"` }

// external reports whether link has a scheme or is protocol-relative. A
// scheme is what RFC 3986 and browsers read as one, as in the Markdown
// stage: a letter, then letters, digits, "+", "-" or "." before a ":".
// a_b:c.html and 1a:b are relative paths, and checked as such.
func external(link string) bool {
	if strings.HasPrefix(link, "//") {
		return true
	}
	for i := 0; i < len(link); i++ {
		switch c := link[i]; {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// source finds where link was written: in the content file page was made
// from, else at offset in the rendered page itself. where explains the
// latter.
func (c *checker) source(page, link string, offset int) (pos diag.Pos, where string) {
	if file := "static/" + page; c.content != nil && isFile(c.content, file) {
		// Copied as it is from the content's static/ folder.
		return diag.NewLines(file, c.files[page]).Pos(offset), ""
	}
	if file := c.sourceFile(page); file != "" {
		if src, err := fs.ReadFile(c.content, file); err == nil {
			if p, ok := find(src, link); ok {
				p.Path = file
				return p, ""
			}
		}
	}
	pos = diag.NewLines("public/"+page, c.files[page]).Pos(offset)
	pos.Root = diag.Project // public/ is beside content/, not in it
	return pos, " (made by the theme)"
}

// sourceFile names the content file page was made from, or "".
func (c *checker) sourceFile(page string) string {
	if c.content == nil {
		return ""
	}
	dir, ok := strings.CutSuffix(page, "/index.html")
	if !ok {
		return ""
	}
	candidates := []string{dir + ".md"}
	if !strings.Contains(dir, "/") {
		candidates = []string{"pages/" + dir + ".md"}
	}
	for _, f := range candidates {
		if isFile(c.content, f) {
			return f
		}
	}
	return ""
}

func isFile(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.Mode().IsRegular()
}

// find returns the position of the Markdown link destination link in src:
// after "](" or "]: ", as the writer wrote it or percent-decoded.
func find(src []byte, link string) (diag.Pos, bool) {
	forms := []string{link}
	if u, err := url.PathUnescape(link); err == nil && u != link {
		forms = append(forms, u)
	}
	for _, f := range forms {
		for _, prefix := range []string{"](", "](<", "]: ", "]: <"} {
			if i := bytes.Index(src, []byte(prefix+f)); i >= 0 {
				return diag.NewLines("", src).Pos(i + len(prefix)), true
			}
		}
	}
	return diag.Pos{}, false
}
