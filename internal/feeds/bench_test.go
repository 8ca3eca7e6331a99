package feeds

import (
	"path/filepath"
	"testing"

	"gazette/internal/site"
	"gazette/internal/synth"
)

func benchSite(b *testing.B) *site.Site {
	b.Helper()
	s, _, err := synth.Site(filepath.Join(b.TempDir(), "site"), 1000)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkFeeds makes the site feed and every entity feed of a synthetic
// site of 1,000 reports, one after another.
func BenchmarkFeeds(b *testing.B) {
	s := benchSite(b)
	for b.Loop() {
		Site(s, s.Config.Editions[0])
		for _, k := range s.Kinds {
			for _, e := range k.Entities {
				Entity(s, s.Config.Editions[0], e)
			}
		}
	}
}

// BenchmarkSitemap makes sitemap.xml.
func BenchmarkSitemap(b *testing.B) {
	s := benchSite(b)
	for b.Loop() {
		Sitemap(s)
	}
}
