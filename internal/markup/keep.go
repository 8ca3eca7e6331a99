package markup

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"sync"

	"gazette/internal/diag"
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
	k := &kept{links: doc.parsed, problems: doc.parseProblems, html: slices.Clone(html), text: text, first: doc.first, sum: doc.links}
	doc.keep.mu.Lock()
	doc.keep.now[doc.key] = k
	doc.keep.mu.Unlock()
	doc.keep, doc.parsed, doc.parseProblems = nil, nil, nil
}
