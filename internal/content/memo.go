package content

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"sync"
	"unsafe"

	"gazette/internal/config"
	"gazette/internal/decode"
	"gazette/internal/diag"
)

// Memo keeps the reports one Load parsed for the next, so that a build
// after an edit parses again only the front matter of the reports whose
// bytes changed: reading the YAML of 10,000 reports is most of what Load
// costs. serve keeps one in memory; the build cache keeps one on disk
// (package incremental).
//
// A report is kept as bytes (its fields and the problems its parse
// found, encoded), not as a *Report: later stages change what Load
// returns (site releases a report's Body), so each Load decodes a report
// of its own. It is found by its path and the SHA-256 of the file's bytes,
// and used only by a Load of the same site.yaml: the front matter is read
// against its kinds, roles and vocabularies. Only reports are kept, and
// only those whose file CheckText takes as it is (no byte-order mark, no
// carriage return), so that the body is the file's own.
type Memo struct {
	mu     sync.Mutex
	config [32]byte
	last   map[string]Memoed // what the last Load used, by path
	now    map[string]Memoed // what this Load used
	missed bool              // this Load kept a report the last had not, or dropped one
}

// Memoed is one kept report.
type Memoed struct {
	Src  [32]byte // the SHA-256 of the file's bytes
	Data []byte   // the report and its problems (encodeReport); never changed once made
}

// NewMemo returns a Memo holding reports kept from a Load of a site whose
// site.yaml had the hash config (see ConfigSum); nil: none.
func NewMemo(config [32]byte, kept map[string]Memoed) *Memo {
	if kept == nil {
		kept = map[string]Memoed{}
	}
	return &Memo{config: config, last: kept}
}

// Kept returns what the last Load used, for the next: the hash of its
// site.yaml and its reports. changed is false when that Load parsed no
// report it could keep and used every report the Memo held: the same as
// it began with.
func (m *Memo) Kept() (config [32]byte, kept map[string]Memoed, changed bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.config, m.last, m.missed
}

// begin starts a Load of a site whose site.yaml has the hash config.
func (m *Memo) begin(config [32]byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if config != m.config {
		m.last = nil
	}
	m.config, m.now, m.missed = config, map[string]Memoed{}, false
}

// end ends a Load: what it did not use is dropped.
func (m *Memo) end() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.now) != len(m.last) {
		m.missed = true
	}
	m.last, m.now = m.now, nil
}

// report returns the report at path from the last Load when its file's
// bytes are src, with its problems added to diags; nil when there is none.
func (m *Memo) report(path, slug string, src []byte, diags *diag.List) *Report {
	sum := sha256.Sum256(src)
	m.mu.Lock()
	k, ok := m.last[path]
	m.mu.Unlock()
	if !ok || k.Src != sum {
		return nil
	}
	var scratch diag.List
	_, _, body, ok := decode.SplitFrontMatter(path, src, &scratch)
	r, problems, err := decodeReport(k.Data)
	if err != nil || r.Path != path || r.Slug != slug || !ok && !r.Invalid {
		return nil // a damaged entry: the report is parsed again
	}
	if !r.Invalid {
		r.Body = body
	}
	diags.Append(problems...)
	m.mu.Lock()
	m.now[path] = k
	m.mu.Unlock()
	return r
}

// parseReport is parseReport, keeping the report in m when src is the
// file's bytes raw as they were read.
func (m *Memo) parseReport(c *config.Config, path, slug string, raw, src []byte, diags *diag.List) *Report {
	var local diag.List
	r := parseReport(c, path, slug, src, &local)
	problems := local.Sorted()
	diags.Append(problems...)
	if r == nil || len(raw) != len(src) || len(src) > 0 && unsafe.SliceData(raw) != unsafe.SliceData(src) {
		return r
	}
	k := Memoed{Src: sha256.Sum256(raw), Data: encodeReport(r, problems)}
	m.mu.Lock()
	m.now[path], m.missed = k, true
	m.mu.Unlock()
	return r
}

// ConfigSum is the hash a Memo knows a site.yaml by: of its bytes, or of
// nothing when there is none.
func ConfigSum(src []byte, found bool) [32]byte {
	if !found {
		return sha256.Sum256([]byte("no site.yaml"))
	}
	return sha256.Sum256(append([]byte("site.yaml\x00"), src...))
}

// encodeReport encodes r, without its Body and Translations, and the
// problems its parse found. The test fills every field of a Report: a
// field added to it and not here fails it.
func encodeReport(r *Report, problems []diag.Diagnostic) []byte {
	var e memoWriter
	e.str(r.Path)
	e.str(r.Slug)
	e.str(r.Title)
	e.date(r.Date)
	e.str(r.Summary)
	e.str(r.Lang)
	e.count(len(r.Sources), r.Sources == nil)
	for _, s := range r.Sources {
		e.str(s.Publisher)
		e.str(s.Title)
		e.date(s.Date)
		e.str(s.URL)
		e.str(s.Archive)
	}
	e.refs(r.Refs)
	e.count(len(r.Events), r.Events == nil)
	for _, ev := range r.Events {
		e.pos(ev.Pos)
		e.str(ev.Type)
		e.count(len(ev.Services), ev.Services == nil)
		for _, s := range ev.Services {
			e.str(s)
		}
		e.str(ev.Scope)
		e.str(ev.Cause)
		e.count(len(ev.Roles), ev.Roles == nil)
		for _, rr := range ev.Roles {
			e.str(rr.Role)
			e.refs(rr.Refs)
		}
		e.date(ev.From)
		e.date(ev.Until.Date)
		e.bool(ev.Until.Ongoing)
		e.bool(ev.Until.Unknown)
		e.str(ev.Note)
		e.bool(ev.Record != nil)
		if ev.Record != nil {
			e.ref(*ev.Record)
		}
	}
	e.bool(r.Draft)
	e.bool(r.Invalid)
	e.b = append(e.b, r.Sum.Front[:]...)
	e.b = append(e.b, r.Sum.Body[:]...)
	e.int(len(problems))
	for _, p := range problems {
		e.pos(p.Pos)
		e.int(int(p.Severity))
		e.str(p.Msg)
	}
	return e.b
}

// decodeReport reads what encodeReport wrote. Its strings share data's
// bytes, which nothing may change after.
func decodeReport(data []byte) (*Report, []diag.Diagnostic, error) {
	d := memoReader{b: data, s: unsafe.String(unsafe.SliceData(data), len(data))}
	r := &Report{}
	r.Path, r.Slug, r.Title = d.str(), d.str(), d.str()
	r.Date = d.date()
	r.Summary, r.Lang = d.str(), d.str()
	if n, ok := d.count(); ok {
		r.Sources = make([]Source, n)
		for i := range r.Sources {
			s := &r.Sources[i]
			s.Publisher, s.Title = d.str(), d.str()
			s.Date = d.date()
			s.URL, s.Archive = d.str(), d.str()
		}
	}
	r.Refs = d.refs()
	if n, ok := d.count(); ok {
		r.Events = make([]Event, n)
		for i := range r.Events {
			ev := &r.Events[i]
			ev.Pos = d.pos()
			ev.Type = d.str()
			if n, ok := d.count(); ok {
				ev.Services = make([]string, n)
				for j := range ev.Services {
					ev.Services[j] = d.str()
				}
			}
			ev.Scope, ev.Cause = d.str(), d.str()
			if n, ok := d.count(); ok {
				ev.Roles = make([]RoleRefs, n)
				for j := range ev.Roles {
					ev.Roles[j].Role = d.str()
					ev.Roles[j].Refs = d.refs()
				}
			}
			ev.From = d.date()
			ev.Until.Date = d.date()
			ev.Until.Ongoing, ev.Until.Unknown = d.bool(), d.bool()
			ev.Note = d.str()
			if d.bool() {
				ref := d.ref()
				ev.Record = &ref
			}
		}
	}
	r.Draft, r.Invalid = d.bool(), d.bool()
	d.bytes(r.Sum.Front[:])
	d.bytes(r.Sum.Body[:])
	var problems []diag.Diagnostic
	if n, ok := d.count(); ok && n > 0 {
		problems = make([]diag.Diagnostic, n)
		for i := range problems {
			problems[i] = diag.Diagnostic{Pos: d.pos(), Severity: diag.Severity(d.int()), Msg: d.str()}
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.err = errDamaged
	}
	if d.err != nil {
		return nil, nil, d.err
	}
	return r, problems, nil
}

type memoWriter struct{ b []byte }

func (e *memoWriter) int(v int) { e.b = binary.AppendVarint(e.b, int64(v)) }

func (e *memoWriter) str(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *memoWriter) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// count encodes the length of a slice, and whether it is nil: a nil and
// an empty slice are told apart (JSON, for one, writes them differently).
func (e *memoWriter) count(n int, isNil bool) {
	if isNil {
		e.int(-1)
		return
	}
	e.int(n)
}

func (e *memoWriter) date(d Date) {
	e.int(d.Year)
	e.int(d.Month)
	e.int(d.Day)
}

func (e *memoWriter) pos(p diag.Pos) {
	e.str(p.Path)
	e.int(p.Line)
	e.int(p.Col)
	e.int(int(p.Root))
}

func (e *memoWriter) ref(r Ref) {
	e.str(r.Kind)
	e.str(r.ID)
	e.pos(r.Pos)
}

func (e *memoWriter) refs(rs []Ref) {
	e.count(len(rs), rs == nil)
	for _, r := range rs {
		e.ref(r)
	}
}

// memoReader reads what a memoWriter wrote; after the first error every
// read gives a zero value, and err says why.
type memoReader struct {
	b   []byte
	s   string // all the bytes b was at first, for str
	err error
}

var errDamaged = errors.New("a kept report is damaged")

func (d *memoReader) fail() {
	d.err, d.b = errDamaged, nil
}

func (d *memoReader) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// count reads the length of a slice: ok is false for a nil one. Each
// element is at least a byte.
func (d *memoReader) count() (n int, ok bool) {
	n = d.int()
	if n < -1 || n > len(d.b) {
		d.fail()
		return 0, false
	}
	return n, n >= 0
}

func (d *memoReader) bool() bool {
	if len(d.b) == 0 || d.b[0] > 1 {
		d.fail()
		return false
	}
	v := d.b[0] == 1
	d.b = d.b[1:]
	return v
}

func (d *memoReader) bytes(out []byte) {
	if len(d.b) < len(out) {
		d.fail()
		return
	}
	copy(out, d.b)
	d.b = d.b[len(out):]
}

func (d *memoReader) str() string {
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > uint64(len(d.b)-n) {
		d.fail()
		return ""
	}
	at := len(d.s) - len(d.b) + n
	d.b = d.b[n+int(v):]
	return d.s[at : at+int(v)]
}

func (d *memoReader) date() Date { return Date{Year: d.int(), Month: d.int(), Day: d.int()} }

func (d *memoReader) pos() diag.Pos {
	return diag.Pos{Path: d.str(), Line: d.int(), Col: d.int(), Root: diag.Root(d.int())}
}

func (d *memoReader) ref() Ref { return Ref{Kind: d.str(), ID: d.str(), Pos: d.pos()} }

func (d *memoReader) refs() []Ref {
	n, ok := d.count()
	if !ok {
		return nil
	}
	rs := make([]Ref, n)
	for i := range rs {
		rs[i] = d.ref()
	}
	return rs
}
