package output

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"gazette/internal/parallel"
)

// File is what a Dir knows of one of its files: its SHA-256, and its size
// and modification time as the file system gave them when it was
// written, by which a later build tells that it is still as written.
type File struct {
	Hash    [32]byte
	Size    int64
	ModTime int64 // nanoseconds since 1970
}

// Files are an output folder's files by path, slash-separated and
// relative to its root.
type Files map[string]File

// same reports whether info is the file f was when written.
func (f File) same(info fs.FileInfo) bool {
	return info.Mode().IsRegular() && info.Size() == f.Size && info.ModTime().UnixNano() == f.ModTime
}

// BeginFrom is Begin, writing into tree, the folder of an earlier build of
// out (see Dir.Keep), instead of an empty one: a file the build writes
// with the bytes tree already has is left as it is, and at Commit what
// the build did not write or keep is removed from it. known are tree's
// files as that build left them. tree must be on out's file system; it
// is moved beside out and is no longer at its path.
//
// A tree that cannot be used (missing, moved, holding anything but
// folders and files) is removed, and BeginFrom begins with an empty
// folder as Begin does.
func BeginFrom(out, tree string, known Files) (*Dir, error) {
	d, err := Begin(out)
	if err != nil {
		return nil, err
	}
	d.files = Files{}
	if tree == "" {
		return d, nil
	}
	f, err := openDir(tree)
	if err != nil {
		return d, nil // none
	}
	l, err := lock(f)
	if err != nil {
		f.Close()
		return d, nil // in use: a build of it is running
	}
	present, dirs, ok := scan(tree, known)
	if !hasMarker(f) || !ok {
		// Not ours, or not as gazette leaves a folder: ours is removed.
		if ok || hasMarker(f) {
			removeOwn(tree, f)
		}
		l.unlock()
		f.Close()
		return d, nil
	}
	// The tree takes the place of the empty folder Begin made, and keeps
	// its lock: the descriptor follows the folder through the rename.
	if err := os.Rename(tree, d.tmp+".reuse"); err != nil {
		l.unlock()
		f.Close()
		return d, nil
	}
	d.Abort()
	if err := os.Rename(d.tmp+".reuse", d.tmp); err != nil {
		removeOwn(d.tmp+".reuse", f)
		l.unlock()
		f.Close()
		return Begin(out)
	}
	d.tmpF, d.lock = f, l
	d.present, d.dirs = present, dirs
	return d, nil
}

// scan walks tree: the files that are as known says, each with its entry
// (a zero File for one that changed since), and its folders. ok is false
// when the tree holds anything but folders and regular files, which no
// build of gazette makes. The folders of each depth are read in
// parallel: a site of 10,000 reports has as many folders.
func scan(tree string, known Files) (present Files, dirs map[string]bool, ok bool) {
	present, dirs = Files{}, map[string]bool{".": true}
	var mu sync.Mutex
	bad := false
	level := []string{"."}
	for len(level) > 0 {
		var next []string
		parallel.For(len(level), func(i int) {
			dir := level[i]
			entries, err := os.ReadDir(filepath.Join(tree, filepath.FromSlash(dir)))
			var sub []string
			files := Files{}
			fail := err != nil
			for _, e := range entries {
				if fail {
					break
				}
				rel := path.Join(dir, e.Name())
				switch {
				case e.IsDir():
					sub = append(sub, rel)
					continue
				case !e.Type().IsRegular():
					fail = true
					continue
				case rel == Marker:
					continue
				}
				info, err := e.Info()
				if err != nil {
					fail = true
					continue
				}
				if k, ok := known[rel]; ok && k.same(info) {
					files[rel] = k
				} else {
					files[rel] = File{}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			bad = bad || fail
			for _, d := range sub {
				dirs[d] = true
			}
			next = append(next, sub...)
			maps.Copy(present, files)
		})
		if bad {
			return nil, nil, false
		}
		level = next
	}
	return present, dirs, true
}

// Files returns what the build wrote or kept, when it began with
// BeginFrom; nil otherwise.
func (d *Dir) Files() Files { return d.files }

// Keep puts the file name of the site at live, the output folder as the
// last build left it, where f says it is as that build wrote it, into
// this build unchanged: a hard link, so that nothing is copied. It
// returns false when live's file is no longer as written, and the caller
// must make the file again.
func (d *Dir) Keep(name string, f File, live string) (bool, error) {
	full, err := d.path(name)
	if err != nil {
		return false, err
	}
	d.mu.Lock()
	have := d.present[name]
	d.mu.Unlock()
	if have.Hash == f.Hash && have != (File{}) {
		d.put(name, have)
		return true, nil
	}
	src := filepath.Join(live, filepath.FromSlash(name))
	f, ok := check(src, f)
	if !ok {
		return false, nil
	}
	if err := d.clear(name, full); err != nil {
		return false, err
	}
	if err := os.Link(src, full); err != nil {
		return false, nil
	}
	// A link shares its file: the live one may have changed between the
	// check and the link.
	if info, err := os.Lstat(full); err != nil || !f.same(info) {
		os.Remove(full)
		return false, nil
	}
	d.put(name, f)
	return true, nil
}

// check reports whether the file at p is f: by its size and modification
// time, or, when only the time differs (a cache restored by a tool that
// does not keep times to the nanosecond), by its hash. It returns f with
// the file's time.
func check(p string, f File) (File, bool) {
	info, err := os.Lstat(p)
	switch {
	case err != nil || !info.Mode().IsRegular() || info.Size() != f.Size:
		return f, false
	case f.same(info):
		return f, true
	}
	b, err := os.ReadFile(p)
	if err != nil || sha256.Sum256(b) != f.Hash {
		return f, false
	}
	f.ModTime = info.ModTime().UnixNano()
	return f, true
}

func (d *Dir) put(name string, f File) {
	d.mu.Lock()
	d.files[name] = f
	d.mu.Unlock()
}

// clear removes the file an earlier build left at name, if any, so that
// a new one is made in its place: it may be a link to a file of the live
// site, which must not change.
func (d *Dir) clear(name, full string) error {
	d.mu.Lock()
	_, ok := d.present[name]
	_, put := d.files[name]
	d.mu.Unlock()
	if !ok && !put {
		return nil
	}
	if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// keepSame reports whether the folder already holds name, as written, with
// the bytes whose hash is sum, and then keeps it.
func (d *Dir) keepSame(name string, sum [32]byte) bool {
	d.mu.Lock()
	have, ok := d.present[name]
	d.mu.Unlock()
	if ok && have.Hash == sum && have != (File{}) {
		d.put(name, have)
		return true
	}
	return false
}

// writeFile is WriteFile for a Dir that keeps Files.
func (d *Dir) writeFile(name, full string, data []byte) error {
	sum := sha256.Sum256(data)
	if d.keepSame(name, sum) {
		return nil
	}
	if err := d.clear(name, full); err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return d.closeFile(name, f, sum)
}

// closeFile closes the file f just written at name, and records it.
func (d *Dir) closeFile(name string, f *os.File, sum [32]byte) error {
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	d.put(name, File{Hash: sum, Size: info.Size(), ModTime: info.ModTime().UnixNano()})
	return nil
}

// create is Create for a Dir that keeps Files: the file is always
// written, its hash taken as it goes.
func (d *Dir) create(name, full string) (io.WriteCloser, error) {
	if err := d.clear(name, full); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	return &hashed{f: f, h: sha256.New(), d: d, name: name}, nil
}

type hashed struct {
	f    *os.File
	h    hash.Hash
	d    *Dir
	name string
}

func (h *hashed) Write(b []byte) (int, error) {
	h.h.Write(b)
	return h.f.Write(b)
}

func (h *hashed) Close() error {
	var sum [32]byte
	h.h.Sum(sum[:0])
	return h.d.closeFile(h.name, h.f, sum)
}

// copyFile is CopyFile for a Dir that keeps Files.
func (d *Dir) copyFile(name, full string, src fs.FS, srcPath string) error {
	in, err := src.Open(srcPath)
	if err != nil {
		return err
	}
	h := sha256.New()
	_, err = io.Copy(h, in)
	in.Close()
	if err != nil {
		return err
	}
	var sum [32]byte
	h.Sum(sum[:0])
	if d.keepSame(name, sum) {
		return nil
	}
	w, err := d.create(name, full)
	if err != nil {
		return err
	}
	if in, err = src.Open(srcPath); err != nil {
		w.Close()
		return err
	}
	defer in.Close()
	if _, err := io.Copy(w, in); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// prune removes from a reused tree the files this build neither wrote nor
// kept, and the folders left empty.
func (d *Dir) prune() error {
	for name := range d.present {
		if _, ok := d.files[name]; ok {
			continue
		}
		if err := os.Remove(filepath.Join(d.tmp, filepath.FromSlash(name))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	need := map[string]bool{".": true}
	for name := range d.files {
		for dir := path.Dir(name); !need[dir]; dir = path.Dir(dir) {
			need[dir] = true
		}
	}
	var gone []string
	for dir := range d.dirs {
		if !need[dir] {
			gone = append(gone, dir)
		}
	}
	// Deepest first, so that a folder is empty when it is removed.
	slices.SortFunc(gone, func(a, b string) int { return strings.Count(b, "/") - strings.Count(a, "/") })
	for _, dir := range gone {
		if err := os.Remove(filepath.Join(d.tmp, filepath.FromSlash(dir))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Verify reports whether the folder dir holds exactly files, each as
// written, besides the marker: that an output folder is as the build
// that wrote it left it.
func Verify(dir string, files Files) bool {
	present, _, ok := scan(dir, files)
	if !ok || len(present) != len(files) {
		return false
	}
	for name, f := range present {
		if f != (File{}) {
			continue
		}
		want, ok := files[name]
		if !ok {
			return false
		}
		if _, ok := check(filepath.Join(dir, filepath.FromSlash(name)), want); !ok {
			return false
		}
	}
	return true
}

// Remove removes dir, a folder gazette built (it holds the marker), as
// a build removes the old site: nothing outside it, whatever links it
// holds. A folder that is not there is not an error; one gazette did not
// build is.
func Remove(dir string) error {
	f, err := openDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if !hasMarker(f) && !isEmpty(f) {
		return fmt.Errorf("refusing to remove %s: it was not built by gazette", dir)
	}
	return removeOwn(dir, f)
}
