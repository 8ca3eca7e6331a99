package render_test

import (
	"io/fs"
	"maps"
	"strings"
	"testing"

	"gazette"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/render"
	"gazette/internal/site"
)

// buildSite builds files (baseSite's, changed) with the default theme and
// the project theme files theme, and returns the site's files and the
// diagnostics not about the content.
func buildSite(t *testing.T, files, theme map[string]string) (map[string][]byte, []string) {
	t.Helper()
	var diags diag.List
	all := maps.Clone(baseSite)
	maps.Copy(all, files)
	contentFS, _ := fs.Sub(mapFS(all), "content")
	c := content.Load(contentFS, &diags)
	md := markup.New(c.Config.KindIDs())
	s := site.Resolve(c, md, site.Options{}, &diags)
	var themeFS fs.FS
	if theme != nil {
		themeFS, _ = fs.Sub(mapFS(theme), "content")
	}
	th := render.LoadTheme(gazette.DefaultTheme(), themeFS, "themes/mine", &diags)
	out := map[string][]byte{}
	if th != nil && !diags.HasErrors() {
		w := &memWriter{files: out}
		if _, err := render.Render(s, th, md, w, render.Options{}, &diags); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, d := range diags.Sorted() {
		if d.Pos.Root != diag.Content { // baseSite's own warnings are not the theme's
			got = append(got, d.String())
		}
	}
	return out, got
}

// A site whose language is Arabic, with Arabic-Indic digits, has its
// interface in Arabic: navigation, headings, dates with the Levantine
// month names, counts in their plural forms.
func TestArabicInterface(t *testing.T) {
	out, diags := buildSite(t, map[string]string{
		"site.yaml": "title: Cut Off\nlanguages: [{lang: ar, digits: arab}]\n",
	}, nil)
	if len(diags) > 0 || out["index.html"] == nil {
		t.Fatalf("%v", diags)
	}
	for file, wants := range map[string][]string{
		"reports/2016-08-12-mosul/index.html": {
			`<time datetime="2016-08-12">١٢ آب ٢٠١٦</time>`, `مصدر واحد`, `حدث واحد`, `>التقارير</a>`,
			`<h2 id="sources">المصادر</h2>`, `<td data-label="متى">آب ٢٠١٦</td>`,
		},
		"reports/index.html": {`<h1>التقارير</h1>`, `<h2 id="y2016">٢٠١٦</h2>`},
		"404.html":           {`<h1>الصفحة غير موجودة</h1>`},
	} {
		page := string(out[file])
		for _, want := range wants {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", file, want)
			}
		}
		for _, english := range []string{">Reports<", ">Sources<", "August", "Skip to content"} {
			if strings.Contains(page, english) {
				t.Errorf("%s has English %q", file, english)
			}
		}
	}
}

// A project's theme overrides one message of the default catalogue; a
// message its layouts use that no catalogue has is a warning at the use,
// and the page shows its key rather than a blank; a language of the site
// whose catalogue lacks messages is warned about, key by key.
func TestThemeMessages(t *testing.T) {
	out, diags := buildSite(t, map[string]string{
		"site.yaml": "title: Cut Off\nlanguages: [en, ar]\n",
	}, map[string]string{
		"i18n/en.yaml":      "nav.reports: Dispatches\nbyline: By the desk\n",
		"layouts/page.html": "{{define \"main\" -}}\n<h1>{{.Title}}</h1>\n<p>{{.T \"byline\"}} {{.T \"no.such\"}}</p>\n{{- end}}\n",
	})
	joined := strings.Join(diags, "\n")
	for _, w := range []string{
		`themes/mine/layouts/page.html:3:25: warning: message "no.such" is not in the en catalogue, to which every language falls back; add it to i18n/en.yaml`,
		`(default theme)/i18n/ar.yaml:1:1: warning: message "byline" is missing for ar: its pages show the en message instead`,
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("diagnostics lack\n%s\ngot\n%s", w, joined)
		}
	}
	home := string(out["index.html"])
	if !strings.Contains(home, `>Dispatches</a>`) || !strings.Contains(home, `>Timeline</a>`) {
		t.Errorf("home: the overridden message, and the others kept, not in the navigation")
	}
	if about := string(out["about/index.html"]); !strings.Contains(about, "<p>By the desk no.such</p>") {
		t.Errorf("about page: %s", about)
	}
}
