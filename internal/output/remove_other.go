//go:build !unix

package output

import (
	"os"
	"path/filepath"
)

// openDir opens the folder path, refusing a symbolic link. Without the
// *at system calls of Unix, what follows works by path.
func openDir(path string) (*os.File, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &os.PathError{Op: "open", Path: path, Err: errReplaced}
	}
	return os.Open(path)
}

func hasMarker(f *os.File) bool {
	info, err := os.Lstat(filepath.Join(f.Name(), Marker))
	return err == nil && info.Mode().IsRegular()
}

func emptyDir(f *os.File) error {
	names, err := f.Readdirnames(-1)
	if err != nil {
		return err
	}
	for _, name := range names {
		if name != Marker {
			if err := os.RemoveAll(filepath.Join(f.Name(), name)); err != nil {
				return err
			}
		}
	}
	return os.RemoveAll(filepath.Join(f.Name(), Marker))
}

func removeEmptied(path string, f *os.File) error {
	info, err := os.Lstat(path)
	if err != nil {
		return err
	}
	own, err := f.Stat()
	if err != nil {
		return err
	}
	if !os.SameFile(info, own) {
		return &os.PathError{Op: "remove", Path: path, Err: errReplaced}
	}
	f.Close() // an open folder cannot be removed everywhere
	return os.Remove(path)
}
