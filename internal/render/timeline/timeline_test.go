package timeline

import (
	"fmt"
	"testing"
)

// The years of a split timeline are one list: a year's first page
// follows the last page of the year before, and a year of one page still
// has a pager.
func TestYearPage(t *testing.T) {
	p := &Plan{Split: true, Years: []Year{{Year: 2015, Items: make([]Item, 3)}, {Year: 2016, Items: make([]Item, 600)}}}
	for _, tc := range []struct {
		year, page int
		want       string // items, prev | next, n/of
	}{
		{0, 1, "3  | timeline/2016/ 1/1"},
		{1, 1, "500 timeline/2015/ | timeline/2016/page/2/ 1/2"},
		{1, 2, "100 timeline/2016/ |  2/2"},
	} {
		items, pg := p.YearPage(p.Years[tc.year], tc.page)
		if got := fmt.Sprintf("%d %s | %s %d/%d", len(items), pg.Prev, pg.Next, pg.N, pg.Of); got != tc.want {
			t.Errorf("YearPage(%d, %d) = %q, want %q", p.Years[tc.year].Year, tc.page, got, tc.want)
		}
	}
	links := p.YearLinks(2016)
	if got := fmt.Sprint(links); got != "[{2015 timeline/2015/ 3 false} {2016 timeline/2016/ 600 true}]" {
		t.Errorf("YearLinks = %s", got)
	}
}
