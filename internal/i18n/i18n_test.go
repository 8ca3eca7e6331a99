package i18n_test

import (
	"maps"
	"strings"
	"testing"

	"gazette"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/i18n"
)

func defaultCatalogue(t *testing.T) *i18n.Catalogue {
	t.Helper()
	c, err := i18n.FromFS(gazette.DefaultTheme())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Arabic has six plural forms, chosen by CLDR's rules: 0 zero, 1 one,
// 2 two, 3-10 few, 11-99 many, 100-102 other; Sorani one and other.
func TestPlural(t *testing.T) {
	c := defaultCatalogue(t)
	ar, arab, ckb, en := c.Localizer("ar", ""), c.Localizer("ar", "arab"), c.Localizer("ckb", "", "en"), c.Localizer("en", "")
	for _, tc := range []struct {
		l    *i18n.Localizer
		n    int
		want string
	}{
		{ar, 0, "لا تقارير"},
		{ar, 1, "تقرير واحد"},
		{ar, 2, "تقريران"},
		{ar, 3, "3 تقارير"},
		{ar, 11, "11 تقريرًا"},
		{ar, 100, "100 تقرير"},
		{ar, 101, "101 تقرير"},
		{ar, 103, "103 تقارير"},
		{arab, 11, "١١ تقريرًا"},
		{arab, 2016, "٢٠١٦ تقريرًا"}, // 2016 % 100 is 16: many
		{ckb, 1, "1 ڕاپۆرت"},
		{ckb, 3, "3 ڕاپۆرت"},
		{en, 0, "0 reports"},
		{en, 1, "1 report"},
		{en, 2, "2 reports"},
	} {
		if got := tc.l.T("count.reports", tc.n); got != tc.want {
			t.Errorf("%s %d: got %q, want %q", tc.l.Lang(), tc.n, got, tc.want)
		}
	}
}

func TestDates(t *testing.T) {
	c := defaultCatalogue(t)
	ar, arab, ckb, en := c.Localizer("ar", ""), c.Localizer("ar", "arab"), c.Localizer("ckb", ""), c.Localizer("en", "")
	day, month, year := content.Date{Year: 2016, Month: 8, Day: 12}, content.Date{Year: 2014, Month: 6}, content.Date{Year: 2015}
	for _, tc := range []struct{ got, want string }{
		{en.Date(day), "12 August 2016"},
		{en.Date(month), "June 2014"},
		{en.Date(year), "2015"},
		{en.Date(content.Date{}), ""},
		{ar.Date(day), "12 آب 2016"},
		{ar.Date(month), "حزيران 2014"},
		{ar.Date(content.Date{Year: 2016, Month: 1, Day: 3}), "3 كانون الثاني 2016"},
		{arab.Date(day), "١٢ آب ٢٠١٦"},
		{arab.Date(year), "٢٠١٥"},
		{ckb.Date(day), "12ی ئابی 2016"},
		{ckb.Date(content.Date{Year: 2014, Month: 10}), "تشرینی یەکەمی 2014"},
		{c.Localizer("ckb", "arabext").Num(2016), "۲۰۱۶"},
		{en.When(month, content.Until{Ongoing: true}, day), "June 2014 – ongoing as of 12 August 2016"},
		{en.When(year, content.Until{Unknown: true}, day), "2015 – end unknown"},
		{en.When(month, content.Until{Date: day}, day), "June 2014 – 12 August 2016"},
		{en.When(day, content.Until{Date: day}, day), "12 August 2016"},
		{ar.When(month, content.Until{Ongoing: true}, day), "حزيران 2014 – مستمر حتى 12 آب 2016 على الأقل"},
		{arab.When(month, content.Until{Unknown: true}, day), "حزيران ٢٠١٤ – النهاية غير معروفة"},
		{ar.List([]string{"الموصل", "الرمادي"}), "الموصل، الرمادي"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// A message a language lacks falls back to the default language's, then
// to English; one no catalogue has is its key, never a blank. HTML
// messages escape what they are given.
func TestFallback(t *testing.T) {
	var diags diag.List
	c, ok := i18n.Load([]i18n.File{
		{Pos: diag.Pos{Path: "en.yaml"}, Src: []byte("a: A\nb: B\nc: C\nlink_html: '<a href=\"{{.Href}}\">{{.Text}}</a>'\n")},
		{Pos: diag.Pos{Path: "fr.yaml"}, Src: []byte("a: A-fr\nb: B-fr\n")},
		{Pos: diag.Pos{Path: "ar.yaml"}, Src: []byte("a: A-ar\n")},
	}, &diags)
	if !ok {
		t.Fatal(diags.Sorted())
	}
	ar := c.Localizer("ar", "", "fr")
	for _, tc := range []struct{ got, want string }{
		{ar.T("a"), "A-ar"},
		{ar.T("b"), "B-fr"},
		{ar.T("c"), "C"},
		{ar.T("d"), "d"},
		{string(ar.HTML("link_html", "Href", "x?a=1&b=2", "Text", "<b>")), `<a href="x?a=1&amp;b=2">&lt;b&gt;</a>`},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// A project's catalogue overrides one message of the default theme's and
// keeps the rest.
func TestOverride(t *testing.T) {
	var diags diag.List
	c, ok := i18n.Load([]i18n.File{
		{Pos: diag.Pos{Path: "(default theme)/i18n/ar.yaml", Root: diag.Builtin}, Src: []byte("nav.reports: التقارير\nnav.search: البحث\n")},
		{Pos: diag.Pos{Path: "themes/mine/i18n/ar.yaml", Root: diag.Project}, Src: []byte("nav.reports: تقارير الانقطاع\n")},
	}, &diags)
	if !ok {
		t.Fatal(diags.Sorted())
	}
	ar := c.Localizer("ar", "")
	if got := ar.T("nav.reports"); got != "تقارير الانقطاع" {
		t.Errorf("overridden message = %q", got)
	}
	if got := ar.T("nav.search"); got != "البحث" {
		t.Errorf("kept message = %q", got)
	}
}

// TestLoadOver reads a project's catalogue over the default theme's, read
// before: the same messages as one Load of both files, and the default's
// catalogue as it was, for the next project.
func TestLoadOver(t *testing.T) {
	def := i18n.File{Pos: diag.Pos{Path: "(default theme)/i18n/ar.yaml", Root: diag.Builtin}, Src: []byte("nav.reports: التقارير\nnav.search: البحث\n")}
	mine := i18n.File{Pos: diag.Pos{Path: "themes/mine/i18n/ar.yaml", Root: diag.Project}, Src: []byte("nav.reports: تقارير الانقطاع\n")}
	var diags diag.List
	base, ok := i18n.Load([]i18n.File{def}, &diags)
	if !ok {
		t.Fatal(diags.Sorted())
	}
	over, ok := i18n.LoadOver(base, []i18n.File{mine}, &diags)
	if !ok {
		t.Fatal(diags.Sorted())
	}
	for _, tc := range []struct {
		cat       *i18n.Catalogue
		key, want string
	}{
		{over, "nav.reports", "تقارير الانقطاع"},
		{over, "nav.search", "البحث"},
		{base, "nav.reports", "التقارير"},
		{base, "nav.search", "البحث"},
	} {
		if got := tc.cat.Localizer("ar", "").T(tc.key); got != tc.want {
			t.Errorf("%s = %q, want %q", tc.key, got, tc.want)
		}
	}
}

// A catalogue's mistakes are errors at their line and column.
func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ file, src, want string }{
		{"ar.yaml", "a: [b\n", "ar.yaml:2:1: error: YAML syntax: did not find expected ',' or ']'"},
		{"ckb.yaml", "n:\n  one: x\n  two: y\n  other: z\n", `ckb.yaml:3:3: error: language ckb has no plural form "two": its forms are one, other`},
		{"en.yaml", "n:\n  one: x\n", `en.yaml:1:1: error: message "n" has no other form: every message with plural forms needs other, the form for any count no rule names`},
		{"ar.yaml", "n:\n  lots: x\n  other: y\n", `ar.yaml:2:3: error: "lots" is not a plural category: a message's forms are CLDR's zero, one, two, few, many, other`},
		{"en.yaml", "a: x\na: y\n", `en.yaml:2:1: error: message "a" is given twice in this file (first on line 1)`},
		{"en.yaml", "a: '{{.X'\n", `en.yaml:1:4: error: message "a": unclosed action`},
		{"en.yaml", "- a\n", "en.yaml:1:1: error: a message catalogue is a mapping of keys to messages, as in nav.reports: Reports"},
		{"en.yaml", "a:\n", `en.yaml:1:3: error: message "a" is empty: give its text, or remove the key to use the fallback language's`},
		{"en.yaml", "a: [x]\n", `en.yaml:1:4: error: message "a" is a string, or a mapping of plural forms such as {one: …, other: …}`},
	} {
		var diags diag.List
		if _, ok := i18n.Load([]i18n.File{{Pos: diag.Pos{Path: tc.file}, Src: []byte(tc.src)}}, &diags); ok {
			t.Errorf("%q: loaded", tc.src)
		}
		var got []string
		for _, d := range diags.Sorted() {
			got = append(got, d.String())
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tc.src, strings.Join(got, "\n"), tc.want)
		}
	}
}

// Check warns, naming key and language, about each message a site's
// language lacks, and each message a layout uses that English lacks.
func TestCheck(t *testing.T) {
	var diags diag.List
	c, _ := i18n.Load([]i18n.File{
		{Pos: diag.Pos{Path: "(default theme)/i18n/en.yaml", Root: diag.Builtin}, Src: []byte("a: A\nb: B\n")},
		{Pos: diag.Pos{Path: "(default theme)/i18n/ar.yaml", Root: diag.Builtin}, Src: []byte("a: A\n")},
	}, &diags)
	uses := []i18n.Use{{Key: "b", Pos: diag.Pos{Path: "layouts/x.html", Line: 3, Col: 7}}, {Key: "z", Pos: diag.Pos{Path: "layouts/x.html", Line: 4, Col: 9}}}
	c.Check([]string{"en", "ar", "ckb"}, uses, diag.Pos{Path: "themes/mine/i18n", Root: diag.Project}, &diags)
	var got []string
	for _, d := range diags.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		`(default theme)/i18n/ar.yaml:1:1: warning: message "b" is missing for ar: its pages show the en message instead`,
		`layouts/x.html:4:9: warning: message "z" is not in the en catalogue, to which every language falls back; add it to i18n/en.yaml`,
		`themes/mine/i18n/ckb.yaml:1:1: warning: no message catalogue for ckb: its pages show the interface in en; add i18n/ckb.yaml to the theme`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The default theme's catalogues are complete in every language they
// hold: each has every key of English's.
func TestDefaultThemeComplete(t *testing.T) {
	c := defaultCatalogue(t)
	for _, lang := range c.Langs() {
		for _, k := range c.Keys(i18n.Base) {
			if !c.Has(lang, k) {
				t.Errorf("%s lacks %q", lang, k)
			}
		}
		for _, k := range c.Keys(lang) {
			if !c.Has(i18n.Base, k) {
				t.Errorf("%s has %q, which en lacks", lang, k)
			}
		}
	}
}

// Forms gives a script every plural form of a message, its placeholders
// written {Name} (also inside {{with}}): Arabic's six, English's two,
// "other" alone for a message without forms; a message missing everywhere
// is its key.
func TestForms(t *testing.T) {
	c := defaultCatalogue(t)
	ar, en := c.Localizer("ar", "arab"), c.Localizer("en", "")
	for _, tc := range []struct {
		l    *i18n.Localizer
		key  string
		want map[string]string
	}{
		{ar, "search.results", map[string]string{"zero": "لا نتائج", "one": "نتيجة واحدة", "two": "نتيجتان",
			"few": "{Count} نتائج", "many": "{Count} نتيجةً", "other": "{Count} نتيجة"}},
		{en, "search.results", map[string]string{"one": "{Count} result", "other": "{Count} results"}},
		{en, "search.for", map[string]string{"other": " for “{Query}”"}},
		{en, "search.narrow", map[string]string{"other": "Narrow the results"}},
		{ar, "record.what", map[string]string{"other": "{Type}: {Services}"}},
		{en, "no.such.key", map[string]string{"other": "no.such.key"}},
	} {
		if got := tc.l.Forms(tc.key); !maps.Equal(got, tc.want) {
			t.Errorf("%s %s: got %q, want %q", tc.l.Lang(), tc.key, got, tc.want)
		}
	}
}
