package markup

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"sync"

	"gazette/internal/diag"
	"gazette/internal/spill"
)

// Bodies keeps finished bodies from one build to the next in the same
// process (gazette serve), so that a body whose source did not change is
// not parsed and rendered again: Parse takes the kept body's annotations
// as they were parsed, the caller resolves them as always, and Finish
// takes the kept HTML when every annotation got the target, anchor and
// title it had then (LinkSum), and parses and renders again when not. A
// body is kept by its path, its source and the Markdown's configuration;
// what a build did not use is dropped after it (Next).
type Bodies struct {
	mu        sync.Mutex
	last, now map[[32]byte]*kept

	// file, when set, holds the HTML and text of the kept bodies, out of
	// the heap: the build cache's (see package bodycache).
	file *spill.File
}

// NewBodies returns an empty Bodies.
func NewBodies() *Bodies { return &Bodies{last: map[[32]byte]*kept{}, now: map[[32]byte]*kept{}} }

// Next ends a build: the bodies it did not use are dropped.
func (b *Bodies) Next() {
	b.mu.Lock()
	b.last, b.now = b.now, map[[32]byte]*kept{}
	b.mu.Unlock()
}

// kept is a finished body: its annotations as parsed, the parse's
// problems, and what Finish made of it.
type kept struct {
	links       []Link
	problems    []diag.Diagnostic
	html        []byte
	text, first string
	sum         [32]byte

	// file, when set, holds html and text instead, at these Refs.
	file             *spill.File
	htmlRef, textRef spill.Ref
}

// key is what a kept body is found by.
func (m *Markdown) key(path string, src []byte) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%q %t %d:%s\x00%d:", m.schemes, m.typographer, len(path), path, len(src))
	h.Write(src)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// ParseKept is Parse, taking the body from b when b has kept it.
func (m *Markdown) ParseKept(b *Bodies, path string, src []byte) *Doc {
	if b == nil {
		return m.Parse(path, src)
	}
	key := m.key(path, src)
	b.mu.Lock()
	k := b.last[key]
	if k == nil {
		k = b.now[key]
	}
	b.mu.Unlock()
	if k == nil {
		doc := m.Parse(path, src)
		doc.keep, doc.key = b, key
		doc.parsed = cloneLinks(doc.Links)
		doc.parseProblems = slices.Clone(doc.Problems)
		return doc
	}
	b.mu.Lock()
	b.now[key] = k
	b.mu.Unlock()
	links := make([]*Link, len(k.links))
	for i := range k.links {
		l := k.links[i]
		links[i] = &l
	}
	return &Doc{Path: path, src: src, Links: links, Problems: slices.Clone(k.problems), restored: k}
}

func cloneLinks(links []*Link) []Link {
	out := make([]Link, len(links))
	for i, l := range links {
		out[i] = *l
	}
	return out
}

// finishKept is Finish for a body ParseKept took from Bodies: the kept HTML
// when the annotations resolved as they did, else the body parsed again
// with the annotations as resolved now. done is false in that case, and
// Finish renders it.
func (m *Markdown) finishKept(doc *Doc) (done bool) {
	k := doc.restored
	doc.restored = nil
	firstMentions(doc.Links)
	if linkSum(doc.Links) == k.sum {
		doc.html, doc.text, doc.first, doc.links = k.html, k.text, k.first, k.sum
		if k.file != nil {
			doc.spill, doc.htmlRef, doc.textRef = k.file, k.htmlRef, k.textRef
		}
		doc.finished = true
		doc.src, doc.Links = nil, nil
		return true
	}
	fresh := m.Parse(doc.Path, doc.src)
	for i, l := range fresh.Links {
		if i < len(doc.Links) {
			r := doc.Links[i]
			l.ID, l.Href, l.Anchor, l.Title = r.ID, r.Href, r.Anchor, r.Title
		}
	}
	doc.root, doc.Links, doc.cost, doc.lines = fresh.root, fresh.Links, fresh.cost, nil
	return false
}

// keepFinished keeps a body Finish has just rendered, for the next build.
func (doc *Doc) keepFinished(html []byte, text string) {
	if doc.keep == nil {
		return
	}
	k := &kept{links: doc.parsed, problems: doc.parseProblems, first: doc.first, sum: doc.links}
	if f := doc.keep.file; f == nil || !k.put(f, html, text) {
		k.html, k.text = slices.Clone(html), text
	}
	doc.keep.mu.Lock()
	doc.keep.now[doc.key] = k
	doc.keep.mu.Unlock()
	doc.keep, doc.parsed, doc.parseProblems = nil, nil, nil
}

// put stores the body's HTML and text in f; false when a write failed.
func (k *kept) put(f *spill.File, html []byte, text string) bool {
	h, err := f.Put(html)
	if err != nil {
		return false
	}
	t, err := f.PutString(text)
	if err != nil {
		return false
	}
	k.file, k.htmlRef, k.textRef = f, h, t
	return true
}

// Stored is one kept body as a store outside the process holds it (see
// package bodycache): what ParseKept and Finish take from it, with its
// HTML and text in the store's file.
type Stored struct {
	Key        [32]byte
	Links      []Link
	Sections   []int // each link's section, which Link does not export
	Problems   []diag.Diagnostic
	First      string
	Sum        [32]byte // the LinkSum it was rendered with
	HTML, Text spill.Ref
}

// NewBodiesIn returns Bodies that hold stored, whose HTML and text are in
// f, and that put the HTML and text of the bodies they keep from now on
// there too.
func NewBodiesIn(f *spill.File, stored []Stored) *Bodies {
	b := NewBodies()
	b.file = f
	for _, s := range stored {
		k := &kept{links: s.Links, problems: s.Problems, first: s.First, sum: s.Sum, file: f, htmlRef: s.HTML, textRef: s.Text}
		for i := range k.links {
			if i < len(s.Sections) {
				k.links[i].section = s.Sections[i]
			}
		}
		b.last[s.Key] = k
	}
	return b
}

// Stored returns the bodies the last build used (call it after Next),
// each with its HTML and text in f, where those kept in memory are put.
func (b *Bodies) Stored(f *spill.File) ([]Stored, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Stored, 0, len(b.last))
	for key, k := range b.last {
		if k.file != f {
			html, text := k.html, k.text
			if k.file != nil { // another store's: moved into f
				var err error
				if html, err = k.file.Get(k.htmlRef); err != nil {
					return nil, err
				}
				if text, err = k.file.GetString(k.textRef); err != nil {
					return nil, err
				}
			}
			if !k.put(f, html, text) {
				return nil, fmt.Errorf("keeping bodies: %w", spill.ErrFailed)
			}
		}
		k.html, k.text = nil, ""
		s := Stored{Key: key, Links: k.links, Problems: k.problems, First: k.first, Sum: k.sum, HTML: k.htmlRef, Text: k.textRef}
		s.Sections = make([]int, len(k.links))
		for i, l := range k.links {
			s.Sections[i] = l.section
		}
		out = append(out, s)
	}
	return out, nil
}
