package svg

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"

	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

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

// Strip is an entity's records drawn on the site's time axis: one row per
// record, from its start to its end, each a link to the record. Like the
// chart, it is HTML text with SVG only for the bars, whose places are
// percentages of the axis, so that its labels keep their size at any width.
type Strip struct {
	Title     string
	Rows      []StripRow
	Years     []Tick       // the start of each year, labelled
	Months    []float64    // the start of each month, a tick each (percent)
	Legend    []LegendItem // a colour for each record type on the strip
	Uncertain bool         // a row has a date known only to the month or year
	Open      bool         // a row is not known to be over
}

// Tick is a labelled place on the axis, in percent of its width.
type Tick struct {
	X    float64
	Text string
}

// StripRow is one record on a Strip. A date known only to the month or
// the year is drawn as an uncertain (hatched) span across that month or
// year, never from its first day; what comes after the newest report that
// saw a record still on, or after a start whose end is not known, fades
// out.
type StripRow struct {
	Class    string // the record type's colour
	Label    string // the record's title
	Lang     string // Label's language when it is not the page's, else ""
	Status   string // its status in words
	Href     string
	Segments []StripSegment
}

// StripSegment is one part of a StripRow's bar, in percent of the axis.
type StripSegment struct {
	X, W float64
	Kind string // "known", "uncertain" or "open"
}

// minSegment is the narrowest segment drawn, in percent: a day on a
// three-year axis would be a tenth of a pixel on a phone.
const minSegment = 0.8

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
// record's page as seen from the page the strip is on.
func RecordStrip(records []site.RecordRef, axis TimeAxis, ss *site.Site, link func(url string) string, l Labels) *Strip {
	if len(records) == 0 || !axis.ok {
		return nil
	}
	title := l.StripTitle
	if len(records) > maxStripRows {
		title = l.StripTitleSome(maxStripRows, len(records))
		records = records[len(records)-maxStripRows:]
	}
	lo, hi := axis.lo, axis.hi
	s := &Strip{Title: title}
	span := hi.Sub(lo).Hours()
	x := func(t time.Time) float64 { return t.Sub(lo).Hours() / span * 100 }
	types := ss.Config.EventTypes.IDs()
	byType := map[string]int{}
	for _, ref := range records {
		rec := ref.Record
		byType[rec.Type]++
		row := StripRow{Class: typeClass(types, rec.Type), Href: link(rec.URL), Label: l.Heading(rec), Status: l.Status(rec.Status)}
		if l.HeadingLang != nil {
			row.Lang = l.HeadingLang(rec)
		}
		add := func(from, to time.Time, kind string) {
			if !to.After(from) {
				return
			}
			x0, x1 := x(from), x(to)
			if x1-x0 < minSegment {
				x0 = min(x0, 100-minSegment)
				x1 = x0 + minSegment
			}
			row.Segments = append(row.Segments, StripSegment{X: round2(x0), W: round2(x1 - x0), Kind: kind})
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
	for _, t := range orderedTypes(types, byType) {
		s.Legend = append(s.Legend, LegendItem{Class: typeClass(types, t), Title: ss.Config.EventTypes.Label(t), N: byType[t]})
	}
	for y := lo.Year(); y < hi.Year(); y++ {
		s.Years = append(s.Years, Tick{X: round2(x(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))), Text: l.Num(y)})
		for m := 2; m <= 12; m++ {
			s.Months = append(s.Months, round2(x(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC))))
		}
	}
	return s
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// typeClass returns the CSS class of an event type: its place in the
// site's list, so a theme colours types without knowing their names.
func typeClass(types []string, t string) string {
	i := slices.Index(types, t)
	if i < 0 {
		i = len(types)
	}
	return fmt.Sprintf("c%d", i%8)
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
