package paging

import (
	"strconv"
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	tests := []struct {
		n, i int
		want string // prev | pages | next
	}{
		{200, 1, "nil"},
		{201, 1, "|[1] 2|reports/page/2/"},
		{201, 2, "reports/|1 [2]|"},
		{2000, 1, "|[1] 2 3 … 10|reports/page/2/"},
		{2000, 6, "reports/page/5/|1 … 4 5 [6] 7 8 … 10|reports/page/7/"},
		{2000, 10, "reports/page/9/|1 … 8 9 [10]|"},
	}
	for _, tt := range tests {
		pg := New("reports/", tt.n, 200, tt.i)
		got := "nil"
		if pg != nil {
			var pages []string
			for _, l := range pg.Pages {
				switch {
				case l.Gap:
					pages = append(pages, "…")
				case l.Current:
					pages = append(pages, "["+strconv.Itoa(l.N)+"]")
				default:
					pages = append(pages, strconv.Itoa(l.N))
				}
			}
			got = pg.Prev + "|" + strings.Join(pages, " ") + "|" + pg.Next
		}
		if got != tt.want {
			t.Errorf("New(%d items, page %d) = %q, want %q", tt.n, tt.i, got, tt.want)
		}
	}
}
