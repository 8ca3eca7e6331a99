package render

import (
	"slices"

	"gazette/internal/paging"
	"gazette/internal/render/deps"
	"gazette/internal/render/lists"
	"gazette/internal/render/timeline"
	"gazette/internal/site"
)

// listJobs are the jobs that write the pages of the site's long lists:
// the reports index, the timeline, the records index. Each is one page,
// as before, until it is longer than a page holds (see package paging).
func (r *renderer) listJobs() []job {
	s, g := r.site, r.dg
	var jobs []job
	page := func(key string, deps func(d deps.Hash), layout string, p func() *Page) {
		jobs = append(jobs, job{r.ed.Root() + key, deps, func(o *sink) error { return r.page(o, layout, p()) }})
	}
	for i := 1; i <= paging.Count(len(s.Reports), paging.Reports); i++ {
		page(paging.URL("reports/", i), func(d deps.Hash) {
			d.Int(len(s.Reports))
			lo, hi := paging.Bounds(len(s.Reports), paging.Reports, i)
			for _, rep := range s.Reports[lo:hi] {
				d.Digest(g.Meta[rep])
			}
		}, "reports", func() *Page { return r.reportsIndex(i) })
	}
	// The timeline's pages are cut by what they list: any change of a
	// report or record may move every page's bounds.
	all := func(d deps.Hash) { d.Digest(g.AllMeta); d.Digest(g.AllRecs) }
	page("timeline/", all, "timeline", func() *Page { return r.timeline() })
	if r.tl.Split {
		for _, y := range r.tl.Years {
			for i := 1; i <= paging.Count(len(y.Items), paging.Timeline); i++ {
				page(paging.URL(paging.YearURL(y.Year), i), func(d deps.Hash) { r.timelineDeps(d, y, i) }, "timeline", func() *Page { return r.timelineYear(y, i) })
			}
		}
	}
	if len(s.Records) > 0 {
		for i := 1; i <= paging.Count(len(s.Records), paging.Records); i++ {
			page(paging.URL("records/", i), func(d deps.Hash) {
				d.Int(len(s.Records))
				if i == 1 {
					d.Digest(g.AllLines) // the map: where each record was, and its status
					d.Digest(g.Box)
				}
				lo, hi := paging.Bounds(len(s.Records), paging.Records, i)
				for _, rec := range s.Records[lo:hi] {
					d.Digest(g.Line[rec])
				}
			}, "records", func() *Page { return r.recordsIndex(i) })
		}
	}
	return jobs
}

// timelineDeps writes what page i of year y of a split timeline shows
// (timelineYear): its items as they are listed, the years with their
// counts, and its pager, which the plan's cut of every year decides.
func (r *renderer) timelineDeps(d deps.Hash, y timeline.Year, i int) {
	g := r.dg
	items, pager := r.tl.YearPage(y, i)
	d.Value(*pager)
	d.Value(r.tl.YearLinks(y.Year))
	d.Int(len(items))
	for _, it := range items {
		d.Value(it.Date)
		d.String(it.Anchor)
		d.Bool(it.End)
		if it.Record == nil {
			d.Digest(g.Meta[it.Report])
			continue
		}
		d.Digest(g.Line[it.Record])
		d.Int(len(it.Record.RestoredBy))
		for _, e := range it.Record.RestoredBy {
			d.Digest(g.Name[e])
		}
	}
}

// kindJobs are the jobs that write the index of kind k's entities, one
// page up to paging.Entities of them, else as many as they fill.
func (r *renderer) kindJobs(k *site.Kind) []job {
	// The entities in the order the index lists them: by type, as
	// lists.ByType groups them, so that a page's slice of them groups
	// the same way.
	var order []*site.Entity
	for _, g := range lists.ByType(k.Entities, r.site.Config.Types, r.ui.T("entities.other")) {
		order = append(order, g.Entities...)
	}
	var jobs []job
	g := r.dg
	for i := 1; i <= paging.Count(len(order), paging.Entities); i++ {
		jobs = append(jobs, job{r.ed.Root() + paging.URL(k.URL, i), func(d deps.Hash) {
			// The kind's count, the page's entities as its lines show
			// them, and on the first page the map of every place.
			d.Int(len(order))
			lo, hi := paging.Bounds(len(order), paging.Entities, i)
			for _, e := range order[lo:hi] {
				d.Digest(g.Within[e])
				d.Int(len(e.Reports))
			}
			if i == 1 && hasCoordinates(k) {
				d.Digest(g.Places)
				d.Digest(g.Box)
			}
		}, func(o *sink) error { return r.page(o, "entities", r.entities(k, order, i)) }})
	}
	return jobs
}

// entities is page i of the index of kind k, whose entities are listed
// in order; the first has the map.
func (r *renderer) entities(k *site.Kind, order []*site.Entity, i int) *Page {
	p := r.newPage("entities", paging.URL(k.URL, i), k.Title, r.ui.T("entities.description", len(k.Entities), "One", k.One, "Many", k.Many))
	p.Kind = k
	if i == 1 && hasCoordinates(k) {
		p.Map = r.basemap.Map(nil, r.site.Config.Map.Attribution, r.ui)
		if p.Map != nil && p.Map.AllURL == k.URL {
			p.Map.AllURL = "" // this page lists them
		}
	}
	p.Pager = paging.New(k.URL, len(order), paging.Entities, i)
	lo, hi := paging.Bounds(len(order), paging.Entities, i)
	p.Groups = lists.ByType(order[lo:hi], r.site.Config.Types, r.ui.T("entities.other"))
	return p
}

// entityJobs are the jobs that write an entity's page and, when it has
// more reports or records than its page lists, the pages of all of them.
func (r *renderer) entityJobs(e *site.Entity) []job {
	g := r.dg
	key := r.ed.Root() + e.URL
	jobs := []job{{key, func(d deps.Hash) {
		d.Digest(g.Entity[e])
		d.Digest(g.Axis)
		if e.Coordinates != nil {
			g.Map(d, r.basemap.Drawn(e))
		}
	}, func(o *sink) error { return r.page(o, "entity", r.entity(e)) }}}
	if len(e.Reports) > paging.EntityMax {
		for i := 1; i <= paging.Count(len(e.Reports), paging.Reports); i++ {
			jobs = append(jobs, job{r.ed.Root() + paging.URL(paging.EntityReports(e), i), func(d deps.Hash) {
				d.Digest(g.Name[e])
				d.Int(len(e.Reports))
				lo, hi := paging.Bounds(len(e.Reports), paging.Reports, i)
				for _, rep := range e.Reports[lo:hi] {
					d.Digest(g.Meta[rep.Report])
					d.Bool(rep.Direct)
				}
			}, func(o *sink) error { return r.page(o, "entity", r.entityReports(e, i)) }})
		}
	}
	if len(e.Records) > paging.EntityMax {
		for i := 1; i <= paging.Count(len(e.Records), paging.Records); i++ {
			jobs = append(jobs, job{r.ed.Root() + paging.URL(paging.EntityRecords(e), i), func(d deps.Hash) {
				d.Digest(g.Name[e])
				d.Int(len(e.Records))
				// The page's records, newest first: see entityRecords.
				lo, hi := paging.Bounds(len(e.Records), paging.Records, i)
				for j := lo; j < hi; j++ {
					rec := e.Records[len(e.Records)-1-j]
					d.Digest(g.Line[rec.Record])
					d.String(rec.Role)
				}
			}, func(o *sink) error { return r.page(o, "entity", r.entityRecords(e, i)) }})
		}
	}
	return jobs
}

// reportsIndex is page i of the reports index, its reports grouped by
// year.
func (r *renderer) reportsIndex(i int) *Page {
	s := r.site
	p := r.newPage("reports", paging.URL("reports/", i), r.ui.T("reports.title"), r.ui.T("reports.description", len(s.Reports)))
	p.Pager = paging.New("reports/", len(s.Reports), paging.Reports, i)
	lo, hi := paging.Bounds(len(s.Reports), paging.Reports, i)
	p.Years = lists.ByYear(s.Reports[lo:hi])
	return p
}

// recordsIndex is page i of the records index; the first has the map.
func (r *renderer) recordsIndex(i int) *Page {
	p := r.recordsPage()
	if i == 1 {
		p.RecordMap = r.basemap.RecordMap(r.site.Records, r.site.Config.Map.Attribution, r.ui)
	}
	if p.Pager = paging.New("records/", len(p.Records), paging.Records, i); p.Pager != nil {
		p.URL, p.path = p.Edition.Root()+paging.URL("records/", i), paging.URL("records/", i)
		p.Alternates = r.alternates(p)
		lo, hi := paging.Bounds(len(p.Records), paging.Records, i)
		p.Records = p.Records[lo:hi]
	}
	return p
}

// timelineYear is page i of year y of a split timeline.
func (r *renderer) timelineYear(y timeline.Year, i int) *Page {
	base := paging.YearURL(y.Year)
	p := r.newPage("timeline", paging.URL(base, i), r.ui.T("timeline.year_title", "Year", r.ui.Num(y.Year)), r.ui.T("timeline.year_description", "Year", r.ui.Num(y.Year)))
	items, pager := r.tl.YearPage(y, i)
	p.Timeline, p.Pager = []timeline.Year{{Year: y.Year, Items: items}}, pager
	p.TimelineUp = "timeline/"
	p.TimelineYears = r.tl.YearLinks(y.Year)
	return p
}

// entityReports is page i of the list of all e's reports.
func (r *renderer) entityReports(e *site.Entity, i int) *Page {
	base := paging.EntityReports(e)
	name := e.NameIn(r.ed.Lang)
	p := r.newPage("entity", paging.URL(base, i), r.ui.T("entity.reports", "Name", name), r.ui.T("entity.reports", "Name", name))
	p.Entity, p.Kind, p.Part = e, e.Kind, "reports"
	p.Pager = paging.New(base, len(e.Reports), paging.Reports, i)
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
	p.Pager = paging.New(base, len(e.Records), paging.Records, i)
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
