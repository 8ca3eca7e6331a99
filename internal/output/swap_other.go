//go:build !linux

package output

func swap(newDir, final string) (string, error) { return swapRename(newDir, final) }
