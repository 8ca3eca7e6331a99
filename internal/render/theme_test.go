package render_test

import (
	"io/fs"
	"maps"
	"strings"
	"sync"
	"testing"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/render"
	"gazette/internal/site"
)

// buildThemed builds baseSite with the project theme files theme (paths
// inside themes/mine/), and returns the site's files, or nil with errors,
// and the diagnostics about the theme as text.
func buildThemed(t *testing.T, theme map[string]string) (map[string][]byte, []string) {
	t.Helper()
	var diags diag.List
	// mapFS makes a project: its files are under content/.
	contentFS, _ := fs.Sub(mapFS(baseSite), "content")
	themeFS, _ := fs.Sub(mapFS(theme), "content")
	c := content.Load(contentFS, &diags)
	md := markup.New(c.Config.KindIDs())
	s := site.Resolve(c, md, site.Options{}, &diags)
	th := render.LoadTheme(defaultTheme, themeFS, "themes/mine", &diags)
	var files map[string][]byte
	if th != nil && !diags.HasErrors() {
		w := &memWriter{files: map[string][]byte{}}
		if _, err := render.Render(s, th, md, w, render.Options{}, &diags); err != nil {
			t.Fatal(err)
		}
		if !diags.HasErrors() {
			files = w.files
		}
	}
	var got []string
	for _, d := range diags.Sorted() {
		if d.Pos.Root != diag.Content { // baseSite's own warnings are not the theme's
			got = append(got, d.String())
		}
	}
	return files, got
}

// reportItem is the default theme's report-item, changed as a journalist
// would change a copy of it.
const reportItem = `{{/* report-item, mine. */}}
{{define "report-item" -}}
<li class="mine"><a href="{{.Link .Data.URL}}">{{.Data.Title}}</a></li>
{{- end}}
`

// TestThemeLookup overrides a theme file by file: one partial replaces
// the default's wherever a layout calls it, a new partial is there for a
// layout to call, and everything else is the default theme's.
func TestThemeLookup(t *testing.T) {
	files, diags := buildThemed(t, map[string]string{
		"layouts/partials/report-item.html": reportItem,
		"layouts/partials/byline.html":      `{{define "byline"}}<p class="byline">{{.Data}}, {{.Site.Config.Title}}</p>{{end}}`,
		"layouts/page.html":                 `{{define "main"}}<h1>{{.Title}}</h1>{{.Partial "byline" "The editors"}}{{end}}`,
	})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	for _, c := range []struct{ file, want string }{
		{"index.html", `<li class="mine"><a href="reports/2016-08-12-mosul/index.html">ISIL cuts internet access across Mosul</a></li>`},
		{"reports/index.html", `<li class="mine"><a href="../reports/2016-08-12-mosul/index.html">`},
		{"about/index.html", `<h1>About</h1><p class="byline">The editors, Cut Off</p>`},
		// The default theme's partials and layouts are still used.
		{"about/index.html", `<header class="site-header">`},
		{"cities/mosul/index.html", `<li class="report-item"><a href="../../reports/2016-08-12-mosul/index.html">`},
	} {
		if !strings.Contains(string(files[c.file]), c.want) {
			t.Errorf("%s lacks %s:\n%s", c.file, c.want, files[c.file])
		}
	}
	if strings.Contains(string(files["index.html"]), `class="report-item"`) {
		t.Errorf("the home page still has the default report-item")
	}
}

// TestThemeLegacyPartials builds a theme written before partials had a
// file each: its one layouts/partials.html is read, its definitions win
// over the partial files, and layouts that call $.Cached and $.CachedEach
// still build.
func TestThemeLegacyPartials(t *testing.T) {
	files, diags := buildThemed(t, map[string]string{
		"layouts/partials.html": `{{define "report-item"}}<li class="old">{{.Data.Title}}</li>{{end}}
{{define "entity-link"}}<a class="old" href="{{.Link .Data.URL}}">{{.Data.Name}}</a>{{end}}`,
		"layouts/partials/report-item.html": reportItem,
		"layouts/reports.html":              `{{define "main"}}{{$.CachedEach "report-item" .Site.Reports}}|{{range .Site.Reports}}{{$.Cached "report-item" .}}{{end}}{{end}}`,
	})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	for _, c := range []struct{ file, want string }{
		{"reports/index.html", "\n" + `<li class="old">ISIL cuts internet access across Mosul</li>|<li class="old">ISIL cuts internet access across Mosul</li>`},
		{"index.html", `<li class="old">ISIL cuts internet access across Mosul</li>`},
		{"reports/2016-08-12-mosul/index.html", `<a class="old" href="../../cities/mosul/index.html">Mosul</a>`},
	} {
		if !strings.Contains(string(files[c.file]), c.want) {
			t.Errorf("%s lacks %q:\n%s", c.file, c.want, files[c.file])
		}
	}
}

// TestThemeLoadErrors checks what is wrong with a project's theme files,
// each at its path relative to the project, its line and its column.
func TestThemeLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"a partial that defines another name", map[string]string{
			"layouts/partials/report-item.html": "{{/* mine */}}\n{{define \"report-itme\"}}x{{end}}\n",
		}, []string{
			`themes/mine/layouts/partials/report-item.html:1:1: error: layouts/partials/report-item.html must define a template named "report-item": {{define "report-item"}} … {{end}}`,
			`themes/mine/layouts/partials/report-item.html:2:25: error: a partial's file defines only the partial it is named after: move "report-itme" to a file of its own, layouts/partials/report-itme.html`,
		}},
		{"a partial that defines two", map[string]string{
			"layouts/partials/report-item.html": reportItem + "\n{{define \"entity-link\"}}<b>{{.Data.Name}}</b>{{end}}\n",
		}, []string{
			`themes/mine/layouts/partials/report-item.html:6:25: error: a partial's file defines only the partial it is named after: move "entity-link" to a file of its own, layouts/partials/entity-link.html`,
		}},
		{"a parse error, with the column of the name it quotes", map[string]string{
			"layouts/partials/report-item.html": "{{define \"report-item\"}}\n<li>{{tilte .Data}}</li>\n{{end}}\n",
		}, []string{
			`themes/mine/layouts/partials/report-item.html:2:7: error: function "tilte" not defined`,
		}},
		{"a parse error in a layout, in characters", map[string]string{
			"layouts/page.html": "{{define \"main\"}}\n<h1>« {{.Title}</h1>\n{{end}}\n",
		}, []string{
			`themes/mine/layouts/page.html:2:15: error: bad character U+007D '}'`,
		}},
		{"base.html without base", map[string]string{
			"layouts/base.html": `{{define "frame"}}{{end}}`,
		}, []string{
			`themes/mine/layouts/base.html:1:1: error: layouts/base.html must define a template named "base"`,
		}},
		{"other files among the partials", map[string]string{
			"layouts/partials/notes.txt":        "to do",
			"layouts/partials/old/x.html":       "{{define \"x\"}}{{end}}",
			"layouts/partials/.report-item.swp": "editor litter",
		}, []string{
			`themes/mine/layouts/partials/notes.txt:1:1: warning: file ignored: only the .html files of layouts/partials/ are partials`,
			`themes/mine/layouts/partials/old:1:1: warning: folder ignored: the partials are the .html files of layouts/partials/`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			themeFS, _ := fs.Sub(mapFS(tt.files), "content")
			th := render.LoadTheme(defaultTheme, themeFS, "themes/mine", &diags)
			var got []string
			for _, d := range diags.Sorted() {
				got = append(got, d.String())
				if d.Pos.Root != diag.Project {
					t.Errorf("%s: root %d, want the project", d, d.Pos.Root)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if (th == nil) != diags.HasErrors() {
				t.Errorf("theme %v with errors %v", th != nil, diags.HasErrors())
			}
		})
	}
}

// TestThemeExecErrors checks errors raised while a page is laid out: each
// is at the template file, line and column where it happened, the
// innermost when partials call partials, once, without text/template's
// "template: NAME:" prefixes.
func TestThemeExecErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"in a layout", map[string]string{
			"layouts/page.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n  <p>{{.Author}}</p>\n{{end}}\n",
		}, []string{
			`themes/mine/layouts/page.html:3:8: error: executing "main" at <.Author>: can't evaluate field Author in type *render.Page (rendering about/index.html)`,
		}},
		{"in a partial that a partial calls", map[string]string{
			"layouts/page.html":                 `{{define "main"}}{{.Partial "outer" .Title}}{{end}}`,
			"layouts/partials/outer.html":       `{{define "outer"}}<div>{{.Partial "inner" .Data}}</div>{{end}}`,
			"layouts/partials/inner.html":       "{{define \"inner\"}}\n<p>«{{.Data.Name}}»</p>{{end}}",
			"layouts/partials/report-item.html": reportItem,
		}, []string{
			`themes/mine/layouts/partials/inner.html:2:12: error: executing "inner" at <.Data.Name>: can't evaluate field Name in type interface {} (rendering about/index.html)`,
		}},
		{"a partial that is not there", map[string]string{
			"layouts/page.html": "{{define \"main\"}}\n{{.Partial \"byline\" nil}}{{end}}",
		}, []string{
			`themes/mine/layouts/page.html:2:3: error: executing "main" at <.Partial>: error calling Partial: there is no partial "byline": no file layouts/partials/byline.html defines it (rendering about/index.html)`,
		}},
		{"a partial called without its data", map[string]string{
			"layouts/page.html": "{{define \"main\"}}\n{{.Partial \"site-footer\"}}{{end}}",
		}, []string{
			`themes/mine/layouts/page.html:2:3: error: executing "main" at <.Partial>: wrong number of args for Partial: want 2 got 1 (rendering about/index.html)`,
		}},
		{"html/template's escaping", map[string]string{
			"layouts/page.html":          `{{define "main"}}{{.Partial "link" .Title}}{{end}}`,
			"layouts/partials/link.html": "{{define \"link\"}}\n{{if .Data}}<a href=\"{{.Data}}{{end}}\">x</a>{{end}}",
		}, []string{
			`themes/mine/layouts/partials/link.html:2:6: error: {{if}} branches end in different contexts: {stateURL delimDoubleQuote urlPartNone jsCtxRegexp [] attrURL elementNone <nil>}, {stateText delimNone urlPartNone jsCtxRegexp [] attrNone elementNone <nil>} (rendering about/index.html)`,
		}},
		// A layout of the project that gives a default partial the wrong
		// data: the error is in the default theme's file, named so.
		{"in the default theme", map[string]string{
			"layouts/page.html": `{{define "main"}}{{.Partial "entity-link" .Title}}{{end}}`,
		}, []string{
			`(default theme)/layouts/partials/entity-link.html:3:23: error: executing "entity-link" at <.Data.URL>: can't evaluate field URL in type interface {} (rendering about/index.html)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, got := buildThemed(t, tt.files)
			if files != nil {
				t.Errorf("a site was made")
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestEntityGroupIDs builds an index of places whose types need a slug: a
// type with a space, a type named "other" beside the group of places with
// no type, and a type with no Latin letter. Every id is unique, and every
// aria-labelledby names one.
func TestEntityGroupIDs(t *testing.T) {
	files := maps.Clone(baseSite)
	files["cities/mosul.md"] = "---\nname: Mosul\ntype: armed group\n---\nA.\n"
	files["cities/nineveh.md"] = "---\nname: Nineveh\ntype: other\n---\nB.\n"
	files["cities/tikrit.md"] = "---\nname: Tikrit\n---\nC.\n"
	files["cities/erbil.md"] = "---\nname: Erbil\ntype: مدينة\n---\nD.\n"
	files["reports/2016-08-12-mosul.md"] = report("", "[Mosul](city:mosul), [Nineveh](city:nineveh), [Tikrit](city:tikrit), [Erbil](city:erbil).")
	out, diags, err := buildFS(mapFS(files))
	if err != nil || out == nil {
		t.Fatalf("%v %v", err, diags)
	}
	page := string(out["cities/index.html"])
	var ids []string
	for _, part := range strings.Split(page, `<h2 id="`)[1:] {
		ids = append(ids, part[:strings.IndexByte(part, '"')])
	}
	want := []string{"g-armed-group", "g-group", "g-other", "g-other-2"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("group ids %q, want %q", ids, want)
	}
	for _, id := range want {
		if !strings.Contains(page, `<section aria-labelledby="`+id+`">`) {
			t.Errorf("no section labelled by %s", id)
		}
	}
	if problems := checkSite(map[string][]byte{"cities/index.html": out["cities/index.html"]}); len(problems) > 0 {
		t.Errorf("%q", problems)
	}
}

// memWriter keeps the files a render writes, from many goroutines.
type memWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *memWriter) WriteFile(name string, data []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files[name] = append([]byte(nil), data...)
	return nil
}
