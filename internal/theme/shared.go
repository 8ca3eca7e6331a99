package theme

import (
	"html/template"
	"io/fs"
	"reflect"
	"sync"

	"gazette/internal/diag"
	"gazette/internal/i18n"
)

// Shared is a default theme whose parse is kept for every later Load
// given the same Shared and no theme of the project's (and whose message
// catalogue is kept for every Load, with a project's theme or without): gazette serve
// rebuilds the site on every change, and a test binary builds hundreds of
// sites, each paying 30-40 ms to parse the same embedded files (a template
// set cloned per layout, three message catalogues) when nothing can have
// changed them. A project's theme is read anew on every Load, as its files
// change under serve; so is the default theme when it is not wrapped in a
// Shared. A loaded Theme is safe for concurrent use (html/template
// escapes a template once, under its own lock), so builds may share one.
type Shared struct {
	fs.FS

	mu    sync.Mutex
	funcs uintptr // the template functions it was parsed with
	theme *Theme  // nil until a Load parsed it without a problem

	catOnce sync.Once
	cat     *i18n.Catalogue // the default theme's catalogue; nil if it had a problem
}

// Share wraps the default theme's files, def, so that Load parses them
// once.
func Share(def fs.FS) *Shared { return &Shared{FS: def} }

// load is Load of s with no project theme. Only a parse that reported
// nothing is kept: a problem, and the theme that came with it, is found
// and reported anew by each Load. The template functions are part of the
// parse; a Load with another function than the kept parse's, told apart
// by its code (reflect's Pointer: two closures of one literal look the
// same), parses again. gazette has one, render's.
func (s *Shared) load(dir string, funcs func(en *i18n.Localizer) template.FuncMap, diags *diag.List) *Theme {
	fn := reflect.ValueOf(funcs).Pointer()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.theme != nil && s.funcs == fn {
		return s.theme
	}
	var own diag.List
	t := load(s.FS, nil, s.catalogue(), dir, funcs, &own)
	if problems := own.Sorted(); len(problems) > 0 {
		diags.Append(problems...)
		return t
	}
	s.theme, s.funcs = t, fn
	return t
}

// catalogue returns the default theme's message catalogue, read the
// first time it is asked for; nil when reading it reported anything, so
// that each Load reads it and reports that anew.
func (s *Shared) catalogue() *i18n.Catalogue {
	s.catOnce.Do(func() {
		var own diag.List
		r := &themeReader{def: s.FS, diags: &own}
		if cat := r.loadCatalogue(); len(own.Sorted()) == 0 && !r.refused {
			s.cat = cat
		}
	})
	return s.cat
}
