package decode

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"gazette/internal/diag"
)

// MaxFileSize bounds what one content file may hold, so a stray export or a
// hostile file cannot exhaust memory in the later stages.
const MaxFileSize = 8 << 20

// ReadFile reads a content file: a regular file, reached through no
// symbolic link, of at most MaxFileSize bytes, of which no more is read.
// It returns the problem as a message when there is one.
func ReadFile(fsys fs.FS, name string) ([]byte, string) {
	if IsSymlink(fsys, name) {
		return nil, "symbolic links are not followed; copy the file into the content folder"
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", err)
	}
	if !info.Mode().IsRegular() {
		return nil, "not a regular file" // a FIFO or device would block or never end
	}
	tooBig := func(size int64) string {
		return fmt.Sprintf("file is %d MB; the limit is %d MB", size>>20, MaxFileSize>>20)
	}
	if info.Size() > MaxFileSize {
		return nil, tooBig(info.Size())
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", err)
	}
	defer f.Close()
	// One allocation of the size Stat gave (the file may have grown since:
	// the buffer then grows too, up to the limit).
	var b bytes.Buffer
	b.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, fmt.Sprintf("cannot read file: %v", err)
	}
	src := b.Bytes()
	if len(src) > MaxFileSize {
		return nil, tooBig(int64(len(src)))
	}
	return src, ""
}

// IsSymlink reports whether name, or a folder on its way, is a symbolic
// link. Links are refused, not followed: one could publish any file the
// build can read, such as a key under the maintainer's home folder.
func IsSymlink(fsys fs.FS, name string) bool {
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '/' {
			if info, err := fs.Lstat(fsys, name[:i]); err == nil && info.Mode()&fs.ModeSymlink != 0 {
				return true
			}
		}
	}
	return false
}

// WindowsReserved reports whether name, or the part of it before its first
// dot, is a device name on Windows: a file called con.md or aux.png cannot
// be checked out or served there.
func WindowsReserved(name string) bool {
	stem, _, _ := strings.Cut(strings.ToLower(name), ".")
	switch stem {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "com") || strings.HasPrefix(stem, "lpt")) && stem[3] >= '0' && stem[3] <= '9' {
		return true
	}
	return false
}

// CheckText verifies that src is UTF-8 text and returns it with a byte-order
// mark removed and CRLF line ends turned into LF.
func CheckText(path string, src []byte, diags *diag.List) ([]byte, bool) {
	if len(src) > MaxFileSize {
		diags.Errorf(diag.Pos{Path: path}, "file is %d MB; the limit is %d MB", len(src)>>20, MaxFileSize>>20)
		return nil, false
	}
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		diags.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "file is UTF-16; save it as UTF-8")
		return nil, false
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			diags.Errorf(diag.Pos{Path: path, Line: line, Col: col}, "file is not valid UTF-8; save it as UTF-8")
			return nil, false
		case r == 0:
			diags.Errorf(diag.Pos{Path: path, Line: line, Col: col}, "file contains a NUL byte")
			return nil, false
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	if bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	return src, true
}

// SlugProblem says why slug cannot name a content file (slug.md) that
// content.Load would read, or returns "". It is Load's own rule, for
// `gazette new` and the prefixes of editions, so that no file or folder
// made from a slug is then refused by check.
func SlugProblem(slug string) string {
	switch {
	case !ValidID(slug):
		return "use lower-case letters a-z, digits and single hyphens"
	case WindowsReserved(slug):
		return "it is a device name on Windows (con, prn, aux, nul, com1-com9, lpt1-lpt9), which checkouts and hosts there cannot hold"
	}
	return ""
}
