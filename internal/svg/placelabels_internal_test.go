package svg

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gazette/internal/content"
	"gazette/internal/site"
)

// placeMap is a map of 640 by 400 units with a place at each (x, y) and
// the given number of reports.
func placeMap(t *testing.T, current int, places ...[3]int) (*Map, []*site.Entity) {
	t.Helper()
	var es []*site.Entity
	for i, p := range places {
		name := fmt.Sprintf("Place %d", i)
		e := &site.Entity{Entity: &content.Entity{ID: strconv.Itoa(i), Name: name, Coordinates: &content.LatLon{Lon: float64(p[0]), Lat: float64(400 - p[1])}}}
		e.Reports = make([]site.ReportRef, p[2])
		es = append(es, e)
	}
	b := &Basemap{proj: projection{west: 0, north: 400, kx: 1, scale: 1}, width: 640, height: 400, places: es}
	b.busiest = slices.Clone(es)
	slices.SortStableFunc(b.busiest, func(x, y *site.Entity) int { return len(y.Reports) - len(x.Reports) })
	var cur *site.Entity
	if current >= 0 {
		cur = es[current]
	}
	return b.Map(cur, "", english(t)), es
}

// labelBox is the box of the name or number drawn beside d.
func labelBox(d Dot, font float64) mapBox {
	w := labelWidth(d.Entity.Name, font)
	if d.Number > 0 {
		w = labelWidth(strconv.Itoa(d.Number), font) + 2
	}
	x0 := d.LabelX
	switch d.Anchor {
	case "end":
		x0 -= w
	case "middle":
		x0 -= w / 2
	}
	return mapBox{x0, d.LabelY - font/2, x0 + w, d.LabelY + font/2}
}

// checkLabels checks the rules every place map keeps: no two labels
// overlap, a name covers no dot (but the current place's, which is always
// named), only the current place and the busiest
// maxMapLabels places with reports are named or numbered, and the key is
// exactly the numbered dots, by number.
func checkLabels(t *testing.T, m *Map, current *site.Entity) (named, numbered int) {
	t.Helper()
	busiest := slices.Clone(m.Dots)
	slices.SortStableFunc(busiest, func(a, b Dot) int { return b.Count - a.Count })
	least := busiest[min(maxMapLabels, len(busiest))-1].Count
	var boxes []mapBox
	var key []*site.Entity
	for _, d := range m.Dots {
		if !d.Label && d.Number == 0 {
			continue
		}
		if d.Label && d.Number > 0 {
			t.Errorf("%s is both named and numbered", d.Entity.Name)
		}
		if d.Entity != current && (d.Count < least || d.Count == 0) {
			t.Errorf("%s (%d reports) is labelled, but the busiest %d have at least %d", d.Entity.Name, d.Count, maxMapLabels, least)
		}
		box := labelBox(d, m.Font)
		for _, b := range boxes {
			if box.overlaps(b) {
				t.Errorf("the label of %s at %v overlaps another at %v", d.Entity.Name, box, b)
			}
		}
		boxes = append(boxes, box)
		if box.x0 < 0 || box.y0 < 0 || box.x1 > float64(m.Width) || box.y1 > float64(m.Height) {
			t.Errorf("the label of %s at %v crosses the map's edge", d.Entity.Name, box)
		}
		if d.Label {
			named++
			if d.Entity == current {
				if d.Number > 0 {
					t.Errorf("the current place %s is numbered, not named", d.Entity.Name)
				}
				continue
			}
			for _, o := range m.Dots {
				if box.overlaps(mapBox{o.X - o.R, o.Y - o.R, o.X + o.R, o.Y + o.R}) {
					t.Errorf("the name of %s covers the dot of %s", d.Entity.Name, o.Entity.Name)
				}
			}
		} else {
			numbered++
		}
	}
	for _, d := range m.Dots {
		if d.Entity == current && !d.Label {
			t.Errorf("the current place %s is not named", d.Entity.Name)
		}
	}
	numberedDots := make([]*site.Entity, numbered)
	for _, d := range m.Dots {
		if d.Number > 0 {
			if d.Number > numbered || numberedDots[d.Number-1] != nil {
				t.Fatalf("%s has number %d of %d, or a number another has", d.Entity.Name, d.Number, numbered)
			}
			numberedDots[d.Number-1] = d.Entity
		}
	}
	for i, k := range m.Key {
		if k.Number != i+1 {
			t.Errorf("key %d has number %d", i+1, k.Number)
		}
		key = append(key, k.Entity)
	}
	if !slices.Equal(key, numberedDots) {
		t.Errorf("key %v, want the numbered dots %v", key, numberedDots)
	}
	return named, numbered
}

// Five places: each named beside its dot, on the side with room, the
// current one first; a place with no reports is not named.
func TestPlaceMapLabelsFive(t *testing.T) {
	m, es := placeMap(t, 4,
		[3]int{200, 100, 9}, // right of it is the current place: named left
		[3]int{630, 200, 4}, // at the right edge: named left
		[3]int{300, 300, 1},
		[3]int{320, 320, 0}, // no reports: named on focus only
		[3]int{210, 104, 2}, // current: named first, right
	)
	var got []string
	for _, d := range m.Dots {
		got = append(got, fmt.Sprintf("%s label=%v n=%d at %v,%v %s", d.Entity.Name, d.Label, d.Number, d.LabelX, d.LabelY, d.Anchor))
	}
	want := []string{
		"Place 0 label=true n=0 at 186.4,100 end",
		"Place 1 label=true n=0 at 618.6,200 end",
		"Place 4 label=true n=0 at 220.1,104 start",
		"Place 2 label=true n=0 at 309.2,300 start",
		"Place 3 label=false n=0 at 0,0 ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("dots:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Places of no kind are counted as places.
	if m.Summary != "5 places on the map; a larger dot means more reports." {
		t.Errorf("summary %q", m.Summary)
	}
	named, numbered := checkLabels(t, m, es[4])
	if named != 4 || numbered != 0 {
		t.Errorf("named %d, numbered %d; want 4, 0", named, numbered)
	}
}

// Five hundred places, crowded as a gazetteer's are, one in ten with
// reports: only the busiest are named or numbered, and no label overlaps
// another; on a place's page, among the sixty places drawn there.
func TestPlaceMapLabelsFiveHundred(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 500))
	var places [][3]int
	for range 500 {
		n := 0
		if rng.IntN(10) == 0 {
			n = 1 + rng.IntN(60)
		}
		places = append(places, [3]int{rng.IntN(640), rng.IntN(400), n})
	}
	// On the index map a name 22 units high never clears the dots, so
	// the busiest twenty are numbered; on a place's page, with sixty
	// dots, five of them are named.
	for _, tc := range []struct{ current, dots, named, numbered int }{
		{-1, 500, 0, maxMapLabels},
		{7, maxContextDots, 5, 15},
	} {
		m, es := placeMap(t, tc.current, places...)
		var cur *site.Entity
		if tc.current >= 0 {
			cur = es[tc.current]
		}
		named, numbered := checkLabels(t, m, cur)
		if len(m.Dots) != tc.dots || named != tc.named || numbered != tc.numbered {
			t.Errorf("current %d: %d dots, %d named, %d numbered; want %d, %d, %d", tc.current, len(m.Dots), named, numbered, tc.dots, tc.named, tc.numbered)
		}
	}
}

// The page's own place is named even where its name must cover a
// neighbour's dot on either side: it is what the reader came for. Its
// neighbours, busier, are labelled after it and around it.
func TestPlaceMapNamesCurrent(t *testing.T) {
	m, es := placeMap(t, 0, [3]int{320, 200, 1}, [3]int{345, 200, 5}, [3]int{295, 200, 4})
	named, _ := checkLabels(t, m, es[0])
	if named < 1 {
		t.Errorf("no place is named")
	}
}
