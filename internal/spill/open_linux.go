package spill

import (
	"os"

	"golang.org/x/sys/unix"
)

// openAnonymous opens a file in dir that has no name from the start
// (O_TMPFILE), so that a build killed at any moment leaves nothing behind.
// ok is false where the file system does not support it; New then makes
// a named file and unlinks it at once.
func openAnonymous(dir string) (f *os.File, ok bool) {
	if dir == "" {
		dir = os.TempDir()
	}
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, false
	}
	return os.NewFile(uintptr(fd), dir+"/.gazette-spill"), true
}
