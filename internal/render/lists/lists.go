// Package lists computes the lists that index pages show, from the
// site's values alone: entities grouped by type under unique heading ids,
// reports grouped by year, and an entity's mentions grouped by report and
// folded. Package render puts them on its pages; they need nothing of a
// page but the few words and links the callers pass in, so they are kept
// apart from the page and template code and can be read on their own.
package lists

import (
	"cmp"
	"maps"
	"slices"
	"strconv"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/site"
)

// Group is a titled list of entities.
type Group struct {
	ID       string // the id of its heading, unique on its page: "g-armed-group"
	Title    string
	Entities []*site.Entity

	untyped bool // the entities with no type, or of a type named as them: last
}

// ByType groups es by their type as readers see it (types.TypeLabel, in
// the edition's labels), by title; the entities with no type are titled
// other and go last.
func ByType(es []*site.Entity, types config.Vocab, other string) []Group {
	groups := map[string][]*site.Entity{}
	for _, e := range es {
		t := types.TypeLabel(e.Type)
		groups[t] = append(groups[t], e)
	}
	var out []Group
	for _, t := range slices.Sorted(maps.Keys(groups)) {
		title := t
		if title == "" {
			title = other
		}
		// A type named as the group of no type goes last beside it.
		out = append(out, Group{Title: title, Entities: groups[t], untyped: title == other})
	}
	// The group with no type goes last.
	slices.SortStableFunc(out, func(a, b Group) int {
		return cmp.Compare(btoi(a.untyped), btoi(b.untyped))
	})
	groupIDs(out)
	return out
}

// groupIDs gives each group an id from its title's slug, "g-armed-group",
// unique among them: a type named "other" and the group of entities with
// no type are "g-other" and "g-other-2". A title with nothing to make a
// slug of, such as one in Arabic, is "g-group".
func groupIDs(groups []Group) {
	used := map[string]bool{}
	for i := range groups {
		base := "g-" + cmp.Or(content.Slugify(groups[i].Title), "group")
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		groups[i].ID = id
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// YearGroup is the reports of one year.
type YearGroup struct {
	Year    int
	Reports []*site.Report
}

// ByYear groups reports, in their order, by the year of their date.
func ByYear(reports []*site.Report) []YearGroup {
	var out []YearGroup
	for _, rep := range reports {
		if n := len(out); n == 0 || out[n-1].Year != rep.Date.Year {
			out = append(out, YearGroup{Year: rep.Date.Year})
		}
		g := &out[len(out)-1]
		g.Reports = append(g.Reports, rep)
	}
	return out
}
