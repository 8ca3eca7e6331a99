package site_test

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/markup"
	"gazette/internal/site"
)

// corpus adds reports to world: newest first they are baghdad (2016-10-17),
// erbil and mosul (both 2016-08-12), then 2015-06 and the base (2014).
var corpus = with(map[string]string{
	"reports/2016-08-12-mosul.md": report("2016-08-12", nil,
		"قطع [داعش](actor:) الإنترنت في [الموصل](city:). Then it was over.\n"+
			"Mr. Ali said [ISIS](actor:) cut [mosil](city:) and [Mu\u0302sil](city:) off.\n"+
			"The [islamic\n  STATE](actor:) took [Nineveh][n] and [Mosul](city:mosul).\n"+
			"\n"+
			"[n]: city:nineveh\n"),
	"reports/2016-08-12-erbil.md": report("2016-08-12", []string{"cities: [erbil]", "actors: [korek]"}, "Erbil.\n"),
	"reports/2016-10-17-baghdad.md": report("2016-10-17", []string{
		"cities: [baghdad]",
		"events: [{type: block, from: 2016-10, where: [baghdad], by: [itpc]}]",
	}, "[ITPC](actor:itpc) blocked sites in Baghdad. It said so in a long statement that went on and on about the reasons, the people it had consulted, the ministries, the dates, the services and the regions for much longer than a summary can show, at least two hundred characters.\n"),
	"reports/2015-06-mosul.md": report("2015-06", []string{
		"actors: [korek]",
		"events: [{type: shutdown, from: 2015-06-10, where: [mosul], by: [isil], via: [korek]}]",
	}, ""),
	"reports/2017-draft.md": report("2017", []string{"draft: true"}, "[Erbil](city:erbil) and [ISIL](actor:isil).\n"),
})

func slugs[T any](list []T, slug func(T) string) string {
	var out []string
	for _, x := range list {
		out = append(out, slug(x))
	}
	return strings.Join(out, " ")
}

func findReport(t *testing.T, s *site.Site, slug string) *site.Report {
	t.Helper()
	for _, r := range s.Reports {
		if r.Slug == slug {
			return r
		}
	}
	t.Fatalf("no report %q", slug)
	return nil
}

func findEntity(t *testing.T, s *site.Site, kind, id string) *site.Entity {
	t.Helper()
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			if k.ID == kind && e.ID == id {
				return e
			}
		}
	}
	t.Fatalf("no %s %q", kind, id)
	return nil
}

func resolveCorpus(t *testing.T) *site.Site {
	t.Helper()
	s, diags := resolve(corpus, site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	return s
}

// Annotations resolve through ids, names, aliases and other-language
// names, compared after NFC normalisation and case folding, with runs of
// spaces as one; each becomes a mention, numbered in document order.
func TestMentions(t *testing.T) {
	s := resolveCorpus(t)
	r := findReport(t, s, "2016-08-12-mosul")
	var got []string
	for _, m := range r.Mentions {
		got = append(got, fmt.Sprintf("%s %s:%s %q → %s %q", m.Anchor(), m.Entity.Kind.ID, m.Entity.ID, m.Sentence.Text, m.Entity.Name, m.Report.Slug))
	}
	want := []string{
		`m-1 actor:isil "داعش" → ISIL "2016-08-12-mosul"`,
		`m-2 city:mosul "الموصل" → Mosul "2016-08-12-mosul"`,
		`m-3 actor:isil "ISIS" → ISIL "2016-08-12-mosul"`,
		`m-4 city:mosul "mosil" → Mosul "2016-08-12-mosul"`,
		"m-5 city:mosul \"Mu\u0302sil\" → Mosul \"2016-08-12-mosul\"",
		`m-6 actor:isil "islamic STATE" → ISIL "2016-08-12-mosul"`,
		`m-7 city:nineveh "Nineveh" → Nineveh "2016-08-12-mosul"`,
		// Mosul's fourth: an entity page shows three of a report's, so
		// it keeps no sentence.
		`m-8 city:mosul "" → Mosul "2016-08-12-mosul"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mentions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The sentence around each mention.
	sentences := []markup.Sentence{
		{Before: "قطع ", Text: "داعش", After: " الإنترنت في الموصل."},
		{Before: "قطع داعش الإنترنت في ", Text: "الموصل", After: "."},
		{Before: "Mr. Ali said ", Text: "ISIS", After: " cut mosil and Mu\u0302sil off."},
	}
	for i, want := range sentences {
		if got := r.Mentions[i].Sentence; got != want {
			t.Errorf("m-%d sentence:\n got %+v\nwant %+v", i+1, got, want)
		}
	}

	// The report's entities: the union of front matter, events and
	// annotations, each kind by name.
	if got := entityIDs(r); got != "cities: mosul nineveh; actors: isil" {
		t.Errorf("entities: %s", got)
	}
	if got := entityIDs(findReport(t, s, "2015-06-mosul")); got != "cities: mosul; actors: isil korek" {
		t.Errorf("2015-06-mosul entities: %s", got)
	}

	// An entity page lists its mentions, newest report first, then in
	// document order.
	mosul := findEntity(t, s, "city", "mosul")
	got = nil
	for _, m := range mosul.Mentions {
		got = append(got, m.Report.Slug+"#"+m.Anchor())
	}
	if g := strings.Join(got, " "); g != "2016-08-12-mosul#m-2 2016-08-12-mosul#m-4 2016-08-12-mosul#m-5 2016-08-12-mosul#m-8" {
		t.Errorf("mosul mentions: %s", g)
	}
	itpc := findEntity(t, s, "actor", "itpc")
	if len(itpc.Mentions) != 1 || itpc.Mentions[0].Anchor() != "m-1" || itpc.Mentions[0].Report.Slug != "2016-10-17-baghdad" {
		t.Errorf("itpc mentions: %+v", itpc.Mentions)
	}
}

func entityIDs(r *site.Report) string {
	names := []string{"cities", "actors"}
	var parts []string
	for i, list := range r.Entities {
		parts = append(parts, names[i]+": "+slugs(list, func(e *site.Entity) string { return e.ID }))
	}
	return strings.Join(parts, "; ")
}

// Links in entity bodies and pages resolve relative to their own pages,
// and are not mentions.
func TestLinksOutsideReports(t *testing.T) {
	s, diags := resolve(with(map[string]string{
		"cities/erbil.md": "---\nname: Erbil\n---\nNear [Mosul](city:mosul); see [the base](report:2014-01-01-base#sources).\n",
		"pages/about.md":  "---\ntitle: About\nmenu: 2\n---\nWe follow [Daesh](actor:).\n",
		"pages/method.md": "---\ntitle: Method\nmenu: 1\n---\n",
		"pages/notes.md":  "---\ntitle: Notes\n---\n",
	}), site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	md := markup.New([]string{"city", "actor"})
	html := func(doc *markup.Doc) string {
		b, err := md.Render(doc)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(b))
	}
	erbil := findEntity(t, s, "city", "erbil")
	if got, want := html(erbil.Doc), `<p>Near <a href="../../cities/mosul/index.html" class="ann ann-city" title="Mosul">Mosul</a>; see <a href="../../reports/2014-01-01-base/index.html#sources" class="ann ann-report" title="Base">the base</a>.</p>`; got != want {
		t.Errorf("erbil:\n%s\nwant:\n%s", got, want)
	}
	if len(findEntity(t, s, "city", "mosul").Mentions) != 0 {
		t.Errorf("a link in an entity body counted as a mention")
	}
	// Pages by menu position, then those not in the menu, by slug.
	if got := slugs(s.Pages, func(p *site.Page) string { return p.URL }); got != "method/ about/ notes/" {
		t.Errorf("pages: %s", got)
	}
	about := s.Pages[1]
	if got, want := html(about.Doc), `<p>We follow <a href="../actors/isil/index.html" class="ann ann-actor" title="ISIL">Daesh</a>.</p>`; got != want {
		t.Errorf("about:\n%s\nwant:\n%s", got, want)
	}
}

// Reports are newest first, ties by slug; Prev is the next older report and
// Next the next newer one. Drafts are left out unless asked for.
func TestReportOrder(t *testing.T) {
	s := resolveCorpus(t)
	if got := slugs(s.Reports, func(r *site.Report) string { return r.Slug }); got != "2016-10-17-baghdad 2016-08-12-erbil 2016-08-12-mosul 2015-06-mosul 2014-01-01-base" {
		t.Errorf("reports: %s", got)
	}
	name := func(r *site.Report) string {
		if r == nil {
			return "-"
		}
		return r.Slug
	}
	var got []string
	for _, r := range s.Reports {
		got = append(got, name(r.Prev)+" < "+r.Slug+" < "+name(r.Next))
	}
	want := []string{
		"2016-08-12-erbil < 2016-10-17-baghdad < -",
		"2016-08-12-mosul < 2016-08-12-erbil < 2016-10-17-baghdad",
		"2015-06-mosul < 2016-08-12-mosul < 2016-08-12-erbil",
		"2014-01-01-base < 2015-06-mosul < 2016-08-12-mosul",
		"- < 2014-01-01-base < 2015-06-mosul",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("prev/next:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	s, diags := resolve(corpus, site.Options{Drafts: true})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	if got := slugs(s.Reports, func(r *site.Report) string { return r.Slug }); got != "2017-draft 2016-10-17-baghdad 2016-08-12-erbil 2016-08-12-mosul 2015-06-mosul 2014-01-01-base" {
		t.Errorf("reports with drafts: %s", got)
	}
	if d := findReport(t, s, "2017-draft"); d.Prev.Slug != "2016-10-17-baghdad" || len(d.Mentions) != 2 || d.URL != "reports/2017-draft/" {
		t.Errorf("draft: prev %v, %d mentions, URL %q", d.Prev, len(d.Mentions), d.URL)
	}
}

// An entity page lists its own reports and, rolled up through within, its
// descendants' (Direct false), newest first, each once; and the events
// there, by it or via it, oldest first.
func TestRollUp(t *testing.T) {
	s := resolveCorpus(t)
	tests := []struct {
		kind, id      string
		reports       string
		events        string
		parent        string
		children      string
		ancestorNames string
	}{
		{"city", "mosul", "2016-08-12-mosul 2015-06-mosul 2014-01-01-base", "2015-06-10", "nineveh", "", "Nineveh Iraq"},
		{"city", "nineveh", "2016-08-12-mosul 2015-06-mosul(rolled up) 2014-01-01-base", "2015-06-10", "iraq", "mosul", "Iraq"},
		{"city", "iraq", "2016-10-17-baghdad(rolled up) 2016-08-12-mosul(rolled up) 2015-06-mosul(rolled up) 2014-01-01-base", "2015-06-10 2016-10", "", "baghdad nineveh", ""},
		{"city", "erbil", "2016-08-12-erbil 2014-01-01-base", "", "", "", ""},
		{"actor", "iraqi-government", "2016-10-17-baghdad(rolled up) 2014-01-01-base", "2016-10", "", "itpc", ""},
		{"actor", "itpc", "2016-10-17-baghdad 2014-01-01-base", "2016-10", "iraqi-government", "", "Government of Iraq"},
		{"actor", "korek", "2016-08-12-erbil 2015-06-mosul 2014-01-01-base", "2015-06-10", "", "", ""},
	}
	for _, tc := range tests {
		e := findEntity(t, s, tc.kind, tc.id)
		reports := slugs(e.Reports, func(r site.ReportRef) string {
			if r.Direct {
				return r.Slug
			}
			return r.Slug + "(rolled up)"
		})
		events := slugs(e.Events, func(ev *site.Event) string { return ev.From.String() })
		parent := ""
		if e.Parent != nil {
			parent = e.Parent.ID
		}
		children := slugs(e.Children, func(c *site.Entity) string { return c.ID })
		ancestors := slugs(e.Ancestors(), func(a *site.Entity) string { return a.Name })
		if reports != tc.reports || events != tc.events || parent != tc.parent || children != tc.children || ancestors != tc.ancestorNames {
			t.Errorf("%s %s:\nreports   %s\nevents    %s\nparent    %s\nchildren  %s\nancestors %s\nwant:\nreports   %s\nevents    %s\nparent    %s\nchildren  %s\nancestors %s",
				tc.kind, tc.id, reports, events, parent, children, ancestors, tc.reports, tc.events, tc.parent, tc.children, tc.ancestorNames)
		}
	}
	if got := slugs(s.Events, func(ev *site.Event) string { return ev.From.String() + "@" + ev.Report.Slug }); got != "2015-06-10@2015-06-mosul 2016-10@2016-10-17-baghdad" {
		t.Errorf("site events: %s", got)
	}
}

// Co-occurring entities: how many reports each shares with the entity,
// most first, then by name; at most eight.
func TestCoOccurring(t *testing.T) {
	s := resolveCorpus(t)
	tests := []struct{ kind, id, want string }{
		// mosul is in base (with everyone), 2016-08-12-mosul (with nineveh
		// and isil) and 2015-06-mosul (with isil and korek).
		{"city", "mosul", "ISIL:3 Korek:2 Nineveh:2 Baghdad:1 Erbil:1 Government of Iraq:1 Iraq:1 ITPC:1"},
		{"city", "erbil", "Korek:2 Baghdad:1 Government of Iraq:1 Iraq:1 ISIL:1 ITPC:1 Mosul:1 Nineveh:1"},
		{"actor", "itpc", "Baghdad:2 Erbil:1 Government of Iraq:1 Iraq:1 ISIL:1 Korek:1 Mosul:1 Nineveh:1"},
	}
	for _, tc := range tests {
		e := findEntity(t, s, tc.kind, tc.id)
		got := slugs(e.Related, func(c site.Count) string { return fmt.Sprintf("%s:%d", c.Name, c.N) })
		if got != tc.want {
			t.Errorf("%s related:\n got %s\nwant %s", tc.id, got, tc.want)
		}
	}
}

// Related reports share entities with a report; an entity counts for more
// the fewer reports name it, ties go to the newer report, and a report is
// never related to itself.
func TestRelated(t *testing.T) {
	s := resolveCorpus(t)
	tests := []struct{ slug, want string }{
		{"2016-08-12-mosul", "2014-01-01-base 2015-06-mosul"},
		{"2015-06-mosul", "2014-01-01-base 2016-08-12-mosul 2016-08-12-erbil"},
		{"2016-08-12-erbil", "2014-01-01-base 2015-06-mosul"},
		{"2016-10-17-baghdad", "2014-01-01-base"},
		{"2014-01-01-base", "2016-08-12-mosul 2015-06-mosul 2016-10-17-baghdad 2016-08-12-erbil"},
	}
	for _, tc := range tests {
		r := findReport(t, s, tc.slug)
		if got := slugs(r.Related, func(r *site.Report) string { return r.Slug }); got != tc.want {
			t.Errorf("%s related:\n got %s\nwant %s", tc.slug, got, tc.want)
		}
	}

	// A rare entity outweighs a common one: "a" shares the town with "old"
	// and the country with "new", which is newer.
	town := "---\nname: Town\n---\n"
	s, diags := resolve(map[string]string{
		"cities/town.md":    town,
		"cities/country.md": "---\nname: Country\n---\n",
		"actors/x.md":       "---\nname: X\n---\n",
		"reports/a.md":      report("2016-01-01", []string{"cities: [town, country]", "actors: [x]"}, ""),
		"reports/old.md":    report("2015-01-01", []string{"cities: [town]", "actors: [x]"}, ""),
		"reports/new.md":    report("2016-06-01", []string{"cities: [country]", "actors: [x]"}, ""),
		"reports/new2.md":   report("2016-06-02", []string{"cities: [country]", "actors: [x]"}, ""),
	}, site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	if got := slugs(findReport(t, s, "a").Related, func(r *site.Report) string { return r.Slug }); got != "old new2 new" {
		t.Errorf("a related: %s; want old new2 new", got)
	}
}

func TestSummary(t *testing.T) {
	s := resolveCorpus(t)
	tests := []struct{ slug, want string }{
		// From the front matter when given; else the first paragraph, cut
		// at a word to at most 200 characters.
		{"2016-08-12-erbil", "Erbil."},
		{"2016-10-17-baghdad", "ITPC blocked sites in Baghdad. It said so in a long statement that went on and on about the reasons, the people it had consulted, the ministries, the dates, the services and the regions for much…"},
		{"2015-06-mosul", ""},
	}
	for _, tc := range tests {
		if got := findReport(t, s, tc.slug).Summary; got != tc.want {
			t.Errorf("%s summary:\n got %q\nwant %q", tc.slug, got, tc.want)
		}
	}
}

// A file with CRLF line ends gives the same positions as with LF.
func TestCRLFPositions(t *testing.T) {
	src := report("2016", []string{"cities: [mosull]", "actors: [isil]"}, "الموصل [Mosul](city:mosul), [Mosil](city:) and\n[Deash](actor:).\n")
	want := []string{
		`reports/r.md:5:10: error: unknown city "mosull"; did you mean "mosul"?`,
		`reports/r.md:9:1: error: no actor is named "Deash"; did you mean "Daesh" (actor:isil)?`,
	}
	for _, src := range []string{src, strings.ReplaceAll(src, "\n", "\r\n")} {
		s, got := resolve(with(map[string]string{"reports/r.md": src}), site.Options{})
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q:\n%s\nwant:\n%s", src[:20], strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if r := findReport(t, s, "r"); len(r.Mentions) != 2 {
			t.Errorf("%d mentions, want 2", len(r.Mentions))
		}
	}
}

// An entity page shows the mentions of the newest 50 reports, three of
// each, and counts the rest: its size is bounded however many reports
// mention the entity, and however often each does.
func TestMentionGroups(t *testing.T) {
	files := map[string]string{}
	for i := range 60 {
		// Report i mentions Mosul i+1 times; the larger i, the newer.
		body := strings.Repeat("[Mosul](city:mosul) cut. ", i+1)
		files[fmt.Sprintf("reports/r%02d.md", i)] = report(fmt.Sprintf("2016-%02d-%02d", i/28+1, i%28+1), []string{"actors: [isil]"}, body+"\n")
	}
	s, diags := resolve(with(files), site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	mosul := findEntity(t, s, "city", "mosul")
	var got []string
	for _, g := range mosul.MentionGroups {
		var anchors []string
		for _, m := range g.Mentions {
			anchors = append(anchors, m.Anchor())
		}
		got = append(got, fmt.Sprintf("%s:%s+%d", g.Report.Slug, strings.Join(anchors, ","), g.More))
	}
	want := []string{"r59:m-1,m-2,m-3+57", "r58:m-1,m-2,m-3+56"}
	if len(got) != 50 || got[0] != want[0] || got[1] != want[1] || got[49] != "r10:m-1,m-2,m-3+8" {
		t.Errorf("groups: %d, %v … %v", len(got), got[:min(2, len(got))], got[len(got)-1:])
	}
	// The 10 oldest, r00 … r09, are counted but not shown.
	if mosul.MoreMentionReports != 10 {
		t.Errorf("MoreMentionReports = %d, want 10", mosul.MoreMentionReports)
	}
	if n := len(mosul.Mentions); n != 60*61/2 {
		t.Errorf("%d mentions", n)
	}
}
