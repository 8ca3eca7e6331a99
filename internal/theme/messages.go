package theme

import (
	"io/fs"
	"slices"
	"strings"
	"text/template/parse"

	"gazette/internal/diag"
	"gazette/internal/i18n"
)

// loadCatalogue reads the theme's message catalogues, i18n/<lang>.yaml,
// the default theme's (or takes r.base, when they were read already) and
// then the project's, which override them message by message. A file that
// may not be read is refused as a layout would be.
func (r *themeReader) loadCatalogue() *i18n.Catalogue {
	const folder = "i18n"
	var files []i18n.File
	list := func(fsys fs.FS, project bool) {
		for _, e := range r.entries(fsys, folder, project) {
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
	if r.base == nil {
		list(r.def, false)
	}
	if r.override != nil {
		if p := linkOnPath(r.override, folder+"/"); p != "" {
			r.errorf(folder, "%s", p)
			r.refused = true
		} else {
			list(r.override, true)
		}
	}
	cat, ok := i18n.LoadOver(r.base, files, r.diags)
	if !ok {
		r.refused = true
	}
	return cat
}

// CheckMessages warns about the messages the site's languages lack (see
// i18n.Catalogue.Check): those of the base catalogue, and those the
// layouts name in {{.T "key"}} or {{.HTML "key"}}.
func (t *Theme) CheckMessages(langs []string, diags *diag.List) {
	dir := diag.Pos{Path: t.dir + "/i18n", Root: diag.Project}
	if t.dir == "" {
		dir = diag.Pos{Path: "(default theme)/i18n", Root: diag.Builtin}
	}
	t.usesOnce.Do(func() { t.uses = t.messageUses() })
	t.cat.Check(langs, t.uses, dir, diags)
}

// messageUses finds the keys the theme's templates give T and HTML as a
// literal string, and where. It parses every file of the theme again, so
// CheckMessages keeps what it found: a Shared theme is checked by every
// build.
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
			i18n.Commands(tree.Root, func(n *parse.CommandNode) {
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
