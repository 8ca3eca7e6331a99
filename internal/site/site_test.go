package site_test

import (
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/site"
	"gazette/internal/urlpath"
)

// world is a small site in which every entity is mentioned, so that cases
// built on it show only their own diagnostics.
var world = map[string]string{
	"cities/iraq.md":             "---\nname: Iraq\ntype: country\n---\n",
	"cities/nineveh.md":          "---\nname: Nineveh\naliases: [Ninawa]\ntype: province\nwithin: iraq\n---\n",
	"cities/mosul.md":            "---\nname: Mosul\naliases: [Mosil]\nnames: {ar: الموصل, ku: Mûsil}\nwithin: nineveh\n---\n",
	"cities/baghdad.md":          "---\nname: Baghdad\nwithin: iraq\n---\n",
	"cities/erbil.md":            "---\nname: Erbil\naliases: [Hawler]\n---\n",
	"actors/isil.md":             "---\nname: ISIL\naliases: [ISIS, Islamic State, Daesh]\nnames: {ar: داعش}\n---\n",
	"actors/iraqi-government.md": "---\nname: Government of Iraq\n---\n",
	"actors/itpc.md":             "---\nname: ITPC\nwithin: iraqi-government\n---\n",
	"actors/korek.md":            "---\nname: Korek\n---\n",
	"reports/2014-01-01-base.md": "---\ntitle: Base\ndate: 2014-01-01\nsources: [{publisher: P}]\n" +
		"cities: [iraq, nineveh, mosul, baghdad, erbil]\nactors: [isil, iraqi-government, itpc, korek]\n---\nBase.\n",
}

// with returns world with files added or replaced; a "" value removes one.
func with(files map[string]string) map[string]string {
	out := maps.Clone(world)
	for k, v := range files {
		if v == "" {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

// resolve loads and resolves an in-memory content folder and returns the
// site and every diagnostic, as printed.
func resolve(files map[string]string, opts site.Options) (*site.Site, []string) {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	var diags diag.List
	c := content.Load(fsys, &diags)
	s := site.Resolve(c, markup.New(c.Config.KindIDs()), opts, &diags)
	var out []string
	for _, d := range diags.Sorted() {
		out = append(out, d.String())
	}
	return s, out
}

// report is a report's front matter with extra lines before the closing
// fence, which start on line 5, and a body, which starts on the line after
// the fence: line 6 with no extra lines.
func report(date string, extra []string, body string) string {
	fm := "---\ntitle: R\ndate: " + date + "\nsources: [{publisher: P}]\n"
	for _, l := range extra {
		fm += l + "\n"
	}
	return fm + "---\n" + body
}

var errorCases = []struct {
	name  string
	files map[string]string
	want  []string
}{
	{
		"records: unknown, misspelt, unused, and an id an event's own record takes",
		map[string]string{
			"records/mosul-mobile.md":   "---\ntitle: Mosul mobile\ntype: shutdown\nwhere: [mosull]\n---\n",
			"records/unused.md":         "---\ntitle: Unused\ntype: block\n---\n",
			"records/2016-01-01-r-2.md": "---\ntitle: Taken\ntype: block\n---\n",
			"reports/2016-01-01-r.md": report("2016-01-01", []string{
				"events:",
				"  - {record: mosul-mobil, from: 2016}",
				"  - {type: shutdown, from: 2016}",
				"  - {record: nothing-like-it, from: 2016}",
			}, ""),
		},
		[]string{
			`records/2016-01-01-r-2.md:1:1: error: record id "2016-01-01-r-2" is taken by event 2 of reports/2016-01-01-r.md, which names no record; rename the file`,
			`records/2016-01-01-r-2.md:1:1: warning: no report gives evidence for record "2016-01-01-r-2": name it in an event with record: 2016-01-01-r-2`,
			`records/mosul-mobile.md:1:1: warning: no report gives evidence for record "mosul-mobile": name it in an event with record: mosul-mobile`,
			`records/mosul-mobile.md:4:9: error: unknown city "mosull"; did you mean "mosul"?`,
			`records/unused.md:1:1: warning: no report gives evidence for record "unused": name it in an event with record: unused`,
			`reports/2016-01-01-r.md:1:1: warning: report has no actor: annotate one in the text or list it in actors:`,
			`reports/2016-01-01-r.md:1:1: warning: report has no city: annotate one in the text or list it in cities:`,
			`reports/2016-01-01-r.md:6:14: error: unknown record "mosul-mobil"; did you mean "mosul-mobile"?`,
			`reports/2016-01-01-r.md:8:14: error: unknown record "nothing-like-it"; create records/nothing-like-it.md, or leave record: out to make the event a record of its own`,
		},
	},
	{
		"unknown ids in front matter lists",
		map[string]string{"reports/r.md": report("2016", []string{
			"cities: [mosull, ninive, tikrit, hawler]",
			"actors: [isis, daesh, isl, itcp]",
		}, "")},
		[]string{
			// The report names no entity that exists.
			`reports/r.md:1:1: warning: report has no actor: annotate one in the text or list it in actors:`,
			`reports/r.md:1:1: warning: report has no city: annotate one in the text or list it in cities:`,
			`reports/r.md:5:10: error: unknown city "mosull"; did you mean "mosul"?`,
			`reports/r.md:5:18: error: unknown city "ninive"; did you mean "nineveh"?`,
			`reports/r.md:5:26: error: unknown city "tikrit"; create cities/tikrit.md or fix the id`,
			// An alias, written as an id, suggests the id it stands for.
			`reports/r.md:5:34: error: unknown city "hawler"; did you mean "erbil"?`,
			`reports/r.md:6:10: error: unknown actor "isis"; did you mean "isil"?`,
			`reports/r.md:6:16: error: unknown actor "daesh"; did you mean "isil"?`,
			`reports/r.md:6:23: error: unknown actor "isl"; did you mean "isil"?`,
			`reports/r.md:6:28: error: unknown actor "itcp"; did you mean "itpc"?`,
		},
	},
	{
		"unknown ids in events",
		map[string]string{"reports/r.md": report("2016", []string{
			"events:",
			"  - type: shutdown",
			"    from: 2016",
			"    where: [mosul, mosl]",
			"    by: [isl]",
			"    via: [korak, itpc]",
			"  - {type: block, from: 2016, where: [isil], by: [mosul]}",
		}, "")},
		[]string{
			`reports/r.md:8:20: error: unknown city "mosl"; did you mean "mosul"?`,
			`reports/r.md:9:10: error: unknown actor "isl"; did you mean "isil"?`,
			`reports/r.md:10:11: error: unknown actor "korak"; did you mean "korek"?`,
			// Where takes cities and by takes actors, whatever exists.
			`reports/r.md:11:39: error: unknown city "isil"; create cities/isil.md or fix the id`,
			`reports/r.md:11:51: error: unknown actor "mosul"; create actors/mosul.md or fix the id`,
		},
	},
	{
		"unknown within, within itself, within cycles",
		map[string]string{
			"cities/mosul.md":            "---\nname: Mosul\nwithin: ninive\n---\n",
			"cities/erbil.md":            "---\nname: Erbil\nwithin: erbil\n---\n",
			"cities/nineveh.md":          "---\nname: Nineveh\nwithin: iraq\n---\n",
			"cities/iraq.md":             "---\nname: Iraq\nwithin: baghdad\n---\n",
			"cities/baghdad.md":          "---\nname: Baghdad\nwithin: nineveh\n---\n",
			"actors/korek.md":            "---\nname: Korek\nwithin: korek-group\n---\n",
			"actors/isil.md":             "---\nname: ISIL\nwithin: iraq\n---\n",
			"actors/itpc.md":             "---\nname: ITPC\nwithin: iraqi-government\n---\n",
			"actors/iraqi-government.md": "---\nname: Government of Iraq\nwithin: itpc\n---\n",
		},
		[]string{
			`actors/iraqi-government.md:3:9: error: within cycle: iraqi-government → itpc → iraqi-government`,
			// within names an entity of the same kind.
			`actors/isil.md:3:9: error: unknown actor "iraq"; create actors/iraq.md or fix the id`,
			`actors/korek.md:3:9: error: unknown actor "korek-group"; create actors/korek-group.md or fix the id`,
			`cities/baghdad.md:3:9: error: within cycle: baghdad → nineveh → iraq → baghdad`,
			`cities/erbil.md:3:9: error: city "erbil" cannot be within itself`,
			`cities/mosul.md:3:9: error: unknown city "ninive"; did you mean "nineveh"?`,
		},
	},
	{
		"unknown names and ids in annotations",
		map[string]string{"reports/r.md": report("2016", nil,
			"[Deash](actor:) cut [Mosull](city:) and\n"+
				"[the government](actor:) told [Iraqi Government](actor:) and [Korek Telecom](actor:).\n"+
				"In [Mosul](city:mosull), [Mosul](city:Mosul), [Mosul](city:al_mawsil), [](city:) and [Erbil](city:hawler).\n")},
		[]string{
			`reports/r.md:1:1: warning: report has no actor: annotate one in the text or list it in actors:`,
			`reports/r.md:1:1: warning: report has no city: annotate one in the text or list it in cities:`,
			`reports/r.md:6:1: error: no actor is named "Deash"; did you mean "Daesh" (actor:isil)?`,
			`reports/r.md:6:21: error: no city is named "Mosull"; did you mean "Mosul" (city:mosul)?`,
			`reports/r.md:7:1: error: no actor is named "the government"; add it to the aliases of an entity in actors/, or write [the government](actor:id)`,
			`reports/r.md:7:31: error: no actor is named "Iraqi Government"; did you mean actor:iraqi-government (Government of Iraq)?`,
			`reports/r.md:7:62: error: no actor is named "Korek Telecom"; add it to the aliases of an entity in actors/, or write [Korek Telecom](actor:id)`,
			`reports/r.md:8:4: error: unknown city "mosull"; did you mean "mosul"?`,
			`reports/r.md:8:26: error: invalid city id "Mosul": ids use lower-case letters a-z, digits and single hyphens; did you mean "mosul"?`,
			`reports/r.md:8:47: error: invalid city id "al_mawsil": ids use lower-case letters a-z, digits and single hyphens; create cities/al-mawsil.md or fix the id`,
			`reports/r.md:8:72: error: empty annotation: write the name as the link text, as in [Mosul](city:)`,
			`reports/r.md:8:86: error: unknown city "hawler"; did you mean "erbil"?`,
		},
	},
	{
		"annotations in entity bodies and pages",
		map[string]string{
			"cities/erbil.md": "---\nname: Erbil\n---\nCapital of the [Kurdistan Region](city:kurdistan).\n",
			"pages/about.md":  "---\ntitle: About\n---\nWe track [ISIS](actor:) and [Daesh](actor:isis).\n",
		},
		[]string{
			`cities/erbil.md:4:16: error: unknown city "kurdistan"; create cities/kurdistan.md or fix the id`,
			`pages/about.md:4:29: error: unknown actor "isis"; did you mean "isil"?`,
		},
	},
	{
		"links to missing reports and drafts",
		map[string]string{
			"reports/2016-08-12-mosul.md": report("2016-08-12", nil, "See [this](report:2014-01-01-bse), [that](report:2016-08-12-draft),\n"+
				"[it](report:), [the base](report:2014-01-01-base#sources), [x](report:nothing-like-it) and [y](report:broken).\n"),
			"reports/2016-08-12-draft.md": report("2016-08-12", []string{"draft: true"}, ""),
			"reports/broken.md":           "---\ntitle: [\n---\n",
		},
		[]string{
			`reports/2016-08-12-mosul.md:1:1: warning: report has no actor: annotate one in the text or list it in actors:`,
			`reports/2016-08-12-mosul.md:1:1: warning: report has no city: annotate one in the text or list it in cities:`,
			`reports/2016-08-12-mosul.md:6:5: error: link to missing report "2014-01-01-bse"; did you mean "2014-01-01-base"?`,
			`reports/2016-08-12-mosul.md:6:36: error: report "2016-08-12-draft" is a draft; it is built only with --drafts`,
			`reports/2016-08-12-mosul.md:7:1: error: report link needs a slug, as in [text](report:2014-06-16-iraq-blocks-social-media)`,
			`reports/2016-08-12-mosul.md:7:60: error: link to missing report "nothing-like-it"`,
			// A report whose front matter is broken has its own error; links
			// to it add none.
			`reports/broken.md:3:1: error: YAML syntax: did not find expected node content`,
		},
	},
	{
		"shared names and aliases: only an annotation that gives the spelling alone is ambiguous",
		map[string]string{
			"cities/erbil-province.md": "---\nname: Erbil Province\naliases: [hawler, Arbil]\n---\n",
			"cities/arbil.md":          "---\nname: Arbil\n---\n",
			"reports/r.md": report("2016", []string{"cities: [erbil-province, arbil, hawler]", "actors: [isil]"},
				"[HAWLER](city:) and [Arbil](city:), [Arbil](city:arbil), [Erbil Province](city:).\n"),
		},
		[]string{
			// Compared as package fold says; the candidates in id order.
			`reports/r.md:5:33: error: unknown city "hawler"; did you mean "erbil" or "erbil-province"?`,
			`reports/r.md:8:1: error: "HAWLER" names 2 cities: did you mean [HAWLER](city:erbil) or [HAWLER](city:erbil-province)?`,
			`reports/r.md:8:21: error: "Arbil" names 2 cities: did you mean [Arbil](city:arbil) or [Arbil](city:erbil-province)?`,
		},
	},
	{
		"shared names after NFC normalisation, and misspelt",
		map[string]string{
			// Kurdish "Mûsil" in mosul.md is precomposed; here it is u and a
			// combining circumflex.
			"cities/musil.md": "---\nname: Musil\naliases: [\"Mu\u0302sil\"]\nnames: {ar: \"الموصل\"}\n---\n",
			"reports/r.md":    report("2016", []string{"cities: [musil]", "actors: [isil]"}, "[Mûsil](city:) [الموصل](city:) [Mûsill](city:)\n"),
		},
		[]string{
			`reports/r.md:8:1: error: "Mûsil" names 2 cities: did you mean [Mûsil](city:mosul) or [Mûsil](city:musil)?`,
			`reports/r.md:8:16: error: "الموصل" names 2 cities: did you mean [الموصل](city:mosul) or [الموصل](city:musil)?`,
			`reports/r.md:8:32: error: no city is named "Mûsill"; did you mean "Mûsil" (city:mosul or city:musil)?`,
		},
	},
	{
		"two entities with one name",
		map[string]string{
			"cities/baghdad-province.md": "---\nname: BAGHDAD\n---\n",
			"reports/r.md":               report("2016", []string{"cities: [baghdad-province]", "actors: [isil]"}, "In [Baghdad](city:).\n"),
		},
		[]string{
			`reports/r.md:8:4: error: "Baghdad" names 2 cities: did you mean [Baghdad](city:baghdad) or [Baghdad](city:baghdad-province)?`,
		},
	},
	{
		"same spelling in two kinds is fine",
		map[string]string{
			"actors/mosul-council.md": "---\nname: Mosul Council\naliases: [Mosul, Nineveh]\n---\n",
			"reports/r.md":            report("2016", []string{"cities: [mosul]", "actors: [mosul-council]"}, ""),
		},
		nil,
	},
	{
		"alias equal to another entity's id",
		map[string]string{
			"actors/cabinet.md": "---\nname: Cabinet\naliases: [iraqi-government, isil]\n---\n",
			"reports/r.md":      report("2016", []string{"cities: [mosul]", "actors: [cabinet]"}, ""),
		},
		[]string{
			`actors/cabinet.md:3:11: error: alias "iraqi-government" of actors/cabinet.md is the id of actors/iraqi-government.md; remove the alias or rename one of them`,
		},
	},
	{
		"entity whose front matter is broken",
		map[string]string{
			"cities/tikrit.md": "---\nname: Tikrit\nwithin: [iraq\n---\n",
			"reports/r.md":     report("2016", []string{"cities: [tikrit]", "actors: [isil]"}, "[Tikrit](city:tikrit)\n"),
		},
		[]string{`cities/tikrit.md:3:1: error: YAML syntax: did not find expected ',' or ']'`},
	},
	{
		"warnings: entity no report mentions, report with no city or no actor",
		map[string]string{
			"cities/kirkuk.md":           "---\nname: Kirkuk\n---\n",
			"actors/asiacell.md":         "---\nname: Asiacell\n---\nA [Mosul](city:mosul) operator.\n",
			"reports/no-city.md":         report("2016", []string{"actors: [isil]"}, "[Mosul](report:2014-01-01-base)\n"),
			"reports/no-actor.md":        report("2016", nil, "[Mosul](city:mosul)\n"),
			"reports/draft.md":           report("2016", []string{"draft: true"}, "[Kirkuk](city:kirkuk)\n"),
			"pages/about.md":             "---\ntitle: About\n---\n[Asiacell](actor:asiacell)\n",
			"reports/2014-01-01-base.md": world["reports/2014-01-01-base.md"],
		},
		[]string{
			// Mentions in entity pages, pages and drafts do not count.
			`actors/asiacell.md:1:1: warning: no report mentions actor "asiacell"`,
			`cities/kirkuk.md:1:1: warning: no report mentions city "kirkuk"`,
			`reports/no-actor.md:1:1: warning: report has no actor: annotate one in the text or list it in actors:`,
			`reports/no-city.md:1:1: warning: report has no city: annotate one in the text or list it in cities:`,
		},
	},
	{
		"no warnings for unmentioned entities while a report is broken",
		map[string]string{
			"cities/kirkuk.md": "---\nname: Kirkuk\n---\n",
			"reports/x.md":     "---\ntitle: x\ndate: 2016\n",
		},
		[]string{`reports/x.md:1:1: error: front matter is not closed: add a "---" line after it`},
	},
	{
		// Found when the body is rendered, after it is resolved.
		slowErrorCase,
		map[string]string{"reports/r.md": report("2016", []string{"cities: [mosul]", "actors: [isil]"},
			"[r]: /"+strings.Repeat("u", 64<<10)+"\n\nText.\n\n"+strings.Repeat("[a][r] ", 300)+"\n")},
		[]string{`reports/r.md:12:1: error: this Markdown renders to more than 16 MB of HTML, from here on; the limit is 16 MB a page: split the file, or use fewer references to long link definitions and footnotes`},
	},
}

// slowErrorCase is the case of errorCases that -short leaves out: most of
// TestErrors's time, as markup's TestLimits leaves its own out.
const slowErrorCase = "a body whose HTML passes the limit on a page's size"

func TestErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.name == slowErrorCase {
				t.Skip("renders 16 MB of HTML; run without -short")
			}
			_, got := resolve(with(tc.files), site.Options{})
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestWorldIsClean(t *testing.T) {
	if _, got := resolve(world, site.Options{}); len(got) > 0 {
		t.Errorf("diagnostics:\n%s", strings.Join(got, "\n"))
	}
}

// A site may define its own kinds. The default roles name cities and
// actors: without them, events cannot say where (see TestRoles).
func TestCustomKinds(t *testing.T) {
	s, got := resolve(map[string]string{
		"site.yaml":          "kinds: [{id: group, plural: groups}]\n",
		"groups/ngo.md":      "---\nname: NGO\n---\n",
		"groups/unused.md":   "---\nname: Unused\n---\n",
		"reports/r.md":       report("2016", []string{"groups: [ngo, ngos]", "events: [{type: ban, from: 2016, where: [mosul]}]"}, "[ngo](group:) and [Mosul](city:mosul)\n"),
		"reports/nothing.md": report("2016", nil, ""),
	}, site.Options{})
	want := []string{
		`groups/unused.md:1:1: warning: no report mentions group "unused"`,
		`reports/nothing.md:1:1: warning: report has no group: annotate one in the text or list it in groups:`,
		`reports/r.md:5:15: error: unknown group "ngos"; did you mean "ngo"?`,
		`reports/r.md:6:41: error: where names city, which site.yaml kinds does not define: declare the roles of events in site.yaml, such as roles: [{id: where, kinds: [group]}]`,
		`reports/r.md:8:19: error: forbidden link scheme "city:": links may use http:, https:, mailto:, a relative path, or an annotation (group:, report:)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(s.Kinds) != 1 || s.Kinds[0].URL != "groups/" || len(s.Kinds[0].Entities) != 2 {
		t.Fatalf("kinds: %+v", s.Kinds)
	}
	if ngo := s.Kinds[0].Entities[0]; ngo.URL != "groups/ngo/" || len(ngo.Mentions) != 1 || urlpath.Rel(ngo.Mentions[0].Report.URL, ngo.Mentions[0].Entity.URL) != "../../groups/ngo/index.html" {
		t.Errorf("ngo: %s, %d mentions", ngo.URL, len(ngo.Mentions))
	}
}
