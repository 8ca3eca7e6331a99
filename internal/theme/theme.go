// Package theme is gazette's template engine glue: it reads a theme file
// by file, the project's themes/<name>/ first and the embedded default
// theme second, parses its layouts and one-file-per-partial templates
// into one template set per layout, binds its message catalogues
// (i18n/<lang>.yaml), lists its static files, and turns what
// html/template says about a parse or an execution into a diagnostic at
// the theme file's own line and column.
//
// The seam: this package knows template files, not what they show. It
// imports neither site nor render; package render builds the values a
// layout receives (Page, Fragment), supplies the template functions to
// Load, and executes the template set that Layout returns. A change to
// how a theme is found or reported is made here; a change to what a page
// shows, in render.
package theme

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"text/template/parse"
	"unicode/utf8"

	"gazette/internal/diag"
	"gazette/internal/i18n"
)

// Theme is a parsed theme: one template set per page layout, and the
// static files to copy.
type Theme struct {
	layouts map[string]*template.Template
	// variant tells apart the layouts whose files define partials of their
	// own (anything besides "main"): a cached fragment made on one of them
	// is not reused on another. 0 is the layouts that share the partials.
	variant map[string]int
	// files are the theme's template files, each parsed under its path as
	// diagnostics print it ("themes/mine/layouts/page.html",
	// "(default theme)/layouts/partials/report-item.html"), which is how
	// text/template's errors name them.
	files  map[string]themeFile
	layout map[string]string // layout name → its file, as in files
	static map[string]fs.FS  // output path → the file system holding it
	css    []byte            // static/style.css, to which the code CSS is added
	cat    *i18n.Catalogue   // the message catalogues, i18n/<lang>.yaml
	dir    string            // the project's theme folder, "themes/mine"; "" without one

	usesOnce sync.Once
	uses     []i18n.Use // the message keys the templates name (messageUses)
}

// layoutNames are the page layouts a theme provides. base.html and the
// partials are shared by all of them.
var layoutNames = []string{"home", "report", "reports", "record", "records", "entity", "entities", "page", "timeline", "search", "data", "404"}

// themeFile is a template file of the theme, read from the project's theme
// or the default one.
type themeFile struct {
	label   string // its path as diagnostics print it, and the name it is parsed under
	root    diag.Root
	src     string
	project bool // from the project's theme, not the default
}

// themeReader reads a theme's files: the project's first, the default
// theme's second, file by file.
type themeReader struct {
	def, override fs.FS
	base          *i18n.Catalogue // the default theme's catalogue, when read already
	dir           string          // the project's theme folder, relative to the project
	diags         *diag.List
	refused       bool // a file of the project's theme was refused: the theme is not used
}

func (r *themeReader) errorf(name, format string, args ...any) {
	r.diags.Errorf(diag.Pos{Path: r.dir + "/" + name, Root: diag.Project}, format, args...)
}

// read reads the theme file name, "layouts/page.html".
func (r *themeReader) read(name string) (themeFile, bool) {
	if r.override != nil {
		b, problem, found := readThemeFile(r.override, name)
		if problem != "" {
			r.errorf(name, "%s", problem)
			r.refused = true
			return themeFile{}, false
		}
		if found {
			return themeFile{label: r.dir + "/" + name, root: diag.Project, src: string(b), project: true}, true
		}
	}
	b, err := fs.ReadFile(r.def, name)
	if err != nil {
		return themeFile{}, false
	}
	return themeFile{label: "(default theme)/" + name, root: diag.Builtin, src: string(b)}, true
}

// entries lists folder in fsys. A folder of the project's theme that
// exists but cannot be read is an error at it, and refuses the theme; the
// default theme's, or a missing one, is simply empty.
func (r *themeReader) entries(fsys fs.FS, folder string, project bool) []fs.DirEntry {
	entries, err := fs.ReadDir(fsys, folder)
	if err != nil {
		if project && !errors.Is(err, fs.ErrNotExist) {
			r.errorf(folder, "cannot read folder: %v", err)
			r.refused = true
		}
		return nil
	}
	return entries
}

// partialNames lists the partials of both themes, by name: the .html
// files of their layouts/partials/ folders.
func (r *themeReader) partialNames() []string {
	const folder = "layouts/partials"
	names := map[string]bool{}
	list := func(fsys fs.FS, project bool) {
		for _, e := range r.entries(fsys, folder, project) {
			name, isHTML := strings.CutSuffix(e.Name(), ".html")
			switch {
			case strings.HasPrefix(e.Name(), "."):
			case e.IsDir():
				if project {
					r.diags.Warnf(diag.Pos{Path: r.dir + "/" + folder + "/" + e.Name(), Root: diag.Project}, "folder ignored: the partials are the .html files of %s/", folder)
				}
			case !isHTML:
				if project {
					r.diags.Warnf(diag.Pos{Path: r.dir + "/" + folder + "/" + e.Name(), Root: diag.Project}, "file ignored: only the .html files of %s/ are partials", folder)
				}
			default:
				names[name] = true
			}
		}
	}
	list(r.def, false)
	if r.override != nil {
		if p := linkOnPath(r.override, folder+"/"); p != "" { // the folder itself: "make it a folder"
			r.errorf(folder, "%s", p)
			r.refused = true
		} else {
			list(r.override, true)
		}
	}
	return slices.Sorted(maps.Keys(names))
}

// Load reads a theme. def is the embedded default theme; override, when
// not nil, is a project's themes/<name>/ folder, whose files replace the
// default's one by one: each layout, base.html, and each partial of
// layouts/partials/. dir names the override in diagnostics, relative to
// the project folder. A theme with any problem is reported whole, and nil
// is returned. funcs gives the template functions the layouts may call,
// given the base catalogue's localizer. A def made with Share is parsed
// once when there is no override, and that parse is returned again.
func Load(def, override fs.FS, dir string, funcs func(en *i18n.Localizer) template.FuncMap, diags *diag.List) *Theme {
	var cat *i18n.Catalogue
	if s, ok := def.(*Shared); ok {
		if override == nil {
			return s.load(dir, funcs, diags)
		}
		def, cat = s.FS, s.catalogue()
	}
	return load(def, override, cat, dir, funcs, diags)
}

// load is Load of a default theme that is not a Shared. cat, when not
// nil, is the default theme's message catalogue, already read.
func load(def, override fs.FS, cat *i18n.Catalogue, dir string, funcs func(en *i18n.Localizer) template.FuncMap, diags *diag.List) *Theme {
	t := &Theme{layouts: map[string]*template.Template{}, variant: map[string]int{}, files: map[string]themeFile{},
		layout: map[string]string{}, static: map[string]fs.FS{}}
	r := &themeReader{def: def, override: override, base: cat, dir: dir, diags: diags}
	ok := true
	if override != nil {
		t.dir = dir
	}
	t.cat = r.loadCatalogue()
	// The template functions older layouts call, which say things in
	// English only: the default theme calls Page's and Fragment's methods.
	fm := funcs(t.cat.Localizer(i18n.Base, ""))

	// The files every layout shares: the default theme's first and the
	// project's after, so that what the project defines wins, whichever
	// file it is in. An older theme's one layouts/partials.html, read
	// last, wins over all.
	var shared []themeFile
	base, found := r.read("layouts/base.html")
	if !found {
		if !r.refused {
			r.errorf("layouts/base.html", "theme file is missing")
		}
		return nil
	}
	shared = append(shared, base)
	partials := map[string]string{} // label → the partial it must define
	for _, name := range r.partialNames() {
		if r.refused {
			break // the project's partials folder was refused: each file in it would be too
		}
		if f, found := r.read("layouts/partials/" + name + ".html"); found {
			shared = append(shared, f)
			partials[f.label] = name
		}
	}
	if override != nil {
		if b, problem, found := readThemeFile(override, "layouts/partials.html"); problem != "" {
			r.errorf("layouts/partials.html", "%s", problem)
			r.refused = true
		} else if found {
			shared = append(shared, themeFile{label: dir + "/layouts/partials.html", root: diag.Project, src: string(b), project: true})
		}
	}
	slices.SortStableFunc(shared, func(a, b themeFile) int { return cmp.Compare(btoi(a.project), btoi(b.project)) })
	set := template.New("").Funcs(fm)
	for _, f := range shared {
		t.files[f.label] = f
		if name, isPartial := partials[f.label]; isPartial {
			ok = t.addPartial(set, name, f, fm, diags) && ok
		} else if _, err := set.New(f.label).Parse(f.src); err != nil {
			t.parseError(diags, f, err)
			ok = false
		}
	}
	if ok && set.Lookup("base") == nil {
		diags.Errorf(diag.Pos{Path: base.label, Root: base.root}, `layouts/base.html must define a template named "base"`)
		ok = false
	}

	for _, l := range layoutNames {
		name := "layouts/" + l + ".html"
		f, found := r.read(name)
		if !found {
			if !r.refused {
				r.errorf(name, "theme file is missing")
			}
			ok = false
			continue
		}
		t.files[f.label] = f
		t.layout[l] = f.label
		clone, err := set.Clone()
		if err == nil {
			_, err = clone.New(f.label).Parse(f.src)
		}
		if err != nil {
			t.parseError(diags, f, err)
			ok = false
			continue
		}
		if ownPartials(f.src) {
			t.variant[l] = len(t.variant) + 1
		}
		t.layouts[l] = clone.Lookup("base")
	}
	t.walkStatic(def, "", nil)
	if override != nil {
		if !t.walkStatic(override, dir, diags) {
			r.refused = true
		}
	}
	if r.refused || !ok {
		return nil
	}
	if src, ok := t.static["style.css"]; ok {
		var err error
		if t.css, err = fs.ReadFile(src, "static/style.css"); err != nil {
			diags.Errorf(diag.Pos{Path: dir + "/static/style.css", Root: diag.Project}, "cannot read the stylesheet: %v", err)
		}
		delete(t.static, "style.css")
	}
	return t
}

// addPartial parses f, the file of the partial name, and adds the template
// it defines to set. The file must define that one template, named after
// it, so that a partial is where its name says and replacing the file
// replaces the partial, nothing else.
func (t *Theme) addPartial(set *template.Template, name string, f themeFile, fm template.FuncMap, diags *diag.List) bool {
	file, err := template.New(f.label).Funcs(fm).Parse(f.src)
	if err != nil {
		t.parseError(diags, f, err)
		return false
	}
	ok := true
	var tree *parse.Tree
	for _, d := range file.Templates() {
		switch d.Name() {
		case f.label:
		case name:
			tree = d.Tree
		default:
			// Where the define's body begins: the best place this tree knows.
			loc, _ := d.Tree.ErrorContext(d.Tree.Root)
			pos := t.at(diag.Pos{Path: f.label, Root: f.root}, loc)
			diags.Errorf(pos, "a partial's file defines only the partial it is named after: move %q to a file of its own, layouts/partials/%s.html", d.Name(), d.Name())
			ok = false
		}
	}
	if tree == nil {
		diags.Errorf(diag.Pos{Path: f.label, Root: f.root}, `layouts/partials/%s.html must define a template named %q: {{define %q}} … {{end}}`, name, name, name)
		return false
	}
	if _, err := set.AddParseTree(name, tree); err != nil {
		diags.Errorf(diag.Pos{Path: f.label, Root: f.root}, "%v", err)
		return false
	}
	return ok
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
			diags.Errorf(diag.Pos{Path: dir + "/" + p, Root: diag.Project}, format, args...)
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
// "main", which may replace the shared partials for its pages.
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

// parseError reports err, from parsing f, at its line. text/template says
// "template: NAME:LINE: message" and gives no column; when the message
// quotes something that is on that line once, such as the name in
// `function "partal" not defined`, that is the column.
func (t *Theme) parseError(diags *diag.List, f themeFile, err error) {
	pos := diag.Pos{Path: f.label, Root: f.root}
	msg, rest := err.Error(), ""
	if r, ok := strings.CutPrefix(msg, "template: "+f.label+":"); ok {
		rest = r
	} else if r, ok := strings.CutPrefix(msg, "html/template:"+f.label+":"); ok {
		rest = r
	}
	if line, after, ok := strings.Cut(rest, ": "); ok {
		if n, err := strconv.Atoi(line); err == nil {
			pos.Line, msg = n, after
			pos.Col = quotedCol(f.src, n, after)
		}
	}
	diags.Errorf(pos, "%s", msg)
}

// quotedCol returns the column, on line n of src, of the first thing msg
// quotes, when it is there once; else 0.
func quotedCol(src string, n int, msg string) int {
	m := quotedRE.FindString(msg)
	if m == "" {
		return 0
	}
	q, err := strconv.Unquote(m)
	if err != nil || q == "" {
		return 0
	}
	lines := strings.Split(src, "\n")
	if n < 1 || n > len(lines) {
		return 0
	}
	line := lines[n-1]
	i := strings.Index(line, q)
	if i < 0 || strings.Count(line, q) != 1 {
		return 0
	}
	return utf8.RuneCountInString(line[:i]) + 1
}

// quotedRE matches a Go string or rune literal: text/template quotes
// names with %q, and a bad character as a rune.
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)+'`)

// ExecError records err, from laying out layout for the page at file, at
// the template file, line and column where it happened: the innermost
// template of the error, inside the partials one page's layout calls
// through Partial, with text/template's own location prefixes taken off.
func (t *Theme) ExecError(diags *diag.List, layout, file string, err error) {
	pos := diag.Pos{Path: t.layout[layout], Root: t.files[t.layout[layout]].root}
	msg := err.Error()
	var escape *template.Error
	var exec texttemplate.ExecError
	switch {
	case errors.As(err, &escape):
		msg = escape.Description
		if escape.Node != nil {
			loc, _ := (*parse.Tree)(nil).ErrorContext(escape.Node)
			pos = t.at(pos, loc)
		} else if d := t.layouts[layout].Lookup(escape.Name); d != nil && d.Tree != nil {
			pos = t.at(pos, fmt.Sprintf("%s:%d:0", d.Tree.ParseName, escape.Line))
		}
	case innermost(err, &exec):
		// "template: NAME:LINE:COL: executing …", NAME a file's label.
		m := strings.TrimPrefix(exec.Err.Error(), "template: ")
		for label := range t.files {
			if rest, ok := strings.CutPrefix(m, label+":"); ok {
				loc, after, _ := strings.Cut(rest, ": ")
				pos = t.at(pos, label+":"+loc)
				msg = after
				break
			}
		}
	}
	diags.Errorf(pos, "%s (rendering %s)", msg, file)
}

// at returns the position of loc, "LABEL:LINE:COL" as text/template
// gives it, with LABEL one of the theme's files and COL the bytes before
// the place on its line; or def when loc is not in one of them. The
// column becomes what an editor shows: characters, from 1.
func (t *Theme) at(def diag.Pos, loc string) diag.Pos {
	i := strings.LastIndexByte(loc, ':')
	j := strings.LastIndexByte(loc[:max(i, 0)], ':')
	if j < 0 {
		return def
	}
	f, ok := t.files[loc[:j]]
	line, err1 := strconv.Atoi(loc[j+1 : i])
	col, err2 := strconv.Atoi(loc[i+1:])
	if !ok || err1 != nil || err2 != nil {
		return def
	}
	pos := diag.Pos{Path: f.label, Line: line, Col: 1, Root: f.root}
	if lines := strings.SplitN(f.src, "\n", line+1); line >= 1 && line <= len(lines) {
		text := lines[line-1]
		pos.Col = utf8.RuneCountInString(text[:min(max(col, 0), len(text))]) + 1
	}
	return pos
}

// innermost finds the last text/template execution error in err's chain:
// a partial laid out through Partial fails inside the action that called
// it, and each template on the way wraps the error of the one it called.
func innermost(err error, target *texttemplate.ExecError) bool {
	found := false
	for ; err != nil; err = errors.Unwrap(err) {
		if e, ok := err.(texttemplate.ExecError); ok {
			*target, found = e, true
		}
	}
	return found
}

// StaticFiles lists the theme's static files in a stable order.
func (t *Theme) StaticFiles() []string {
	var out []string
	for p := range t.static {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Static reads the theme's static file p, one of StaticFiles.
func (t *Theme) Static(p string) ([]byte, error) {
	return fs.ReadFile(t.static[p], "static/"+p)
}

// CSS is the theme's stylesheet, static/style.css.
func (t *Theme) CSS() []byte { return t.css }

// Catalogue is the theme's message catalogues.
func (t *Theme) Catalogue() *i18n.Catalogue { return t.cat }

// Layout returns the template set of layout, whose "base" template lays
// out a page and whose other templates are the partials, and the layout's
// variant: 0 for the layouts that share the partials, another number for
// each layout that defines partials of its own. tmpl is nil when the
// theme has no such layout.
func (t *Theme) Layout(layout string) (tmpl *template.Template, variant int) {
	return t.layouts[layout], t.variant[layout]
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
