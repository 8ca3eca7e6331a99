package build

import (
	"io"
	"io/fs"

	"gazette/internal/diag"
	"gazette/internal/output"
	"gazette/internal/site"
)

// The content's static/ files are copied after the render, so that they
// replace what it made under the same names.

// shadowed is the Writer of a site with static/ files: it warns at each
// static file that will replace a file the site makes itself (the home
// page, style.css, a feed), which copyStatic writes after the render. It
// looks each written name up among the static files, so it costs no
// memory however large the site. The theme's static files are meant to be
// replaced by the content's, and are not written here when they are.
type shadowed struct {
	w      output.Writer
	static map[string]bool
	diags  *diag.List
}

func newShadowed(w output.Writer, static []string, diags *diag.List) *shadowed {
	set := make(map[string]bool, len(static))
	for _, p := range static {
		set[p] = true
	}
	return &shadowed{w, set, diags}
}

func (s *shadowed) check(name string) {
	if s.static[name] {
		s.diags.Warnf(diag.Pos{Path: "static/" + name}, "this file replaces the %s that gazette makes; rename or move it, unless replacing it is what you mean", name)
	}
}

func (s *shadowed) WriteFile(name string, data []byte) error {
	s.check(name)
	return s.w.WriteFile(name, data)
}

// Create keeps the underlying writer's streaming.
func (s *shadowed) Create(name string) (io.WriteCloser, error) {
	s.check(name)
	return output.Create(s.w, name)
}

// copyStatic copies the content's static/ files, as they are.
func copyStatic(s *site.Site, content fs.FS, w output.Writer) (int, error) {
	for _, p := range s.Static {
		if err := output.CopyFile(w, p, content, "static/"+p); err != nil {
			return 0, err
		}
	}
	return len(s.Static), nil
}
