//go:build !unix

package incremental

import (
	"errors"
	"os"
)

// lockFile fails where there is no flock: two builds could then append
// to one bodies file at once, so the bodies are not kept there.
func lockFile(*os.File) error { return errors.New("no file locks on this system") }
