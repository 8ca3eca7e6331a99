package site_test

import (
	"fmt"
	"strings"
	"testing"

	"gazette/internal/markup"
	"gazette/internal/site"
)

// editions is world in three languages, with translations: the Mosul
// report in Arabic (with a mention only the translation makes), the
// Erbil report in Kurdish as a draft, ISIL's and Mosul's descriptions in
// Arabic, and the about page in Arabic without a title.
var editions = with(map[string]string{
	"site.yaml":          "languages: [en, ar, {lang: ckb, prefix: ku}]\n",
	"actors/isil.ar.md":  "---\nname: تنظيم الدولة الإسلامية\naliases: [الدولة الإسلامية]\n---\nتنظيم مسلح.\n",
	"cities/mosul.ar.md": "---\naliases: [موصل]\n---\nمدينة في [نينوى](city:nineveh).\n",
	"reports/2016-08-12-mosul.md": report("2016-08-12", []string{"summary: ISIL cut Mosul off."},
		"[ISIL](actor:isil) cut [Mosul](city:mosul) off. See [Erbil](report:2016-08-12-erbil).\n"),
	"reports/2016-08-12-mosul.ar.md": "---\ntitle: داعش يقطع الموصل\n---\n" +
		"قطع [الدولة الإسلامية](actor:) الإنترنت في [موصل](city:).\n" +
		"وفي [أربيل](city:erbil)، انظر [التقرير](report:2016-08-12-erbil).\n",
	"reports/2016-08-12-erbil.md":     report("2016-08-12", []string{"cities: [erbil]", "actors: [korek]"}, "[Korek](actor:korek) in Erbil.\n"),
	"reports/2016-08-12-erbil.ckb.md": "---\ntitle: هەولێر\ndraft: true\n---\n[کۆڕەک](actor:korek) لە هەولێر.\n",
	"pages/about.md":                  "---\ntitle: About\nsummary: What this is.\n---\nAbout [Iraq](city:iraq).\n",
	"pages/about.ar.md":               "---\nsummary: ما هذا.\n---\nعن [العراق](city:iraq).\n",
})

// A translated report is resolved as its original is: its annotations
// resolve with the names that hold in its language, each entity
// annotation is a mention numbered in its own text, and links point where
// the original's do, with titles in its language.
func TestTranslatedReport(t *testing.T) {
	s, diags := resolve(editions, site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	md := markup.New(s.Config.KindIDs())
	r := findReport(t, s, "2016-08-12-mosul")
	if len(r.Translations) != 1 || r.Translation("ar") == nil || r.Translation("AR") != r.Translations[0] || r.Translation("ckb") != nil {
		t.Fatalf("translations: %+v", r.Translations)
	}
	ar := r.Translation("ar")
	var got []string
	for _, m := range ar.Mentions {
		got = append(got, fmt.Sprintf("%s %s %s:%s %q → %s", m.Anchor(), m.Lang, m.Entity.Kind.ID, m.Entity.ID, m.Sentence.Text, m.Report.Slug))
	}
	want := []string{
		`m-1 ar actor:isil "الدولة الإسلامية" → 2016-08-12-mosul`,
		`m-2 ar city:mosul "موصل" → 2016-08-12-mosul`,
		`m-3 ar city:erbil "أربيل" → 2016-08-12-mosul`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mentions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if m := r.Mentions; len(m) != 2 || m[0].Lang != "en" || m[1].Anchor() != "m-2" {
		t.Errorf("the original's mentions: %+v", m)
	}
	html, err := md.HTML(ar.Doc)
	if err != nil {
		t.Fatal(err)
	}
	wantHTML := `<p>قطع <a href="../../actors/isil/index.html" class="ann ann-actor" id="m-1" title="تنظيم الدولة الإسلامية">الدولة الإسلامية</a> الإنترنت في <a href="../../cities/mosul/index.html" class="ann ann-city" id="m-2" title="الموصل">موصل</a>.` + "\n" +
		`وفي <a href="../../cities/erbil/index.html" class="ann ann-city" id="m-3" title="Erbil">أربيل</a>، انظر <a href="../../reports/2016-08-12-erbil/index.html" class="ann ann-report" title="R">التقرير</a>.</p>` + "\n"
	if html != wantHTML {
		t.Errorf("translation's HTML:\n%s\nwant:\n%s", html, wantHTML)
	}

	// What each edition shows: the translation, or the original in its
	// own language.
	show := func(x site.Text) string {
		return fmt.Sprintf("%s %q %q %s %v %d", x.Lang, x.Title, x.Summary, x.Path, x.Translated, len(x.Mentions))
	}
	for _, tc := range []struct{ got, want string }{
		{show(r.In("ar")), `ar "داعش يقطع الموصل" "قطع الدولة الإسلامية الإنترنت في موصل. وفي أربيل، انظر التقرير." reports/2016-08-12-mosul.ar.md true 3`},
		{show(r.In("en")), `en "R" "ISIL cut Mosul off." reports/2016-08-12-mosul.md false 2`},
		{show(r.In("ckb")), `en "R" "ISIL cut Mosul off." reports/2016-08-12-mosul.md false 2`},
		// A draft translation is left out of a build without drafts.
		{show(findReport(t, s, "2016-08-12-erbil").In("ckb")), `en "R" "Korek in Erbil." reports/2016-08-12-erbil.md false 1`},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %s\nwant %s", tc.got, tc.want)
		}
	}

	// The report lists what any of its texts names: Erbil only in Arabic.
	if got := entityIDs(r); got != "cities: erbil mosul; actors: isil" {
		t.Errorf("entities: %s", got)
	}

	// An entity's page in each edition lists the mentions of the texts
	// that edition shows.
	mentions := func(e *site.Entity, lang string) string {
		var out []string
		for _, m := range e.MentionsIn(lang) {
			out = append(out, m.Lang+":"+m.Report.Slug+"#"+m.Anchor())
		}
		return strings.Join(out, " ")
	}
	erbil, mosul := findEntity(t, s, "city", "erbil"), findEntity(t, s, "city", "mosul")
	for _, tc := range []struct{ got, want string }{
		{mentions(mosul, "en"), "en:2016-08-12-mosul#m-2"},
		{mentions(mosul, "ar"), "ar:2016-08-12-mosul#m-2"},
		{mentions(mosul, "ckb"), "en:2016-08-12-mosul#m-2"},
		{mentions(mosul, "fr"), "en:2016-08-12-mosul#m-2"}, // not an edition: the originals'
		{mentions(erbil, "en"), ""},
		{mentions(erbil, "ar"), "ar:2016-08-12-mosul#m-3"},
		{mentions(findEntity(t, s, "actor", "korek"), "ckb"), "en:2016-08-12-erbil#m-1"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}

	// With drafts, the draft translation is built.
	s, diags = resolve(editions, site.Options{Drafts: true})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	if got := show(findReport(t, s, "2016-08-12-erbil").In("ckb")); got != `ckb "هەولێر" "کۆڕەک لە هەولێر." reports/2016-08-12-erbil.ckb.md true 1` {
		t.Errorf("draft translation with drafts: %s", got)
	}
}

// An entity's name in an edition is its translation's, else its names:
// entry, else its name; its description is its translation's, else the
// original. A page's translation without a title takes the original's.
func TestTranslatedEntitiesAndPages(t *testing.T) {
	s, diags := resolve(editions, site.Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", strings.Join(diags, "\n"))
	}
	md := markup.New(s.Config.KindIDs())
	text := func(x site.Text) string {
		body := ""
		if x.Doc != nil {
			body, _ = md.HTML(x.Doc)
		}
		return fmt.Sprintf("%s %q %q %s %v | %s", x.Lang, x.Title, x.Summary, x.Path, x.Translated, strings.TrimSpace(body))
	}
	isil, mosul := findEntity(t, s, "actor", "isil"), findEntity(t, s, "city", "mosul")
	var about *site.Page
	for _, p := range s.Pages {
		if p.Slug == "about" {
			about = p
		}
	}
	for _, tc := range []struct{ got, want string }{
		{isil.NameIn("ar"), "تنظيم الدولة الإسلامية"}, // the translation's
		{isil.NameIn("en"), "ISIL"},
		{isil.NameIn("ckb"), "ISIL"},
		{mosul.NameIn("ar"), "الموصل"}, // names: ar, the translation giving none
		{mosul.NameIn("ckb"), "Mosul"},
		{mosul.NameIn("ku"), "Mûsil"}, // names: holds for any language
		// The language of the name shown: the edition's where it has one,
		// else the original's, which stands in for it.
		{isil.NameLangIn("ar"), "ar"},
		{isil.NameLangIn("ckb"), "en"},
		{mosul.NameLangIn("ar"), "ar"},
		{mosul.NameLangIn("ku"), "ku"},
		{mosul.NameLangIn("ckb"), "en"},
		{isil.OriginalLang(), "en"},
		{text(isil.In("ar")), `ar "تنظيم الدولة الإسلامية" "" actors/isil.ar.md true | <p>تنظيم مسلح.</p>`},
		{text(mosul.In("ar")), `ar "الموصل" "" cities/mosul.ar.md true | <p>مدينة في <a href="../../cities/nineveh/index.html" class="ann ann-city" title="Nineveh">نينوى</a>.</p>`},
		{text(isil.In("ckb")), `en "ISIL" "" actors/isil.md false | `},
		{text(about.In("ar")), `ar "About" "ما هذا." pages/about.ar.md true | <p>عن <a href="../cities/iraq/index.html" class="ann ann-city" title="Iraq">العراق</a>.</p>`},
		{text(about.In("ckb")), `en "About" "What this is." pages/about.md false | <p>About <a href="../cities/iraq/index.html" class="ann ann-city" title="Iraq">Iraq</a>.</p>`},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %s\nwant %s", tc.got, tc.want)
		}
	}
}

// A translation's body is resolved as its original's is, with errors at
// its own positions; its names and aliases hold only in its language.
func TestTranslationErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{
			"a translation's names hold only in its language",
			map[string]string{
				"reports/2016-08-12-erbil.md":     report("2016-08-12", []string{"cities: [erbil]"}, "[Korek](actor:korek) and [الدولة الإسلامية](actor:).\n"),
				"reports/2016-08-12-erbil.ckb.md": "---\ntitle: هەولێر\n---\n[کۆڕەک](actor:korek) و\n[الدولة الإسلامية](actor:).\n",
			},
			[]string{
				`reports/2016-08-12-erbil.ckb.md:5:1: error: no actor is named "الدولة الإسلامية"; add it to the aliases of an entity in actors/, or write [الدولة الإسلامية](actor:id)`,
				`reports/2016-08-12-erbil.md:7:26: error: no actor is named "الدولة الإسلامية"; add it to the aliases of an entity in actors/, or write [الدولة الإسلامية](actor:id)`,
			},
		},
		{
			"unknown ids, missing reports and empty annotations in a translation",
			map[string]string{
				"reports/2016-08-12-mosul.ar.md": "---\ntitle: الموصل\n---\n[الموصل](city:mosl) و[](actor:)\nو[تقرير](report:2016-08-12-erbl) و[موصيل](city:).\n",
			},
			[]string{
				`reports/2016-08-12-mosul.ar.md:4:1: error: unknown city "mosl"; did you mean "mosul"?`,
				`reports/2016-08-12-mosul.ar.md:4:22: error: empty annotation: write the name as the link text, as in [Mosul](actor:)`,
				`reports/2016-08-12-mosul.ar.md:5:2: error: link to missing report "2016-08-12-erbl"; did you mean "2016-08-12-erbil"?`,
				`reports/2016-08-12-mosul.ar.md:5:35: error: no city is named "موصيل"; did you mean "موصل" (city:mosul)?`,
			},
		},
		{
			"a translation's alias that is another entity's id, or that another entity's translation shares",
			map[string]string{
				"actors/korek.ar.md":             "---\naliases: [كورك, iraqi-government]\n---\n",
				"cities/erbil.ar.md":             "---\naliases: [موصل]\n---\n",
				"reports/2016-08-12-mosul.ar.md": "---\ntitle: الموصل\n---\n[موصل](city:) و[الموصل](city:).\n",
			},
			[]string{
				`actors/korek.ar.md:2:17: error: alias "iraqi-government" of actors/korek.ar.md is the id of actors/iraqi-government.md; remove the alias or rename one of them`,
				`reports/2016-08-12-mosul.ar.md:4:1: error: "موصل" names 2 cities: did you mean [موصل](city:erbil) or [موصل](city:mosul)?`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range editions {
				files[k] = v
			}
			for k, v := range tc.files {
				files[k] = v
			}
			_, got := resolve(files, site.Options{})
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
