// Package timeline computes what the timeline pages list: every record
// (at its start, and at its end) and every report, by date, grouped by
// year, with the anchors the chart's bars link to; and, when the timeline
// is too long for one page (paging.TimelineSplit), on which year page
// each item and anchor is. It is plain data made from the site, apart
// from package render, which lays it out: the same Plan serves every
// edition.
package timeline

import (
	"slices"
	"strings"

	"gazette/internal/content"
	"gazette/internal/paging"
	"gazette/internal/site"
	"gazette/internal/svg"
)

// Year is one year of the timeline page.
type Year struct {
	Year  int
	Items []Item
}

// Item is an event or a report on the timeline, at its date.
type Item struct {
	Date   content.Date
	Record *site.Record // a record, at its start, or at its end when End is set
	End    bool
	Report *site.Report
	Anchor string // on the first item of each month: the chart's bars link here
}

// Years are the timeline's items by year, oldest first. At the same date,
// records come before the reports that tell of them.
func Years(s *site.Site) []Year {
	var items []Item
	for _, rec := range s.Records {
		if !rec.Start.Date.IsZero() {
			items = append(items, Item{Date: rec.Start.Date, Record: rec})
		}
		if end := rec.Status.End.Date; !end.IsZero() && end != rec.Start.Date {
			items = append(items, Item{Date: end, Record: rec, End: true})
		}
	}
	for _, r := range s.Reports {
		items = append(items, Item{Date: r.Date, Report: r})
	}
	slices.SortStableFunc(items, func(a, b Item) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return btoi(a.Record == nil) - btoi(b.Record == nil)
	})
	var years []Year
	seen := map[string]bool{}
	for _, it := range items {
		if n := len(years); n == 0 || years[n-1].Year != it.Date.Year {
			years = append(years, Year{Year: it.Date.Year})
		}
		if a := svg.MonthAnchor(it.Date); it.Date.Month != 0 && !seen[a] {
			it.Anchor, seen[a] = a, true
		}
		years[len(years)-1].Items = append(years[len(years)-1].Items, it)
	}
	return years
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Plan is the timeline, shared by the editions: its years, and on which
// page each of the anchors the chart links to is.
type Plan struct {
	Years   []Year
	Split   bool              // the timeline is one page a year (paging.TimelineSplit)
	anchors map[string]string // "m2016-08" to "timeline/2016/page/2/", when split
}

// New is s's timeline.
func New(s *site.Site) *Plan {
	t := &Plan{Years: Years(s), anchors: map[string]string{}}
	t.Split = paging.TimelineSplit(paging.TimelineYears(s))
	if !t.Split {
		return t
	}
	for _, y := range t.Years {
		base := paging.YearURL(y.Year)
		t.anchors[svg.YearAnchor(y.Year)] = base
		for j, it := range y.Items {
			if it.Anchor != "" {
				t.anchors[it.Anchor] = paging.URL(base, j/paging.Timeline+1)
			}
		}
	}
	return t
}

// ChartLinks points the chart's bars at the year pages of a split
// timeline: svg.RecordChart links them to anchors on one timeline page.
// link makes an address relative to the edition's root one from the page
// the chart is on (render.Page.Link).
func (t *Plan) ChartLinks(c *svg.Chart, link func(string) string) {
	if c == nil || !t.Split {
		return
	}
	fix := func(b *svg.ChartBar) {
		_, anchor, ok := strings.Cut(b.Href, "#")
		if url, found := t.anchors[anchor]; ok && found {
			b.Href = link(url) + "#" + anchor
		}
	}
	for i := range c.Years {
		for m := range c.Years[i].Months {
			fix(&c.Years[i].Months[m])
		}
		if c.Years[i].YearOnly != nil {
			fix(c.Years[i].YearOnly)
		}
	}
}

// YearLink is a year of a split timeline, on its first page.
type YearLink struct {
	Year    int
	URL     string // relative to the edition's root
	N       int    // its items
	Current bool   // the year of the page
}

// YearLinks are the years of a split timeline, current marked (0 on the
// timeline's first page, which is no year's).
func (t *Plan) YearLinks(current int) []YearLink {
	var out []YearLink
	for _, y := range t.Years {
		out = append(out, YearLink{Year: y.Year, URL: paging.YearURL(y.Year), N: len(y.Items), Current: y.Year == current})
	}
	return out
}

// YearPage is page i of year y of a split timeline: its items, and its
// pager. The years are one list: the first page of a year follows the
// last of the year before, so a year's page has a pager even when the
// year is one page.
func (t *Plan) YearPage(y Year, i int) ([]Item, *paging.Pager) {
	base := paging.YearURL(y.Year)
	pg := paging.New(base, len(y.Items), paging.Timeline, i)
	lo, hi := paging.Bounds(len(y.Items), paging.Timeline, i)
	if pg == nil {
		pg = &paging.Pager{N: 1, Of: 1, From: 1, To: len(y.Items), Total: len(y.Items)}
	}
	k := slices.IndexFunc(t.Years, func(o Year) bool { return o.Year == y.Year })
	if i == 1 && k > 0 {
		o := t.Years[k-1]
		pg.Prev = paging.URL(paging.YearURL(o.Year), paging.Count(len(o.Items), paging.Timeline))
	}
	if i == pg.Of && k+1 < len(t.Years) {
		pg.Next = paging.YearURL(t.Years[k+1].Year)
	}
	return y.Items[lo:hi], pg
}
