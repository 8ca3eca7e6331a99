package render

import (
	"encoding/json"
	"errors"
	"html/template"
	"io/fs"
	"slices"
	"strings"
	"text/template/parse"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/i18n"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// The interface's words: layouts say {{$.T "key"}}, {{$.T "key" n}},
// {{$.Date d}}, {{$.When from until seen}}, {{$.Num n}} on a Page or a
// Fragment, which answer in the page's interface language (UILang) from
// the theme's message catalogues (package i18n). They are methods, not
// template functions, so that one parsed template serves every language.

// words is what Page and Fragment share to say things: the localizer of
// the interface language.
type words struct{ loc *i18n.Localizer }

// T is the message key in the interface language: i18n.Localizer.T.
func (w words) T(key string, args ...any) string { return w.loc.T(key, args...) }

// HTML is a message that holds markup: i18n.Localizer.HTML.
func (w words) HTML(key string, args ...any) template.HTML { return w.loc.HTML(key, args...) }

// Date writes d in the interface language: "12 August 2016", "12 آب 2016".
func (w words) Date(d content.Date) string { return w.loc.Date(d) }

// When writes an event's dates: i18n.Localizer.When.
func (w words) When(from content.Date, until content.Until, seen content.Date) string {
	return w.loc.When(from, until, seen)
}

// Num writes n in the interface language's digits.
func (w words) Num(n int) string { return w.loc.Num(n) }

// Forms is a message for a script to format (i18n.Localizer.Forms), as
// JSON, for a data- attribute: the search page gives its script its words
// so. (An attribute, not a <script type="application/json">: the pages'
// safety check, package htmlsafe, allows no such script.)
func (w words) Forms(key string) string {
	b, err := json.Marshal(w.loc.Forms(key))
	if err != nil {
		return "{}" // a map of strings always marshals
	}
	return string(b)
}

// StatusText is a record's status: site.StatusText.
func (w words) StatusText(s evidence.Status) string { return evidence.StatusText(w.loc, s) }

// StartText is when a record began: site.StartText.
func (w words) StartText(s evidence.Span) string { return evidence.StartText(w.loc, s) }

// RecordTitle is a record's title: Site.RecordHeading. It takes the site
// from the record's page.
func (p *Page) RecordTitle(rec *site.Record) string { return p.Site.RecordHeading(p.loc, rec) }

// RecordTitle is Page.RecordTitle.
func (f *Fragment) RecordTitle(rec *site.Record) string { return f.Site.RecordHeading(f.loc, rec) }

// RecordLine is a record in one line: recordLine.
func (p *Page) RecordLine(rec *site.Record) string { return recordLine(p.Site, p.loc, rec) }

// RecordLine is Page.RecordLine.
func (f *Fragment) RecordLine(rec *site.Record) string { return recordLine(f.Site, f.loc, rec) }

// RoleText says what an entity did in a record: roleText.
func (p *Page) RoleText(role string) string { return roleText(p.Site, p.loc, role) }

// RoleText is Page.RoleText.
func (f *Fragment) RoleText(role string) string { return roleText(f.Site, f.loc, role) }

// loadCatalogue reads the theme's message catalogues, i18n/<lang>.yaml,
// the default theme's and then the project's, which override them message
// by message. A file that may not be read is refused as a layout would be.
func (r *themeReader) loadCatalogue() *i18n.Catalogue {
	const folder = "i18n"
	var files []i18n.File
	list := func(fsys fs.FS, project bool) {
		entries, err := fs.ReadDir(fsys, folder)
		if err != nil {
			if project && !errors.Is(err, fs.ErrNotExist) {
				r.errorf(folder, "cannot read folder: %v", err)
				r.refused = true
			}
			return
		}
		for _, e := range entries {
			name := folder + "/" + e.Name()
			switch {
			case strings.HasPrefix(e.Name(), "."):
			case !strings.HasSuffix(e.Name(), ".yaml") || e.IsDir():
				if project {
					r.diags.Warnf(diag.Pos{Path: r.dir + "/" + name, Root: diag.Project}, "file ignored: the message catalogues are the .yaml files of i18n/, one per language, such as i18n/ar.yaml")
				}
			case project:
				b, problem, _ := readThemeFile(fsys, name)
				if problem != "" {
					r.errorf(name, "%s", problem)
					r.refused = true
					continue
				}
				files = append(files, i18n.File{Pos: diag.Pos{Path: r.dir + "/" + name, Root: diag.Project}, Src: b})
			default:
				b, err := fs.ReadFile(fsys, name)
				if err == nil {
					files = append(files, i18n.File{Pos: diag.Pos{Path: "(default theme)/" + name, Root: diag.Builtin}, Src: b})
				}
			}
		}
	}
	list(r.def, false)
	if r.override != nil {
		if p := linkOnPath(r.override, folder+"/"); p != "" {
			r.errorf(folder, "%s", p)
			r.refused = true
		} else {
			list(r.override, true)
		}
	}
	cat, ok := i18n.Load(files, r.diags)
	if !ok {
		r.refused = true
	}
	return cat
}

// CheckMessages warns about the messages the site's languages lack (see
// i18n.Catalogue.Check): those of the base catalogue, and those the
// layouts name in {{.T "key"}}, {{.HTML "key"}} or {{.Forms "key"}}.
func (t *Theme) CheckMessages(langs []string, diags *diag.List) {
	dir := diag.Pos{Path: t.dir + "/i18n", Root: diag.Project}
	if t.dir == "" {
		dir = diag.Pos{Path: "(default theme)/i18n", Root: diag.Builtin}
	}
	t.cat.Check(langs, t.messageUses(), dir, diags)
}

// messageUses finds the keys the theme's templates give T, HTML and Forms as a
// literal string, and where.
func (t *Theme) messageUses() []i18n.Use {
	var uses []i18n.Use
	labels := make([]string, 0, len(t.files))
	for l := range t.files {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	for _, label := range labels {
		f := t.files[label]
		trees := map[string]*parse.Tree{}
		tr := parse.New(label)
		tr.Mode = parse.SkipFuncCheck | parse.ParseComments
		if _, err := tr.Parse(f.src, "{{", "}}", trees); err != nil {
			continue
		}
		for _, tree := range trees {
			walk(tree.Root, func(n *parse.CommandNode) {
				if len(n.Args) < 2 {
					return
				}
				var name string
				switch fn := n.Args[0].(type) {
				case *parse.FieldNode:
					name = fn.Ident[len(fn.Ident)-1]
				case *parse.VariableNode:
					name = fn.Ident[len(fn.Ident)-1]
				}
				key, ok := n.Args[1].(*parse.StringNode)
				if !ok || (name != "T" && name != "HTML" && name != "Forms") {
					return
				}
				loc, _ := tree.ErrorContext(key)
				uses = append(uses, i18n.Use{Key: key.Text, Pos: t.at(diag.Pos{Path: f.label, Root: f.root}, loc)})
			})
		}
	}
	return uses
}

// walk calls fn for every command in the tree under n.
func walk(n parse.Node, fn func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, fn)
			}
		}
	case *parse.ActionNode:
		walk(n.Pipe, fn)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walk(c, fn)
			}
		}
	case *parse.CommandNode:
		fn(n)
		for _, a := range n.Args {
			walk(a, fn)
		}
	case *parse.IfNode:
		walk(n.Pipe, fn)
		walk(n.List, fn)
		walk(n.ElseList, fn)
	case *parse.RangeNode:
		walk(n.Pipe, fn)
		walk(n.List, fn)
		walk(n.ElseList, fn)
	case *parse.WithNode:
		walk(n.Pipe, fn)
		walk(n.List, fn)
		walk(n.ElseList, fn)
	case *parse.TemplateNode:
		walk(n.Pipe, fn)
	}
}
