package svg

import (
	"fmt"
	"slices"
	"testing"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/site"
)

// An index map draws every place up to maxIndexDots, and beyond that the
// busiest, saying how many there are and, when they are of one kind,
// which index lists them; a place's page is not capped so, and the
// records map keeps the places with most records.
func TestIndexMapsCapped(t *testing.T) {
	towns := &site.Kind{Kind: config.Kind{Title: "Towns"}, URL: "towns/"}
	groups := &site.Kind{Kind: config.Kind{Title: "Groups"}, URL: "groups/"}
	// n places, place i with i reports (and records), one of them, the
	// quietest, of another kind when mixed.
	basemap := func(n int, mixed bool) (*Basemap, []*site.Record) {
		var es []*site.Entity
		// The n(n-1)/2 records in one block: allocated one by one, they
		// were most of this test's time.
		block := make([]site.Record, 0, n*(n-1)/2)
		recs := make([]*site.Record, 0, cap(block))
		for i := range n {
			k := towns
			if mixed && i == 0 {
				k = groups
			}
			e := &site.Entity{Entity: &content.Entity{ID: fmt.Sprint(i), Name: fmt.Sprintf("Place %03d", i),
				Coordinates: &content.LatLon{Lon: float64(i % 640), Lat: float64(400 - i%400)}}, Kind: k}
			e.Reports = make([]site.ReportRef, i)
			where := site.Roles{{Role: site.RoleWhere, Entities: []*site.Entity{e}}}
			for range i {
				block = append(block, site.Record{Roles: where})
				recs = append(recs, &block[len(block)-1])
			}
			es = append(es, e)
		}
		b := &Basemap{proj: projection{west: 0, north: 400, kx: 1, scale: 1}, width: 640, height: 400, places: es}
		b.busiest = slices.Clone(es)
		slices.SortStableFunc(b.busiest, func(x, y *site.Entity) int { return len(y.Reports) - len(x.Reports) })
		return b, recs
	}
	en := english(t)
	for _, tc := range []struct {
		n     int
		mixed bool
		want  string // dots, Capped, the quietest drawn; the same of the records map
	}{
		{maxIndexDots, false, "500 {0  } Place 000 | 499 {0  } Place 001"},
		{maxIndexDots + 1, false, "500 {501 towns/ Towns} Place 001 | 500 {0  } Place 001"},
		{maxIndexDots + 100, true, "500 {600  } Place 100 | 500 {599 towns/ Towns} Place 100"},
	} {
		b, recs := basemap(tc.n, tc.mixed)
		m := b.Map(nil, "", en)
		rm := b.RecordMap(recs, "", en)
		quietest := func(names []string) string { return slices.Min(names) }
		var names, rnames []string
		for _, d := range m.Dots {
			names = append(names, d.Entity.Name)
		}
		for _, d := range rm.Dots {
			rnames = append(rnames, d.Entity.Name)
		}
		got := fmt.Sprintf("%d %v %s | %d %v %s", len(m.Dots), m.Capped, quietest(names), len(rm.Dots), rm.Capped, quietest(rnames))
		if got != tc.want {
			t.Errorf("%d places: got %s, want %s", tc.n, got, tc.want)
		}
		if cur := b.Map(b.places[0], "", en); cur.Of != 0 {
			t.Errorf("%d places: a place's map is capped: %v", tc.n, cur.Capped)
		}
	}
	m := func() *Map { b, _ := basemap(maxIndexDots+1, false); return b.Map(nil, "", en) }()
	if got, want := m.Summary, "500 places on the map; a larger dot means more reports."; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}
