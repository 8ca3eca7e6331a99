package config

import (
	"strings"
	"testing"
	"testing/fstest"

	"gazette/internal/diag"
)

// load reads src as site.yaml and returns the config and its diagnostics,
// one a line.
func load(t *testing.T, src string) (Config, string) {
	t.Helper()
	var diags diag.List
	c := Load(fstest.MapFS{"site.yaml": {Data: []byte(src)}}, &diags)
	var b strings.Builder
	for _, d := range diags.Sorted() {
		b.WriteString(d.String() + "\n")
	}
	return c, b.String()
}

func TestLabelsInEachLanguage(t *testing.T) {
	src := `title: {en: Cut Off, ar: انقطاع}
kinds:
  - id: city
    plural: cities
    title: {en: Places, ar: الأماكن}
    one: {en: place, ar: مكان}
    many: {en: places, ar: أماكن}
roles:
  - {id: where, kinds: [city], label: {en: Where, ar: المكان}}
services:
  - {id: mobile, label: {en: Mobile, ar: الهاتف المحمول}, description: {en: Phones., ar: الهواتف.}}
map:
  outline: map/x.geojson
  attribution: {en: Natural Earth, ar: ناتشورال إيرث}
languages: [en, ar]
license: {ar: رخصة, en: CC BY 4.0}
`
	c, diags := load(t, src)
	if diags != "" {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	ar := c.In("ar")
	for _, g := range []struct{ what, got, want string }{
		{"title", c.Title, "Cut Off"},
		{"ar title", ar.Title, "انقطاع"},
		{"ar license", ar.License, "رخصة"},
		{"license", c.License, "CC BY 4.0"},
		{"kind title", c.Kinds[0].Title, "Places"},
		{"ar kind title", ar.Kinds[0].Title, "الأماكن"},
		{"ar one", ar.Kinds[0].One, "مكان"},
		{"ar many", ar.Kinds[0].Many, "أماكن"},
		{"ar role label", ar.Roles[0].Label, "المكان"},
		{"ar role phrase, from its label", ar.Roles[0].Phrase, "المكان"},
		{"role phrase", c.Roles[0].Phrase, "where"},
		{"ar service", ar.Services.Label("mobile"), "الهاتف المحمول"},
		{"service", c.Services.Label("mobile"), "Mobile"},
		{"ar description", ar.Services[0].Description, "الهواتف."},
		{"ar attribution", ar.Map.Attribution, "ناتشورال إيرث"},
		{"fallback to the default", c.In("fr").Title, "Cut Off"},
	} {
		if g.got != g.want {
			t.Errorf("%s = %q, want %q", g.what, g.got, g.want)
		}
	}
	if c.Kinds[0].Title != "Places" || c.Services[0].Label != "Mobile" {
		t.Errorf("In changed the config it was called on")
	}
}

func TestLabelErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"a language the site does not have",
			"languages: [en, ar]\ntitle: {en: Cut Off, fr: Coupé, ar: انقطاع}\n",
			"site.yaml:2:22: error: the site's title: fr is not one of the site's languages (en, ar); add it to languages: or remove this text\n"},
		{"an empty text",
			"languages: [en, ar]\nservices:\n  - {id: sms, label: {en: SMS, ar: \"\"}}\n",
			"site.yaml:3:22: warning: the label of services sms \"SMS\" has no ar text: the ar edition shows it in en; write it as {en: …, ar: …}\n" +
				"site.yaml:3:36: error: the label of services sms in ar is empty: give its text, or leave ar out to show the en text\n"},
		{"no text in the default language",
			"title: {ar: انقطاع}\nlanguages: [en, ar]\n",
			"site.yaml:1:8: error: the site's title has no text in en, the default language: add en: … to it\n"},
		{"the default language after languages: says it",
			"title: {ar: انقطاع, en: Cut Off}\nlanguage: ar\n",
			"site.yaml:1:21: error: the site's title: en is not one of the site's languages (ar); add it to languages: or remove this text\n"},
		{"a language given twice",
			"languages: [en, ar]\nkinds:\n  - {id: city, plural: cities, title: {en: Places, ar: أ, AR: ب}, one: {en: place, ar: مكان}}\n",
			"site.yaml:3:59: error: the title of kind city: language ar is given twice (first on line 3)\n"},
		{"not a language tag",
			"languages: [en, ar]\ntitle: {en: Cut Off, ar: انقطاع, \"not a tag\": x}\n",
			"site.yaml:2:34: error: title: \"not a tag\" is not a BCP 47 language tag such as en, ar or ckb\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, got := load(t, c.src); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestLabelWarnings(t *testing.T) {
	src := `languages: [en, ar, ckb]
title: {en: Cut Off, ar: انقطاع}
kinds:
  - {id: city, plural: cities, title: {en: Places, ar: الأماكن, ckb: شوێنەکان}}
services: [internet]
`
	want := `site.yaml:2:8: warning: the site's title "Cut Off" has no ckb text: the ckb edition shows it in en; write it as {en: …, ckb: …}
site.yaml:4:5: warning: the one of kind city is "city", made from its id, in every language: the ar edition shows it so; give one: {en: …, ar: …}
site.yaml:4:5: warning: the one of kind city is "city", made from its id, in every language: the ckb edition shows it so; give one: {en: …, ckb: …}
site.yaml:5:12: warning: the label of services internet is "Internet", made from its id, in every language: the ar edition shows it so; give label: {en: …, ar: …}
site.yaml:5:12: warning: the label of services internet is "Internet", made from its id, in every language: the ckb edition shows it so; give label: {en: …, ckb: …}
`
	c, got := load(t, src)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// many comes from the title, in each language that has one.
	if m := c.In("ckb").Kinds[0].Many; m != "شوێنەکان" {
		t.Errorf("ckb many = %q, want the title's", m)
	}
}

func TestOneLanguageNoWarnings(t *testing.T) {
	if _, got := load(t, "title: Cut Off\nservices: [internet]\n"); got != "" {
		t.Errorf("a site of one language got\n%s", got)
	}
}
