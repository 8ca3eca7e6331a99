package lists

import (
	"fmt"
	"testing"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/site"
)

func TestByType(t *testing.T) {
	var es []*site.Entity
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		es = append(es, &site.Entity{Entity: &content.Entity{ID: id}})
	}
	types := map[string]string{"a": "armed-group", "b": "", "c": "other", "d": "party", "e": "armed-group"}
	for _, e := range es {
		e.Type = types[e.ID]
	}
	vocab := config.Vocab{{ID: "party", Label: "حزب"}}
	var want []string
	for _, g := range []struct{ id, title, ids string }{
		{"g-armed-group", "armed group", "a e"}, {"g-group", "حزب", "d"}, {"g-other", "other", "b"}, {"g-other-2", "other", "c"},
	} {
		want = append(want, g.id+" "+g.title+" "+g.ids)
	}
	var have []string
	for _, g := range ByType(es, vocab, "other") {
		ids := ""
		for i, e := range g.Entities {
			if i > 0 {
				ids += " "
			}
			ids += e.ID
		}
		have = append(have, g.ID+" "+g.Title+" "+ids)
	}
	if fmt.Sprint(have) != fmt.Sprint(want) {
		t.Errorf("ByType = %q, want %q", have, want)
	}
}

func TestByYear(t *testing.T) {
	var reps []*site.Report
	for _, y := range []int{2016, 2016, 2015} {
		reps = append(reps, &site.Report{Report: &content.Report{Date: content.Date{Year: y}}})
	}
	var have []string
	for _, g := range ByYear(reps) {
		have = append(have, fmt.Sprint(g.Year, len(g.Reports)))
	}
	if want := "[2016 2 2015 1]"; fmt.Sprint(have) != want {
		t.Errorf("ByYear = %v, want %s", have, want)
	}
}
