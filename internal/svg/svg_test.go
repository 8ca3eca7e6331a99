package svg

import (
	"fmt"
	"testing"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

func event(typ string, from content.Date) *site.Event {
	return &site.Event{Event: content.Event{Facts: content.Facts{Type: typ}, From: from}}
}

// The chart spans whole years; a month's events stack by type in the
// site's order; events known only to the year are a band across it.
func TestEventChart(t *testing.T) {
	if EventChart(nil, nil, english(t)) != nil {
		t.Errorf("a chart of no events")
	}
	c := EventChart([]*site.Event{
		event("shutdown", content.Date{Year: 2016, Month: 8, Day: 12}),
		event("shutdown", content.Date{Year: 2016, Month: 8}),
		event("restoration", content.Date{Year: 2016, Month: 9}),
		event("shutdown", content.Date{Year: 2015}),
	}, []string{"shutdown", "restoration"}, english(t))
	for _, tc := range []struct{ got, want string }{
		{c.Summary, "4 events from January 2015 to December 2016; the busiest month had 2."},
		{fmt.Sprint(c.Bars), "[{572 28 26 172 c0 August 2016: 2 shutdown events} {600 114 27 86 c1 September 2016: 1 restoration event}]"},
		{fmt.Sprint(c.YearBands), "[{37 10 336 8 year-only 2015, month not known: 1 event}]"},
		{fmt.Sprint(c.XLabels), "[{38 218 2015} {376 218 2016}]"},
		{fmt.Sprint(c.YLabels), "[{30 204 0} {30 118 1} {30 32 2}]"},
		{fmt.Sprint(c.Legend), "[{c0 shutdown 3} {c1 restoration 1}]"},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %s\nwant %s", tc.got, tc.want)
		}
	}
}

// A place's map marks it and names the busiest places; the records map
// sizes its dots by records; a record's strip shows a start known to the
// month as uncertain, then its days up to the restoration.
func TestMapsAndStrip(t *testing.T) {
	cities := &site.Kind{}
	place := func(name string, lat, lon float64, reports int) *site.Entity {
		e := &site.Entity{Entity: &content.Entity{ID: name, Name: name, Coordinates: &content.LatLon{Lat: lat, Lon: lon}}, Kind: cities}
		e.Reports = make([]site.ReportRef, reports)
		cities.Entities = append(cities.Entities, e)
		return e
	}
	mosul := place("Mosul", 36.34, 43.13, 4)
	place("Baghdad", 33.31, 44.36, 1)
	s := &site.Site{Kinds: []*site.Kind{cities}, Config: config.Config{EventTypes: config.Vocab{{ID: "restoration"}, {ID: "shutdown", Label: "Shutdown"}}}}
	if NewBasemap(&site.Site{}) != nil {
		t.Errorf("a base map without places or outline")
	}
	b := NewBasemap(s)
	rec := &site.Record{Record: &content.Record{}, Type: "shutdown", URL: "records/r/",
		Roles:  site.Roles{{Role: site.RoleWhere, Entities: []*site.Entity{mosul}}},
		Start:  evidence.Span{Date: content.Date{Year: 2016, Month: 8}},
		Status: evidence.Status{State: evidence.Restored, End: evidence.Span{Date: content.Date{Year: 2016, Month: 9, Day: 2}}}}
	m := b.Map(mosul, "© OSM", english(t))
	rm := b.RecordMap([]*site.Record{rec}, "", english(t))
	axis := NewTimeAxis([]*site.Event{event("shutdown", content.Date{Year: 2015, Month: 3}), event("shutdown", content.Date{Year: 2016, Month: 11})})
	st := RecordStrip([]site.RecordRef{{Record: rec}}, axis, s, func(u string) string { return "../../" + u }, english(t))
	dot := func(d Dot) string {
		return fmt.Sprintf("%s %v,%v r%v label %v at %v current %v", d.Entity.Name, d.X, d.Y, d.R, d.Label, d.LabelX, d.Current)
	}
	for _, tc := range []struct{ got, want string }{
		{fmt.Sprintf("%d %d %s", m.Width, m.Height, m.Title), "640 1409 Map: Mosul among the places in the reports"},
		{m.Summary, "2 places on the map; a larger dot means more reports."},
		{dot(m.Dots[0]), "Mosul 143.5,174.8 r7.4 label true at 153.9 current true"},
		{dot(m.Dots[1]), "Baghdad 496.5,1234.1 r5.2 label true at 504.7 current false"},
		{rm.Summary, "1 place where reports record a shutdown, block or ban; a larger dot means more records."},
		{fmt.Sprintf("%d %s %v %v %d %d", len(rm.Dots), rm.Dots[0].Entity.Name, rm.Dots[0].R, rm.Dots[0].LabelX, rm.Open, rm.Over), "1 Mosul 7.5 155 0 1"},
		{fmt.Sprint(st.Height, st.Ticks, st.Uncertain, st.Open), "60 [{8 54 2015} {360 54 2016}] true false"},
		{fmt.Sprint(st.Rows[0].Label, " | ", st.Rows[0].Title, " | ", st.Rows[0].Href, " | ", st.Rows[0].Class), "Shutdown — Mosul | Shutdown — Mosul: restored on 2 September 2016 | ../../records/r/ | c1"},
		{fmt.Sprint(st.Rows[0].Segments), "[{565 30 uncertain} {595 2 known} {595 2 known}]"},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %s\nwant %s", tc.got, tc.want)
		}
	}
}
