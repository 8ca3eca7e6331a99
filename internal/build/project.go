package build

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// OpenProject opens the project folder dir for Options.Project. It is an
// os.Root: a path that leads out of dir, through a symbolic link or "..",
// cannot be opened, so no file from outside the project can reach the
// site. It returns an error when dir has no content folder.
func OpenProject(dir string) (fs.FS, error) {
	noContent := fmt.Errorf("no content folder in %s: run gazette in a project folder, or pass -C DIR", absOr(dir))
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, noContent
	}
	if _, err := root.Lstat("content"); err != nil {
		root.Close()
		return nil, noContent
	}
	return root.FS(), nil
}

// insideProject returns an error when rel, a folder of the project such as
// content or themes, is a symbolic link that leads out of the project: a
// link there would publish any folder the build can read. A relative link
// that stays inside the project is followed; links inside these folders
// are refused by their loaders. Through OpenProject's os.Root, no path
// leads out anyway: this says why, at the link.
func insideProject(project fs.FS, rel string) error {
	info, err := fs.Lstat(project, rel)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil // not there, or not a link
	}
	target, err := fs.ReadLink(project, rel)
	switch {
	case err != nil:
		return fmt.Errorf("%s is a symbolic link that cannot be read; make it a folder inside the project", rel)
	case filepath.IsAbs(target) || path.IsAbs(target):
		return fmt.Errorf("%s is a symbolic link to %s, an absolute path; make it a folder inside the project, or a relative link to one", rel, target)
	case !fs.ValidPath(path.Join(path.Dir(rel), filepath.ToSlash(target))):
		return fmt.Errorf("%s is a symbolic link to %s, outside the project; make it a folder inside the project", rel, target)
	}
	if _, err := fs.Stat(project, rel); err != nil {
		return fmt.Errorf("%s is a symbolic link to %s, which cannot be followed inside the project; make it a folder inside the project", rel, target)
	}
	return nil
}

// sub is fs.Sub that keeps Stat. fs.Sub's result has no Stat method, so
// fs.Stat on it opens the file to ask: a FIFO put where a file is expected
// would then block the build, before the loaders could refuse it.
func sub(fsys fs.FS, dir string) (fs.FS, error) {
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil, err
	}
	full, ok := s.(subFS)
	if !ok {
		return s, nil
	}
	return statSub{full, fsys, dir}, nil
}

// subFS is what fs.Sub returns.
type subFS interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.ReadLinkFS
}

type statSub struct {
	subFS
	parent fs.FS
	dir    string
}

// Stat stats name without opening it when the parent file system can.
func (s statSub) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	info, err := fs.Stat(s.parent, path.Join(s.dir, name))
	if e, ok := err.(*fs.PathError); ok {
		e.Path = name
	}
	return info, err
}
