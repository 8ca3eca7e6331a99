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

func record(typ string, start content.Date) *site.Record {
	return &site.Record{Record: &content.Record{}, Type: typ, Start: evidence.Span{Date: start}}
}

// The chart counts records by the month they began, in rows of whole
// years; a month's records stack by type in the site's order, each bar
// links to its month on the timeline, and records known only to the year
// are a band across it that links to the year.
func TestRecordChart(t *testing.T) {
	vocab := config.Vocab{{ID: "shutdown", Label: "Shutdown"}, {ID: "restoration", Label: "Restoration"}, {ID: "ban", Label: "Ban"}}
	if RecordChart(nil, vocab, "timeline/", LabelsFrom(&site.Site{}, english(t))) != nil {
		t.Errorf("a chart of no records")
	}
	c := RecordChart([]*site.Record{
		record("shutdown", content.Date{Year: 2014, Month: 8, Day: 12}),
		record("shutdown", content.Date{Year: 2014, Month: 8}),
		record("ban", content.Date{Year: 2014, Month: 8, Day: 3}),
		record("ban", content.Date{Year: 2016, Month: 1}),
		record("shutdown", content.Date{Year: 2015}),
		record("shutdown", content.Date{}),
	}, vocab, "timeline/", LabelsFrom(&site.Site{}, english(t)))
	bar := func(b ChartBar) string {
		return fmt.Sprintf("%s/%s n%d h%d %q %s %v", b.Abbr, b.Tick, b.N, b.H, b.Name, b.Href, b.Parts)
	}
	for _, tc := range []struct{ got, want string }{
		{c.Title, "Shutdowns by the month they began"},
		{c.Summary, "5 shutdowns began between 2014 and 2016. The most in one month: 3, in August 2014. 1 record with no known start is left off."},
		{fmt.Sprint(len(c.Years), c.Years[0].Year, c.Years[2].Year, c.YearOnly), "3 2014 2016 true"},
		{bar(c.Years[0].Months[7]), `Aug/A n3 h96 "August 2014: 3 shutdowns (Shutdown 2, Ban 1)" timeline/#m2014-08 [{c0 32 64} {c2 0 32}]`},
		{bar(c.Years[0].Months[0]), `Jan/J n0 h0 "" timeline/#m2014-01 []`},
		{bar(c.Years[2].Months[0]), `Jan/J n1 h32 "January 2016: 1 shutdown (Ban 1)" timeline/#m2016-01 [{c2 0 32}]`},
		{c.Years[0].Months[7].Words, " shutdowns began in August 2014 (Shutdown 2, Ban 1)"},
		{c.Years[2].Months[0].Words, " shutdown began in January 2016 (Ban 1)"},
		{fmt.Sprint(c.Years[0].YearOnly), "<nil>"},
		{bar(*c.Years[1].YearOnly), `/ n1 h0 "2015, month not known: 1 shutdown (Shutdown 1)" timeline/#y2015 []`},
		{fmt.Sprint(c.Legend), "[{c0 Shutdown 3} {c2 Ban 2}]"},
		{fmt.Sprint(c.Rows), "[{August 2014 [2 1] 3} {2015, month not known [1 0] 1} {January 2016 [0 1] 1}]"},
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
	cities := &site.Kind{Kind: config.Kind{One: "town", Many: "towns"}}
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
	st := RecordStrip([]site.RecordRef{{Record: rec}}, axis, s, func(u string) string { return "../../" + u }, LabelsFrom(&site.Site{}, english(t)))
	// HeadingLang marks a row's title with the language the labels give it.
	labels := LabelsFrom(&site.Site{}, english(t))
	labels.HeadingLang = func(*site.Record) string { return "en" }
	marked := RecordStrip([]site.RecordRef{{Record: rec}}, axis, s, func(u string) string { return u }, labels)
	dot := func(d Dot) string {
		return fmt.Sprintf("%s %v,%v r%v label %v at %v current %v", d.Entity.Name, d.X, d.Y, d.R, d.Label, d.LabelX, d.Current)
	}
	for _, tc := range []struct{ got, want string }{
		{fmt.Sprintf("%d %d %s", m.Width, m.Height, m.Title), "640 1409 Map: Mosul among the places in the reports"},
		{m.Summary, "2 towns on the map; a larger dot means more reports."},
		{dot(m.Dots[0]), "Mosul 143.5,174.8 r7.4 label true at 154.9 current true"},
		{dot(m.Dots[1]), "Baghdad 496.5,1234.1 r5.2 label true at 505.7 current false"},
		{rm.Summary, "1 place where reports record a shutdown, block or ban; a larger dot means more records."},
		{fmt.Sprintf("%d %s %v %v %d %d", len(rm.Dots), rm.Dots[0].Entity.Name, rm.Dots[0].R, rm.Dots[0].LabelX, rm.Open, rm.Over), "1 Mosul 7.5 155 0 1"},
		{fmt.Sprint(st.Title, " | ", st.Years, " | ", st.Uncertain, st.Open, " | ", st.Legend), "Shutdowns on the site's time line | [{0 2015} {49.93 2016}] | true false | [{c1 Shutdown 1}]"},
		{fmt.Sprint(len(st.Months), st.Months[:3]), "22 [4.24 8.07 12.31]"},
		{fmt.Sprint(st.Rows[0].Label, " | ", st.Rows[0].Status, " | ", st.Rows[0].Href, " | ", st.Rows[0].Class), "Shutdown — Mosul | restored on 2 September 2016 | ../../records/r/ | c1"},
		{fmt.Sprintf("%q %q", st.Rows[0].Lang, marked.Rows[0].Lang), `"" "en"`},
		{fmt.Sprint(st.Rows[0].Segments), "[{79.07 4.24 uncertain} {83.31 0.8 known} {83.45 0.8 known}]"},
		{fmt.Sprintf("%v %q", m.Dots[1].Name, rm.Dots[0].Name.Anchor), `{488.3 end} ""`},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %s\nwant %s", tc.got, tc.want)
		}
	}
}
