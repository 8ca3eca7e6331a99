package searchindex

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBest checks best against its definition, the maxPostings postings
// of highest score, the earlier document first among equals, by
// document: random lists of every length around the limit, with few
// distinct scores (many ties) and with many.
func TestBest(t *testing.T) {
	want := func(list []posting) []posting {
		if len(list) <= maxPostings {
			return list
		}
		list = slices.Clone(list)
		slices.SortFunc(list, func(a, b posting) int {
			return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
		})
		list = list[:maxPostings]
		slices.SortFunc(list, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		return list
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, maxPostings - 1, maxPostings, maxPostings + 1, 2 * maxPostings, 5000} {
		for _, scores := range []int32{1, 3, 50, 1 << 20} {
			var list []posting
			doc := int32(0)
			for range n {
				doc += 1 + rng.Int32N(3)
				list = append(list, posting{doc: doc, score: 1 + rng.Int32N(scores), title: rng.IntN(2) == 0})
			}
			p := &searchPostings{postings: [][]posting{list}}
			if got := p.best(0); !slices.Equal(got, want(list)) {
				t.Errorf("%d postings, %d scores: best differs from its definition", n, scores)
			}
		}
	}
}
