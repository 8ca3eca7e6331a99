//go:build !linux

package spill

import "os"

// openAnonymous is Linux's O_TMPFILE; elsewhere New makes a named file and
// unlinks it at once.
func openAnonymous(string) (*os.File, bool) { return nil, false }
