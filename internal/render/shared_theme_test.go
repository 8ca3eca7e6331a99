package render_test

// theme.Shared's tests are here, not in package theme: they load the
// default theme, which needs render's template functions, and a test
// binary of its own for package theme would cost a link of most of
// gazette on every go test.

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"gazette"
	"gazette/internal/diag"
	"gazette/internal/render"
	"gazette/internal/theme"
)

// TestThemeShared loads a shared default theme again and again: without a
// project theme the first parse is returned each time; with one, the
// project's files are read and win, and the shared parse is not changed
// by them.
func TestThemeShared(t *testing.T) {
	def := theme.Share(gazette.DefaultTheme())
	load := func(override fs.FS) *theme.Theme {
		t.Helper()
		var diags diag.List
		th := render.LoadTheme(def, override, "themes/mine", &diags)
		for _, d := range diags.Sorted() {
			t.Errorf("%s", d)
		}
		if th == nil {
			t.Fatal("no theme")
		}
		return th
	}
	const mine = "themes/mine/layouts/page.html"
	first := load(nil)
	if again := load(nil); again != first {
		t.Errorf("a second Load without a project theme parsed the default theme again")
	}
	project := load(fstest.MapFS{"layouts/page.html": {Data: []byte(`{{define "main"}}mine{{end}}`)}})
	if project == first {
		t.Fatalf("a Load with a project theme returned the shared parse")
	}
	if tmpl, _ := project.Layout("page"); tmpl.Lookup(mine) == nil {
		t.Errorf("the project's page layout is not %s", mine)
	}
	if tmpl, _ := load(nil).Layout("page"); tmpl.Lookup(mine) != nil {
		t.Errorf("the shared parse took the project's page layout")
	}
}

// TestThemeSharedErrors loads a broken default theme twice: its errors are
// reported by each Load, and no theme is returned.
func TestThemeSharedErrors(t *testing.T) {
	def := theme.Share(fstest.MapFS{"layouts/home.html": {Data: []byte(`{{define "main"}}{{end}}`)}})
	for i := range 2 {
		var diags diag.List
		th := render.LoadTheme(def, nil, "themes/default", &diags)
		var got []string
		for _, d := range diags.Sorted() {
			got = append(got, d.String())
		}
		const want = "themes/default/layouts/base.html:1:1: error: theme file is missing"
		if th != nil || len(got) != 1 || got[0] != want {
			t.Errorf("Load %d: theme %v, diagnostics %q; want none, [%q]", i+1, th != nil, got, want)
		}
	}
}
