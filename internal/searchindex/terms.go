package searchindex

import (
	"slices"
	"unsafe"

	"gazette/internal/fold"
	"gazette/internal/parallel"
)

// termsBatch is how many documents are split into terms at once, in
// parallel, before their terms go into the index in document order: the
// splitting is most of the index's work, and the batch bounds the terms
// waiting in memory.
const termsBatch = 512

// docTerm is one term of a document: the sum of its weights there, and
// whether one of its occurrences is in a title field.
type docTerm struct {
	term  string
	score int32
	title bool
}

// postingsOf indexes docs: the postings that adding each document's fields
// and name keys one after another, in document order, would make, with
// the splitting into terms done in parallel.
func postingsOf(docs []Doc) *searchPostings {
	p := &searchPostings{index: map[string]int{}}
	terms := make([][]docTerm, termsBatch)
	for lo := 0; lo < len(docs); lo += termsBatch {
		hi := min(lo+termsBatch, len(docs))
		parallel.For(hi-lo, func(i int) { terms[i] = termsOf(docs[lo+i]) })
		for i, list := range terms[:hi-lo] {
			for _, t := range list {
				p.addTerm(lo+i, t.term, t.score, t.title)
			}
			terms[i] = nil
		}
	}
	return p
}

// termsOf returns the terms of d's fields, then its name keys, each once,
// in the order they first appear: in that order searchPostings.add and
// addTerm would meet them, summing the weights of a term's occurrences.
func termsOf(d Doc) []docTerm {
	var words fold.Analyzer // the same terms as static/search.js makes of a query
	var out []docTerm
	seen := map[string]int{}
	// The terms' bytes, one after another: a term is a string of its
	// part, which append never writes again (nor, when it grows the
	// buffer, the old one), so each term costs no allocation of its own.
	var buf []byte
	add := func(term []byte, weight int32, title bool) {
		if i, ok := seen[string(term)]; ok {
			out[i].score += weight
			out[i].title = out[i].title || title
			return
		}
		if cap(buf)-len(buf) < len(term) {
			buf = make([]byte, 0, max(4096, len(term)))
		}
		start := len(buf)
		buf = append(buf, term...)
		t := unsafe.String(unsafe.SliceData(buf[start:]), len(term))
		seen[t] = len(out)
		out = append(out, docTerm{t, weight, title})
	}
	for _, f := range d.Fields {
		words.Each(f.Text, func(word []byte) {
			if len(word) <= 40 {
				add(word, f.Weight, f.Title)
			}
		})
	}
	var keys []string
	for _, name := range d.Names {
		key := nameKey(name)
		if len(key) > 0 && len(key) <= 100 && !slices.Contains(keys, string(key)) {
			keys = append(keys, string(key)) // the name and the id are often one key
			add(key, 1, true)
		}
	}
	return out
}
