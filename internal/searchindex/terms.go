package searchindex

import (
	"runtime"
	"slices"
	"unsafe"

	"gazette/internal/diag"
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
// the splitting into terms done in parallel. A body that cannot be read
// back is an error in diags. kept, when not nil, gives the terms of the
// documents it holds, and keeps those of the others.
func postingsOf(docs []Doc, kept *Kept, diags *diag.List) *searchPostings {
	p := &searchPostings{index: map[string]int{}}
	workers := make([]splitter, max(1, runtime.GOMAXPROCS(0)))
	for i := range workers {
		workers[i].seen = map[string]int{}
	}
	spans := make([][2]int, termsBatch) // each document's terms in its worker's
	for lo := 0; lo < len(docs); lo += termsBatch {
		hi := min(lo+termsBatch, len(docs))
		parallel.For(len(workers), func(w int) {
			s := &workers[w]
			for i := lo + w; i < hi; i += len(workers) {
				start := len(s.terms)
				if kept != nil {
					s.splitKept(docs[i], kept, diags)
				} else {
					s.split(docs[i], nil, diags)
				}
				spans[i-lo] = [2]int{start, len(s.terms)}
			}
		})
		for i := lo; i < hi; i++ {
			span := spans[i-lo]
			for _, t := range workers[(i-lo)%len(workers)].terms[span[0]:span[1]] {
				p.addTerm(i, t.term, t.score, t.title)
			}
		}
		// Nothing holds the batch's terms now (the index copied its new
		// ones): the workers' memory is used again.
		for i := range workers {
			workers[i].reset()
		}
	}
	return p
}

// splitter splits documents into terms, one at a time, keeping their
// terms for postingsOf until reset.
type splitter struct {
	words fold.Analyzer // the same terms as static/search.js makes of a query
	seen  map[string]int
	terms []docTerm
	// The terms' bytes, one after another: a term is a string of its
	// part, which nothing writes again until reset.
	buf   []byte
	texts []string // the fields' texts of the document being split (splitKept)
}

func (s *splitter) reset() {
	s.terms = s.terms[:0]
	s.buf = s.buf[:0]
}

// split appends the terms of d's fields, then its name keys, each once,
// in the order they first appear: in that order searchPostings.addTerm
// would meet them one occurrence at a time, summing their weights.
//
// texts, when not nil, are the texts of d's fields, bodies read back.
func (s *splitter) split(d Doc, texts []string, diags *diag.List) {
	clear(s.seen)
	add := func(term []byte, weight int32, title bool) {
		if i, ok := s.seen[string(term)]; ok {
			s.terms[i].score += weight
			s.terms[i].title = s.terms[i].title || title
			return
		}
		if cap(s.buf)-len(s.buf) < len(term) {
			// A new buffer: the old one stays whole under the terms
			// made of it.
			s.buf = make([]byte, 0, max(64<<10, len(term)))
		}
		start := len(s.buf)
		s.buf = append(s.buf, term...)
		t := unsafe.String(unsafe.SliceData(s.buf[start:]), len(term))
		s.seen[t] = len(s.terms)
		s.terms = append(s.terms, docTerm{t, weight, title})
	}
	for i, f := range d.Fields {
		switch {
		case texts != nil:
			f.Text = texts[i]
		case f.Body != nil:
			f.Text = text(diags, f.Body)
		}
		s.words.Each(f.Text, func(word []byte) {
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
}

// splitKept is split, taking d's terms from kept when it holds them, and
// keeping them there when not.
func (s *splitter) splitKept(d Doc, kept *Kept, diags *diag.List) {
	key, texts := docKey(d, diags, s.texts)
	s.texts = texts
	start := len(s.terms)
	if b, ok := kept.get(key); ok {
		var whole bool
		if s.terms, whole = readTerms(s.terms, b); whole {
			return
		}
		s.terms = s.terms[:start] // damaged: split again
	}
	s.split(d, texts, diags)
	kept.put(key, appendTerms(nil, s.terms[start:]))
}
