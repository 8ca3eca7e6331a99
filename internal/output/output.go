// Package output is where the site's files go. Writer is the interface
// every stage that makes files writes through; Dir is gazette's last
// stage, which writes the built site to disk so that the output folder is
// replaced in one step.
//
// Input: files, as the render stages hand them over. Output: the output
// folder. Files go to a temporary folder beside it; Commit swaps the two
// (atomically on Linux) and only then removes the old site, so a failed or
// interrupted build leaves the previous site as it was. A marker file
// identifies folders gazette built; any other non-empty folder is never
// replaced.
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
	final string   // the output folder
	tmp   string   // where this build writes
	tmpF  *os.File // tmp, open: removed through it, never by following a path
	lock  dirLock  // on tmpF, held from Begin to Commit or Abort

	// afterSwap, when set, is called between the swap and the removal of
	// the old site, with the path the old site was moved to: tests put
	// a symbolic link there, as an attacker could.
	afterSwap func(aside string)

	mu   sync.Mutex
	dirs map[string]bool // folders already created under tmp

	// With BeginFrom: what the build wrote or kept, and the files of the
	// earlier build's folder it began from (see reuse.go).
	files, present Files
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
	f, err := openDir(tmp)
	if err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("cannot write beside %s: %w", abs, err)
	}
	l, err := lock(f)
	if err == nil {
		err = f.Chmod(0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644)
	}
	if err != nil {
		d := &Dir{tmp: tmp, tmpF: f, lock: l}
		d.Abort()
		return nil, fmt.Errorf("cannot write beside %s: %w", abs, err)
	}
	return &Dir{final: abs, tmp: tmp, tmpF: f, lock: l, dirs: map[string]bool{".": true}}, nil
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
		f, err := openDir(o)
		if err != nil {
			continue
		}
		if l, err := lock(f); err == nil && hasMarker(f) {
			removeOwn(o, f)
			l.unlock()
		}
		f.Close()
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
	if d.files != nil {
		return d.writeFile(name, full, data)
	}
	return os.WriteFile(full, data, 0o644)
}

// Create opens name for writing as a stream; the caller closes it.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	full, err := d.path(name)
	if err != nil {
		return nil, err
	}
	if d.files != nil {
		return d.create(name, full)
	}
	return os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

// CopyFile copies srcPath of src to name without holding it in memory.
func (d *Dir) CopyFile(name string, src fs.FS, srcPath string) error {
	full, err := d.path(name)
	if err != nil {
		return err
	}
	if d.files != nil {
		return d.copyFile(name, full, src, srcPath)
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

// CleanupError is returned by Commit when the new site is in place but the
// old one, moved aside, could not be removed: the build succeeded, and
// the folder named is left for the user (or the next build) to remove.
type CleanupError struct {
	Aside string // where the old site is
	Err   error
}

func (e *CleanupError) Error() string {
	return fmt.Sprintf("the new site is in place, but the old one could not be removed from %s: %v", e.Aside, e.Err)
}

func (e *CleanupError) Unwrap() error { return e.Err }

// errReplaced is why a folder gazette moved aside is not removed: another
// file is now at its name.
var errReplaced = errors.New("it was replaced by another file since gazette moved it there")

// Commit puts the new site in place of the old one. When only the removal
// of the old site fails, the new site is in place and the error is a
// *CleanupError.
func (d *Dir) Commit() error {
	_, err := d.commit(false)
	return err
}

// CommitKeep is Commit that does not remove the old site: it returns the
// folder it was moved to ("" if there was none), for the caller to keep
// for the next build's BeginFrom, or to remove.
func (d *Dir) CommitKeep() (string, error) {
	return d.commit(true)
}

func (d *Dir) commit(keep bool) (string, error) {
	if d.present != nil {
		if err := d.prune(); err != nil {
			d.Abort()
			return "", fmt.Errorf("cannot write %s: %w", d.tmp, err)
		}
	}
	// Check again: the folder may have changed since Begin. The old site
	// is opened before the swap, without following a link, so that what
	// is removed after it is that folder and only that.
	if err := CheckReplaceable(d.final); err != nil {
		d.Abort()
		return "", err
	}
	old, err := openDir(d.final)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		old = nil
	case err != nil:
		d.Abort()
		return "", fmt.Errorf("cannot replace %s: %w", d.final, err)
	default:
		defer old.Close()
		if !hasMarker(old) && !isEmpty(old) {
			d.Abort()
			return "", fmt.Errorf("refusing to replace %s: it was not built by gazette (it has no %s file); remove it or choose another --out", d.final, Marker)
		}
	}
	aside, err := swap(d.tmp, d.final)
	if err != nil {
		d.Abort()
		return "", fmt.Errorf("cannot replace %s: %w", d.final, err)
	}
	// tmpF is the new site now: let it go.
	d.lock.unlock()
	d.tmpF.Close()
	if aside == "" || old == nil {
		return "", nil
	}
	if d.afterSwap != nil {
		d.afterSwap(aside)
	}
	if keep {
		return aside, nil
	}
	if err := removeOwn(aside, old); err != nil {
		return "", &CleanupError{Aside: aside, Err: err}
	}
	return "", nil
}

// Abort removes what this build wrote; the old site stays.
func (d *Dir) Abort() {
	removeOwn(d.tmp, d.tmpF)
	d.lock.unlock()
	d.tmpF.Close()
}

// removeOwn removes the folder gazette made or moved aside, open as f,
// whose path is now path: its contents through f, the marker last, so
// that a removal cut short by a kill leaves a folder the next build still
// knows as its own; then the folder itself, if path is still that folder.
// No symbolic link is followed: a link put at path, or anywhere inside,
// cannot make gazette remove what it points to.
func removeOwn(path string, f *os.File) error {
	if err := emptyDir(f); err != nil {
		return err
	}
	return removeEmptied(path, f)
}

// isEmpty reports whether the open folder f holds nothing.
func isEmpty(f *os.File) bool {
	names, err := f.Readdirnames(1)
	f.Seek(0, 0)
	return err == io.EOF && len(names) == 0
}
