package render_test

// Helpers shared by the hostile-content suite, the whole-site fuzz target
// and the determinism tests: a build of an in-memory content folder, and a
// check that the files it made hold no script.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"html"
	"io"
	"io/fs"
	"strings"
	"sync"
	"testing/fstest"

	"gazette"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/render"
	"gazette/internal/site"
)

// memWriter is an output folder in memory.
type memWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *memWriter) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.files == nil {
		w.files = map[string][]byte{}
	}
	w.files[name] = bytes.Clone(data)
	return nil
}

// buildFS runs the stages on the content folder fsys as build.Run does and
// returns the files of the site (nil when there are errors) and the
// diagnostics.
func buildFS(fsys fs.FS) (map[string][]byte, []diag.Diagnostic, error) {
	var diags diag.List
	c := content.Load(fsys, &diags)
	kinds := make([]string, len(c.Config.Kinds))
	for i, k := range c.Config.Kinds {
		kinds[i] = k.ID
	}
	md := markup.New(kinds)
	s := site.Resolve(c, md, site.Options{}, &diags)
	theme := render.LoadTheme(gazette.DefaultTheme(), nil, "themes/default", &diags)
	if diags.HasErrors() || theme == nil {
		return nil, diags.Sorted(), nil
	}
	w := &memWriter{files: map[string][]byte{}}
	if _, err := render.Render(s, theme, md, w, &diags); err != nil {
		return nil, diags.Sorted(), err
	}
	if _, err := render.CopyStatic(s, fsys, w); err != nil {
		return nil, diags.Sorted(), err
	}
	if diags.HasErrors() {
		return nil, diags.Sorted(), nil
	}
	return w.files, diags.Sorted(), nil
}

// mapFS turns file contents by path into a MapFS.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	return fsys
}

// checkSite returns every way the site's files could run script in a
// reader's browser, or break a strict Content-Security-Policy:
//
//   - HTML: a <script> other than a same-origin file or a JSON-LD data
//     block (whose text must hold no "<"), an element that embeds or
//     redirects (iframe, object, embed, base, meta refresh, ...), an event
//     handler attribute, an inline style, or a URL whose scheme is not
//     http, https or mailto;
//   - the search index scripts: anything but one gazetteSearch("name",
//     JSON) call;
//   - JSON, XML and SVG files that do not parse, or SVG that scripts.
func checkSite(files map[string][]byte) []string {
	var problems []string
	for name, data := range files {
		s := string(data)
		switch {
		case strings.HasSuffix(name, ".html"):
			for _, p := range checkPage(s) {
				problems = append(problems, name+": "+p)
			}
		case strings.HasPrefix(name, "search/") && strings.HasSuffix(name, ".js"):
			rest, ok := strings.CutPrefix(s, `gazetteSearch("`)
			i := strings.Index(rest, `",`)
			if !ok || i < 0 || !strings.HasSuffix(rest, ");\n") || !json.Valid([]byte(rest[i+2:len(rest)-3])) {
				problems = append(problems, name+": not one gazetteSearch(name, JSON) call")
			}
		case strings.HasSuffix(name, ".json"):
			if !json.Valid(data) {
				problems = append(problems, name+": invalid JSON")
			}
		case strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".svg"):
			dec := xml.NewDecoder(bytes.NewReader(data))
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					problems = append(problems, name+": invalid XML: "+err.Error())
					break
				}
				if se, ok := tok.(xml.StartElement); ok {
					if strings.EqualFold(se.Name.Local, "script") || strings.EqualFold(se.Name.Local, "foreignObject") {
						problems = append(problems, name+": <"+se.Name.Local+">")
					}
					for _, a := range se.Attr {
						if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
							problems = append(problems, name+": event handler "+a.Name.Local)
						}
					}
				}
			}
		}
	}
	return problems
}

// urlAttrs are the attributes whose value a browser may load or follow.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"poster": true, "data": true, "background": true, "cite": true, "srcset": true,
}

// dangerousElements embed other documents, run code, restyle the page or
// redirect it.
var dangerousElements = map[string]bool{
	"iframe": true, "frame": true, "frameset": true, "object": true, "embed": true, "applet": true,
	"base": true, "style": true, "template": true, "foreignobject": true, "portal": true,
	"noscript": true, "xmp": true, "plaintext": true, "math": true,
}

func checkPage(s string) []string {
	var problems []string
	tags := scanTags(s)
	for i, t := range tags {
		if t.comment || strings.HasPrefix(t.name, "/") || strings.HasPrefix(t.raw, "</") {
			continue
		}
		switch {
		case t.name == "script":
			typ, src := t.attr("type"), t.attr("src")
			switch {
			case typ == "application/ld+json" && len(t.attrs) == 1:
				end := strings.Index(s[t.end:], "</script")
				if end < 0 || strings.Contains(s[t.end:t.end+end], "<") || !json.Valid([]byte(s[t.end:t.end+end])) {
					problems = append(problems, "JSON-LD block is not plain JSON")
				}
			case src != "" && typ == "" && safeURL(src) && !strings.Contains(src, ":") && strings.HasSuffix(src, ".js"):
				if end := strings.Index(s[t.end:], "</script>"); end != 0 {
					problems = append(problems, "script element with a body")
				}
			default:
				problems = append(problems, "script: "+t.raw)
			}
		case dangerousElements[t.name]:
			problems = append(problems, "element: "+t.raw)
		case t.name == "meta" && t.attr("http-equiv") != "":
			problems = append(problems, "meta http-equiv: "+t.raw)
		}
		for _, a := range t.attrs {
			switch {
			case strings.HasPrefix(a.name, "on"):
				problems = append(problems, "event handler: "+t.raw)
			case a.name == "style":
				problems = append(problems, "inline style: "+t.raw)
			case a.name == "srcdoc":
				problems = append(problems, "srcdoc: "+t.raw)
			case t.name == "link" && t.attr("rel") == "icon" && strings.HasPrefix(a.value, "data:image/"):
				// The theme's icon: an image, which runs no script.
			case urlAttrs[a.name] && !safeURL(a.value):
				problems = append(problems, "unsafe URL: "+t.raw)
			}
		}
		_ = i
	}
	return problems
}

type tag struct {
	raw      string
	name     string
	comment  bool
	attrs    []attr
	end      int // offset just after the tag
	position int
}

func (t tag) attr(name string) string {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

type attr struct{ name, value string }

// scanTags finds the tags of an HTML text as a browser's tokenizer would
// for the output of html/template and goldmark: every "<" followed by a
// letter, "/" or "!" starts a tag, quoted attribute values may hold ">",
// and the text of <script> is skipped to its end tag.
func scanTags(s string) []tag {
	var tags []tag
	for i := 0; i < len(s); i++ {
		if s[i] != '<' || i+1 >= len(s) {
			continue
		}
		c := s[i+1]
		switch {
		case strings.HasPrefix(s[i:], "<!--"):
			end := strings.Index(s[i:], "-->")
			if end < 0 {
				end = len(s) - i - 3
			}
			tags = append(tags, tag{raw: s[i : i+end+3], comment: true, position: i, end: i + end + 3})
			i += end + 2
			continue
		case c == '/' || c == '!' || c == '?' || isLetter(c):
		default:
			continue
		}
		j := i + 1
		if s[j] == '/' || s[j] == '!' || s[j] == '?' {
			j++
		}
		k := j
		for k < len(s) && !isSpaceByte(s[k]) && s[k] != '>' && s[k] != '/' {
			k++
		}
		t := tag{name: strings.ToLower(s[j:k]), position: i}
		if s[i+1] == '/' {
			t.name = "/" + t.name
		}
		for k < len(s) && s[k] != '>' {
			for k < len(s) && (isSpaceByte(s[k]) || s[k] == '/') {
				k++
			}
			n := k
			for k < len(s) && !isSpaceByte(s[k]) && s[k] != '>' && s[k] != '=' && s[k] != '/' {
				k++
			}
			if n == k {
				if k < len(s) && s[k] == '=' {
					k++
				}
				continue
			}
			a := attr{name: strings.ToLower(s[n:k])}
			if k < len(s) && s[k] == '=' {
				k++
				switch {
				case k < len(s) && (s[k] == '"' || s[k] == '\''):
					q := s[k]
					e := strings.IndexByte(s[k+1:], q)
					if e < 0 {
						e = len(s) - k - 1
					}
					a.value = s[k+1 : k+1+e]
					k += e + 2
				default:
					v := k
					for k < len(s) && !isSpaceByte(s[k]) && s[k] != '>' {
						k++
					}
					a.value = s[v:k]
				}
			}
			a.value = html.UnescapeString(a.value)
			t.attrs = append(t.attrs, a)
		}
		t.end = min(k+1, len(s))
		t.raw = s[i:t.end]
		tags = append(tags, t)
		i = k
		if t.name == "script" {
			// Script text is not markup; jump to its end tag.
			if e := strings.Index(s[t.end:], "</script"); e >= 0 {
				i = t.end + e - 1
			}
		}
	}
	return tags
}

// safeURL reports whether a browser would treat u as a link rather than as
// script: no scheme, or http, https or mailto. Like a browser, it ignores
// leading spaces and control characters and any tab or newline inside.
func safeURL(u string) bool {
	u = strings.TrimLeftFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	// The WHATWG URL parser: a scheme is a letter, then letters, digits,
	// "+", "-" or ".", then ":"; anything else makes a relative URL.
	i := strings.IndexByte(u, ':')
	if i <= 0 || !isLetter(u[0]) || strings.IndexFunc(u[:i], func(r rune) bool {
		return !(r < 0x80 && isLetter(byte(r)) || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')
	}) >= 0 {
		return true
	}
	switch strings.ToLower(u[:i]) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

func isLetter(c byte) bool    { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
