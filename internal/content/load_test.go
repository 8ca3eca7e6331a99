package content_test

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/diag"
)

const mosulReport = `---
title: ISIL cuts internet access across Mosul
date: 2016-08-12
summary: One sentence.
lang: en-GB
sources:
  - publisher: World Bulletin
    title: Internet goes dark in ISIL-held Mosul
    date: 2016-08-12
    url: https://example.org/a
    archive: https://web.archive.org/b
  - publisher: Anadolu Agency
    date: 2016-08
cities: [mosul, iraq]
actors: isil
events:
  - type: shutdown
    services: [internet, mobile]
    where: [mosul]
    scope: city
    by: [isil]
    via: [korek]
    cause: conflict
    from: 2016-08
    until: 2016-11-01
    note: Private subscriptions were not renewed.
  - {type: restoration, from: 2016-11, until: ongoing}
  - {type: block, from: 2014, until: unknown}
draft: true
---
[ISIL](actor:isil) cut the internet.
`

func TestLoadReport(t *testing.T) {
	s, diags := load(map[string]string{"reports/2016-08-12-mosul.md": mosulReport})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	if len(s.Reports) != 1 {
		t.Fatalf("got %d reports", len(s.Reports))
	}
	r := s.Reports[0]
	pos := func(line, col int) diag.Pos {
		return diag.Pos{Path: "reports/2016-08-12-mosul.md", Line: line, Col: col}
	}
	want := &content.Report{
		Path:    "reports/2016-08-12-mosul.md",
		Slug:    "2016-08-12-mosul",
		Title:   "ISIL cuts internet access across Mosul",
		Date:    content.Date{Year: 2016, Month: 8, Day: 12},
		Summary: "One sentence.",
		Lang:    "en-GB",
		Sources: []content.Source{
			{Publisher: "World Bulletin", Title: "Internet goes dark in ISIL-held Mosul", Date: content.Date{Year: 2016, Month: 8, Day: 12}, URL: "https://example.org/a", Archive: "https://web.archive.org/b"},
			{Publisher: "Anadolu Agency", Date: content.Date{Year: 2016, Month: 8}},
		},
		Refs: []content.Ref{
			{Kind: "city", ID: "mosul", Pos: pos(14, 10)},
			{Kind: "city", ID: "iraq", Pos: pos(14, 17)},
			{Kind: "actor", ID: "isil", Pos: pos(15, 9)},
		},
		Events: []content.Event{
			{
				Pos: pos(17, 5),
				Facts: content.Facts{
					Type:     "shutdown",
					Services: []string{"internet", "mobile"},
					Scope:    "city",
					Cause:    "conflict",
					Roles: []content.RoleRefs{
						{Role: "where", Refs: []content.Ref{{Kind: "city", ID: "mosul", Pos: pos(19, 13)}}},
						{Role: "by", Refs: []content.Ref{{Kind: "actor", ID: "isil", Pos: pos(21, 10)}}},
						{Role: "via", Refs: []content.Ref{{Kind: "actor", ID: "korek", Pos: pos(22, 11)}}},
					},
				},
				From:  content.Date{Year: 2016, Month: 8},
				Until: content.Until{Date: content.Date{Year: 2016, Month: 11, Day: 1}},
				Note:  "Private subscriptions were not renewed.",
			},
			{Pos: pos(27, 5), Facts: content.Facts{Type: "restoration"}, From: content.Date{Year: 2016, Month: 11}, Until: content.Until{Ongoing: true}},
			{Pos: pos(28, 5), Facts: content.Facts{Type: "block"}, From: content.Date{Year: 2014}, Until: content.Until{Unknown: true}},
		},
		Draft: true,
		// The front matter is blanked out, its newlines kept, so that line
		// numbers in the body are line numbers in the file.
		Body: []byte(strings.Repeat("\n", 30) + "[ISIL](actor:isil) cut the internet.\n"),
	}
	want.Sum = sumOf(mosulReport, want.Body)
	if !reflect.DeepEqual(r, want) {
		t.Errorf("report:\n%+v\nwant:\n%+v", r, want)
	}
}

func TestLoadEntity(t *testing.T) {
	s, diags := load(map[string]string{
		"cities/mosul.md": "---\nname: Mosul\naliases: [Mosil, Al-Mawsil]\nnames: {ku: Mûsil, ar: الموصل}\ntype: city\nwithin: nineveh\ncoordinates: [36.34, 43]\nids: {wikidata: Q209088, pcode: IQG15Q01}\n---\nMosul is on the Tigris.\n",
		"actors/isil.md":  "---\nname: ISIL\n---\n",
	})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	// Entities come in the order of the kinds, cities first.
	if len(s.Entities) != 2 || s.Entities[0].ID != "mosul" || s.Entities[1].ID != "isil" {
		t.Fatalf("entities: %+v", s.Entities)
	}
	pos := func(line, col int) diag.Pos { return diag.Pos{Path: "cities/mosul.md", Line: line, Col: col} }
	want := &content.Entity{
		Path:        "cities/mosul.md",
		Kind:        "city",
		ID:          "mosul",
		Name:        "Mosul",
		NamePos:     pos(2, 7),
		Aliases:     []content.Text{{Value: "Mosil", Pos: pos(3, 11)}, {Value: "Al-Mawsil", Pos: pos(3, 18)}},
		Names:       []content.LangName{{Lang: "ar", Name: "الموصل", Pos: pos(4, 24)}, {Lang: "ku", Name: "Mûsil", Pos: pos(4, 13)}},
		Type:        "city",
		Within:      &content.Ref{Kind: "city", ID: "nineveh", Pos: pos(6, 9)},
		Coordinates: &content.LatLon{Lat: 36.34, Lon: 43},
		IDs:         []content.KeyValue{{Key: "pcode", Value: "IQG15Q01"}, {Key: "wikidata", Value: "Q209088"}},
		Body:        []byte("\n\n\n\n\n\n\n\n\nMosul is on the Tigris.\n"),
	}
	want.Sum = sumOf("---\nname: Mosul\naliases: [Mosil, Al-Mawsil]\nnames: {ku: Mûsil, ar: الموصل}\ntype: city\nwithin: nineveh\ncoordinates: [36.34, 43]\nids: {wikidata: Q209088, pcode: IQG15Q01}\n---\n", want.Body)
	// Columns count runes: "الموصل" comes after the two-byte "û".
	if !reflect.DeepEqual(s.Entities[0], want) {
		t.Errorf("entity:\n%+v\nwant:\n%+v", s.Entities[0], want)
	}
	if e := s.Entities[1]; e.Kind != "actor" || e.Name != "ISIL" || e.Path != "actors/isil.md" {
		t.Errorf("actor: %+v", e)
	}
}

// An entity or report whose front matter cannot be read is still returned,
// marked Invalid, so that the next stage does not report every reference
// to it as unknown.
func TestLoadInvalid(t *testing.T) {
	s, _ := load(map[string]string{
		"cities/mosul.md":     "---\nname: [Mosul\n---\n",
		"reports/r.md":        "no front matter\n",
		"reports/binary.md":   "---\x00",
		"reports/good.md":     report(),
		"reports/Bad Name.md": report(),
	})
	if len(s.Entities) != 1 || !s.Entities[0].Invalid || s.Entities[0].ID != "mosul" || s.Entities[0].Name != "mosul" {
		t.Errorf("entities: %+v", s.Entities)
	}
	var got []string
	for _, r := range s.Reports {
		got = append(got, r.Slug+map[bool]string{true: " invalid", false: ""}[r.Invalid])
	}
	// A file that is not text, or whose name is not a slug, is left out.
	if want := []string{"good", "r invalid"}; !reflect.DeepEqual(got, want) {
		t.Errorf("reports: %q, want %q", got, want)
	}
}

// A CRLF file, with or without a UTF-8 byte-order mark, reads as the same
// file with LF line ends: the same values, positions and body.
func TestLoadCRLF(t *testing.T) {
	lf, _ := load(map[string]string{"reports/r.md": mosulReport})
	crlf := strings.ReplaceAll(mosulReport, "\n", "\r\n")
	for _, src := range []string{crlf, "\uFEFF" + crlf, "\uFEFF" + mosulReport} {
		s, diags := load(map[string]string{"reports/r.md": src})
		if len(diags) > 0 {
			t.Fatalf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
		}
		if !reflect.DeepEqual(s.Reports, lf.Reports) {
			t.Errorf("%q:\n%+v\nwant:\n%+v", src[:8], s.Reports[0], lf.Reports[0])
		}
	}
	// And errors in a CRLF file are where they are in the LF file.
	bad := "---\ntitle: T\ndate: 2016-13\nsources: [{publisher: P}]\ncities: [Mosul]\n---\n"
	_, want := load(map[string]string{"reports/r.md": bad})
	_, got := load(map[string]string{"reports/r.md": strings.ReplaceAll(bad, "\n", "\r\n")})
	if len(want) != 2 || !reflect.DeepEqual(got, want) {
		t.Errorf("CRLF:\n%s\nLF:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadConfig(t *testing.T) {
	s, diags := load(nil)
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	if !reflect.DeepEqual(s.Config, config.DefaultConfig()) {
		t.Errorf("no site.yaml: %+v, want the defaults", s.Config)
	}

	s, diags = load(map[string]string{"site.yaml": `title: Cut Off
subtitle: Communication shutdowns in Iraq, 2014–2016
language: ar
base_url: https://example.org/cutoff
theme: plain
kinds:
  - {id: city, plural: cities, title: Places}
  - {id: group, plural: groups}
roles:
  - {id: where, kinds: [city], label: Where, phrase: in}
  - {id: reported-by, kinds: [group, city, group]}
event_types: [shutdown, {id: reopening, label: Reopened, description: Service came back., ends: true}]
services: [{id: sms, label: SMS}]
causes: [conflict]
scopes: [city, national]
license: CC0
typographer: false
`})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	want := config.Config{
		Title:    "Cut Off",
		Subtitle: "Communication shutdowns in Iraq, 2014–2016",
		Language: "ar",
		Editions: []config.Edition{{Lang: "ar", Name: "العربية"}},
		BaseURL:  "https://example.org/cutoff/",
		Theme:    "plain",
		Kinds: []config.Kind{
			{ID: "city", Plural: "cities", Title: "Places", One: "city", Many: "places", Schema: "Place"},
			{ID: "group", Plural: "groups", Title: "Groups", One: "group", Many: "groups", Schema: "Thing"},
		},
		// A role's label defaults to its id in words, its phrase to the
		// label in lower case.
		Roles: []config.Role{
			{ID: "where", Kinds: []string{"city"}, Label: "Where", Phrase: "in"},
			{ID: "reported-by", Kinds: []string{"group", "city"}, Label: "Reported by", Phrase: "reported by"},
		},
		EventTypes: config.Vocab{
			{ID: "shutdown", Label: "Shutdown"},
			{ID: "reopening", Label: "Reopened", Description: "Service came back.", Ends: true},
		},
		Services: config.Vocab{{ID: "sms", Label: "SMS"}},
		Causes:   config.Vocab{{ID: "conflict", Label: "Conflict"}},
		Scopes:   config.Vocab{{ID: "city", Label: "City"}, {ID: "national", Label: "National"}},
		License:  "CC0",
	}
	if !reflect.DeepEqual(s.Config, want) {
		t.Errorf("config:\n%+v\nwant:\n%+v", s.Config, want)
	}
	if k, ok := s.Config.Kind("group"); !ok || k.Plural != "groups" {
		t.Errorf(`config.Kind("group") = %+v, %v`, k, ok)
	}
	if _, ok := s.Config.Kind("actor"); ok {
		t.Errorf(`config.Kind("actor") found, but site.yaml does not define it`)
	}
}

// languages: lists the editions, the default first, at the root; the
// others are under their prefix, the tag by default, and are named in
// their own language unless site.yaml names them.
func TestLoadEditions(t *testing.T) {
	s, diags := load(map[string]string{"site.yaml": "language: en\nlanguages:\n  - en\n  - {lang: AR, name: عربي}\n  - {lang: ckb, prefix: ku}\n  - zh-hant\n  - kmr\n"})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	var got []string
	for _, e := range s.Config.Editions {
		got = append(got, fmt.Sprintf("%s %q %q %q %s", e.Lang, e.Prefix, e.Root(), e.Name, e.Pos))
	}
	want := []string{
		`en "" "" "English" site.yaml:3:5`,
		`ar "ar" "ar/" "عربي" site.yaml:4:5`,
		`ckb "ku" "ku/" "کوردیی ناوەندی" site.yaml:5:5`,
		`zh-Hant "zh-hant" "zh-hant/" "繁體中文" site.yaml:6:5`,
		`kmr "kmr" "kmr/" "kmr" site.yaml:7:5`, // CLDR has no name for Kurmanji in itself
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("editions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.Config.Language != "en" {
		t.Errorf("Language = %q, want en", s.Config.Language)
	}
	if got := strings.Join(s.Config.Langs(), " "); got != "en ar ckb zh-Hant kmr" {
		t.Errorf("Langs() = %s", got)
	}
	for _, tag := range []string{"ar", "ZH-hant", "ckb"} {
		if _, ok := s.Config.Edition(tag); !ok {
			t.Errorf("config.Edition(%q) not found", tag)
		}
	}
	if e, ok := s.Config.Edition("ku"); ok {
		t.Errorf("config.Edition(\"ku\") = %+v: a prefix is not a language", e)
	}

	// Without languages:, one edition in language:.
	s, _ = load(map[string]string{"site.yaml": "language: ar\n"})
	if len(s.Config.Editions) != 1 || s.Config.Editions[0].Lang != "ar" || s.Config.Editions[0].Prefix != "" {
		t.Errorf("language: ar alone: editions %+v", s.Config.Editions)
	}
	s, _ = load(map[string]string{"site.yaml": "languages: [ar, en]\n"})
	if s.Config.Language != "ar" {
		t.Errorf("languages: [ar, en]: Language = %q, want ar", s.Config.Language)
	}
}

// A translation goes with its original, in site.yaml's order of languages
// whatever the order of the file names, with only its text: the rest is
// the original's.
func TestLoadTranslations(t *testing.T) {
	s, diags := load(map[string]string{
		"site.yaml":          "languages: [en, {lang: ckb, prefix: ku}, ar]\n",
		"reports/r.md":       report(),
		"reports/r.ar.md":    "---\ntitle: عنوان\nsummary: ملخص\ndraft: true\n---\nنص.\n",
		"reports/r.ckb.md":   "---\ntitle: ناونیشان\n---\n",
		"pages/about.md":     "---\ntitle: About\n---\n",
		"pages/about.AR.md":  "---\n---\nعن.\n",
		"cities/mosul.md":    "---\nname: Mosul\n---\n",
		"cities/mosul.ar.md": "---\nname: الموصل\naliases: [موصل]\n---\n",
	})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	show := func(list []*content.Translation) string {
		var out []string
		for _, tr := range list {
			var aliases []string
			for _, a := range tr.Aliases {
				aliases = append(aliases, a.Value+"@"+a.Pos.String())
			}
			out = append(out, fmt.Sprintf("%s %s %s %q %q %v %q@%s %q %q", tr.Path, tr.ID, tr.Lang, tr.Title, tr.Summary, tr.Draft, tr.Name, tr.NamePos, aliases, strings.TrimLeft(string(tr.Body), "\n")))
		}
		return strings.Join(out, "\n")
	}
	for _, tc := range []struct{ got, want string }{
		{show(s.Reports[0].Translations), "reports/r.ckb.md r ckb \"ناونیشان\" \"\" false \"\"@:1:1 [] \"\"\n" +
			"reports/r.ar.md r ar \"عنوان\" \"ملخص\" true \"\"@:1:1 [] \"نص.\\n\""},
		{show(s.Pages[0].Translations), "pages/about.AR.md about ar \"\" \"\" false \"\"@:1:1 [] \"عن.\\n\""},
		{show(s.Entities[0].Translations), "cities/mosul.ar.md mosul ar \"\" \"\" false \"الموصل\"@cities/mosul.ar.md:2:7 [\"موصل@cities/mosul.ar.md:3:11\"] \"\""},
	} {
		if tc.got != tc.want {
			t.Errorf("got:\n%s\nwant:\n%s", tc.got, tc.want)
		}
	}
	// The body keeps its lines: a position in it is one in the file.
	if body := string(s.Reports[0].Translations[1].Body); body != "\n\n\n\n\nنص.\n" {
		t.Errorf("body %q", body)
	}
}

// Files are read from the configured kinds' folders, in name order, and
// static files from static/, whatever their names.
func TestLoadFolders(t *testing.T) {
	s, diags := load(map[string]string{
		"site.yaml":                  "kinds: [{id: group, plural: groups}]\n",
		"groups/b.md":                "---\nname: B\n---\n",
		"groups/a.md":                "---\nname: A\n---\n",
		"cities/mosul.md":            "---\nname: Mosul\n---\n", // not a kind of this site
		"reports/z.md":               report(),
		"reports/a.md":               report(),
		"reports/.#a.md":             "editor lock file",
		"pages/about.md":             "---\ntitle: About\nmenu: 2\n---\n",
		"static/img/Map of Iraq.png": "png",
		"static/style.css":           "css",
	})
	if len(diags) > 0 {
		t.Fatalf("unexpected diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	var got []string
	for _, e := range s.Entities {
		got = append(got, e.Path)
	}
	for _, r := range s.Reports {
		got = append(got, r.Path)
	}
	for _, p := range s.Pages {
		got = append(got, p.Path+" "+p.Title)
	}
	got = append(got, s.Static...)
	want := []string{"groups/a.md", "groups/b.md", "reports/a.md", "reports/z.md", "pages/about.md About", "img/Map of Iraq.png", "style.css"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if s.Pages[0].Menu != 2 {
		t.Errorf("menu = %d, want 2", s.Pages[0].Menu)
	}
}

// sumOf is the Sum of a file whose front matter is src's, between its
// fences, and whose body, blanked, is body.
func sumOf(src string, body []byte) content.Sum {
	fm, _, _ := strings.Cut(strings.TrimPrefix(src, "---\n"), "---\n")
	return content.Sum{Front: sha256.Sum256([]byte(fm)), Body: sha256.Sum256(body)}
}
