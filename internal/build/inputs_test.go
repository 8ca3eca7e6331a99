package build

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"gazette/internal/incremental"
)

// TestReadInputsKnown: a file whose size and modification time are the
// last build's is not read again, unless its time was too close to when
// that build looked; any other file is.
func TestReadInputsKnown(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string, mtime time.Time) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	write("content/reports/a.md", "aaaa", old.Add(-time.Hour))
	write("content/reports/b.md", "bbbb", old)
	write("content/reports/c.md", "cccc", old)
	project, err := OpenProject(dir)
	if err != nil {
		t.Fatal(err)
	}
	first, err := readInputs(project, [32]byte{}, "", false, incremental.Inputs{})
	if err != nil {
		t.Fatal(err)
	}
	// Each file changed to bytes of the same size: a kept time (a) is
	// taken for an unchanged file; a new time (b) is not; nor is a kept
	// time that was racy when the last build looked (c).
	write("content/reports/a.md", "AAAA", old.Add(-time.Hour))
	write("content/reports/b.md", "BBBB", old.Add(time.Second))
	write("content/reports/c.md", "CCCC", old)
	known := first.files
	known.Files = map[string]incremental.Input{}
	for p, f := range first.files.Files {
		known.Files[p] = f
	}
	c := known.Files["content/reports/c.md"]
	known.Scanned = c.ModTime + racyInterval.Nanoseconds() - 1
	again, err := readInputs(project, [32]byte{}, "", false, known)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		read bool
	}{
		{"content/reports/a.md", false},
		{"content/reports/b.md", true},
		{"content/reports/c.md", true},
	} {
		changed := again.files.Files[tc.path].Sum != first.files.Files[tc.path].Sum
		if changed != tc.read {
			t.Errorf("%s: read again %t, want %t", tc.path, changed, tc.read)
		}
	}
	if again.all == first.all {
		t.Errorf("inputs' digest unchanged after b.md and c.md changed")
	}
}
