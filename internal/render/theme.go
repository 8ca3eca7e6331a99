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
	var refused bool // a theme file was refused: the theme is not used
	read := func(name string) ([]byte, string, bool) {
		if override != nil {
			b, problem, found := readThemeFile(override, name)
			if problem != "" {
				diags.Errorf(diag.Pos{Path: dir + "/" + name}, "%s", problem)
				refused = true
				return nil, "", false
			}
			if found {
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
			if !refused {
				diags.Errorf(diag.Pos{Path: dir + "/" + name}, "theme file is missing")
			}
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
			if !refused {
				diags.Errorf(diag.Pos{Path: dir + "/" + name}, "theme file is missing")
			}
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
	t.walkStatic(def, "", nil)
	if override != nil {
		if !t.walkStatic(override, dir, diags) {
			refused = true
		}
	}
	if refused {
		return nil
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

// maxThemeFile bounds a theme file, as the content loader bounds a content
// file: a layout or stylesheet is read whole into memory.
const maxThemeFile = 8 << 20

// readThemeFile reads name from a project's theme folder. found is false
// when there is no such file, so that the default theme's is used. A file
// that is there but may not be read is a problem, never a fallback: a
// symbolic link (it could publish or render any file the build can read,
// such as /etc/shadow or a key under the home folder), a FIFO or device
// (it would block the build or never end), or a file over maxThemeFile.
func readThemeFile(fsys fs.FS, name string) (b []byte, problem string, found bool) {
	if p := linkOnPath(fsys, name); p != "" {
		return nil, p, true
	}
	info, err := fs.Lstat(fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", false
	case err != nil:
		return nil, fmt.Sprintf("cannot read file: %v", err), true
	case !info.Mode().IsRegular():
		return nil, "not a regular file", true
	case info.Size() > maxThemeFile:
		return nil, fmt.Sprintf("file is %d MB; the limit is %d MB", info.Size()>>20, maxThemeFile>>20), true
	}
	b, err = fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", err), true
	}
	return b, "", true
}

// linkOnPath says whether name, or a folder on its way, is a symbolic
// link, or returns "". Links are refused, not followed, as in the content
// folder.
func linkOnPath(fsys fs.FS, name string) string {
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '/' {
			if info, err := fs.Lstat(fsys, name[:i]); err == nil && info.Mode()&fs.ModeSymlink != 0 {
				if i == len(name) {
					return "symbolic links are not followed; copy the file into the theme folder"
				}
				return fmt.Sprintf("symbolic links are not followed; make %s/ a folder inside the theme folder", name[:i])
			}
		}
	}
	return ""
}

// walkStatic records the regular files under fsys's static/ folder. In a
// project's theme (diags not nil) it reports, at the path relative to the
// project, every symbolic link, FIFO or device there, static/ itself
// included, and returns false when there was one.
func (t *Theme) walkStatic(fsys fs.FS, dir string, diags *diag.List) bool {
	ok := true
	refuse := func(p, format string, args ...any) {
		if diags != nil {
			diags.Errorf(diag.Pos{Path: dir + "/" + p}, format, args...)
		}
		ok = false
	}
	if info, err := fs.Lstat(fsys, "static"); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		refuse("static", "symbolic links are not followed; make static/ a folder inside the theme folder")
		return false
	}
	fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if !(errors.Is(err, fs.ErrNotExist) && p == "static") {
				refuse(p, "cannot read: %v", err)
			}
		case d.Type()&fs.ModeSymlink != 0:
			refuse(p, "symbolic links are not followed; copy the file into the theme folder")
		case d.IsDir():
		case !d.Type().IsRegular():
			refuse(p, "not a regular file")
		default:
			t.static[strings.TrimPrefix(p, "static/")] = fsys
		}
		return nil
	})
	return ok
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
