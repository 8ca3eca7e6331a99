package site

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"gazette/internal/diag"
	"gazette/internal/site/rank"
)

// Limits of the lists computed for each page.
const (
	maxRelated     = 5    // related reports on a report page
	maxRelatedFrom = 1000 // an entity in more reports does not make them related
	maxCoOccurring = 8    // co-occurring entities on an entity page

	// An entity page shows the mentions of its newest maxMentionGroups
	// reports, maxMentionsShown of each, so that its size is bounded
	// however often the entity is mentioned: one report may hold 10,000
	// annotations (see internal/markup), and a site any number of reports.
	maxMentionGroups = 50
	maxMentionsShown = 3
)

// index computes the cross-references that pages show. Every step is linear
// in the size of the corpus, or in the number of (report, entity) pairs.
func (r *resolver) index() {
	s := r.site
	slices.SortFunc(s.Reports, newestFirst)
	for i, rep := range s.Reports {
		if i > 0 {
			rep.Next = s.Reports[i-1]
		}
		if i+1 < len(s.Reports) {
			rep.Prev = s.Reports[i+1]
		}
	}
	slices.SortStableFunc(s.Events, func(a, b *Event) int {
		return cmp.Or(a.From.Compare(b.From), strings.Compare(a.Report.Slug, b.Report.Slug))
	})

	// Reports and mentions: each report is listed on the pages of its
	// entities and, rolled up, of their ancestors.
	for _, rep := range s.Reports { // newest first, so lists come out sorted
		seen := map[*Entity]bool{}
		for _, list := range rep.Entities {
			for _, e := range list {
				e.Reports = append(e.Reports, ReportRef{rep, true})
				seen[e] = true
			}
		}
		for _, list := range rep.Entities {
			for _, e := range list {
				for _, a := range e.Ancestors() {
					if !seen[a] {
						seen[a] = true
						a.Reports = append(a.Reports, ReportRef{rep, false})
					}
				}
			}
		}
		for _, m := range rep.Mentions {
			m.Entity.Mentions = append(m.Entity.Mentions, m)
		}
		for _, src := range rep.Sources {
			for _, k := range s.Kinds {
				found := r.names[k.ID].Lookup(src.Publisher, "")
				if len(found) == 1 && !slices.Contains(found[0].Published, rep) {
					found[0].Published = append(found[0].Published, rep)
				}
			}
		}
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			e.MentionGroups, e.MoreMentionReports = mentionGroups(e.Mentions)
		}
	}
	r.mentionsIn()

	// Events and records: each is listed on the pages of the entities it
	// names and of their ancestors, once, with the first part each plays.
	for _, ev := range s.Events {
		rollUp(ev.Roles, func(x *Entity, _ string) { x.Events = append(x.Events, ev) })
	}
	for _, rec := range s.Records {
		rollUp(append(slices.Clip(rec.Roles), Part{RoleRestored, rec.RestoredBy}), func(x *Entity, role string) {
			x.Records = append(x.Records, RecordRef{rec, role})
		})
	}
	// Independent: one writes entities' Related, the other reports'.
	var wg sync.WaitGroup
	wg.Go(r.coOccurring)
	r.related()
	wg.Wait()

	if len(r.invalid) > 0 {
		return // a broken report may be the one that mentions them
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			if len(e.Reports) == 0 && !e.Invalid {
				r.diags.Warnf(diag.Pos{Path: e.Path}, "no report mentions %s %q", k.ID, e.ID)
			}
		}
	}
}

// mentionsIn lists, for each edition, the mentions on each entity's page:
// those of the texts the edition shows, translations or originals. A site
// without translations has the same Mentions in every edition, and keeps
// no lists of its own.
func (r *resolver) mentionsIn() {
	if !slices.ContainsFunc(r.site.Reports, func(rep *Report) bool { return len(rep.Translations) > 0 }) {
		return
	}
	for _, k := range r.site.Kinds {
		for _, e := range k.Entities {
			e.mentionsIn = make(map[string][]*Mention, len(r.site.Config.Editions))
			for _, ed := range r.site.Config.Editions {
				e.mentionsIn[ed.Lang] = nil // an edition's, even when empty
			}
		}
	}
	for _, ed := range r.site.Config.Editions {
		for _, rep := range r.site.Reports { // newest first
			for _, m := range rep.In(ed.Lang).Mentions {
				m.Entity.mentionsIn[ed.Lang] = append(m.Entity.mentionsIn[ed.Lang], m)
			}
		}
	}
}

// rollUp calls add once for each entity that parts name and each of
// their ancestors, with the role of the first part that names it.
func rollUp(parts []Part, add func(x *Entity, role string)) {
	seen := map[*Entity]bool{}
	for _, p := range parts {
		for _, e := range p.Entities {
			for _, x := range append([]*Entity{e}, e.Ancestors()...) {
				if !seen[x] {
					seen[x] = true
					add(x, p.Role)
				}
			}
		}
	}
}

// mentionGroups groups the mentions of an entity, newest report first,
// as its page quotes them: maxMentionsShown of each of the newest
// maxMentionGroups reports, and how many reports more.
func mentionGroups(list []*Mention) ([]MentionGroup, int) {
	runs, more := rank.Runs(list, func(m *Mention) *Report { return m.Report }, maxMentionGroups, maxMentionsShown)
	var groups []MentionGroup
	for _, r := range runs {
		groups = append(groups, MentionGroup{Report: r.Key, Mentions: r.Items, More: r.More})
	}
	return groups, more
}

func newestFirst(a, b *Report) int {
	return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Slug, b.Slug))
}

// coOccurring lists, for each entity, the entities it shares most
// reports with: the most shared first, ties by name.
func (r *resolver) coOccurring() {
	before := func(a, b rank.Shared[*Entity]) bool {
		return cmp.Or(cmp.Compare(b.N, a.N), byName(a.Item, b.Item), strings.Compare(a.Item.Kind.ID, b.Item.Kind.ID)) < 0
	}
	for e, shared := range rank.CoOccurring(entityLists(r.site.Reports), maxCoOccurring, before) {
		e.Related = make([]Count, len(shared))
		for i, c := range shared {
			e.Related[i] = Count{c.Item, c.N}
		}
	}
}

// related lists, for each report, the reports that share its entities,
// the rarer entities counting more (see rank.Related). An entity in more
// than a tenth of the corpus, or in more than maxRelatedFrom reports, is
// skipped. Ties go to the newer report.
func (r *resolver) related() {
	reports := r.site.Reports
	index := make(map[*Report]int, len(reports))
	for i, rep := range reports {
		index[rep] = i
	}
	postings := map[*Entity][]int{}
	named := func(e *Entity) []int {
		p, ok := postings[e]
		if !ok {
			for _, ref := range e.Reports {
				if ref.Direct { // the reports that name e itself, not a place within it
					p = append(p, index[ref.Report])
				}
			}
			postings[e] = p
		}
		return p
	}
	limit := max(50, min(len(reports)/10, maxRelatedFrom))
	newer := func(i, j int) bool { return newestFirst(reports[i], reports[j]) < 0 }
	for i, related := range rank.Related(entityLists(reports), named, maxRelated, limit, newer) {
		for _, j := range related {
			reports[i].Related = append(reports[i].Related, reports[j])
		}
	}
}

// entityLists returns the entities each report names, in its order.
func entityLists(reports []*Report) [][]*Entity {
	out := make([][]*Entity, len(reports))
	for i, rep := range reports {
		for _, list := range rep.Entities {
			out[i] = append(out[i], list...)
		}
	}
	return out
}
