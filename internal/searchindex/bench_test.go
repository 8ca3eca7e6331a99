package searchindex

import (
	"path/filepath"
	"testing"

	"gazette"

	"gazette/internal/diag"
	"gazette/internal/i18n"
	"gazette/internal/synth"
)

type discardWriter struct{}

func (discardWriter) WriteFile(string, []byte) error { return nil }

// BenchmarkWrite builds the search index of a synthetic site of 1,000
// reports.
func BenchmarkWrite(b *testing.B) {
	s, _, err := synth.Site(filepath.Join(b.TempDir(), "site"), 1000)
	if err != nil {
		b.Fatal(err)
	}
	c, err := i18n.FromFS(gazette.DefaultTheme())
	if err != nil {
		b.Fatal(err)
	}
	en := c.Localizer("en", "")
	for b.Loop() {
		if _, err := Write(s, s.Config.Editions[0], en, discardWriter{}, &diag.List{}); err != nil {
			b.Fatal(err)
		}
	}
}
