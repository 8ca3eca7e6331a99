// Package rank picks the few best of many, in time linear in the corpus:
// the documents most related to each document by the terms they share,
// rarer terms counting more, and the terms that share the most documents
// with each term. Package site ranks reports by their entities with it:
// a report's related reports and an entity's co-occurring entities.
package rank

import "math"

// Shared is an item and how many documents it shares with another.
type Shared[T any] struct {
	Item T
	N    int
}

// maxTerms bounds the terms of one document that CoOccurring pairs: their
// square is its work.
const maxTerms = 500

// CoOccurring counts, for each term of docs, the documents it shares with
// every other term, and keeps the k that before puts first. The cost is
// the sum over documents of the square of their term count, which stays
// small: a report names a handful of entities (and at most maxTerms count).
// It is a selection of the few kept, not a sort, since a common term
// shares documents with thousands.
func CoOccurring[T comparable](docs [][]T, k int, before func(a, b Shared[T]) bool) map[T][]Shared[T] {
	counts := map[T]map[T]int{}
	for _, all := range docs {
		if len(all) > maxTerms {
			all = all[:maxTerms] // bound the square for a pathological document
		}
		for _, a := range all {
			m := counts[a]
			if m == nil {
				m = map[T]int{}
				counts[a] = m
			}
			for _, b := range all {
				if a != b {
					m[b]++
				}
			}
		}
	}
	out := make(map[T][]Shared[T], len(counts))
	for t, m := range counts {
		top := NewTop(k, before)
		for o, c := range m {
			top.Offer(Shared[T]{o, c})
		}
		out[t] = append([]Shared[T](nil), top.Best()...)
	}
	return out
}

// Related ranks, for each document, the k documents that share its terms.
// postings(t) returns the documents (indexes into docs) that hold t. A
// shared term weighs more the fewer documents hold it (its inverse
// document frequency, 1 + ln(n/df)), so two reports about one small town
// are closer than two that both mention the country. A term in more than
// limit documents says almost nothing and is skipped: the work is then at
// most limit steps per term of a document, linear in the corpus. Ties go
// to the document that before puts first.
func Related[T any](docs [][]T, postings func(T) []int, k, limit int, before func(i, j int) bool) [][]int {
	n := float64(len(docs))
	out := make([][]int, len(docs))
	scores := make([]float64, len(docs))
	var touched []int
	for i, terms := range docs {
		touched = touched[:0]
		for _, t := range terms {
			holders := postings(t)
			if len(holders) > limit {
				continue
			}
			w := 1 + math.Log(n/float64(len(holders)))
			for _, j := range holders {
				if j == i {
					continue
				}
				if scores[j] == 0 {
					touched = append(touched, j)
				}
				scores[j] += w
			}
		}
		// The best few by score: a selection, not a sort, since a
		// document can touch thousands of others.
		better := func(a, b int) bool {
			if scores[a] != scores[b] {
				return scores[a] > scores[b]
			}
			return before(a, b)
		}
		top := NewTop(k, better)
		for _, j := range touched {
			top.Offer(j)
		}
		out[i] = append([]int(nil), top.Best()...)
		for _, j := range touched {
			scores[j] = 0
		}
	}
	return out
}

// Top keeps the k best of the items offered to it: a selection, in O(n·k),
// for when only a few of many are shown.
type Top[T any] struct {
	items  []T
	k      int
	better func(a, b T) bool
}

// NewTop returns a Top of the k items that better puts first.
func NewTop[T any](k int, better func(a, b T) bool) *Top[T] {
	return &Top[T]{items: make([]T, 0, k), k: k, better: better}
}

// Offer keeps x if it is among the k best so far.
func (t *Top[T]) Offer(x T) {
	n := len(t.items)
	if n == t.k {
		if !t.better(x, t.items[n-1]) {
			return
		}
		t.items = t.items[:n-1]
	}
	i := len(t.items)
	t.items = append(t.items, x)
	for ; i > 0 && t.better(x, t.items[i-1]); i-- {
		t.items[i] = t.items[i-1]
	}
	t.items[i] = x
}

// Best returns the items kept, best first.
func (t *Top[T]) Best() []T { return t.items }

// Run is a run of items with the same key: the first few of them, and
// how many more it has.
type Run[K comparable, T any] struct {
	Key   K
	Items []T
	More  int
}

// Runs splits items into runs of consecutive items with the same key and
// keeps the first runs of them, each with its first per items; more counts
// the runs left out. What is kept is bounded however long items is: an
// entity's page quotes its mentions by report, newest first, so that its
// size does not grow with the corpus.
func Runs[K comparable, T any](items []T, key func(T) K, runs, per int) (out []Run[K, T], more int) {
	var last K
	for i, x := range items {
		k := key(x)
		g := len(out) - 1
		switch {
		case g >= 0 && out[g].Key == k:
			if len(out[g].Items) < per {
				out[g].Items = append(out[g].Items, x)
			} else {
				out[g].More++
			}
		case len(out) < runs:
			out = append(out, Run[K, T]{Key: k, Items: []T{x}})
		case i == 0 || k != last:
			more++
		}
		last = k
	}
	return out, more
}
