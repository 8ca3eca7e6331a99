package export

import (
	"html/template"
	"path/filepath"
	"testing"

	"gazette/internal/synth"
)

type discardWriter struct{}

func (discardWriter) WriteFile(string, []byte) error { return nil }

// keys are Words that say each message's key.
type keys struct{}

func (keys) HTML(key string, _ ...any) template.HTML { return template.HTML(key) }

// BenchmarkWrite writes the open data files of a synthetic site of 1,000
// reports.
func BenchmarkWrite(b *testing.B) {
	s, _, err := synth.Site(filepath.Join(b.TempDir(), "site"), 1000)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Write(s, discardWriter{}, keys{}); err != nil {
			b.Fatal(err)
		}
	}
}
