// Package paging decides how gazette splits its long lists into pages of
// bounded size, and at which addresses those pages are. It is shared by
// render, which writes the pages, and feeds, whose sitemap lists them, so
// that the two cannot disagree; and what a page of such a list shows of
// where it is among them (Pager), which depends on nothing but the counts.
//
// A list of n items whose first page is at base ("reports/") is split into
// pages of Per items when n > Per; page i > 1 is at base+"page/i/"
// ("reports/page/2/"). The addresses are stable: an item stays on its
// page while items are added at the other end of the list only for lists
// in oldest-first order; newest-first lists (reports, an entity's reports)
// shift by design, as a blog's pages do, and every page says which items
// it holds.
package paging

import (
	"strconv"

	"gazette/internal/content"
	"gazette/internal/site"
)

// How many items a page of each list holds. Each is chosen so that a
// page stays well under 500 KB with the default theme (a report item is
// about 400 bytes, a record row about 800, a timeline item about 600), and
// that a list of a size a hand-made site has (a gazetteer's 415 places)
// stays one page.
const (
	Reports  = 200 // the reports index and an entity's reports
	Records  = 200 // the records index and an entity's records
	Timeline = 500 // a year of the timeline; more items than that split the timeline by year
	Entities = 500 // an index of entities (/cities/): an item is about 200 bytes

	// EntityOpen is how many of an entity's reports (and records) its
	// own page lists when it has more than EntityMax: the newest, with
	// a link to the paginated list of all of them.
	EntityOpen = 50
	EntityMax  = 100
)

// Count is the number of pages n items make at per a page: at least one.
func Count(n, per int) int {
	if n <= per {
		return 1
	}
	return (n + per - 1) / per
}

// URL is the address of page i (from 1) of the list whose first page is
// base.
func URL(base string, i int) string {
	if i <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(i) + "/"
}

// Bounds are the indexes [lo, hi) of page i's items of n.
func Bounds(n, per, i int) (lo, hi int) {
	lo = min((i-1)*per, n)
	return lo, min(lo+per, n)
}

// YearCount is a year of the timeline and how many items it has.
type YearCount struct {
	Year, N int
}

// TimelineYears counts the timeline's items by year, oldest first: a
// record at its start and again at its end when that is another date, a
// report at its date. It is what the timeline lists (timeline.Years, in
// internal/render/timeline), counted.
func TimelineYears(s *site.Site) []YearCount {
	n := map[int]int{}
	first, last := 1<<30, -1
	add := func(d content.Date) {
		n[d.Year]++
		first, last = min(first, d.Year), max(last, d.Year)
	}
	for _, rec := range s.Records {
		if !rec.Start.Date.IsZero() {
			add(rec.Start.Date)
		}
		if end := rec.Status.End.Date; !end.IsZero() && end != rec.Start.Date {
			add(end)
		}
	}
	for _, r := range s.Reports {
		add(r.Date)
	}
	var out []YearCount
	for y := first; y <= last; y++ {
		if n[y] > 0 {
			out = append(out, YearCount{y, n[y]})
		}
	}
	return out
}

// TimelineSplit reports whether the timeline is split by year: when it
// has more items than one page holds.
func TimelineSplit(years []YearCount) bool {
	total := 0
	for _, y := range years {
		total += y.N
	}
	return total > Timeline
}

// YearURL is the address of a year of the split timeline.
func YearURL(year int) string { return "timeline/" + strconv.Itoa(year) + "/" }

// EntityReports is the address of the list of all an entity's reports,
// and EntityRecords of its records, when its page lists only the newest.
func EntityReports(e *site.Entity) string { return e.URL + "reports/" }

// EntityRecords: see EntityReports.
func EntityRecords(e *site.Entity) string { return e.URL + "records/" }

// Extra lists the addresses, relative to an edition's root, of the pages
// beyond the site's fixed ones that splitting its lists makes: the
// reports index's pages after the first, the timeline's years, the
// records index's pages, the entity indexes' pages after the first, the
// lists of an entity's reports and records.
func Extra(s *site.Site) []string {
	var out []string
	pages := func(base string, n, per int, first bool) {
		c := Count(n, per)
		for i := 1; i <= c; i++ {
			if i > 1 || first {
				out = append(out, URL(base, i))
			}
		}
	}
	pages("reports/", len(s.Reports), Reports, false)
	if years := TimelineYears(s); TimelineSplit(years) {
		for _, y := range years {
			pages(YearURL(y.Year), y.N, Timeline, true)
		}
	}
	if len(s.Records) > 0 {
		pages("records/", len(s.Records), Records, false)
	}
	for _, k := range s.Kinds {
		pages(k.URL, len(k.Entities), Entities, false)
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			if len(e.Reports) > EntityMax {
				pages(EntityReports(e), len(e.Reports), Reports, true)
			}
			if len(e.Records) > EntityMax {
				pages(EntityRecords(e), len(e.Records), Records, true)
			}
		}
	}
	return out
}
