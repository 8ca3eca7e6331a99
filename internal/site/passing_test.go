package site_test

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/site"
)

// A mention marked passing, in a report or its translation, is not a
// mention: it has no anchor, and the entity's page does not quote it. The
// report still names the entity, so the entity still lists the report.
// Mentions are grouped on the entity's page by report, newest first, in
// document order within each.
func TestPassingMentions(t *testing.T) {
	s, diags := resolve(with(map[string]string{
		"site.yaml": "languages: [en, ar]\n",
		"reports/2016-10-17-cafes.md": report("2016-10-17", nil,
			"[ISIL](actor:isil) closed the cafés of [Mosul](city:mosul).\n"+
				"How it cut [Mosul](city:mosul \"passing\") off was told [earlier](report:2016-08-12-dark).\n"+
				"[Mosul](city:mosul) was quiet.\n"),
		"reports/2016-10-17-cafes.ar.md": "---\ntitle: المقاهي\n---\n" +
			"أغلق [داعش](actor:isil \"passing\") مقاهي [الموصل](city:mosul).\n",
		"reports/2016-08-12-dark.md": report("2016-08-12", []string{"cities: [mosul]"},
			"Only [ISIL](actor:isil \"passing\") held [Erbil](city:erbil \"passing\") in [Mosul](city:mosul).\n"),
		"reports/2014-06-16-old.md": report("2014-06-16", nil, "[Mosul](city:mosul) fell to [ISIL](actor:isil).\n"),
	}), site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	mentions := func(ms []*site.Mention) string {
		var out []string
		for _, m := range ms {
			out = append(out, fmt.Sprintf("%s#%s:%s:%s", m.Report.Slug, m.Anchor(), m.Entity.ID, m.Sentence.Text))
		}
		return strings.Join(out, " ")
	}
	cafes := findReport(t, s, "2016-10-17-cafes")
	for _, c := range []struct{ name, got, want string }{
		{"cafes", mentions(cafes.Mentions), "2016-10-17-cafes#m-1:isil:ISIL 2016-10-17-cafes#m-2:mosul:Mosul 2016-10-17-cafes#m-3:mosul:Mosul"},
		{"cafes in Arabic", mentions(cafes.In("ar").Mentions), "2016-10-17-cafes#m-1:mosul:الموصل"},
		{"dark", mentions(findReport(t, s, "2016-08-12-dark").Mentions), "2016-08-12-dark#m-1:mosul:Mosul"},
		// Erbil's only annotation is in passing: the report names it.
		{"dark's entities", entityIDs(findReport(t, s, "2016-08-12-dark")), "cities: erbil mosul; actors: isil"},
		{"erbil's reports", slugs(findEntity(t, s, "city", "erbil").Reports, func(r site.ReportRef) string { return r.Slug }), "2016-08-12-dark 2014-01-01-base"},
		{"erbil's mentions", mentions(findEntity(t, s, "city", "erbil").Mentions), ""},
		{"isil's reports", slugs(findEntity(t, s, "actor", "isil").Reports, func(r site.ReportRef) string { return r.Slug }), "2016-10-17-cafes 2016-08-12-dark 2014-06-16-old 2014-01-01-base"},
		{"isil's mentions", mentions(findEntity(t, s, "actor", "isil").Mentions), "2016-10-17-cafes#m-1:isil:ISIL 2014-06-16-old#m-2:isil:ISIL"},
	} {
		if c.got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, c.got, c.want)
		}
	}

	// Mosul's page: the reports newest first, each with its mentions in
	// document order and how many more it has.
	var groups []string
	for _, g := range findEntity(t, s, "city", "mosul").MentionGroups {
		var anchors []string
		for _, m := range g.Mentions {
			anchors = append(anchors, m.Anchor())
		}
		groups = append(groups, fmt.Sprintf("%s:%s+%d", g.Report.Slug, strings.Join(anchors, ","), g.More))
	}
	if got, want := strings.Join(groups, " "), "2016-10-17-cafes:m-2,m-3+0 2016-08-12-dark:m-1+0 2014-06-16-old:m-1+0"; got != want {
		t.Errorf("mosul's groups:\n got %s\nwant %s", got, want)
	}
}
