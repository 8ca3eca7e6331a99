// Package output is gazette's last stage: it writes the built site to disk
// so that the output folder is replaced in one step.
//
// Input: files, as render hands them over. Output: the output folder. Files
// go to a temporary folder beside it; Commit swaps the two (atomically on
// Linux) and only then removes the old site, so a failed or interrupted
// build leaves the previous site as it was. A marker file identifies
// folders gazette built; any other non-empty folder is never replaced.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Marker is the file that marks a folder as built by gazette.
const Marker = ".gazette-build"

const markerText = "This folder was built by gazette and is replaced by each build.\n"

// Dir is an output folder being written.
type Dir struct {
	final string // the output folder
	tmp   string // where this build writes

	mu   sync.Mutex
	dirs map[string]bool // folders already created under tmp
}

// Begin prepares to replace the folder out. It refuses a folder that holds
// anything gazette did not build.
func Begin(out string) (*Dir, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	if err := CheckReplaceable(abs); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(abs), filepath.Base(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	// Folders left by builds that were killed before they could clean up.
	if old, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*")); len(old) > 0 {
		for _, o := range old {
			if _, err := os.Stat(filepath.Join(o, Marker)); err == nil || isEmptyOrOurs(o) {
				os.RemoveAll(o)
			}
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot write beside %s: %w", abs, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Dir{final: abs, tmp: tmp, dirs: map[string]bool{".": true}}, nil
}

// isEmptyOrOurs reports whether a leftover temporary folder holds only what
// an interrupted build writes. Without the marker we cannot be sure, so only
// folders whose every file is an HTML, CSS, XML, JSON or text file qualify.
func isEmptyOrOurs(dir string) bool {
	ours := true
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || (!d.IsDir() && !strings.Contains(".html.css.xml.json.txt.csv.js.svg", filepath.Ext(p))) {
			ours = false
			return filepath.SkipAll
		}
		return nil
	})
	return ours
}

// CheckReplaceable returns an error when dir exists and holds files but no
// marker: it was not built by gazette, and replacing it could lose work.
func CheckReplaceable(dir string) error {
	if filepath.Dir(dir) == dir {
		return fmt.Errorf("refusing to use the root folder %s as the output folder", dir)
	}
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("refusing to replace %s: it is a symbolic link", dir)
	case !info.IsDir():
		return fmt.Errorf("refusing to replace %s: it is a file, not a folder", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); err == io.EOF {
		return nil // empty
	}
	return fmt.Errorf("refusing to replace %s: it was not built by gazette (it has no %s file); remove it or choose another --out", dir, Marker)
}

// Path returns the final output folder.
func (d *Dir) Path() string { return d.final }

// WriteFile writes one file of the site. It is safe for concurrent use.
func (d *Dir) WriteFile(name string, data []byte) error {
	full, err := d.path(name)
	if err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// CopyFile copies srcPath of src to name without holding it in memory.
func (d *Dir) CopyFile(name string, src fs.FS, srcPath string) error {
	full, err := d.path(name)
	if err != nil {
		return err
	}
	in, err := src.Open(srcPath)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// path checks name and creates its folder. A name that could leave the
// output folder is refused, whatever stage produced it.
func (d *Dir) path(name string) (string, error) {
	if name == "" || !fs.ValidPath(name) || strings.Contains(name, "\\") || name == Marker {
		return "", fmt.Errorf("refusing to write %q: not a plain path inside the output folder", name)
	}
	dir := path.Dir(name)
	d.mu.Lock()
	made := d.dirs[dir]
	d.mu.Unlock()
	if !made {
		if err := os.MkdirAll(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil {
			return "", err
		}
		d.mu.Lock()
		d.dirs[dir] = true
		d.mu.Unlock()
	}
	return filepath.Join(d.tmp, filepath.FromSlash(name)), nil
}

// Commit puts the new site in place of the old one.
func (d *Dir) Commit() error {
	if err := os.WriteFile(filepath.Join(d.tmp, Marker), []byte(markerText), 0o644); err != nil {
		d.Abort()
		return err
	}
	// Check again: the folder may have changed since Begin.
	if err := CheckReplaceable(d.final); err != nil {
		d.Abort()
		return err
	}
	old, err := swap(d.tmp, d.final)
	if err != nil {
		d.Abort()
		return fmt.Errorf("cannot replace %s: %w", d.final, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes what this build wrote; the old site stays.
func (d *Dir) Abort() {
	os.RemoveAll(d.tmp)
}
