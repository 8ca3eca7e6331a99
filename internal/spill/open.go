package spill

import "os"

// Open makes a File of f, an existing file whose first size bytes are
// byte strings an earlier File stored: the build cache's bodies (see
// package bodycache), which outlive the process. Put appends after them;
// Close closes f.
func Open(f *os.File, size int64) *File { return &File{f: f, end: size} }

// Size is how many bytes the file holds, its strings and any a failed
// write left.
func (s *File) Size() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.end
}

// Failed reports whether a write failed: what the file holds from then
// on cannot be vouched for.
func (s *File) Failed() bool { return s.failed.Load() }

// Offset is where the byte string starts in its file.
func (r Ref) Offset() int64 { return r.off }

// RefAt is the Ref of the n bytes at off, as Offset and Len gave them:
// for a store that keeps Refs in a file of its own. The caller checks
// that they are inside the File.
func RefAt(off int64, n int) Ref { return Ref{off, n} }
