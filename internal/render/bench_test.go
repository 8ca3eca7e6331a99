package render

import (
	"gazette"
	"os"
	"path/filepath"
	"testing"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/site"
	"gazette/internal/svg"
	"gazette/internal/synth"
)

// benchReports is the size of the synthetic site the benchmarks render.
const benchReports = 1000

// benchRenderer resolves a synthetic site of benchReports reports and
// returns a renderer that writes nowhere.
func benchRenderer(b *testing.B) *renderer {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if err := synth.Write(dir, benchReports, 1, false); err != nil {
		b.Fatal(err)
	}
	var diags diag.List
	c := content.Load(os.DirFS(filepath.Join(dir, "content")), &diags)
	md := markup.New(c.Config.KindIDs())
	s := site.Resolve(c, md, site.Options{}, &diags)
	theme := LoadTheme(gazette.DefaultTheme(), nil, "themes/default", &diags)
	if diags.HasErrors() {
		b.Fatalf("synthetic site: %v", diags.Sorted())
	}
	r := &renderer{site: s, theme: theme, md: md, w: discardWriter{}, diags: &diags, frags: &fragments{}}
	r.nav = r.navigation()
	r.basemap = svg.NewBasemap(s)
	r.axis = svg.NewTimeAxis(s.Events)
	return r
}

// BenchmarkReportPages lays out every report's page, with the cache of
// fragments the pages share.
func BenchmarkReportPages(b *testing.B) {
	r := benchRenderer(b)
	for b.Loop() {
		for _, rep := range r.site.Reports {
			if err := r.page("report", r.report(rep)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(r.site.Reports)), "ns/page")
}

// BenchmarkEntityPages lays out every entity's page.
func BenchmarkEntityPages(b *testing.B) {
	r := benchRenderer(b)
	n := 0
	for b.Loop() {
		for _, k := range r.site.Kinds {
			for _, e := range k.Entities {
				if err := r.page("entity", r.entity(e)); err != nil {
					b.Fatal(err)
				}
				n++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/page")
}

type discardWriter struct{}

func (discardWriter) WriteFile(string, []byte) error { return nil }

// BenchmarkSearchIndex builds the search index of the synthetic site.
func BenchmarkSearchIndex(b *testing.B) {
	r := benchRenderer(b)
	for b.Loop() {
		if err := r.searchIndex(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFeeds writes the site feed and every entity feed, one after
// another.
func BenchmarkFeeds(b *testing.B) {
	r := benchRenderer(b)
	for b.Loop() {
		for _, job := range r.feeds() {
			if err := job(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSitemap writes sitemap.xml and robots.txt.
func BenchmarkSitemap(b *testing.B) {
	r := benchRenderer(b)
	for b.Loop() {
		if err := r.sitemap(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkData writes the open data files.
func BenchmarkData(b *testing.B) {
	r := benchRenderer(b)
	for b.Loop() {
		if err := r.data(); err != nil {
			b.Fatal(err)
		}
	}
}
