//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// dirLock is an flock on a folder. The kernel drops it when the process
// ends, however it ends, so a folder whose lock can be taken belongs to no
// running build.
type dirLock struct{ f *os.File }

// lock locks the open folder f, failing at once when another build holds
// it. The caller keeps f open while the lock is held, and closes it.
func lock(f *os.File) (dirLock, error) {
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		return dirLock{}, err
	}
	return dirLock{f}, nil
}

func (l dirLock) unlock() {
	if l.f != nil {
		unix.Flock(int(l.f.Fd()), unix.LOCK_UN)
	}
}
