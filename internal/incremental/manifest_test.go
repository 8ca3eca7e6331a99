package incremental

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"gazette/internal/diag"
	"gazette/internal/output"
)

// TestManifest saves a manifest with every field set and loads it again:
// the same, whole; and a damaged one is none.
func TestManifest(t *testing.T) {
	dir := t.TempDir()
	bin := [32]byte{1}
	m := &Manifest{
		Binary: bin, Options: "base-url=\"\" drafts=false", Inputs: [32]byte{2}, Global: [32]byte{3},
		Files: Inputs{Scanned: 42, Files: map[string]Input{"content/site.yaml": {Size: 10, ModTime: 11, Sum: [32]byte{4}}}},
		Live:  output.Files{"index.html": {Hash: [32]byte{5}, Size: 12, ModTime: 13}, "a/index.html": {Hash: [32]byte{6}, Size: 14, ModTime: -15}},
		Result: Result{
			Diagnostics: []diag.Diagnostic{{Pos: diag.Pos{Path: "reports/a.md", Line: 1, Col: 2, Root: diag.Project}, Severity: diag.Warning, Msg: "m"}},
			Reports:     1, Entity: 2, Pages: 3, Files: 4, BaseURL: "https://example.org/",
		},
		Jobs:    map[string]Job{"index": {Digest: [32]byte{7}, Files: []string{"index.html", "feed.xml"}, Pages: 1, Count: 2}, "none": {Digest: [32]byte{8}}},
		Standby: output.Files{"b/index.html": {Hash: [32]byte{9}, Size: 16, ModTime: 17}},
	}
	if err := Save(dir, m); err != nil {
		t.Fatal(err)
	}
	got, trusted := Load(dir, bin, m.Options)
	if got == nil || !trusted {
		t.Fatalf("Load: %v, trusted %t", got, trusted)
	}
	if err := got.Rest(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, m)
	}
	if _, trusted := Load(dir, [32]byte{2}, m.Options); trusted {
		t.Errorf("a manifest of another binary is trusted")
	}
	file := filepath.Join(dir, "manifest")
	whole, _ := os.ReadFile(file)
	for i := range len(whole) {
		os.WriteFile(file, whole[:i], 0o644)
		if m, _ := Load(dir, bin, m.Options); m != nil && m.Rest() == nil {
			t.Fatalf("a manifest cut after %d of %d bytes loads", i, len(whole))
		}
	}
}
