package searchindex

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"unsafe"

	"gazette/internal/diag"
)

// Kept keeps each document's terms from one index to the next, so that an
// index after an edit splits into terms again only the documents whose
// texts changed: the splitting is most of the index's work. serve keeps
// one in memory; the build cache keeps one on disk (package incremental).
//
// A document's terms are found by the hash of everything split reads of
// it (docKey): its fields' texts, weights and title marks, and its names;
// they are kept encoded (appendTerms), one []byte a document, which
// nothing changes once made. The terms are the same in every edition
// whose document has the same texts.
type Kept struct {
	mu        sync.Mutex
	last, now map[[32]byte][]byte
	changed   bool // an index split a document, or Next dropped one
}

// NewKept returns a Kept holding kept; nil: none.
func NewKept(kept map[[32]byte][]byte) *Kept {
	if kept == nil {
		kept = map[[32]byte][]byte{}
	}
	return &Kept{last: kept, now: map[[32]byte][]byte{}}
}

// Next ends a build: the terms of documents it did not index are dropped,
// unless it wrote no index at all (its files were kept from the last
// build), when all stay.
func (k *Kept) Next() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.now) == 0 && !k.changed {
		return
	}
	if len(k.now) != len(k.last) {
		k.changed = true
	}
	k.last, k.now = k.now, map[[32]byte][]byte{}
}

// Terms returns what the last build indexed (after Next), and whether it
// differs from what the Kept began with.
func (k *Kept) Terms() (kept map[[32]byte][]byte, changed bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.last, k.changed
}

func (k *Kept) get(key [32]byte) ([]byte, bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	b, ok := k.last[key]
	if !ok {
		b, ok = k.now[key]
	}
	if ok {
		k.now[key] = b
	}
	return b, ok
}

func (k *Kept) put(key [32]byte, b []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.now[key], k.changed = b, true
}

// docKey is what a document's terms are kept by, and the texts of its
// fields (a body's read back once, here).
func docKey(d Doc, diags *diag.List, texts []string) ([32]byte, []string) {
	h := sha256.New()
	var b []byte
	num := func(v int) { b = binary.AppendVarint(b, int64(v)) }
	texts = texts[:0]
	num(len(d.Fields))
	for _, f := range d.Fields {
		t := f.Text
		if f.Body != nil {
			t = text(diags, f.Body)
		}
		texts = append(texts, t)
		num(int(f.Weight))
		if f.Title {
			num(1)
		} else {
			num(0)
		}
		num(len(t))
		h.Write(b)
		b = b[:0]
		h.Write(unsafe.Slice(unsafe.StringData(t), len(t)))
	}
	num(len(d.Names))
	for _, n := range d.Names {
		num(len(n))
		b = append(b, n...)
	}
	h.Write(b)
	var key [32]byte
	h.Sum(key[:0])
	return key, texts
}

// appendTerms encodes terms.
func appendTerms(b []byte, terms []docTerm) []byte {
	b = binary.AppendUvarint(b, uint64(len(terms)))
	for _, t := range terms {
		b = binary.AppendUvarint(b, uint64(len(t.term)))
		b = append(b, t.term...)
		v := int64(t.score) << 1
		if t.title {
			v |= 1
		}
		b = binary.AppendVarint(b, v)
	}
	return b
}

// readTerms appends the terms encoded in b to terms; ok is false when b
// is not whole. The terms' strings share b's bytes.
func readTerms(terms []docTerm, b []byte) ([]docTerm, bool) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)) {
		return terms, false
	}
	b = b[w:]
	for range n {
		l, w := binary.Uvarint(b)
		if w <= 0 || l > uint64(len(b)-w) {
			return terms, false
		}
		term := unsafe.String(unsafe.SliceData(b[w:]), int(l))
		b = b[w+int(l):]
		v, w2 := binary.Varint(b)
		if w2 <= 0 || v>>1 != int64(int32(v>>1)) {
			return terms, false
		}
		b = b[w2:]
		terms = append(terms, docTerm{term, int32(v >> 1), v&1 == 1})
	}
	return terms, len(b) == 0
}
