//go:build !unix

package output

import "os"

// dirLock does nothing where there is no flock: a leftover folder with the
// marker is then removed even if another build is writing it.
type dirLock struct{}

func lock(*os.File) (dirLock, error) { return dirLock{}, nil }
func (dirLock) unlock()              {}
