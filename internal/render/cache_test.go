package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"gazette"
	"gazette/internal/config"
	"gazette/internal/diag"
	"gazette/internal/site"
	"gazette/internal/spill"
	"gazette/internal/theme"
)

func TestCached(t *testing.T) {
	t.Run("memory", func(t *testing.T) { testCached(t, &fragments{}) })
	// Past the memory budget (here none), fragments wait in the spill file.
	sp, err := spill.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	t.Run("spill", func(t *testing.T) { testCached(t, &fragments{Fragments: theme.Fragments{Max: -1, Spill: sp}}) })
}

func testCached(t *testing.T, frags *fragments) {
	// entity-link and report-item are partials that cached keeps; probe,
	// with the same body as entity-link, is not.
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"count": func() string { return "" }}).Parse(
		`{{define "entity-link"}}{{count}}<a href="{{.Link .Data}}"{{with .ChromeLang}} lang="{{.}}"{{end}}>{{.Lang}} {{.Dir}}</a>{{end}}` +
			`{{define "probe"}}{{count}}<a href="{{.Link .Data}}">{{.Lang}}</a>{{end}}` +
			`{{define "report-item"}}{{count}}{{printf "%v" .Data}}{{end}}` +
			`{{define "loop"}}{{.Partial "loop" .Data}}{{end}}`))
	s := &site.Site{Config: config.Config{Language: "en"}}
	page := func(url, lang string, notFound bool) *Page {
		ed := config.Edition{Lang: lang}
		if lang != "en" {
			ed.Prefix = lang
		}
		p := &Page{Site: s, URL: ed.Root() + url, path: url, Lang: lang, UILang: "en", Edition: ed, frags: frags, notFound: notFound}
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
		{page("reports/b/", "ar", false), "cities/mosul/", `<a href="../../cities/mosul/index.html">ar rtl</a>`, 4},
		{page("", "en", true), "cities/mosul/", `<a href="/cities/mosul/">en ltr</a>`, 5},
	}
	wantExecutions := []int{1, 1, 2, 3, 4, 5}
	for i, tt := range tests {
		got, err := tt.page.Partial("entity-link", tt.data)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		if got != tt.want {
			t.Errorf("%d: got %s, want %s", i, got, tt.want)
		}
		n := frags.Len()
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
	if _, err := other.Partial("entity-link", "cities/mosul/"); err != nil || executions != 6 {
		t.Errorf("another variant: %d layouts, %v; want the partial laid out anew", executions, err)
	}

	// A page of the same language in another interface language (an
	// English report in the Arabic edition) does not share fragments:
	// their words differ.
	ui := &Page{Site: s, URL: "reports/a/", Lang: "en", UILang: "ar", frags: frags}
	ui.prepare(tmpl, 0)
	if _, err := ui.Partial("entity-link", "cities/mosul/"); err != nil || executions != 7 {
		t.Errorf("another interface language: %d layouts, %v; want the partial laid out anew", executions, err)
	}

	// PartialEach joins the items, each on a line of its own, and reuses
	// what it can.
	before := executions
	got, err := page("reports/x/", "en", false).PartialEach("entity-link", []string{"cities/mosul/", "actors/isis/"})
	if want := template.HTML("\n" + `<a href="../../cities/mosul/index.html">en ltr</a>` + "\n" + `<a href="../../actors/isis/index.html">en ltr</a>`); err != nil || got != want || executions != before {
		t.Errorf("PartialEach: %q, %v, %d layouts; want %q and none", got, err, executions-before, want)
	}
	if _, err := page("reports/x/", "en", false).PartialEach("entity-link", "cities/mosul/"); err == nil {
		t.Error("PartialEach of a string: no error")
	}

	// A partial that calls itself is an error, not a stack overflow.
	if _, err := page("reports/a/", "en", false).Partial("loop", "x"); err == nil || !strings.Contains(err.Error(), "more than 100 partials one inside another") {
		t.Errorf("a partial that calls itself: %v", err)
	}

	// A partial that cached does not name is laid out each time, and
	// nothing is kept; so is one whose data cannot be a key.
	kept := frags.Len()
	for _, c := range []struct {
		name string
		data any
		want template.HTML
	}{
		{"probe", "timeline/", `<a href="../../timeline/index.html">en</a>`},
		{"report-item", []string{"x", "y"}, `[x y]`},
	} {
		for range 2 {
			before := executions
			got, err := page("reports/c/", "en", false).Partial(c.name, c.data)
			if err != nil || got != c.want || executions != before+1 {
				t.Errorf("Partial(%q, %v): got %s, %v, %d layouts; want %s and one", c.name, c.data, got, err, executions-before, c.want)
			}
		}
	}
	if n := frags.Len(); n != kept {
		t.Errorf("after partials not kept: %d fragments kept, want %d", n, kept)
	}

	// A partial that needs no data is given nil.
	if got, err := page("reports/c/", "en", false).Partial("report-item", nil); err != nil || got != "&lt;nil&gt;" {
		t.Errorf("Partial without data: %s, %v", got, err)
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
	for _, l := range []string{"home", "report", "reports", "record", "records", "entity", "entities", "page", "timeline", "search", "data", "404"} {
		if _, variant := th.Layout(l); (variant != 0) != (l == "search") {
			t.Errorf("%s: variant %d", l, variant)
		}
	}
}

// BenchmarkPartial lays out a small partial from a layout, 100 times a
// page: kept (entity-link), not kept (probe), and included with
// {{template}}, the floor that Partial's own cost is measured against.
func BenchmarkPartial(b *testing.B) {
	tmpl := template.Must(template.New("").Parse(
		`{{define "entity-link"}}<a href="{{.Link .Data}}">x</a>{{end}}` +
			`{{define "probe"}}<a href="{{.Link .Data}}">x</a>{{end}}` +
			`{{define "kept"}}{{range .List}}{{$.Partial "entity-link" "a/"}}{{end}}{{end}}` +
			`{{define "laid-out"}}{{range .List}}{{$.Partial "probe" "a/"}}{{end}}{{end}}` +
			`{{define "included"}}{{range .List}}{{template "probe" $.Fragment}}{{end}}{{end}}`))
	s := &site.Site{Config: config.Config{Language: "en"}}
	for _, name := range []string{"kept", "laid-out", "included"} {
		b.Run(name, func(b *testing.B) {
			p := &Page{Site: s, URL: "reports/a/", Lang: "en", frags: &fragments{}}
			p.prepare(tmpl, 0)
			var buf strings.Builder
			for b.Loop() {
				buf.Reset()
				if err := tmpl.ExecuteTemplate(&buf, name, benchPage{p, make([]int, 100)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchPage is a page with a list to range over.
type benchPage struct {
	*Page
	List []int
}

func (p benchPage) Fragment() *Fragment { f := *p.fragment(); f.Data = "a/"; return &f }

// A partial that passes its own Fragment on to a partial whose HTML is
// kept gets that partial laid out each time: the page reuses the Fragment
// for its next partial, so the same pointer holds other data then.
func TestPartialOfFragment(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(
		`{{define "pass"}}{{.Partial "report-item" .}}{{end}}` +
			`{{define "report-item"}}{{.Data.Data}}{{end}}`))
	p := &Page{Site: &site.Site{}, URL: "reports/a/", path: "reports/a/", Lang: "en", UILang: "en", frags: &fragments{}}
	p.prepare(tmpl, 0)
	for _, want := range []template.HTML{"a", "b", "a"} {
		got, err := p.Partial("pass", string(want))
		if err != nil || got != want {
			t.Errorf("got %q, %v; want %q", got, err, want)
		}
	}
	if n := p.frags.Len(); n != 0 {
		t.Errorf("%d fragments kept, want 0", n)
	}
}
