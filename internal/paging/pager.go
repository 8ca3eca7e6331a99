package paging

// Pager is where a page of a split list is among its pages: what the
// layouts show as previous, next and numbered links, and base.html as
// <link rel="prev"> and rel="next". Its URLs are relative to the edition's
// root, for render.Page.Link.
type Pager struct {
	Prev, Next string // "" on the first, the last page
	Pages      []Link
	N, Of      int // this page's number and the number of pages
	From, To   int // the items on this page, from 1
	Total      int // the items in the list
}

// Link is a numbered link of a Pager; Gap is an ellipsis in place of
// the pages it skips.
type Link struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// window is how many pages either side of the current one the pager
// names: the first and last are always named, and the others are reached
// through them or by next and previous, so a pager stays small at
// thousands of pages.
const window = 2

// New is the pager of page i of a list of n items at per a page
// whose first page is at base; nil when the list is one page.
func New(base string, n, per, i int) *Pager {
	of := Count(n, per)
	if of < 2 {
		return nil
	}
	lo, hi := Bounds(n, per, i)
	pg := &Pager{N: i, Of: of, From: lo + 1, To: hi, Total: n}
	if i > 1 {
		pg.Prev = URL(base, i-1)
	}
	if i < of {
		pg.Next = URL(base, i+1)
	}
	for j := 1; j <= of; j++ {
		switch {
		case j == 1 || j == of || (j >= i-window && j <= i+window):
			pg.Pages = append(pg.Pages, Link{N: j, URL: URL(base, j), Current: j == i})
		case len(pg.Pages) > 0 && !pg.Pages[len(pg.Pages)-1].Gap:
			pg.Pages = append(pg.Pages, Link{Gap: true})
		}
	}
	return pg
}
