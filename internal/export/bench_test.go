package export

import (
	"path/filepath"
	"testing"

	"gazette/internal/synth"
)

type discardWriter struct{}

func (discardWriter) WriteFile(string, []byte) error { return nil }

// BenchmarkWrite writes the open data files of a synthetic site of 1,000
// reports.
func BenchmarkWrite(b *testing.B) {
	s, _, err := synth.Site(filepath.Join(b.TempDir(), "site"), 1000)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Write(s, discardWriter{}); err != nil {
			b.Fatal(err)
		}
	}
}
