//go:build unix

package output

import (
	"errors"
	"os"
	"slices"

	"golang.org/x/sys/unix"
)

// openDir opens the folder path without following a symbolic link at its
// last element: a link there is an error, not the folder it points to.
func openDir(path string) (*os.File, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// hasMarker reports whether the open folder f holds gazette's marker as
// a regular file.
func hasMarker(f *os.File) bool {
	var st unix.Stat_t
	err := unix.Fstatat(int(f.Fd()), Marker, &st, unix.AT_SYMLINK_NOFOLLOW)
	return err == nil && st.Mode&unix.S_IFMT == unix.S_IFREG
}

// emptyDir removes everything inside the open folder f, the marker last.
// Every entry is reached from its folder's descriptor and no link is
// followed, so nothing outside f can be removed, whatever is renamed or
// linked meanwhile.
func emptyDir(f *os.File) error {
	if _, err := f.Seek(0, 0); err != nil {
		return err
	}
	names, err := f.Readdirnames(-1)
	if errors.Is(err, unix.ENOENT) {
		return nil // removed already: nothing left to empty
	}
	if err != nil {
		return err
	}
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == Marker:
			return 1
		case b == Marker:
			return -1
		}
		return 0
	})
	// Go on past a file that cannot be removed, to remove all that can;
	// the marker stays then, so that the next build knows the folder as
	// its own and tries again.
	var first error
	for _, name := range names {
		if name == Marker && first != nil {
			break
		}
		if err := removeAt(f, name); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// removeAt removes name, a file or a folder, from the open folder dir.
func removeAt(dir *os.File, name string) error {
	dfd := int(dir.Fd())
	err := unix.Unlinkat(dfd, name, 0)
	if err == nil || errors.Is(err, unix.ENOENT) {
		return nil
	}
	if !errors.Is(err, unix.EISDIR) && !errors.Is(err, unix.EPERM) {
		return &os.PathError{Op: "remove", Path: dir.Name() + "/" + name, Err: err}
	}
	fd, oerr := unix.Openat(dfd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if oerr != nil {
		// Not a folder after all: the unlink's error is the one to give.
		return &os.PathError{Op: "remove", Path: dir.Name() + "/" + name, Err: err}
	}
	sub := os.NewFile(uintptr(fd), dir.Name()+"/"+name)
	err = emptyDir(sub)
	sub.Close()
	if err != nil {
		return err
	}
	if err := unix.Unlinkat(dfd, name, unix.AT_REMOVEDIR); err != nil && !errors.Is(err, unix.ENOENT) {
		return &os.PathError{Op: "remove", Path: dir.Name() + "/" + name, Err: err}
	}
	return nil
}

// removeEmptied removes path, a folder emptyDir just emptied through f,
// when it is still that folder: if something else was put at its name
// meanwhile, it is left alone. The folder is removed with rmdir, which
// removes neither a link nor a folder that holds anything.
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
	if err := unix.Rmdir(path); err != nil {
		return &os.PathError{Op: "remove", Path: path, Err: err}
	}
	return nil
}
