package render_test

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"gazette"
	"gazette/internal/diag"
	"gazette/internal/render"
)

// failingFS is a file system whose file fail cannot be opened, as a disk
// error or a file removed during the build would have it.
type failingFS struct {
	fs.FS
	fail string
}

func (f failingFS) Open(name string) (fs.File, error) {
	if name == f.fail {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("input/output error")}
	}
	return f.FS.Open(name)
}

// TestThemeReadErrors checks that a theme's stylesheet or static folder
// that cannot be read is an error where it is, not an empty stylesheet or
// a missing file in the site.
func TestThemeReadErrors(t *testing.T) {
	theme := fstest.MapFS{
		"static/style.css": {Data: []byte("body { color: red }\n")},
		"static/logo.svg":  {Data: []byte("<svg/>")},
	}
	for _, c := range []struct{ fail, want string }{
		{"static/style.css", "themes/mine/static/style.css:1:1: error: cannot read the stylesheet: open static/style.css: input/output error"},
		{"static", "themes/mine/static:1:1: error: cannot read: open static: input/output error"},
	} {
		var diags diag.List
		render.LoadTheme(gazette.DefaultTheme(), failingFS{theme, c.fail}, "themes/mine", &diags)
		var got []string
		for _, d := range diags.Sorted() {
			got = append(got, d.String())
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s failing: got %q, want %q", c.fail, got, c.want)
		}
	}
}
