package incremental

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"

	"gazette/internal/searchindex"
)

// The cache folder keeps the search index's terms of every document the
// last build indexed (searchindex.Kept), so that the next build splits
// into terms only the documents whose texts changed. The file terms holds
// a termsFormat header, the gazette binary that wrote it, every document's
// key and encoded terms, and the SHA-256 of all that. A file that is not
// whole or is of another binary is ignored: every document is split
// again.
const termsFormat = "gazette-terms-1\n"

// OpenTerms returns the terms kept in the cache folder dir for a build by
// binary: an empty Kept when there are none it can use.
func OpenTerms(dir string, bin [32]byte) *searchindex.Kept {
	return searchindex.NewKept(readTerms(filepath.Join(dir, "terms"), bin))
}

func readTerms(name string, bin [32]byte) map[[32]byte][]byte {
	raw, err := os.ReadFile(name)
	if err != nil || len(raw) < len(termsFormat)+sha256.Size || string(raw[:len(termsFormat)]) != termsFormat {
		return nil
	}
	body, sum := raw[len(termsFormat):len(raw)-sha256.Size], raw[len(raw)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return nil
	}
	d := &decoder{b: body}
	var b [32]byte
	d.bytes(b[:])
	if d.err != nil || b != bin {
		return nil
	}
	n := d.count()
	kept := make(map[[32]byte][]byte, n)
	for range n {
		var key [32]byte
		d.bytes(key[:])
		size := d.count()
		if d.err != nil {
			return nil
		}
		// Slices of the file's bytes, which nothing changes after
		// ReadFile.
		kept[key], d.b = d.b[:size:size], d.b[size:]
	}
	if d.err != nil || len(d.b) != 0 {
		return nil
	}
	return kept
}

// SaveTerms writes what k kept (after Next) to the cache folder dir,
// replacing what was there in one step, unless it is what k began with.
func SaveTerms(dir string, bin [32]byte, k *searchindex.Kept) error {
	kept, changed := k.Terms()
	if !changed {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "terms-*")
	if err != nil {
		return err
	}
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(tmp, h), 1<<16)
	if _, err := tmp.WriteString(termsFormat); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	w.Write(bin[:])
	w.Write(binary.AppendVarint(nil, int64(len(kept))))
	var e []byte
	for key, b := range kept {
		e = append(e[:0], key[:]...)
		e = binary.AppendVarint(e, int64(len(b)))
		w.Write(e) // an error stays in w, for Flush
		w.Write(b)
	}
	err = w.Flush()
	if err == nil {
		_, err = tmp.Write(h.Sum(nil))
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, "terms"))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
