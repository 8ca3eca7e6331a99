package site_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"gazette/internal/content"
	"gazette/internal/site"
)

// gazetteer makes a content folder from the Iraq gazetteer in
// testdata/iraq-admin.csv (Open Admin Data, CC BY 4.0; its first line
// says so): a city for each governorate and district, with its Arabic
// name, type, coordinates and governorate. Places share names as they do
// in the gazetteer: Erbil is a governorate and a district, and the
// district, whose id would be taken, is erbil-district. One report names
// every place, so that a case shows only its own diagnostics.
func gazetteer(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("testdata/iraq-admin.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	files := map[string]string{
		"actors/moc.md": "---\nname: Ministry of Communications\n---\n",
	}
	ids := map[string]string{} // gazetteer code → id
	var all []string
	for _, row := range rows[1:] {
		get := func(name string) string { return row[col[name]] }
		id := content.Slugify(get("name.en"))
		if files["cities/"+id+".md"] != "" {
			id += "-" + strings.ToLower(get("level_name.en"))
		}
		ids[get("id")] = id
		all = append(all, id)
		fm := fmt.Sprintf("name: %q\nnames: {ar: %q}\ntype: %s\ncoordinates: [%s, %s]\n",
			get("name.en"), get("name.local"), strings.ToLower(get("level_name.en")), get("geo.lat"), get("geo.lon"))
		if p := get("parent.id"); p != "" {
			fm += "within: " + ids[p] + "\n"
		}
		files["cities/"+id+".md"] = "---\n" + fm + "---\n"
	}
	files["reports/2014-01-01-base.md"] = report("2014-01-01", []string{"cities: [" + strings.Join(all, ", ") + "]", "actors: [moc]"}, "")
	return files
}

// A gazetteer's places may share names; an annotation that gives a shared
// name alone is one error, listing the candidates, at its place. Names
// are matched as written in the source, folded as package fold says.
func TestGazetteerNames(t *testing.T) {
	files := gazetteer(t)
	if n := len(files); n < 100 {
		t.Fatalf("%d files: the gazetteer did not load", n)
	}
	files["reports/2016-08-12-a.md"] = report("2016-08-12", []string{"actors: [moc]"},
		"[Erbil](city:) and [أربيل](city:) were cut off; [Erbil](city:erbil-district) too.\n"+
			"So were [Al-Mada'in](city:), [AL-MADA’IN](city:), [الأنبار](city:), [نينوى](city:),\n"+
			"[Shat Al–Arab](city:) and [Kirkuk](city:kirkuk).\n")
	s, got := resolve(files, site.Options{})
	want := []string{
		`reports/2016-08-12-a.md:7:1: error: "Erbil" names 2 cities: did you mean [Erbil](city:erbil) or [Erbil](city:erbil-district)?`,
		`reports/2016-08-12-a.md:7:20: error: "أربيل" names 2 cities: did you mean [أربيل](city:erbil) or [أربيل](city:erbil-district)?`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var mentions []string
	for _, m := range findReport(t, s, "2016-08-12-a").Mentions {
		mentions = append(mentions, fmt.Sprintf("%s→%s", m.Sentence.Text, m.Entity.ID))
	}
	wantMentions := "Erbil→erbil-district Al-Mada’in→al-mada-in AL-MADA’IN→al-mada-in الأنبار→al-anbar نينوى→ninewa Shat Al–Arab→shat-al-arab Kirkuk→kirkuk"
	if g := strings.Join(mentions, " "); g != wantMentions {
		t.Errorf("mentions:\n got %s\nwant %s", g, wantMentions)
	}

	// Namesakes are told apart by type and parent.
	for _, tc := range []struct{ id, want string }{
		{"erbil", "governorate"},
		{"erbil-district", "district in Erbil"},
		{"kirkuk-district", "district in Kirkuk"},
		{"al-mada-in", "district in Baghdad"},
	} {
		if got := findEntity(t, s, "city", tc.id).Subtitle(); got != tc.want {
			t.Errorf("%s subtitle = %q, want %q", tc.id, got, tc.want)
		}
	}
}

// A site names its own kinds and roles: events and records take each role
// as a field, and a role that takes several kinds finds an id among them,
// or is told which kind holds it.
func TestRoles(t *testing.T) {
	files := map[string]string{
		"site.yaml": "kinds:\n" +
			"  - {id: place, plural: places}\n" +
			"  - {id: organisation, plural: organisations}\n" +
			"  - {id: person, plural: people}\n" +
			"roles:\n" +
			"  - {id: where, kinds: [place], label: Where, phrase: in}\n" +
			"  - {id: by, kinds: [organisation, person], label: By}\n" +
			"  - {id: reported-by, kinds: [person]}\n",
		"places/erbil.md":          "---\nname: Erbil\ntype: governorate\n---\n",
		"places/erbil-district.md": "---\nname: Erbil\ntype: district\nwithin: erbil\n---\n",
		"organisations/korek.md":   "---\nname: Korek\n---\n",
		"organisations/hassan.md":  "---\nname: Hassan Group\n---\n",
		"people/hassan.md":         "---\nname: Hassan Ali\n---\n",
		"records/erbil-cut.md":     "---\ntitle: Erbil cut\ntype: shutdown\nreported-by: [hassan]\n---\n",
		"reports/2016-01-01-a.md": report("2016-01-01", []string{
			"events:",
			"  - {type: shutdown, from: 2016-01, where: [erbil-district], by: [korek, person:hassan], record: erbil-cut}",
			"  - {type: restoration, from: 2016-03, by: [organisation:hassan], record: erbil-cut}",
			"  - {type: block, from: 2016-02, where: [erbil], reported-by: [hassan]}",
		}, "[Korek](organisation:) in [Erbil](place:erbil).\n"),
	}
	s, got := resolve(files, site.Options{})
	if len(got) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(got, "\n"))
	}
	var recs []string
	for _, r := range s.Records {
		recs = append(recs, describe(r))
	}
	wantRecs := []string{
		"erbil-cut own=false shutdown [] where=erbil-district by=korek,hassan reported-by=hassan start=2016-01 restored 2016-03 restored-by=hassan evidence=2016-01-01-a,end:2016-01-01-a",
		"2016-01-01-a-3 own=true block [] where=erbil reported-by=hassan start=2016-02 unknown evidence=2016-01-01-a",
	}
	if strings.Join(recs, "\n") != strings.Join(wantRecs, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(recs, "\n"), strings.Join(wantRecs, "\n"))
	}
	parts := func(kind, id string) string {
		e := findEntity(t, s, kind, id)
		var out []string
		for _, r := range e.Records {
			out = append(out, "record "+r.ID+":"+r.Role)
		}
		for _, ev := range e.Events {
			out = append(out, "event "+ev.From.String())
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ kind, id, want string }{
		// Rolled up from the district.
		{"place", "erbil", "record erbil-cut:where record 2016-01-01-a-3:where event 2016-01 event 2016-02"},
		// The first role an entity plays is its part.
		{"person", "hassan", "record erbil-cut:by record 2016-01-01-a-3:reported-by event 2016-01 event 2016-02"},
		{"organisation", "hassan", "record erbil-cut:restored event 2016-03"},
	} {
		if got := parts(tc.kind, tc.id); got != tc.want {
			t.Errorf("%s:%s:\n got %s\nwant %s", tc.kind, tc.id, got, tc.want)
		}
	}

	files["reports/2016-01-01-a.md"] = report("2016-01-01", []string{
		"events:",
		"  - {type: shutdown, from: 2016, where: [erbil], by: [hassan, hasan, place:erbil], reported-by: [korek]}",
	}, "[Erbil](place:) [Hassan Ali](person:)\n")
	_, got = resolve(files, site.Options{})
	want := []string{
		`organisations/hassan.md:1:1: warning: no report mentions organisation "hassan"`,
		`organisations/korek.md:1:1: warning: no report mentions organisation "korek"`,
		`places/erbil-district.md:1:1: warning: no report mentions place "erbil-district"`,
		`records/erbil-cut.md:1:1: warning: no report gives evidence for record "erbil-cut": name it in an event with record: erbil-cut`,
		`reports/2016-01-01-a.md:1:1: warning: report has no organisation: annotate one in the text or list it in organisations:`,
		`reports/2016-01-01-a.md:6:55: error: "hassan" is the id of 2 entities that by takes: write organisation:hassan or person:hassan`,
		`reports/2016-01-01-a.md:6:63: error: unknown organisation or person "hasan"; did you mean "hassan"?`,
		`reports/2016-01-01-a.md:6:70: error: "place:erbil": by takes organisation or person, not place`,
		`reports/2016-01-01-a.md:6:98: error: unknown person "korek"; create people/korek.md or fix the id`,
		`reports/2016-01-01-a.md:8:1: error: "Erbil" names 2 places: did you mean [Erbil](place:erbil) or [Erbil](place:erbil-district)?`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
