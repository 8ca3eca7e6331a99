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

// lockDir locks dir, failing at once when another build holds it (a
// folder this build just created has no other holder).
func lockDir(dir string) (dirLock, error) {
	f, err := os.Open(dir)
	if err != nil {
		return dirLock{}, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return dirLock{}, err
	}
	return dirLock{f}, nil
}

func (l dirLock) unlock() {
	if l.f != nil {
		l.f.Close() // closing the last descriptor releases the lock
	}
}
