package searchindex

import (
	"maps"
	"slices"
	"testing"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/site"
)

type mapWriter map[string]string

func (m mapWriter) WriteFile(name string, data []byte) error {
	m[name] = string(data)
	return nil
}

// Write indexes a report, an entity and a page: titles, summaries, bodies
// and the names of a report's entities, each word with its weight, and
// the documents a result shows.
func TestWrite(t *testing.T) {
	md := markup.New([]string{"city"})
	doc := func(path, src string) *markup.Doc {
		d := md.Parse(path, []byte(src))
		if err := md.Finish(d, nil); err != nil {
			t.Fatal(err)
		}
		return d
	}
	k := &site.Kind{Kind: config.Kind{ID: "city"}}
	mosul := &site.Entity{Entity: &content.Entity{ID: "mosul", Name: "Mosul", Aliases: []content.Text{{Value: "Mûsil"}}},
		URL: "cities/mosul/", Kind: k, Doc: doc("cities/mosul.md", "A city on the Tigris.")}
	k.Entities = []*site.Entity{mosul}
	s := &site.Site{
		Kinds: []*site.Kind{k},
		Reports: []*site.Report{{Report: &content.Report{Title: "Internet cut in Mosul", Date: content.Date{Year: 2016, Month: 8, Day: 12}},
			URL: "reports/r/", Summary: "The internet was cut.", Entities: [][]*site.Entity{{mosul}}, Doc: doc("reports/r.md", "Mobile data too.")}},
		Pages: []*site.Page{{Page: &content.Page{Title: "About"}, URL: "about/", Doc: doc("pages/about.md", "Who we are.")}},
	}
	w := mapWriter{}
	var diags diag.List
	n, err := Write(s, config.Edition{Lang: "en"}, w, &diags)
	if err != nil || n != 3 || len(diags.Sorted()) > 0 {
		t.Fatalf("Write: %d files, %v, %v", n, err, diags.Sorted())
	}
	want := map[string]string{
		"search/manifest.js": `gazetteSearch("manifest",{"chunks":["a"],"docs":3,"perChunk":8});` + "\n",
		"search/i-0.js": `gazetteSearch("i-0",{"a":[1,1],"about":[2,8],"are":[2,1],"city":[1,1],"cut":[0,11],"data":[0,1],"in":[0,8],` +
			`"internet":[0,11],"mobile":[0,1],"mosul":[0,20,1,16],"musil":[0,6,1,8],"on":[1,1],"the":[0,3,1,1],"tigris":[1,1],` +
			`"too":[0,1],"was":[0,3],"we":[2,1],"who":[2,1]});` + "\n",
		"search/d-0.js": `gazetteSearch("d-0",[{"t":"Internet cut in Mosul","u":"reports/r/index.html","d":"2016-08-12","k":"report","s":"The internet was cut."},` +
			`{"t":"Mosul","u":"cities/mosul/index.html","k":"","s":"A city on the Tigris."},{"t":"About","u":"about/index.html","k":"page"}]);` + "\n",
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

// Each edition's index is under its root, and its documents' addresses
// are relative to the site root; a report the edition has no translation
// of is indexed in its original.
func TestWriteEdition(t *testing.T) {
	s := &site.Site{Reports: []*site.Report{{Report: &content.Report{Title: "Cut", Date: content.Date{Year: 2016}}, URL: "reports/r/"}}}
	w := mapWriter{}
	var diags diag.List
	if _, err := Write(s, config.Edition{Lang: "ar", Prefix: "ar"}, w, &diags); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"ar/search/manifest.js": `gazetteSearch("manifest",{"chunks":["cut"],"docs":1,"perChunk":8});` + "\n",
		"ar/search/i-0.js":      `gazetteSearch("i-0",{"cut":[0,8]});` + "\n",
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
