package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"gazette"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/site"
	"gazette/internal/spill"
)

func TestCached(t *testing.T) {
	t.Run("memory", func(t *testing.T) { testCached(t, &fragments{}) })
	// Past the memory budget (here none), fragments wait in the spill file.
	sp, err := spill.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	t.Run("spill", func(t *testing.T) { testCached(t, &fragments{max: -1, spill: sp}) })
}

func testCached(t *testing.T, frags *fragments) {
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"count": func() string { return "" }}).Parse(
		`{{define "probe"}}{{count}}<a href="{{.Link .Data}}"{{with .ChromeLang}} lang="{{.}}"{{end}}>{{.Lang}} {{.Dir}}</a>{{end}}` +
			`{{define "loop"}}{{.Cached "loop" .Data}}{{end}}`))
	s := &site.Site{Config: content.Config{Language: "en"}}
	page := func(url, lang string, notFound bool) *Page {
		p := &Page{Site: s, URL: url, Lang: lang, frags: frags, notFound: notFound}
		p.prepare(tmpl, 0)
		return p
	}
	executions := 0
	tmpl.Funcs(template.FuncMap{"count": func() string { executions++; return "" }})
	tests := []struct {
		page *Page
		data any
		want template.HTML
		kept int // fragments kept after the call
	}{
		{page("reports/a/", "en", false), "cities/mosul/", `<a href="../../cities/mosul/index.html">en ltr</a>`, 1},
		// Another page at the same depth, in the same language: reused.
		{page("cities/x/", "en", false), "cities/mosul/", `<a href="../../cities/mosul/index.html">en ltr</a>`, 1},
		// Other data, another depth, another language, 404.html: made anew.
		{page("reports/a/", "en", false), "actors/isis/", `<a href="../../actors/isis/index.html">en ltr</a>`, 2},
		{page("reports/", "en", false), "cities/mosul/", `<a href="../cities/mosul/index.html">en ltr</a>`, 3},
		{page("reports/b/", "ar", false), "cities/mosul/", `<a href="../../cities/mosul/index.html" lang="en">ar rtl</a>`, 4},
		{page("", "en", true), "cities/mosul/", `<a href="/cities/mosul/">en ltr</a>`, 5},
	}
	wantExecutions := []int{1, 1, 2, 3, 4, 5}
	for i, tt := range tests {
		got, err := tt.page.Cached("probe", tt.data)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		if got != tt.want {
			t.Errorf("%d: got %s, want %s", i, got, tt.want)
		}
		n := len(frags.m)
		if n != tt.kept {
			t.Errorf("%d: %d fragments kept, want %d", i, n, tt.kept)
		}
		if executions != wantExecutions[i] {
			t.Errorf("%d: partial laid out %d times, want %d", i, executions, wantExecutions[i])
		}
	}

	// A layout with partials of its own does not share fragments.
	other := page("reports/a/", "en", false)
	other.variant = 1
	if _, err := other.Cached("probe", "cities/mosul/"); err != nil || executions != 6 {
		t.Errorf("another variant: %d layouts, %v; want the partial laid out anew", executions, err)
	}

	// CachedEach joins the items, each on a line of its own, and reuses
	// what it can.
	before := executions
	got, err := page("reports/x/", "en", false).CachedEach("probe", []string{"cities/mosul/", "actors/isis/"})
	if want := template.HTML("\n" + `<a href="../../cities/mosul/index.html">en ltr</a>` + "\n" + `<a href="../../actors/isis/index.html">en ltr</a>`); err != nil || got != want || executions != before {
		t.Errorf("CachedEach: %q, %v, %d layouts; want %q and none", got, err, executions-before, want)
	}
	if got, err := page("reports/x/", "en", false).PartialEach("probe", []string{"a/"}); err != nil || got != "\n"+`<a href="../../a/index.html">en ltr</a>` {
		t.Errorf("PartialEach: %q, %v", got, err)
	}
	if _, err := page("reports/x/", "en", false).CachedEach("probe", "cities/mosul/"); err == nil {
		t.Error("CachedEach of a string: no error")
	}

	// A partial that calls itself is an error, not a stack overflow.
	if _, err := page("reports/a/", "en", false).Cached("loop", "x"); err == nil || !strings.Contains(err.Error(), "more than 100 partials one inside another") {
		t.Errorf("a partial that calls itself: %v", err)
	}

	// Partial lays out the same, and keeps nothing.
	got, err = page("reports/c/", "en", false).Partial("probe", "timeline/")
	if want := template.HTML(`<a href="../../timeline/index.html">en ltr</a>`); err != nil || got != want {
		t.Errorf("Partial: got %s, %v; want %s", got, err, want)
	}
	if n := len(frags.m); n != 6 {
		t.Errorf("after Partial: %d fragments kept, want 6", n)
	}

	_, err = page("reports/a/", "en", false).Cached("probe", []string{"x"})
	want := `Cached "probe": data of type []string cannot be a cache key; pass a pointer, a string or a number`
	if err == nil || err.Error() != want {
		t.Errorf("uncomparable data: got error %v, want %s", err, want)
	}
}

// Only a layout that defines partials of its own gets a variant.
func TestThemeVariants(t *testing.T) {
	var diags diag.List
	override := fstest.MapFS{
		"layouts/search.html":  {Data: []byte(`{{define "main"}}{{range .Site.Reports}}{{$.Cached "report-item" .}}{{end}}{{end}}{{define "report-item"}}<li>{{.Data.Title}}</li>{{end}}`)},
		"layouts/reports.html": {Data: []byte(`{{define "main"}}{{/* "main" alone */}}{{end}}`)},
	}
	th := LoadTheme(gazette.DefaultTheme(), override, "themes/x", &diags)
	if diags.HasErrors() {
		t.Fatal(diags.Sorted())
	}
	for _, l := range layoutNames {
		if got, want := th.variant[l] != 0, l == "search"; got != want {
			t.Errorf("%s: variant %d", l, th.variant[l])
		}
	}
}
