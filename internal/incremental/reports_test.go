package incremental

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"gazette/internal/content"
	"gazette/internal/diag"
)

// TestReports saves the reports a Load kept and opens them again: whole
// and by the same binary they are used; truncated, corrupt or by another
// binary, none is.
func TestReports(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":       {Data: []byte("title: T\n")},
		"cities/mosul.md": {Data: []byte("---\nname: Mosul\n---\n")},
		"reports/a.md":    {Data: []byte("---\ntitle: A\ndate: 2016-01-02\nsources: []\ncities: [mosul]\n---\nA.\n")},
		"reports/b.md":    {Data: []byte("---\ntitle: B\ndate: 2016-01-03\nsources: []\n---\nB.\n")},
	}
	dir := t.TempDir()
	bin := [32]byte{1}
	m := OpenReports(dir, bin)
	var diags diag.List
	content.LoadMemo(fsys, m, &diags)
	if err := SaveReports(dir, bin, m); err != nil {
		t.Fatal(err)
	}
	// used reports whether a Load with what dir holds parsed nothing.
	used := func(bin [32]byte) bool {
		m := OpenReports(dir, bin)
		var diags diag.List
		content.LoadMemo(fsys, m, &diags)
		_, kept, changed := m.Kept()
		if len(kept) != 2 {
			t.Errorf("%d reports kept, want 2", len(kept))
		}
		return !changed
	}
	if !used(bin) {
		t.Errorf("the saved reports were not used")
	}
	if used([32]byte{2}) {
		t.Errorf("reports saved by another binary were used")
	}
	file := filepath.Join(dir, "reports")
	whole, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, damage := range []struct {
		name string
		b    []byte
	}{
		{"truncated", whole[:len(whole)-40]},
		{"corrupt", append(append([]byte{}, whole[:len(whole)/2]...), append([]byte{whole[len(whole)/2] ^ 0x40}, whole[len(whole)/2+1:]...)...)},
		{"empty", nil},
	} {
		os.WriteFile(file, damage.b, 0o644)
		if used(bin) {
			t.Errorf("%s: the reports were used", damage.name)
		}
	}
}
