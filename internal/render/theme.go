package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"text/template/parse"

	"regexp"
	"slices"
	"strconv"
	"strings"

	"gazette/internal/diag"
)

// Theme is a parsed theme: one template set per page layout, and the
// static files to copy.
type Theme struct {
	layouts map[string]*template.Template
	// variant tells apart the layouts whose files define partials of their
	// own (anything besides "main"): a cached fragment made on one of them
	// is not reused on another. 0 is the layouts that share partials.html.
	variant map[string]int
	static  map[string]fs.FS // output path → the file system holding it
	css     []byte           // static/style.css, to which the code CSS is added
}

// layoutNames are the page layouts a theme provides. base.html and
// partials.html are shared by all of them.
var layoutNames = []string{"home", "report", "reports", "record", "records", "entity", "entities", "page", "timeline", "search", "data", "404"}

// LoadTheme reads a theme. def is the embedded default theme; override, when
// not nil, is a project's themes/<name>/ folder, whose files replace the
// default's one by one. dir names the override in diagnostics.
func LoadTheme(def, override fs.FS, dir string, diags *diag.List) *Theme {
	t := &Theme{layouts: map[string]*template.Template{}, variant: map[string]int{}, static: map[string]fs.FS{}}
	read := func(name string) ([]byte, string, bool) {
		if override != nil {
			if b, err := fs.ReadFile(override, name); err == nil {
				return b, dir + "/" + name, true
			}
		}
		b, err := fs.ReadFile(def, name)
		if err != nil {
			return nil, "", false
		}
		return b, "(default theme)/" + name, true
	}
	shared := template.New("").Funcs(funcs())
	for _, name := range []string{"layouts/base.html", "layouts/partials.html"} {
		src, where, ok := read(name)
		if !ok {
			diags.Errorf(diag.Pos{Path: dir + "/" + name}, "theme file is missing")
			return nil
		}
		if _, err := shared.New(name).Parse(string(src)); err != nil {
			templateError(diags, where, err)
			return nil
		}
	}
	for _, l := range layoutNames {
		name := "layouts/" + l + ".html"
		src, where, ok := read(name)
		if !ok {
			diags.Errorf(diag.Pos{Path: dir + "/" + name}, "theme file is missing")
			continue
		}
		set, err := shared.Clone()
		if err == nil {
			_, err = set.New(name).Parse(string(src))
		}
		if err != nil {
			templateError(diags, where, err)
			continue
		}
		if ownPartials(string(src)) {
			t.variant[l] = len(t.variant) + 1
		}
		t.layouts[l] = set.Lookup("base")
		if t.layouts[l] == nil {
			diags.Errorf(diag.Pos{Path: where}, `layouts/base.html must define a template named "base"`)
		}
	}
	for _, fsys := range []fs.FS{def, override} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
			if p == "static" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll // a theme need not have static files
			}
			if err == nil && d.Type().IsRegular() {
				t.static[strings.TrimPrefix(p, "static/")] = fsys
			}
			return err
		})
		if err != nil {
			diags.Errorf(diag.Pos{Path: dir + "/static"}, "cannot read the theme's static files: %v", err)
		}
	}
	if src, ok := t.static["style.css"]; ok {
		var err error
		if t.css, err = fs.ReadFile(src, "static/style.css"); err != nil {
			diags.Errorf(diag.Pos{Path: dir + "/static/style.css"}, "cannot read the stylesheet: %v", err)
		}
		delete(t.static, "style.css")
	}
	return t
}

// ownPartials reports whether a layout file defines templates besides
// "main", which may replace partials.html's for its pages.
func ownPartials(src string) bool {
	tr := parse.New("layout")
	tr.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tr.Parse(src, "{{", "}}", trees); err != nil {
		return true
	}
	for name := range trees {
		if name != "main" && name != "layout" {
			return true
		}
	}
	return false
}

var templateLineRE = regexp.MustCompile(`^template: [^:]*:(\d+):(?:(\d+):)? ?(.*)$`)

// templateError turns a text/template error into a diagnostic at its line.
func templateError(diags *diag.List, file string, err error) {
	msg := err.Error()
	pos := diag.Pos{Path: file}
	if m := templateLineRE.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		pos.Col, _ = strconv.Atoi(m[2])
		msg = m[3]
	}
	diags.Errorf(pos, "template: %s", msg)
}

// staticFiles lists the theme's static files in a stable order.
func (t *Theme) staticFiles() []string {
	var out []string
	for p := range t.static {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

func (t *Theme) execute(w io.Writer, layout string, p *Page) error {
	tmpl := t.layouts[layout]
	if tmpl == nil {
		return fmt.Errorf("theme has no layout %q", layout)
	}
	p.prepare(tmpl, t.variant[layout])
	return tmpl.Execute(w, p)
}
