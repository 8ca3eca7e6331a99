package render

import (
	"path/filepath"
	"testing"

	"gazette"
	"gazette/internal/diag"
	"gazette/internal/render/timeline"
	"gazette/internal/svg"
	"gazette/internal/synth"
)

// benchReports is the size of the synthetic site the benchmarks render.
const benchReports = 1000

// benchRenderer resolves a synthetic site of benchReports reports and
// returns a renderer that writes nowhere.
func benchRenderer(b *testing.B) *renderer {
	b.Helper()
	s, md, err := synth.Site(filepath.Join(b.TempDir(), "site"), benchReports)
	if err != nil {
		b.Fatal(err)
	}
	var diags diag.List
	theme := LoadTheme(gazette.DefaultTheme(), nil, "themes/default", &diags)
	if diags.HasErrors() {
		b.Fatalf("theme: %v", diags.Sorted())
	}
	sh := &shared{site: s, theme: theme, md: md, diags: &diags, frags: &fragments{}}
	sh.basemap = svg.NewBasemap(s)
	sh.axis = svg.NewTimeAxis(s.Events)
	sh.tl = timeline.New(s)
	return newRenderer(sh, s.Config.Editions[0])
}

// BenchmarkReportPages lays out every report's page, with the cache of
// fragments the pages share.
func BenchmarkReportPages(b *testing.B) {
	r := benchRenderer(b)
	for b.Loop() {
		for _, rep := range r.site.Reports {
			if err := r.page(&sink{Writer: discardWriter{}}, "report", r.report(rep)); err != nil {
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
				if err := r.page(&sink{Writer: discardWriter{}}, "entity", r.entity(e)); err != nil {
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
