package incremental

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"unsafe"

	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/spill"
)

// The cache folder keeps the Markdown bodies a build parsed and rendered
// (markup.Bodies), so that the next build parses again only the files
// that changed, as serve does in memory. Two files, beside a lock:
//
//   - bodies: the bodies' HTML and plain text, one after another. A
//     build appends the bodies it renders; the files it did not parse
//     again are read from here when a page needs them, never all of them.
//   - bodies.idx: a bodiesFormat header, then every body the last build
//     used (its key, annotations, problems, first paragraph, LinkSum and
//     where its HTML and text are in bodies), the gazette binary that
//     wrote it, the size and modification time bodies had then, and the
//     SHA-256 of all that.
//
// An index that is not whole, of another binary, or whose bodies file is
// not as it left it is ignored, and the bodies file is begun anew: a
// changed cache costs a parse of every body, never a wrong one.
const bodiesFormat = "gazette-bodies-1\n"

// Bodies are the kept bodies of a cache folder while a build uses them.
type Bodies struct {
	dir    string
	binary [32]byte
	lock   *os.File
	data   *os.File
	file   *spill.File
	// Kept is what the build parses bodies with (site.Options.Bodies).
	Kept *markup.Bodies
}

// OpenBodies opens the kept bodies of the cache folder dir for a build by
// binary. It returns nil when they cannot be used: another build holds
// them, or the folder cannot be written; the build then parses every
// body.
func OpenBodies(dir string, binary [32]byte) *Bodies {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	lock, err := os.OpenFile(filepath.Join(dir, "bodies.lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil
	}
	if lockFile(lock) != nil {
		lock.Close()
		return nil
	}
	b := &Bodies{dir: dir, binary: binary, lock: lock}
	data, err := os.OpenFile(filepath.Join(dir, "bodies"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		lock.Close()
		return nil
	}
	b.data = data
	stored, size, ok := b.readIndex()
	if !ok {
		stored, size = nil, 0
		if err := data.Truncate(0); err != nil {
			b.Close()
			return nil
		}
	}
	b.file = spill.Open(data, size)
	b.Kept = markup.NewBodiesIn(b.file, stored)
	return b
}

// readIndex reads bodies.idx: the bodies it lists and the size of the
// bodies file, when the index is whole, by this binary, and the bodies
// file as the index left it.
func (b *Bodies) readIndex() ([]markup.Stored, int64, bool) {
	raw, err := os.ReadFile(filepath.Join(b.dir, "bodies.idx"))
	if err != nil || len(raw) < len(bodiesFormat)+sha256.Size || string(raw[:len(bodiesFormat)]) != bodiesFormat {
		return nil, 0, false
	}
	body, sum := raw[len(bodiesFormat):len(raw)-sha256.Size], raw[len(raw)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return nil, 0, false
	}
	info, err := b.data.Stat()
	if err != nil {
		return nil, 0, false
	}
	// The strings read are slices of one: the index's bytes, which
	// nothing changes after ReadFile, saving an allocation each.
	d := &decoder{b: body, s: unsafe.String(unsafe.SliceData(body), len(body))}
	var bin [32]byte
	d.bytes(bin[:])
	size, mtime := d.int(), d.int()
	if d.err != nil || bin != b.binary || size != info.Size() || mtime != info.ModTime().UnixNano() {
		return nil, 0, false
	}
	n := d.int()
	if n < 0 || n > int64(len(body)) {
		return nil, 0, false
	}
	stored := make([]markup.Stored, n)
	for i := range stored {
		s := &stored[i]
		d.bytes(s.Key[:])
		d.bytes(s.Sum[:])
		s.First = d.str()
		s.HTML, s.Text = d.ref(size), d.ref(size)
		nl := d.count()
		s.Links, s.Sections = make([]markup.Link, nl), make([]int, nl)
		for j := range s.Links {
			l := &s.Links[j]
			l.Scheme, l.ID, l.Text, l.Written = d.str(), d.str(), d.str(), d.str()
			l.Href, l.Anchor, l.Title = d.str(), d.str(), d.str()
			l.Pos = d.pos()
			l.Sentence = markup.Sentence{Before: d.str(), Text: d.str(), After: d.str()}
			l.Passing = d.int() == 1
			s.Sections[j] = int(d.int())
		}
		if np := d.count(); np > 0 {
			s.Problems = make([]diag.Diagnostic, np)
			for j := range s.Problems {
				s.Problems[j] = diag.Diagnostic{Pos: d.pos(), Severity: diag.Severity(d.int()), Msg: d.str()}
			}
		}
		if d.err != nil {
			return nil, 0, false
		}
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, 0, false
	}
	return stored, size, true
}

// Save writes the index of the bodies the build used (after
// markup.Bodies.Next), once nothing reads them any more: the bodies file
// is rewritten with only those when it holds more than twice their size.
func (b *Bodies) Save() error {
	idx := filepath.Join(b.dir, "bodies.idx")
	if err := os.Remove(idx); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if b.file.Failed() {
		return spill.ErrFailed
	}
	stored, err := b.Kept.Stored(b.file)
	if err != nil {
		return err
	}
	var live int64
	for _, s := range stored {
		live += int64(s.HTML.Len() + s.Text.Len())
	}
	if b.file.Size() > 2*live+1<<20 {
		if stored, err = b.compact(); err != nil {
			return err
		}
	}
	info, err := b.data.Stat()
	if err != nil {
		return err
	}
	if info.Size() != b.file.Size() {
		return errors.New("the bodies file is not as written")
	}
	// Written as it is encoded, an entry at a time, so that the index is
	// never whole in memory beside the site.
	tmp, err := os.CreateTemp(b.dir, "bodies.idx-*")
	if err != nil {
		return err
	}
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(tmp, h), 1<<16)
	if _, err := tmp.WriteString(bodiesFormat); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	e := make([]byte, 0, 4096)
	e = append(e, b.binary[:]...)
	e = binary.AppendVarint(e, info.Size())
	e = binary.AppendVarint(e, info.ModTime().UnixNano())
	e = binary.AppendVarint(e, int64(len(stored)))
	for _, s := range stored {
		e = append(e, s.Key[:]...)
		e = append(e, s.Sum[:]...)
		e = appendStr(e, s.First)
		e = appendRef(e, s.HTML)
		e = appendRef(e, s.Text)
		e = binary.AppendVarint(e, int64(len(s.Links)))
		for j, l := range s.Links {
			for _, str := range []string{l.Scheme, l.ID, l.Text, l.Written, l.Href, l.Anchor, l.Title} {
				e = appendStr(e, str)
			}
			e = appendPos(e, l.Pos)
			e = appendStr(e, l.Sentence.Before)
			e = appendStr(e, l.Sentence.Text)
			e = appendStr(e, l.Sentence.After)
			passing := int64(0)
			if l.Passing {
				passing = 1
			}
			e = binary.AppendVarint(e, passing)
			e = binary.AppendVarint(e, int64(s.Sections[j]))
		}
		e = binary.AppendVarint(e, int64(len(s.Problems)))
		for _, p := range s.Problems {
			e = appendPos(e, p.Pos)
			e = binary.AppendVarint(e, int64(p.Severity))
			e = appendStr(e, p.Msg)
		}
		w.Write(e) // an error stays in w, for Flush
		e = e[:0]
	}
	err = w.Flush()
	if err == nil {
		_, err = tmp.Write(h.Sum(nil))
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(b.dir, "bodies.idx"))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// compact moves the bodies the build used to a new bodies file, leaving
// behind those of earlier builds.
func (b *Bodies) compact() ([]markup.Stored, error) {
	tmp, err := os.CreateTemp(b.dir, "bodies-*")
	if err != nil {
		return nil, err
	}
	file := spill.Open(tmp, 0)
	stored, err := b.Kept.Stored(file)
	if err == nil && file.Failed() {
		err = spill.ErrFailed
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(b.dir, "bodies"))
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	b.file.Close()
	b.data, b.file = tmp, file
	return stored, nil
}

// Close releases the bodies file and the lock: nothing may read a body
// kept there after it.
func (b *Bodies) Close() {
	if b.file != nil {
		b.file.Close()
	} else if b.data != nil {
		b.data.Close()
	}
	b.lock.Close()
}

func appendStr(e []byte, s string) []byte {
	e = binary.AppendUvarint(e, uint64(len(s)))
	return append(e, s...)
}

func appendRef(e []byte, r spill.Ref) []byte {
	e = binary.AppendVarint(e, r.Offset())
	return binary.AppendVarint(e, int64(r.Len()))
}

func appendPos(e []byte, p diag.Pos) []byte {
	e = appendStr(e, p.Path)
	e = binary.AppendVarint(e, int64(p.Line))
	e = binary.AppendVarint(e, int64(p.Col))
	return binary.AppendVarint(e, int64(p.Root))
}

// decoder reads what Save appended; after the first error every read
// gives a zero value, and err says why.
type decoder struct {
	b   []byte
	s   string // all the bytes b was at first, for str
	err error
}

var errIndex = errors.New("a file of the cache is damaged")

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errIndex
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a number of things still to read, each at least a byte.
func (d *decoder) count() int {
	n := d.int()
	if n < 0 || n > int64(len(d.b)) {
		d.err, d.b = errIndex, nil
		return 0
	}
	return int(n)
}

func (d *decoder) bytes(out []byte) {
	if len(d.b) < len(out) {
		d.err, d.b = errIndex, nil
		return
	}
	copy(out, d.b)
	d.b = d.b[len(out):]
}

func (d *decoder) str() string {
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > uint64(len(d.b)-n) {
		d.err, d.b = errIndex, nil
		return ""
	}
	at := len(d.s) - len(d.b) + n
	d.b = d.b[n+int(v):]
	return d.s[at : at+int(v)]
}

// ref reads a Ref, which must lie inside a file of size bytes.
func (d *decoder) ref(size int64) spill.Ref {
	off, n := d.int(), d.int()
	if off < 0 || n < 0 || n > math.MaxInt32 || off > size || n > size-off {
		d.err, d.b = errIndex, nil
		return spill.Ref{}
	}
	return spill.RefAt(off, int(n))
}

func (d *decoder) pos() diag.Pos {
	return diag.Pos{Path: d.str(), Line: int(d.int()), Col: int(d.int()), Root: diag.Root(d.int())}
}
