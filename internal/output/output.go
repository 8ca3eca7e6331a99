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

	lock dirLock // held from Begin to Commit or Abort

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
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot write beside %s: %w", abs, err)
	}
	// The marker goes in first, and the folder stays locked while this
	// build runs: a leftover is then known to be ours, and not in use.
	lock, err := lockDir(tmp)
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644)
	}
	if err != nil {
		lock.unlock()
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("cannot write beside %s: %w", abs, err)
	}
	return &Dir{final: abs, tmp: tmp, lock: lock, dirs: map[string]bool{".": true}}, nil
}

// removeLeftovers removes the temporary folders that builds killed before
// they could clean up left beside the output folder: only those that hold
// gazette's marker and that no running build has locked, or that are empty
// (a build killed between creating one and marking it). Anything else that
// happens to match the name is left alone.
func removeLeftovers(parent, base string) {
	old, _ := filepath.Glob(filepath.Join(parent, "."+base+".tmp-*"))
	for _, o := range old {
		info, err := os.Lstat(o)
		if err != nil || !info.IsDir() {
			continue
		}
		if os.Remove(o) == nil {
			continue // it was empty
		}
		if m, err := os.Lstat(filepath.Join(o, Marker)); err != nil || !m.Mode().IsRegular() {
			continue
		}
		if l, err := lockDir(o); err == nil {
			removeMarked(o)
			l.unlock()
		}
	}
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

// WriteFile writes one file of the site. It is safe for concurrent use.
func (d *Dir) WriteFile(name string, data []byte) error {
	full, err := d.path(name)
	if err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o644)
}

// Create opens name for writing as a stream; the caller closes it.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	full, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
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
	if err := d.mkdir(path.Dir(name)); err != nil {
		return "", err
	}
	return filepath.Join(d.tmp, filepath.FromSlash(name)), nil
}

// mkdir makes the folder dir (slash-separated, relative to the output
// root) and its parents. Each is made once, with one system call, since
// the folders made so far are known.
func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	made := d.dirs[dir]
	d.mu.Unlock()
	if made {
		return nil
	}
	if err := d.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	err := os.Mkdir(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// Commit puts the new site in place of the old one.
func (d *Dir) Commit() error {
	defer d.lock.unlock()
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
		return removeMarked(old)
	}
	return nil
}

// Abort removes what this build wrote; the old site stays.
func (d *Dir) Abort() {
	removeMarked(d.tmp)
	d.lock.unlock()
}

// removeMarked removes a folder gazette wrote, its marker last, so that a
// removal cut short by a kill leaves a folder the next build still knows
// as its own.
func removeMarked(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	for _, e := range entries {
		if e.Name() != Marker {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return os.RemoveAll(dir)
}
