package output

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// swap makes newDir take the place of final. On Linux the two are exchanged
// in one system call, so at every instant final is either the complete old
// site or the complete new one. It returns where the old site now is ("" if
// there was none), for the caller to remove.
func swap(newDir, final string) (string, error) {
	err := unix.Renameat2(unix.AT_FDCWD, newDir, unix.AT_FDCWD, final, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return newDir, nil
	case errors.Is(err, unix.ENOENT):
		if _, statErr := os.Lstat(final); errors.Is(statErr, fs.ErrNotExist) {
			return "", os.Rename(newDir, final)
		}
		return "", err
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		// A file system without RENAME_EXCHANGE: fall back to two renames.
		return swapRename(newDir, final)
	}
	return "", err
}
