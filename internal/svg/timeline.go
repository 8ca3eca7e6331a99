package svg

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"gazette/internal/content"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// Chart is a bar chart of events per month, stacked by event type, laid
// out in Go so the template only draws it.
type Chart struct {
	Width, Height int
	Title         string // the SVG's accessible name
	Summary       string // a text alternative
	Bars          []Bar
	YearBands     []Bar // events known only to the year, spanning it
	XLabels       []Label
	YLabels       []Label
	Gridlines     []int // y positions
	Legend        []LegendItem
	PlotTop       int
	PlotBottom    int
	PlotLeft      int
	PlotRight     int
}

// Bar is one rectangle of a chart.
type Bar struct {
	X, Y, W, H int
	Class      string
	Title      string
}

// Label is a piece of text placed on a chart.
type Label struct {
	X, Y int
	Text string
}

// LegendItem names the colour of one event type.
type LegendItem struct {
	Class, Title string
	N            int
}

// typeClass returns the CSS class of an event type: its place in the
// site's list, so a theme colours types without knowing their names.
func typeClass(types []string, t string) string {
	i := slices.Index(types, t)
	if i < 0 {
		i = len(types)
	}
	return fmt.Sprintf("c%d", i%8)
}

// monthIndex counts months from year 0, so months subtract.
func monthIndex(d content.Date) int { return d.Year*12 + max(d.Month, 1) - 1 }

// EventChart draws events per month from the first event's month to the
// last one's. Events dated only to the year cannot be put in a month, so
// they are drawn as a band across their year instead of being guessed into
// January.
// w gives the chart its words: its title, summary and tooltips.
func EventChart(events []*site.Event, types []string, w site.Words) *Chart {
	if len(events) == 0 {
		return nil
	}
	first, last := 1<<30, -1
	for _, e := range events {
		start := monthIndex(e.From)
		end := start
		if e.From.Month == 0 {
			end = start + 11
		}
		first, last = min(first, start), max(last, end)
	}
	// Whole years, so that the axis labels sit at January.
	first -= first % 12
	last += 11 - last%12
	months := last - first + 1

	c := &Chart{Width: 720, Height: 240, PlotLeft: 36, PlotRight: 712, PlotTop: 28, PlotBottom: 200}
	counts := make([]map[string]int, months)
	yearOnly := map[int]map[string]int{}
	byType := map[string]int{}
	for _, e := range events {
		byType[e.Type]++
		if e.From.Month == 0 {
			if yearOnly[e.From.Year] == nil {
				yearOnly[e.From.Year] = map[string]int{}
			}
			yearOnly[e.From.Year][e.Type]++
			continue
		}
		i := monthIndex(e.From) - first
		if counts[i] == nil {
			counts[i] = map[string]int{}
		}
		counts[i][e.Type]++
	}
	peak := 1
	for _, m := range counts {
		n := 0
		for _, v := range m {
			n += v
		}
		peak = max(peak, n)
	}
	step := 1
	for peak/step > 5 {
		step *= 2
	}
	top := (peak + step - 1) / step * step
	plotH := c.PlotBottom - c.PlotTop
	slot := float64(c.PlotRight-c.PlotLeft) / float64(months)
	x := func(i int) int { return c.PlotLeft + int(float64(i)*slot+0.5) }
	for i, m := range counts {
		y := c.PlotBottom
		for _, t := range orderedTypes(types, m) {
			h := m[t] * plotH / top
			y -= h
			d := monthDate(first + i)
			c.Bars = append(c.Bars, Bar{
				X: x(i) + 1, Y: y, W: max(1, x(i+1)-x(i)-2), H: h, Class: typeClass(types, t),
				Title: w.T("chart.bar", m[t], "Date", d, "Type", t),
			})
		}
	}
	for _, year := range sortedIntKeys(yearOnly) {
		m := yearOnly[year]
		i := year*12 - first
		n := 0
		for _, v := range m {
			n += v
		}
		c.YearBands = append(c.YearBands, Bar{
			X: x(i) + 1, Y: c.PlotTop - 18, W: x(i+12) - x(i) - 2, H: 8, Class: "year-only",
			Title: w.T("chart.year_band", n, "Year", year),
		})
	}
	for v := 0; v <= top; v += step {
		y := c.PlotBottom - v*plotH/top
		c.Gridlines = append(c.Gridlines, y)
		c.YLabels = append(c.YLabels, Label{X: c.PlotLeft - 6, Y: y + 4, Text: w.Num(v)})
	}
	for i := 0; i < months; i += 12 {
		c.XLabels = append(c.XLabels, Label{X: x(i) + 2, Y: c.PlotBottom + 18, Text: w.Num(monthDate(first + i).Year)})
	}
	for _, t := range orderedTypes(types, byType) {
		c.Legend = append(c.Legend, LegendItem{Class: typeClass(types, t), Title: t, N: byType[t]})
	}
	c.Title = w.T("chart.title")
	c.Summary = w.T("chart.summary", "Events", w.T("count.events", len(events)), "From", monthDate(first), "To", monthDate(last), "Peak", peak)
	return c
}

func monthDate(i int) content.Date { return content.Date{Year: i / 12, Month: i%12 + 1} }

// orderedTypes returns the keys of m in the site's order of event types.
func orderedTypes(types []string, m map[string]int) []string {
	var out []string
	for _, t := range types {
		if m[t] > 0 {
			out = append(out, t)
		}
	}
	for _, t := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(types, t) && m[t] > 0 {
			out = append(out, t)
		}
	}
	return out
}

func sortedIntKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Strip is an entity's records drawn on the site's time axis: one row per
// record, from its start to its end, each a link to the record.
type Strip struct {
	Width, Height int
	Title         string
	Rows          []StripRow
	Ticks         []Label
	Left, Right   int
	Uncertain     bool // a row has a date known only to the month or year
	Open          bool // a row is not known to be over
}

// StripRow is one record on a Strip. A date known only to the month or
// the year is drawn as an uncertain (hatched) span across that month or
// year, never from its first day; what comes after the newest report that
// saw a record still on, or after a start whose end is not known, fades
// out.
type StripRow struct {
	Y, BarY  int    // the top of the label, of the bar
	Class    string // the record type's colour
	Title    string // the record's title and status
	Label    string // the record's title, drawn above its bar
	Href     string
	Segments []StripSegment
}

// StripSegment is one part of a StripRow's bar.
type StripSegment struct {
	X, W int
	Kind string // "known", "uncertain" or "open"
}

// maxStripRows bounds a strip's height; the most recent events are drawn.
const maxStripRows = 40

// TimeAxis is the span of the site's events, in whole years: the axis
// every strip shares.
type TimeAxis struct {
	lo, hi time.Time
	ok     bool // false when the site has no events
}

// NewTimeAxis finds the span of all events, once per render.
func NewTimeAxis(all []*site.Event) TimeAxis {
	if len(all) == 0 {
		return TimeAxis{}
	}
	lo, hi := all[0].From.Start(), all[0].From.End()
	for _, e := range all {
		lo = minTime(lo, e.From.Start())
		hi = maxTime(hi, e.From.End())
		if !e.Until.Date.IsZero() {
			hi = maxTime(hi, e.Until.Date.End())
		}
	}
	return TimeAxis{
		lo: time.Date(lo.Year(), 1, 1, 0, 0, 0, 0, time.UTC),
		hi: time.Date(hi.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC),
		ok: true,
	}
}

// RecordStrip lays out an entity's records between the start of the
// site's first event and the end of its last. link makes the address of a
// record's page as seen from the page the strip is on; w gives the strip
// its words.
func RecordStrip(records []site.RecordRef, axis TimeAxis, ss *site.Site, link func(url string) string, w site.Words) *Strip {
	if len(records) == 0 || !axis.ok {
		return nil
	}
	title := w.T("strip.title")
	if len(records) > maxStripRows {
		title = w.T("strip.title.more", len(records), "Shown", maxStripRows)
		records = records[len(records)-maxStripRows:]
	}
	lo, hi := axis.lo, axis.hi
	s := &Strip{Width: 720, Left: 8, Right: 712, Title: title}
	span := hi.Sub(lo).Hours()
	x := func(t time.Time) int { return s.Left + int(t.Sub(lo).Hours()/span*float64(s.Right-s.Left)+0.5) }
	const rowH = 34
	types := ss.Config.EventTypes.IDs()
	for i, ref := range records {
		rec := ref.Record
		row := StripRow{
			Y: 4 + i*rowH, BarY: 4 + i*rowH + 15, Class: typeClass(types, rec.Type), Href: link(rec.URL),
			Label: ss.RecordHeading(w, rec), Title: w.T("strip.row", "Title", ss.RecordHeading(w, rec), "Status", evidence.StatusText(w, rec.Status)),
		}
		add := func(from, to time.Time, kind string) {
			if !to.After(from) {
				return
			}
			row.Segments = append(row.Segments, StripSegment{X: x(from), W: max(2, x(to)-x(from)), Kind: kind})
			s.Uncertain = s.Uncertain || kind == "uncertain"
			s.Open = s.Open || kind == "open"
		}
		day := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
		start := rec.Start.Date
		if start.IsZero() { // a restoration that names no record: its end alone
			start = rec.Status.End.Date
		}
		known := day(start.End())
		if start.Day == 0 {
			add(start.Start(), known, "uncertain")
		} else {
			known = start.Start()
		}
		switch rec.Status.State {
		case evidence.Restored, evidence.Ended:
			end := rec.Status.End.Date
			add(known, end.Start(), "known")
			if end.Day == 0 {
				add(maxTime(known, end.Start()), day(end.End()), "uncertain")
			} else if !rec.Start.Date.IsZero() || start.Day != 0 {
				add(maxTime(known, end.Start()), day(end.Start()), "known")
			}
		case evidence.Ongoing:
			add(known, day(rec.Status.AsOf.Start()), "known")
			add(maxTime(known, day(rec.Status.AsOf.Start())), hi, "open")
		default:
			if start.Day != 0 {
				add(start.Start(), day(start.Start()), "known")
			}
			add(known, hi, "open")
		}
		s.Rows = append(s.Rows, row)
	}
	s.Height = 4 + len(records)*rowH + 22
	for y := lo.Year(); y < hi.Year(); y++ {
		s.Ticks = append(s.Ticks, Label{X: x(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)), Y: s.Height - 6, Text: w.Num(y)})
	}
	return s
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
