// Package spill keeps bytes that a build needs again later, such as the
// rendered bodies of a hundred thousand reports, out of the heap: in a
// temporary file that the operating system's page cache holds, read back
// when they are needed. A build's memory then grows with the number of
// reports by a few hundred bytes each, not by the size of their text.
//
// The file is unlinked as soon as it is made (where the system allows it),
// so nothing is left behind, even by a build that is killed.
package spill

import (
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"unsafe"
)

// File is an append-only store of byte strings. Put and Get are safe for
// concurrent use.
type File struct {
	f    *os.File
	name string // still to remove on Close where it could not be unlinked at once

	mu     sync.Mutex
	end    int64
	failed atomic.Bool // a write failed (a full disk): Put refuses from then on
}

// ErrFailed is Put's answer once a write has failed: the caller keeps its
// bytes in memory.
var ErrFailed = errors.New("spill: an earlier write failed")

// Ref locates one byte string in a File.
type Ref struct {
	off int64
	n   int
}

// Len is the length of the byte string.
func (r Ref) Len() int { return r.n }

// New makes a File in dir, or in the system's temporary folder when dir is
// "".
func New(dir string) (*File, error) {
	if f, ok := openAnonymous(dir); ok {
		return &File{f: f}, nil
	}
	f, err := os.CreateTemp(dir, ".gazette-spill-*")
	if err != nil {
		return nil, err
	}
	s := &File{f: f}
	if err := os.Remove(f.Name()); err != nil {
		s.name = f.Name() // Windows: an open file cannot be removed
	}
	return s, nil
}

// Put stores a copy of b. After a failed write it stores nothing more and
// returns ErrFailed, so that a full disk costs one failed write, not one
// per string.
func (s *File) Put(b []byte) (Ref, error) {
	if s.failed.Load() {
		return Ref{}, ErrFailed
	}
	s.mu.Lock()
	off := s.end
	s.end += int64(len(b))
	s.mu.Unlock()
	if _, err := s.f.WriteAt(b, off); err != nil {
		s.failed.Store(true)
		return Ref{}, err
	}
	return Ref{off, len(b)}, nil
}

// PutString stores a copy of str.
func (s *File) PutString(str string) (Ref, error) {
	// WriteAt only reads the bytes: the string's own will do.
	return s.Put(unsafe.Slice(unsafe.StringData(str), len(str)))
}

// Get reads back the bytes stored at r, into a new slice.
func (s *File) Get(r Ref) ([]byte, error) {
	b := make([]byte, r.n)
	if r.n == 0 {
		return b, nil
	}
	_, err := s.f.ReadAt(b, r.off)
	return b, err
}

// GetString reads back the bytes stored at r as a string, with one
// allocation rather than a slice and its copy.
func (s *File) GetString(r Ref) (string, error) {
	b, err := s.Get(r)
	if err != nil || len(b) == 0 {
		return "", err
	}
	// b is new and no one else holds it: it can become the string's
	// bytes, as strings.Builder does with its buffer.
	return unsafe.String(unsafe.SliceData(b), len(b)), nil
}

// Close releases the file. Get fails after it.
func (s *File) Close() error {
	err := s.f.Close()
	if s.name != "" {
		err = errors.Join(err, os.Remove(s.name))
	}
	return err
}
