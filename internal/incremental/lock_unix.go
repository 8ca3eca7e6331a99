//go:build unix

package incremental

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFile takes an flock on f, failing at once when another build holds
// it; the kernel drops it when the process ends, however it ends.
func lockFile(f *os.File) error { return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) }
