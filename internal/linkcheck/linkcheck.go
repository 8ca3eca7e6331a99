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
// from cities/<id>.md, <slug>/ from pages/<slug>.md). A link the theme
// made is reported at the rendered page, under public/.
package linkcheck

import (
	"bytes"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gazette/internal/diag"
)

var (
	// The render stage writes every attribute with double quotes
	// (html/template and goldmark both do), and escapes a double quote in
	// text, so a quoted attribute cannot be confused with page text.
	linkRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRE   = regexp.MustCompile(`\s(?:id|name)="([^"]*)"`)
)

// Check checks every HTML file of files. content is the content folder, read
// to find where a broken link was written; it may be nil.
func Check(files map[string][]byte, content fs.FS) []diag.Diagnostic {
	c := &checker{files: files, content: content, ids: map[string]map[string]bool{}}
	pages := make([]string, 0, len(files))
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	slices.Sort(pages)
	var diags diag.List
	for _, page := range pages {
		c.page(page, &diags)
	}
	return diags.Sorted()
}

type checker struct {
	files   map[string][]byte
	content fs.FS
	ids     map[string]map[string]bool // page → its ids, built on first use
}

// page checks the links of one page.
func (c *checker) page(page string, diags *diag.List) {
	seen := map[string]bool{}
	data := c.files[page]
	for _, m := range linkRE.FindAllSubmatchIndex(data, -1) {
		raw := html.UnescapeString(string(data[m[2]:m[3]]))
		if seen[raw] {
			continue // one report per link and page
		}
		seen[raw] = true
		if msg := c.link(page, raw); msg != "" {
			pos, where := c.source(page, raw, m[2])
			diags.Errorf(pos, "broken link %q: %s%s", raw, msg, where)
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
	ids := c.idsOf(target)
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

// external reports whether link has a scheme or is protocol-relative.
func external(link string) bool {
	if strings.HasPrefix(link, "//") {
		return true
	}
	i := strings.IndexAny(link, ":/?#")
	return i > 0 && link[i] == ':'
}

func (c *checker) idsOf(page string) map[string]bool {
	ids := c.ids[page]
	if ids == nil {
		ids = map[string]bool{}
		for _, m := range idRE.FindAllSubmatch(c.files[page], -1) {
			ids[html.UnescapeString(string(m[1]))] = true
		}
		c.ids[page] = ids
	}
	return ids
}

// source finds where link was written: in the content file page was made
// from, else at offset in the rendered page itself. where explains the
// latter.
func (c *checker) source(page, link string, offset int) (pos diag.Pos, where string) {
	if file := c.sourceFile(page); file != "" {
		if src, err := fs.ReadFile(c.content, file); err == nil {
			if p, ok := find(src, link); ok {
				p.Path = file
				return p, ""
			}
		}
	}
	pos = position(c.files[page], offset)
	pos.Path = "public/" + page
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
		if info, err := fs.Stat(c.content, f); err == nil && info.Mode().IsRegular() {
			return f
		}
	}
	return ""
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
				return position(src, i+len(prefix)), true
			}
		}
	}
	return diag.Pos{}, false
}

// position converts a byte offset into a line and a column in characters.
func position(src []byte, off int) diag.Pos {
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{Line: line, Col: 1 + utf8.RuneCount(src[start:off])}
}
