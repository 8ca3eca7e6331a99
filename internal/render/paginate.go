package render

import (
	"slices"
	"strings"

	"gazette/internal/paging"
	"gazette/internal/site"
	"gazette/internal/svg"
)

// Pager is where a page of a split list is among its pages: what the
// layouts show as previous, next and numbered links, and base.html as
// <link rel="prev"> and rel="next". Its URLs are relative to the edition's
// root, for Page.Link.
type Pager struct {
	Prev, Next string // "" on the first, the last page
	Pages      []PagerLink
	N, Of      int // this page's number and the number of pages
	From, To   int // the items on this page, from 1
	Total      int // the items in the list
}

// PagerLink is a numbered link of a Pager; Gap is an ellipsis in place of
// the pages it skips.
type PagerLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// pagerWindow is how many pages either side of the current one the pager
// names: the first and last are always named, and the others are reached
// through them or by next and previous, so a pager stays small at
// thousands of pages.
const pagerWindow = 2

// newPager is the pager of page i of a list of n items at per a page
// whose first page is at base; nil when the list is one page.
func newPager(base string, n, per, i int) *Pager {
	of := paging.Count(n, per)
	if of < 2 {
		return nil
	}
	lo, hi := paging.Bounds(n, per, i)
	pg := &Pager{N: i, Of: of, From: lo + 1, To: hi, Total: n}
	if i > 1 {
		pg.Prev = paging.URL(base, i-1)
	}
	if i < of {
		pg.Next = paging.URL(base, i+1)
	}
	for j := 1; j <= of; j++ {
		switch {
		case j == 1 || j == of || (j >= i-pagerWindow && j <= i+pagerWindow):
			pg.Pages = append(pg.Pages, PagerLink{N: j, URL: paging.URL(base, j), Current: j == i})
		case len(pg.Pages) > 0 && !pg.Pages[len(pg.Pages)-1].Gap:
			pg.Pages = append(pg.Pages, PagerLink{Gap: true})
		}
	}
	return pg
}

// listJobs are the jobs that write the pages of the site's long lists:
// the reports index, the timeline, the records index. Each is one page,
// as before, until it is longer than a page holds (see package paging).
func (r *renderer) listJobs() []func() error {
	s := r.site
	var jobs []func() error
	page := func(layout string, p func() *Page) {
		jobs = append(jobs, func() error { return r.page(layout, p()) })
	}
	for i := 1; i <= paging.Count(len(s.Reports), paging.Reports); i++ {
		page("reports", func() *Page { return r.reportsIndex(i) })
	}
	page("timeline", func() *Page { return r.timeline() })
	if r.tl.split {
		for _, y := range r.tl.years {
			for i := 1; i <= paging.Count(len(y.Items), paging.Timeline); i++ {
				page("timeline", func() *Page { return r.timelineYear(y, i) })
			}
		}
	}
	if len(s.Records) > 0 {
		for i := 1; i <= paging.Count(len(s.Records), paging.Records); i++ {
			page("records", func() *Page { return r.recordsIndex(i) })
		}
	}
	return jobs
}

// entityJobs are the jobs that write an entity's page and, when it has
// more reports or records than its page lists, the pages of all of them.
func (r *renderer) entityJobs(e *site.Entity) []func() error {
	jobs := []func() error{func() error { return r.page("entity", r.entity(e)) }}
	if len(e.Reports) > paging.EntityMax {
		for i := 1; i <= paging.Count(len(e.Reports), paging.Reports); i++ {
			jobs = append(jobs, func() error { return r.page("entity", r.entityReports(e, i)) })
		}
	}
	if len(e.Records) > paging.EntityMax {
		for i := 1; i <= paging.Count(len(e.Records), paging.Records); i++ {
			jobs = append(jobs, func() error { return r.page("entity", r.entityRecords(e, i)) })
		}
	}
	return jobs
}

// reportsIndex is page i of the reports index, its reports grouped by
// year.
func (r *renderer) reportsIndex(i int) *Page {
	s := r.site
	p := r.newPage("reports", paging.URL("reports/", i), r.ui.T("reports.title"), r.ui.T("reports.description", len(s.Reports)))
	p.Pager = newPager("reports/", len(s.Reports), paging.Reports, i)
	lo, hi := paging.Bounds(len(s.Reports), paging.Reports, i)
	for _, rep := range s.Reports[lo:hi] {
		if n := len(p.Years); n == 0 || p.Years[n-1].Year != rep.Date.Year {
			p.Years = append(p.Years, YearGroup{Year: rep.Date.Year})
		}
		g := &p.Years[len(p.Years)-1]
		g.Reports = append(g.Reports, rep)
	}
	return p
}

// recordsIndex is page i of the records index; the first has the map.
func (r *renderer) recordsIndex(i int) *Page {
	p := r.recordsPage()
	if i == 1 {
		p.RecordMap = r.basemap.RecordMap(r.site.Records, r.site.Config.Map.Attribution, r.ui)
	}
	if p.Pager = newPager("records/", len(p.Records), paging.Records, i); p.Pager != nil {
		p.URL, p.path = p.Edition.Root()+paging.URL("records/", i), paging.URL("records/", i)
		p.Alternates = r.alternates(p)
		lo, hi := paging.Bounds(len(p.Records), paging.Records, i)
		p.Records = p.Records[lo:hi]
	}
	return p
}

// timelineData is the timeline, shared by the editions: its years, and
// on which page each of the anchors the chart links to is.
type timelineData struct {
	years   []TimelineYear
	split   bool              // the timeline is one page a year (paging.TimelineSplit)
	anchors map[string]string // "m2016-08" to "timeline/2016/page/2/", when split
}

func newTimelineData(s *site.Site) *timelineData {
	t := &timelineData{years: timelineYears(s), anchors: map[string]string{}}
	t.split = paging.TimelineSplit(paging.TimelineYears(s))
	if !t.split {
		return t
	}
	for _, y := range t.years {
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

// chartLinks points the chart's bars at the year pages of a split
// timeline: RecordChart links them to anchors on one timeline page.
func (r *renderer) chartLinks(p *Page, c *svg.Chart) {
	if c == nil || !r.tl.split {
		return
	}
	fix := func(b *svg.ChartBar) {
		_, anchor, ok := strings.Cut(b.Href, "#")
		if url, found := r.tl.anchors[anchor]; ok && found {
			b.Href = p.Link(url) + "#" + anchor
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

// TimelineYearLink is a year of a split timeline, on its first page.
type TimelineYearLink struct {
	Year    int
	URL     string // relative to the edition's root
	N       int    // its items
	Current bool   // the year of the page
}

// timelineYear is page i of year y of a split timeline.
func (r *renderer) timelineYear(y TimelineYear, i int) *Page {
	base := paging.YearURL(y.Year)
	p := r.newPage("timeline", paging.URL(base, i), r.ui.T("timeline.year_title", "Year", r.ui.Num(y.Year)), r.ui.T("timeline.year_description", "Year", r.ui.Num(y.Year)))
	p.Pager = newPager(base, len(y.Items), paging.Timeline, i)
	lo, hi := paging.Bounds(len(y.Items), paging.Timeline, i)
	// The years are one list: the first page of a year follows the last
	// of the year before.
	if p.Pager == nil {
		p.Pager = &Pager{N: 1, Of: 1, From: 1, To: len(y.Items), Total: len(y.Items)}
	}
	k := slices.IndexFunc(r.tl.years, func(o TimelineYear) bool { return o.Year == y.Year })
	if i == 1 && k > 0 {
		o := r.tl.years[k-1]
		p.Pager.Prev = paging.URL(paging.YearURL(o.Year), paging.Count(len(o.Items), paging.Timeline))
	}
	if i == p.Pager.Of && k+1 < len(r.tl.years) {
		p.Pager.Next = paging.YearURL(r.tl.years[k+1].Year)
	}
	p.Timeline = []TimelineYear{{Year: y.Year, Items: y.Items[lo:hi]}}
	p.TimelineUp = "timeline/"
	for _, o := range r.tl.years {
		p.TimelineYears = append(p.TimelineYears, TimelineYearLink{Year: o.Year, URL: paging.YearURL(o.Year), N: len(o.Items), Current: o.Year == y.Year})
	}
	return p
}

// entityReports is page i of the list of all e's reports.
func (r *renderer) entityReports(e *site.Entity, i int) *Page {
	base := paging.EntityReports(e)
	name := e.NameIn(r.ed.Lang)
	p := r.newPage("entity", paging.URL(base, i), r.ui.T("entity.reports", "Name", name), r.ui.T("entity.reports", "Name", name))
	p.Entity, p.Kind, p.Part = e, e.Kind, "reports"
	p.Pager = newPager(base, len(e.Reports), paging.Reports, i)
	lo, hi := paging.Bounds(len(e.Reports), paging.Reports, i)
	p.Reports = e.Reports[lo:hi]
	return p
}

// entityRecords is page i of the list of all e's records, newest first.
func (r *renderer) entityRecords(e *site.Entity, i int) *Page {
	base := paging.EntityRecords(e)
	name := e.NameIn(r.ed.Lang)
	p := r.newPage("entity", paging.URL(base, i), r.ui.T("entity.records_title", "Name", name), r.ui.T("entity.records_title", "Name", name))
	p.Entity, p.Kind, p.Part = e, e.Kind, "records"
	p.Pager = newPager(base, len(e.Records), paging.Records, i)
	recs := slices.Clone(e.Records)
	slices.Reverse(recs)
	lo, hi := paging.Bounds(len(recs), paging.Records, i)
	p.Records = recs[lo:hi]
	return p
}

// entityLists shortens the lists of e's page p to the newest
// paging.EntityOpen when they are longer than paging.EntityMax, with
// links to the pages of all of them.
func entityLists(p *Page, e *site.Entity) {
	p.Reports = e.Reports
	if len(e.Reports) > paging.EntityMax {
		p.Reports, p.AllReports = e.Reports[:paging.EntityOpen], paging.EntityReports(e)
	}
	if len(p.Records) > paging.EntityMax {
		p.Records, p.AllRecords = p.Records[:paging.EntityOpen], paging.EntityRecords(e)
	}
}
