package svg

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/content"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// The records map names a dot beside it when the name and the dot's hit
// square are clear, else numbers it; named dots are drawn last, so that
// nothing covers their hit squares.
func TestRecordMapLayout(t *testing.T) {
	place := func(name string, x, y float64) *site.Entity {
		return &site.Entity{Entity: &content.Entity{ID: strings.ToLower(name), Name: name, Coordinates: &content.LatLon{Lon: x, Lat: 400 - y}}, URL: "cities/" + strings.ToLower(name) + "/"}
	}
	a, b, c, d := place("Alpha", 100, 100), place("Beta", 110, 105), place("Gamma", 630, 200), place("Delta", 300, 390)
	rec := func(state evidence.State, where ...*site.Entity) *site.Record {
		return &site.Record{Roles: site.Roles{{Role: site.RoleWhere, Entities: where}}, Status: evidence.Status{State: state}}
	}
	records := []*site.Record{
		rec(evidence.Ongoing, a), rec(evidence.Restored, a), rec(evidence.Restored, a, b),
		rec(evidence.Ended, c), rec(evidence.Unknown, d),
	}
	bm := &Basemap{proj: projection{west: 0, north: 400, kx: 1, scale: 1}, width: 640, height: 400}
	m := bm.RecordMap(records, "", english(t))
	if m.Font != 22 {
		t.Errorf("Font = %v, want 22 (12 px at 358 px of 640 units)", m.Font)
	}
	var got []string
	for _, d := range m.Dots {
		got = append(got, fmt.Sprintf("%s r=%v open=%v n=%d label=%v,%v %s hit=%v,%v,%v",
			d.Entity.Name, d.R, d.Open, d.Number, d.LabelX, d.LabelY, d.Anchor, d.HitX(), d.HitY(), d.HitW()))
	}
	want := []string{
		// Numbered dots first. Beta's hit square overlaps Alpha's, which has
		// more records: numbered, the number right of the dot.
		"Beta r=7.5 open=false n=1 label=119.5,105 start hit=88,83,44",
		// Delta's name would cross the map's bottom edge, and so would its
		// number beside it: the number goes above.
		"Delta r=7.5 open=true n=2 label=300,369.5 middle hit=278,368,44",
		// Alpha's name would cross Beta's dot on the right: it goes left.
		"Alpha r=9.3 open=true n=0 label=86.7,100 end hit=78,78,44",
		// Gamma's name would cross the right edge; its hit square may.
		"Gamma r=7.5 open=false n=0 label=618.5,200 end hit=608,178,44",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("dots:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(m.Key) != 2 || m.Key[0].Entity != b || m.Key[1].Entity != d {
		t.Errorf("key = %v, want Beta, Delta", m.Key)
	}
	if m.Open != 2 || m.Over != 2 {
		t.Errorf("open, over = %d, %d; want 2, 2", m.Open, m.Over)
	}
}
