package output

import (
	"bytes"
	"io"
	"io/fs"
)

// Writer receives the files of the site: every stage that makes files
// writes through it, to a Dir or to memory. WriteFile is called from
// several goroutines at once; path is slash-separated and relative to the
// output root. data is only lent: the caller reuses it once WriteFile
// returns.
type Writer interface {
	WriteFile(path string, data []byte) error
}

// StaticCopier is implemented by writers that can copy a content file
// without reading it into memory.
type StaticCopier interface {
	CopyFile(dst string, src fs.FS, srcPath string) error
}

// Creator is implemented by writers that can take a file as a stream, so
// that a large file (the open data, a page listing every report) is
// written as it is made instead of being held whole in memory.
type Creator interface {
	Create(path string) (io.WriteCloser, error)
}

// CopyFile copies srcPath of src to dst on w: with w's CopyFile when it
// has one, else through memory.
func CopyFile(w Writer, dst string, src fs.FS, srcPath string) error {
	if c, ok := w.(StaticCopier); ok {
		return c.CopyFile(dst, src, srcPath)
	}
	b, err := fs.ReadFile(src, srcPath)
	if err != nil {
		return err
	}
	return w.WriteFile(dst, b)
}

// Create opens path on w for streaming: with w's Create when it has one,
// else into a buffer that Close hands to WriteFile.
func Create(w Writer, path string) (io.WriteCloser, error) {
	if c, ok := w.(Creator); ok {
		return c.Create(path)
	}
	return &bufferedFile{w: w, path: path}, nil
}

type bufferedFile struct {
	bytes.Buffer
	w    Writer
	path string
}

func (f *bufferedFile) Close() error { return f.w.WriteFile(f.path, f.Bytes()) }
