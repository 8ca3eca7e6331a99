package output

import (
	"errors"
	"io/fs"
	"os"
)

// swapRename replaces final by newDir with two renames. Between them final
// is briefly missing, but never half written: the old site is renamed aside
// whole and put back if the second rename fails.
func swapRename(newDir, final string) (string, error) {
	aside := newDir + ".old"
	if err := os.Rename(final, aside); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", os.Rename(newDir, final)
		}
		return "", err
	}
	if err := os.Rename(newDir, final); err != nil {
		os.Rename(aside, final)
		return "", err
	}
	return aside, nil
}
