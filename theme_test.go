package gazette

import (
	"io/fs"
	"slices"
	"testing"
)

// TestDefaultThemeFiles lists the embedded theme: every file of
// themes/default is there, static/_headers included, which go:embed skips
// unless its pattern says all:.
func TestDefaultThemeFiles(t *testing.T) {
	var got []string
	err := fs.WalkDir(DefaultTheme(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"static/_headers", "static/style.css", "static/search.js", "layouts/base.html"} {
		if !slices.Contains(got, want) {
			t.Errorf("the embedded default theme has no %s; it has %v", want, got)
		}
	}
}
