package searchindex

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"gazette"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/i18n"
	"gazette/internal/markup"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

type mapWriter map[string]string

func (m mapWriter) WriteFile(name string, data []byte) error {
	m[name] = string(data)
	return nil
}

// testSite is a report on Mosul (within Nineveh) by ISIL with an event
// that is a record of its own, a record file, and a page.
func testSite(t *testing.T) *site.Site {
	md := markup.New([]string{"city", "actor"})
	doc := func(path, src string) *markup.Doc {
		d := md.Parse(path, []byte(src))
		if err := md.Finish(d, nil); err != nil {
			t.Fatal(err)
		}
		return d
	}
	cfg := config.DefaultConfig()
	cities := &site.Kind{Kind: cfg.Kinds[0], URL: "cities/"}
	actors := &site.Kind{Kind: cfg.Kinds[1], URL: "actors/"}
	nineveh := &site.Entity{Entity: &content.Entity{ID: "nineveh", Name: "Nineveh"}, URL: "cities/nineveh/", Kind: cities, Doc: doc("cities/nineveh.md", "A province.")}
	mosul := &site.Entity{Entity: &content.Entity{ID: "mosul", Name: "Mosul", Aliases: []content.Text{{Value: "Mûsil"}}},
		URL: "cities/mosul/", Kind: cities, Parent: nineveh, Doc: doc("cities/mosul.md", "A city on the Tigris.")}
	isil := &site.Entity{Entity: &content.Entity{ID: "isil", Name: "ISIL"}, URL: "actors/isil/", Kind: actors, Doc: doc("actors/isil.md", "")}
	cities.Entities = []*site.Entity{mosul, nineveh}
	actors.Entities = []*site.Entity{isil}
	rep := &site.Report{Report: &content.Report{Title: "Internet cut in Mosul", Date: content.Date{Year: 2016, Month: 8, Day: 12}},
		URL: "reports/r/", Summary: "The internet was cut.", Entities: [][]*site.Entity{{mosul}, {isil}}, Doc: doc("reports/r.md", "Mobile data too.")}
	ev := &site.Event{Event: content.Event{Facts: content.Facts{Services: []string{"mobile-data", "internet"}}, Note: "Cut for days."}, Report: rep,
		Roles: site.Roles{{Role: "where", Entities: []*site.Entity{mosul}}, {Role: "by", Entities: []*site.Entity{isil}}}}
	rep.Events = []*site.Event{ev}
	own := &site.Record{Record: &content.Record{ID: "r-1"}, Own: true, URL: "records/r-1/", Type: "shutdown", Services: []string{"internet", "mobile-data"},
		Roles: ev.Roles, Evidence: []*site.Event{ev}, Start: evidence.Span{Date: content.Date{Year: 2016, Month: 8}}}
	ban := &site.Record{Record: &content.Record{ID: "ban", Title: "Phones banned"}, URL: "records/ban/", Type: "ban", Services: []string{"mobile"},
		Roles: site.Roles{{Role: "where", Entities: []*site.Entity{nineveh}}}}
	return &site.Site{
		Config:  cfg,
		Kinds:   []*site.Kind{cities, actors},
		Reports: []*site.Report{rep},
		Records: []*site.Record{ban, own},
		Pages:   []*site.Page{{Page: &content.Page{Title: "About"}, URL: "about/", Doc: doc("pages/about.md", "Who we are.")}},
	}
}

// Write numbers the documents (the report, the records newest first, the
// entities kind by kind, the page), indexes their words with their
// weights and whether they are in a title, the exact spellings of names,
// and writes the kind and year of each document in runs and its places,
// actors and services in facet files, places by their number and within.
func TestWrite(t *testing.T) {
	w := mapWriter{}
	var diags diag.List
	n, err := Write(testSite(t), config.Edition{Lang: "en"}, englishWords(t), w, &diags)
	if err != nil || len(diags.Sorted()) > 0 {
		t.Fatalf("Write: %v, %v", err, diags.Sorted())
	}
	want := map[string]string{
		"search/manifest.js": `gazetteSearch("manifest",{"chunks":["a"],"docs":7,"perChunk":8,` +
			`"kinds":[["report","Reports"],["record","Records"],["city","Cities"],["actor","Actors"],["page","Pages"]],` +
			`"kindRuns":[0,1,1,2,2,2,3,1,4,1],"yearRuns":[2016,2,0,5],` +
			`"facets":[{"id":"kind","label":"Kind"},{"id":"place","label":"Place","bytes":116},{"id":"actor","label":"Actor","bytes":88},` +
			`{"id":"service","label":"Service","bytes":281},{"id":"year","label":"Year"}]});` + "\n",
		"search/d-0.js": `gazetteSearch("d-0",[{"t":"Internet cut in Mosul","u":"reports/r/index.html","d":"2016-08-12","k":"report","s":"The internet was cut."},` +
			`{"t":"Shutdown: Internet, Mobile data — Mosul","u":"records/r-1/index.html","d":"2016-08","k":"record"},` +
			`{"t":"Phones banned","u":"records/ban/index.html","k":"record"},` +
			`{"t":"Mosul","u":"cities/mosul/index.html","k":"city in Nineveh","s":"A city on the Tigris."},` +
			`{"t":"Nineveh","u":"cities/nineveh/index.html","k":"city","s":"A province."},` +
			`{"t":"ISIL","u":"actors/isil/index.html","k":"actor"},{"t":"About","u":"about/index.html","k":"page"}]);` + "\n",
		"search/f-place.js":   `gazetteSearch("f-place",{"values":[["mosul","Mosul",1],["nineveh","Nineveh",-1]],"width":1,"docs":"0,0,1,0,1,,,"});` + "\n",
		"search/f-actor.js":   `gazetteSearch("f-actor",{"values":[["isil","ISIL",-1]],"width":1,"docs":"0,0,,,,0,,"});` + "\n",
		"search/f-service.js": `gazetteSearch("f-service",{"values":[["internet","Internet",-1],["mobile","Mobile",-1],["mobile-data","Mobile data",-1],["social-media","Social media",-1],["messaging","Messaging",-1],["vpn","Vpn",-1],["sms","Sms",-1],["landline","Landline",-1]],"width":1,"docs":"02,02,1,,,,,"});` + "\n",
	}
	for name, data := range want {
		if w[name] != data {
			t.Errorf("%s:\n got %s\nwant %s", name, w[name], data)
		}
	}
	if got, wantNames := slices.Sorted(maps.Keys(w)), []string{"search/d-0.js", "search/f-actor.js", "search/f-place.js", "search/f-service.js", "search/i-0.js", "search/manifest.js"}; !slices.Equal(got, wantNames) || n != len(wantNames) {
		t.Fatalf("%d files %v, want %v", n, got, wantNames)
	}

	// Postings: doc numbers as differences, then score×2 plus 1 for a word in
	// a title. A name's key (its terms and "!") marks an exact name match.
	for _, tc := range []struct{ term, postings string }{
		{"mosul", `[0,41,1,41,2,33]`}, // the report's title (8) and its entity's name and id (6+6); the record's the same; Mosul's names (8+8)
		{"cut", `[0,23,1,2]`},         // the report: title, summary; the record: its event's note
		{"nineveh", `[2,24,2,33]`},    // the ban's place, name and id (6+6), not in a title; Nineveh's page
		{"mosul!", `[3,3]`},           // Mosul's name and id, one key
		{"musil!", `[3,3]`},
		{"phones banned!", `[2,3]`},
		{"ban!", `[2,3]`}, // a record file's id; an event's own record has none
		{"shutdown internet mobile data mosul!", `[1,3]`},
	} {
		if strings.Contains(w["search/i-0.js"], `"r 1!"`) {
			t.Errorf("an event's own record is found by its id")
		}
		i := strings.Index(w["search/i-0.js"], `"`+tc.term+`":[`)
		if i < 0 {
			t.Errorf("term %q not in the index", tc.term)
			continue
		}
		rest := w["search/i-0.js"][i+len(tc.term)+3:]
		if got := rest[:strings.Index(rest, "]")+1]; got != tc.postings {
			t.Errorf("%q: %s, want %s", tc.term, got, tc.postings)
		}
	}
}

// WriteDocs writes under the edition's root it is given: one call per
// edition.
func TestWriteDocsPrefix(t *testing.T) {
	w := mapWriter{}
	s := testSite(t)
	ed := config.Edition{Lang: "ar", Prefix: "ar"}
	if _, err := WriteDocs(s, Docs(s, config.Edition{Lang: "en"}, englishWords(t))[:1], ed, englishWords(t), w, &diag.List{}); err != nil {
		t.Fatal(err)
	}
	for name := range w {
		if !strings.HasPrefix(name, "ar/search/") {
			t.Errorf("%s is not under ar/search/", name)
		}
	}
	if !strings.Contains(w["ar/search/manifest.js"], `"docs":1,`) {
		t.Errorf("manifest: %s", w["ar/search/manifest.js"])
	}
}

// Each edition's index is under its root, and its documents' addresses
// are relative to the site root; a report the edition has no translation
// of is indexed in its original.
func TestWriteEdition(t *testing.T) {
	s := &site.Site{Reports: []*site.Report{{Report: &content.Report{Title: "Cut", Date: content.Date{Year: 2016}}, URL: "reports/r/"}}}
	w := mapWriter{}
	var diags diag.List
	if _, err := Write(s, config.Edition{Lang: "ar", Prefix: "ar"}, englishWords(t), w, &diags); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"ar/search/manifest.js": `gazetteSearch("manifest",{"chunks":["cut"],"docs":1,"perChunk":8,"kinds":[["report","Reports"]],"kindRuns":[0,1],"yearRuns":[2016,1],"facets":[{"id":"kind","label":"Kind"},{"id":"year","label":"Year"}]});` + "\n",
		"ar/search/i-0.js":      `gazetteSearch("i-0",{"cut":[0,17]});` + "\n",
		"ar/search/d-0.js":      `gazetteSearch("d-0",[{"t":"Cut","u":"ar/reports/r/index.html","d":"2016","k":"report"}]);` + "\n",
	}
	if got, wantNames := slices.Sorted(maps.Keys(w)), slices.Sorted(maps.Keys(want)); !slices.Equal(got, wantNames) {
		t.Fatalf("files %v, want %v", got, wantNames)
	}
	for name, data := range want {
		if w[name] != data {
			t.Errorf("%s:\n got %s\nwant %s", name, w[name], data)
		}
	}
}

// The Arabic edition's index speaks Arabic: the facets' labels, the kinds
// that are not entity kinds, what each result is, and the places by their
// Arabic names (an entity without one keeps its own). An entity kind is
// labelled by its title in the site it is given, and a service by its
// label there.
func TestWriteArabic(t *testing.T) {
	s := testSite(t)
	mosul, nineveh := s.Kinds[0].Entities[0], s.Kinds[0].Entities[1]
	mosul.Names = []content.LangName{{Lang: "ar", Name: "الموصل"}}
	nineveh.Names = []content.LangName{{Lang: "ar", Name: "نينوى"}}
	w := mapWriter{}
	var diags diag.List
	if _, err := Write(s, config.Edition{Lang: "ar", Prefix: "ar"}, localizer(t, "ar"), w, &diags); err != nil || len(diags.Sorted()) > 0 {
		t.Fatalf("Write: %v, %v", err, diags.Sorted())
	}
	want := map[string]string{
		"ar/search/manifest.js": `gazetteSearch("manifest",{"chunks":["a"],"docs":7,"perChunk":8,` +
			`"kinds":[["report","التقارير"],["record","السجلات"],["city","Cities"],["actor","Actors"],["page","الصفحات"]],` +
			`"kindRuns":[0,1,1,2,2,2,3,1,4,1],"yearRuns":[2016,2,0,5],` +
			`"facets":[{"id":"kind","label":"النوع"},{"id":"place","label":"المكان","bytes":126},{"id":"actor","label":"الجهة","bytes":88},` +
			`{"id":"service","label":"الخدمة","bytes":281},{"id":"year","label":"السنة"}]});` + "\n",
		"ar/search/f-place.js": `gazetteSearch("f-place",{"values":[["mosul","الموصل",1],["nineveh","نينوى",-1]],"width":1,"docs":"0,0,1,0,1,,,"});` + "\n",
		"ar/search/f-actor.js": `gazetteSearch("f-actor",{"values":[["isil","ISIL",-1]],"width":1,"docs":"0,0,,,,0,,"});` + "\n",
	}
	for name, data := range want {
		if w[name] != data {
			t.Errorf("%s:\n got %s\nwant %s", name, w[name], data)
		}
	}
	for _, k := range []string{`"k":"تقرير"`, `"k":"سجل"`, `"k":"صفحة"`} {
		if !strings.Contains(w["ar/search/d-0.js"], k) {
			t.Errorf("ar/search/d-0.js has no %s: %s", k, w["ar/search/d-0.js"])
		}
	}
}

// englishWords is the default theme's English, for record titles.
func englishWords(t *testing.T) *i18n.Localizer {
	t.Helper()
	return localizer(t, "en")
}

// localizer is the default theme's catalogue in lang.
func localizer(t *testing.T, lang string) *i18n.Localizer {
	t.Helper()
	c, err := i18n.FromFS(gazette.DefaultTheme())
	if err != nil {
		t.Fatal(err)
	}
	return c.Localizer(lang, "")
}
