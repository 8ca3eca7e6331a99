package build

import (
	"bytes"
	"io"
	"io/fs"
	"sync"

	"gazette/internal/incremental"
	"gazette/internal/output"
)

// Memory is an output folder in memory: an output.Writer that keeps every
// file. Set it as Options.Output to build without touching the disk.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte

	// jobs are what the render's jobs made, when the build succeeded:
	// what a later build given this Memory as Options.Since keeps.
	jobs map[string]incremental.Job
}

// memKeeper keeps the files of an earlier build in memory: the same bytes,
// shared, since no one writes to a file once it is made.
type memKeeper struct {
	was map[string][]byte
	now *Memory
}

func (k memKeeper) Keep(name string) (bool, error) {
	b, ok := k.was[name]
	if ok {
		k.now.mu.Lock()
		k.now.files[name] = b
		k.now.mu.Unlock()
	}
	return ok, nil
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile keeps data as the file name. It is safe for concurrent use.
func (m *Memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	m.files[name] = bytes.Clone(data) // data is the caller's again once this returns
	m.mu.Unlock()
	return nil
}

// Files returns the files written so far, by slash-separated path. The map
// is the Memory's own: do not write to the Memory while reading it.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files
}

// progress reports a build's stages and counts rendered files.
type progress struct {
	fn func(stage string, done, total int)
	mu sync.Mutex
	n  int
}

func newProgress(fn func(string, int, int)) *progress { return &progress{fn: fn} }

func (p *progress) stage(name string) {
	if p.fn != nil {
		p.mu.Lock()
		p.fn(name, 0, 0)
		p.mu.Unlock()
	}
}

// writer wraps w so that each file written is counted.
func (p *progress) writer(w output.Writer, total int) output.Writer {
	if p.fn == nil {
		return w
	}
	return &countingWriter{w, p, total}
}

type countingWriter struct {
	w     output.Writer
	p     *progress
	total int
}

func (c *countingWriter) WriteFile(name string, data []byte) error {
	err := c.w.WriteFile(name, data)
	c.count()
	return err
}

func (c *countingWriter) count() {
	c.p.mu.Lock()
	c.p.n++
	c.p.fn("rendering", c.p.n, max(c.total, c.p.n))
	c.p.mu.Unlock()
}

// CopyFile keeps the output folder's CopyFile, which copies static files
// without reading them into memory.
func (c *countingWriter) CopyFile(dst string, src fs.FS, srcPath string) error {
	err := output.CopyFile(c.w, dst, src, srcPath)
	c.count()
	return err
}

// Create keeps the output folder's Create, which writes large files as a
// stream.
func (c *countingWriter) Create(name string) (io.WriteCloser, error) {
	f, err := output.Create(c.w, name)
	if err != nil {
		return nil, err
	}
	return countingFile{f, c}, nil
}

type countingFile struct {
	io.WriteCloser
	c *countingWriter
}

func (f countingFile) Close() error {
	err := f.WriteCloser.Close()
	f.c.count()
	return err
}
