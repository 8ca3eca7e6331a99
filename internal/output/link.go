package output

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"gazette/internal/parallel"
)

// LinkTree makes the folder dst, which must not exist, a copy of the
// output folder src made of hard links to its files, as files lists them:
// a folder for BeginFrom, so that the next build writes only what
// changes, whatever folder the last one replaced. It returns dst's files,
// which are src's (a link shares its file). dst holds the marker first,
// so that what a failure leaves is a folder Remove takes.
func LinkTree(src, dst string, files Files) (Files, error) {
	if err := os.Mkdir(dst, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dst, Marker), []byte(markerText), 0o644); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	dirs := map[string]bool{}
	for name := range files {
		if !validName(name) {
			return nil, fmt.Errorf("refusing to link %q: not a plain path inside the output folder", name)
		}
		names = append(names, name)
		for d := path.Dir(name); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	// Folders by depth, each depth in parallel after its parents.
	byDepth := map[int][]string{}
	for d := range dirs {
		n := strings.Count(d, "/")
		byDepth[n] = append(byDepth[n], d)
	}
	for n := 0; len(byDepth[n]) > 0; n++ {
		level := byDepth[n]
		var mu sync.Mutex
		var first error
		parallel.For(len(level), func(i int) {
			if err := os.Mkdir(filepath.Join(dst, filepath.FromSlash(level[i])), 0o755); err != nil {
				mu.Lock()
				first = cmpErr(first, err)
				mu.Unlock()
			}
		})
		if first != nil {
			return nil, first
		}
	}
	slices.Sort(names)
	var mu sync.Mutex
	var first error
	parallel.For(len(names), func(i int) {
		rel := filepath.FromSlash(names[i])
		if err := os.Link(filepath.Join(src, rel), filepath.Join(dst, rel)); err != nil {
			mu.Lock()
			first = cmpErr(first, err)
			mu.Unlock()
		}
	})
	if first != nil {
		return nil, first
	}
	out := make(Files, len(files))
	for name, f := range files {
		out[name] = f
	}
	return out, nil
}

// cmpErr is the first of two errors, the one seen first.
func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// validName reports whether name is a file path inside an output folder
// and not its marker, as Dir's path checks.
func validName(name string) bool {
	return name != "" && fs.ValidPath(name) && !strings.Contains(name, "\\") && name != Marker
}
