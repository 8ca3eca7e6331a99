package searchindex

import (
	"path/filepath"
	"testing"

	"gazette/internal/diag"
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
	for b.Loop() {
		if _, err := Write(s, s.Config.Editions[0], discardWriter{}, &diag.List{}); err != nil {
			b.Fatal(err)
		}
	}
}
