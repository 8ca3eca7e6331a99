package incremental

import (
	"encoding/binary"
	"errors"

	"gazette/internal/diag"
	"gazette/internal/output"
)

// The manifest's two parts, head and tail, are encoded by hand, not with
// gob: at 10,000 reports they hold about 100,000 entries, which gob took
// about 0.2 s of CPU to read and 0.15 s to write (profiled), in a build
// after an edit that should take under a second. Numbers are varints,
// strings their length and bytes, maps their length and entries in any
// order.

type encoder struct{ b []byte }

func (e *encoder) int(v int64)    { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string)   { e.b = appendStr(e.b, s) }
func (e *encoder) sum(s [32]byte) { e.b = append(e.b, s[:]...) }

func (e *encoder) files(fs output.Files) {
	e.int(int64(len(fs)))
	for name, f := range fs {
		e.str(name)
		e.sum(f.Hash)
		e.int(f.Size)
		e.int(f.ModTime)
	}
}

func (e *encoder) head(h head) {
	e.sum(h.Binary)
	e.str(h.Options)
	e.sum(h.Inputs)
	e.int(h.Files.Scanned)
	e.int(int64(len(h.Files.Files)))
	for p, in := range h.Files.Files {
		e.str(p)
		e.int(in.Size)
		e.int(in.ModTime)
		e.sum(in.Sum)
	}
	e.sum(h.Global)
	e.files(h.Live)
	r := h.Result
	e.int(int64(len(r.Diagnostics)))
	for _, d := range r.Diagnostics {
		e.b = appendPos(e.b, d.Pos)
		e.int(int64(d.Severity))
		e.str(d.Msg)
	}
	e.int(int64(r.Reports))
	e.int(int64(r.Entity))
	e.int(int64(r.Pages))
	e.int(int64(r.Files))
	e.str(r.BaseURL)
}

func (e *encoder) tail(t tail) {
	e.int(int64(len(t.Jobs)))
	for key, j := range t.Jobs {
		e.str(key)
		e.sum(j.Digest)
		e.int(int64(len(j.Files)))
		for _, f := range j.Files {
			e.str(f)
		}
		e.int(int64(j.Pages))
		e.int(int64(j.Count))
	}
	e.files(t.Standby)
}

func (d *decoder) sum() (s [32]byte) {
	d.bytes(s[:])
	return s
}

func (d *decoder) files() output.Files {
	n := d.count()
	fs := make(output.Files, n)
	for range n {
		name := d.str()
		fs[name] = output.File{Hash: d.sum(), Size: d.int(), ModTime: d.int()}
	}
	return fs
}

func (d *decoder) head() (h head) {
	h.Binary = d.sum()
	h.Options = d.str()
	h.Inputs = d.sum()
	h.Files.Scanned = d.int()
	n := d.count()
	h.Files.Files = make(map[string]Input, n)
	for range n {
		p := d.str()
		h.Files.Files[p] = Input{Size: d.int(), ModTime: d.int(), Sum: d.sum()}
	}
	h.Global = d.sum()
	h.Live = d.files()
	if n := d.count(); n > 0 {
		h.Result.Diagnostics = make([]diag.Diagnostic, n)
		for i := range h.Result.Diagnostics {
			h.Result.Diagnostics[i] = diag.Diagnostic{Pos: d.pos(), Severity: diag.Severity(d.int()), Msg: d.str()}
		}
	}
	h.Result.Reports, h.Result.Entity = int(d.int()), int(d.int())
	h.Result.Pages, h.Result.Files = int(d.int()), int(d.int())
	h.Result.BaseURL = d.str()
	return h
}

func (d *decoder) tail() (t tail) {
	n := d.count()
	t.Jobs = make(map[string]Job, n)
	for range n {
		key := d.str()
		j := Job{Digest: d.sum()}
		if nf := d.count(); nf > 0 {
			j.Files = make([]string, nf)
			for i := range j.Files {
				j.Files[i] = d.str()
			}
		}
		j.Pages, j.Count = int(d.int()), int(d.int())
		t.Jobs[key] = j
	}
	t.Standby = d.files()
	return t
}

var errManifest = errors.New("the manifest is damaged")
