package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"gazette/internal/content"
	"gazette/internal/diag"
)

// load reads an in-memory content folder and returns the site and its
// diagnostics as printed.
func load(files map[string]string) (*content.Site, []string) {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	var diags diag.List
	s := content.Load(fsys, &diags)
	var out []string
	for _, d := range diags.Sorted() {
		out = append(out, d.String())
	}
	return s, out
}

// report is a valid report's front matter with extra lines inserted before
// the closing fence: the extra lines start on line 6.
func report(extra ...string) string {
	return "---\ntitle: T\ndate: 2016-08-12\nsources:\n  - publisher: P\n" + lines(extra...) + "---\nBody.\n"
}

func lines(ls ...string) string {
	if len(ls) == 0 {
		return ""
	}
	return strings.Join(ls, "\n") + "\n"
}

// errorCases are content folders and every diagnostic they must produce,
// in order. Each case is one file unless the case says otherwise.
var errorCases = []struct {
	name  string
	files map[string]string
	want  []string
}{
	// --- Encodings and front matter fences.
	{
		"not UTF-8",
		map[string]string{"reports/r.md": "---\ntitle: T\ndate: 2016-08-12\nsummary: caf\xe9 au lait\n---\n"},
		[]string{`reports/r.md:4:13: error: file is not valid UTF-8; save it as UTF-8`},
	},
	{
		"not UTF-8 after multi-byte runes counts runes",
		map[string]string{"cities/mosul.md": "---\nname: الموصل\xff\n---\n"},
		[]string{`cities/mosul.md:2:13: error: file is not valid UTF-8; save it as UTF-8`},
	},
	{
		"UTF-16 little-endian BOM",
		map[string]string{"reports/r.md": "\xff\xfe-\x00-\x00-\x00\n\x00"},
		[]string{`reports/r.md:1:1: error: file is UTF-16; save it as UTF-8`},
	},
	{
		"UTF-16 big-endian BOM",
		map[string]string{"site.yaml": "\xfe\xff\x00t\x00i"},
		[]string{`site.yaml:1:1: error: file is UTF-16; save it as UTF-8`},
	},
	{
		"NUL byte",
		map[string]string{"actors/isil.md": "---\nname: ISIL\n---\nThe\x00group.\n"},
		[]string{`actors/isil.md:4:4: error: file contains a NUL byte`},
	},
	{
		"NUL byte in a CRLF file",
		map[string]string{"actors/isil.md": "---\r\nname: ISIL\r\n---\r\nThe\x00group.\r\n"},
		[]string{`actors/isil.md:4:4: error: file contains a NUL byte`},
	},
	{
		"missing front matter",
		map[string]string{"reports/r.md": "title: T\n"},
		[]string{`reports/r.md:1:1: error: missing front matter: the file must start with a "---" line`},
	},
	{
		"empty file",
		map[string]string{"pages/about.md": ""},
		[]string{`pages/about.md:1:1: error: missing front matter: the file must start with a "---" line`},
	},
	{
		"front matter not closed",
		map[string]string{"reports/r.md": "---\ntitle: T\ndate: 2016-08-12\n"},
		[]string{`reports/r.md:1:1: error: front matter is not closed: add a "---" line after it`},
	},
	{
		"only an opening fence",
		map[string]string{"reports/r.md": "---"},
		[]string{`reports/r.md:1:1: error: front matter is not closed: add a "---" line after it`},
	},
	{
		"only an opening fence and spaces",
		map[string]string{"reports/r.md": "---  "},
		[]string{`reports/r.md:1:1: error: front matter is not closed: add a "---" line after it`},
	},
	{
		"empty front matter",
		map[string]string{"reports/r.md": "---\n---\nBody.\n"},
		[]string{
			`reports/r.md:1:1: error: missing required field "date" in report front matter`,
			`reports/r.md:1:1: error: missing required field "sources" in report front matter`,
			`reports/r.md:1:1: error: missing required field "title" in report front matter`,
		},
	},

	// --- YAML syntax: the parser's line, moved down by the opening fence.
	{
		"YAML syntax error",
		map[string]string{"reports/r.md": "---\ntitle: T\ndate: 2016-08-12\n  summary: a: b\n---\n"},
		[]string{`reports/r.md:4:3: error: YAML syntax: mapping values are not allowed in this context`},
	},
	// yaml.v3 counts lines from 0 in its parser's errors and from 1 in its
	// scanner's; either way the position is the line the problem is on.
	{
		"YAML unclosed flow sequence",
		map[string]string{"cities/mosul.md": "---\nname: Mosul\naliases: [Mosil\ntype: city\n---\n"},
		[]string{`cities/mosul.md:3:1: error: YAML syntax: did not find expected ',' or ']'`},
	},
	{
		"YAML mismatched brackets",
		map[string]string{"reports/r.md": "---\ntitle: T\ndate: 2016-08-12\ncities: [mosul, erbil}\n---\n"},
		[]string{`reports/r.md:4:1: error: YAML syntax: did not find expected ',' or ']'`},
	},
	{
		"YAML list item in a mapping",
		map[string]string{"reports/r.md": "---\ntitle: T\n- date: 2016-08-12\n---\n"},
		[]string{`reports/r.md:3:1: error: YAML syntax: did not find expected key`},
	},
	{
		"YAML text after a quoted value",
		map[string]string{"reports/r.md": "---\ntitle: T\nsummary: 'ISIL' cuts Mosul\n---\n"},
		[]string{`reports/r.md:3:1: error: YAML syntax: did not find expected key`},
	},
	{
		"YAML outdented key",
		map[string]string{"reports/r.md": "---\ntitle: T\nsources:\n  - publisher: P\n    title: A\n   date: 2016\n---\n"},
		// The parser names the list the problem is in, not the line.
		[]string{`reports/r.md:4:3: error: YAML syntax: did not find expected '-' indicator`},
	},
	{
		"YAML unterminated quote",
		map[string]string{"reports/r.md": "---\ntitle: T\nsummary: \"ISIL cuts\ndate: 2016\n---\n"},
		[]string{`reports/r.md:3:1: error: YAML syntax: found unexpected end of stream`},
	},
	{
		"YAML undefined tag handle",
		map[string]string{"reports/r.md": "---\ntitle: T\nsummary: !x!y S\n---\n"},
		[]string{`reports/r.md:3:1: error: YAML syntax: found undefined tag handle`},
	},
	{
		"YAML tab indentation",
		map[string]string{"reports/r.md": "---\ntitle: T\nsources:\n\t- publisher: P\n---\n"},
		[]string{`reports/r.md:4:2: error: YAML syntax: found character that cannot start any token`},
	},
	{
		"YAML syntax error in site.yaml is not moved",
		map[string]string{"site.yaml": "title: Cut Off\nkinds: [\n"},
		[]string{`site.yaml:3:1: error: YAML syntax: did not find expected node content`},
	},
	{
		"front matter not a mapping",
		map[string]string{"reports/r.md": "---\n- title: T\n---\n"},
		[]string{`reports/r.md:2:1: error: front matter must be a mapping of fields (key: value)`},
	},
	{
		"duplicate key",
		map[string]string{"reports/r.md": report("summary: one", "summary: two")},
		[]string{`reports/r.md:7:1: error: field "summary" is given twice (first on line 6)`},
	},
	{
		"YAML anchor and alias",
		map[string]string{"reports/r.md": report("summary: &s Short.", "cities: *s")},
		[]string{`reports/r.md:6:10: error: YAML anchors and aliases (& and *) are not supported; write the value out`},
	},
	{
		"YAML alias alone",
		map[string]string{"reports/r.md": "---\ntitle: T\ndate: 2016-08-12\nsources: [{publisher: P}]\nsummary: *s\n---\n"},
		// The parser gives no line: the error points at the front matter.
		[]string{`reports/r.md:2:1: error: YAML syntax: unknown anchor 's' referenced`},
	},
	{
		"YAML merge key",
		map[string]string{"cities/mosul.md": "---\nname: Mosul\nids: &ids {wikidata: Q209088}\n<<: *ids\n---\n"},
		[]string{`cities/mosul.md:3:6: error: YAML anchors and aliases (& and *) are not supported; write the value out`},
	},

	// --- Fields.
	{
		"misspelled report field",
		map[string]string{"reports/r.md": report("summery: S", "citis: [mosul]", "colour: red")},
		[]string{
			`reports/r.md:6:1: error: unknown field "summery" in report front matter; did you mean "summary"?`,
			`reports/r.md:7:1: error: unknown field "citis" in report front matter; did you mean "cities"?`,
			`reports/r.md:8:1: error: unknown field "colour" in report front matter`,
		},
	},
	{
		"missing required report fields",
		map[string]string{"reports/r.md": "---\nsummary: S\n---\n"},
		[]string{
			`reports/r.md:2:1: error: missing required field "date" in report front matter`,
			`reports/r.md:2:1: error: missing required field "sources" in report front matter`,
			`reports/r.md:2:1: error: missing required field "title" in report front matter`,
		},
	},
	{
		"empty required values",
		map[string]string{"reports/r.md": "---\ntitle:\ndate: ''\nsources: []\n---\n"},
		[]string{
			`reports/r.md:2:7: error: title is empty`,
			`reports/r.md:3:7: error: date is empty`,
			`reports/r.md:4:10: error: sources must be a list with at least one source`,
		},
	},
	{
		"wrong types in a report",
		map[string]string{"reports/r.md": report(
			"summary: [a, b]",
			"draft: yes",
			"lang: {en: true}",
			"cities: {mosul: 1}",
			"events: shutdown",
		)},
		[]string{
			`reports/r.md:6:10: error: summary must be a single value, not a list`,
			`reports/r.md:7:8: error: draft must be true or false`,
			`reports/r.md:8:7: error: lang must be a single value, not a mapping`,
			`reports/r.md:9:9: error: cities must be a list such as [a, b]`,
			`reports/r.md:10:9: error: events must be a list of events`,
		},
	},
	{
		"sources: missing publisher, wrong shapes",
		map[string]string{"reports/r.md": "---\ntitle: T\ndate: 2016-08-12\nsources:\n  - title: A\n  - Reuters\n  - publisher: P\n    autor: X\n---\n"},
		[]string{
			`reports/r.md:5:5: error: missing required field "publisher" in a source`,
			`reports/r.md:6:5: error: a source must be a mapping of fields (key: value)`,
			`reports/r.md:8:5: error: unknown field "autor" in a source`,
		},
	},
	{
		"source URLs: http and https only",
		map[string]string{"reports/r.md": "---\ntitle: T\ndate: 2016-08-12\nsources:\n" +
			"  - publisher: A\n    url: ftp://example.org/a\n" +
			"  - publisher: B\n    url: javascript:alert(1)\n" +
			"  - publisher: C\n    archive: //web.archive.org/x\n" +
			"  - publisher: D\n    url: https://\n" +
			"  - publisher: E\n    url: \"https://example.org/a b\"\n" +
			"  - publisher: F\n    url: HTTPS://EXAMPLE.ORG/\n    archive: http://web.archive.org/x\n" +
			"---\n"},
		[]string{
			`reports/r.md:6:10: error: url must be an http or https URL, not "ftp://example.org/a"`,
			`reports/r.md:8:10: error: url must be an http or https URL, not "javascript:alert(1)"`,
			`reports/r.md:10:14: error: archive must be an http or https URL, not "//web.archive.org/x"`,
			`reports/r.md:12:10: error: url must be an http or https URL, not "https://"`,
			`reports/r.md:14:10: error: url must be an http or https URL, not "https://example.org/a b"`,
		},
	},
	{
		"bad language tag",
		map[string]string{"reports/r.md": report("lang: english-please")},
		[]string{`reports/r.md:6:7: error: lang: "english-please" is not a BCP 47 language tag such as en, ar or ckb`},
	},
	{
		"invalid ids in front matter lists",
		map[string]string{"reports/r.md": report("cities: [mosul, Mosul, al mosul]", "actors: isil--x")},
		[]string{
			`reports/r.md:6:17: error: invalid id "Mosul" in cities: ids use lower-case letters a-z, digits and single hyphens`,
			`reports/r.md:6:24: error: invalid id "al mosul" in cities: ids use lower-case letters a-z, digits and single hyphens`,
			`reports/r.md:7:9: error: invalid id "isil--x" in actors: ids use lower-case letters a-z, digits and single hyphens`,
		},
	},
	{
		"null entries in lists",
		map[string]string{"reports/r.md": report("cities: [mosul, ~, [a]]")},
		[]string{
			`reports/r.md:6:17: error: each entry of cities must be a single value`,
			`reports/r.md:6:20: error: each entry of cities must be a single value`,
		},
	},

	// --- Dates.
	{
		"invalid dates",
		map[string]string{"reports/r.md": "---\ntitle: T\ndate: 2016/08/12\nsources:\n" +
			"  - publisher: A\n    date: 2016-13\n" +
			"  - publisher: B\n    date: 2016-02-30\n" +
			"  - publisher: C\n    date: 2015-02-29\n" +
			"  - publisher: D\n    date: 12 August 2016\n" +
			"  - publisher: E\n    date: 2016-00-10\n" +
			"  - publisher: F\n    date: 2016-02-29\n" +
			"---\n"},
		[]string{
			`reports/r.md:3:7: error: date: invalid date "2016/08/12": use YYYY, YYYY-MM or YYYY-MM-DD`,
			`reports/r.md:6:11: error: date: invalid date "2016-13": month 13 does not exist`,
			`reports/r.md:8:11: error: date: invalid date "2016-02-30": February 2016 has no day 30`,
			`reports/r.md:10:11: error: date: invalid date "2015-02-29": February 2015 has no day 29`,
			`reports/r.md:12:11: error: date: invalid date "12 August 2016": use YYYY, YYYY-MM or YYYY-MM-DD`,
			`reports/r.md:14:11: error: date: invalid date "2016-00-10": month 0 does not exist`,
		},
	},
	{
		"event dates and ranges",
		map[string]string{"reports/r.md": report(
			"events:",
			"  - {type: shutdown, from: 2016-08, until: 2016-07-31}", // before: error
			"  - {type: shutdown, from: 2016-08, until: 2016-08-01}", // the month overlaps: fine
			"  - {type: shutdown, from: 2016-08-12, until: 2016}",    // the year overlaps: fine
			"  - {type: shutdown, from: 2016-08-12, until: 2016-08-11}",
			"  - {type: shutdown, from: 2016-08-12, until: soon}",
			"  - {type: shutdown, from: 2016-08-12, until: 2016-09-31}",
			"  - {type: shutdown, from: 2016-13, until: 2015}", // no range check on a bad from
			"  - {type: shutdown, from: 2016, until: ongoing}",
			"  - {type: shutdown, from: 2016, until: unknown}",
		)},
		[]string{
			`reports/r.md:7:44: error: until 2016-07-31 is before from 2016-08`,
			`reports/r.md:10:47: error: until 2016-08-11 is before from 2016-08-12`,
			`reports/r.md:11:47: error: until: invalid date "soon": use YYYY, YYYY-MM or YYYY-MM-DD, or the word ongoing or unknown`,
			`reports/r.md:12:47: error: until: invalid date "2016-09-31": September 2016 has no day 31, or the word ongoing or unknown`,
			`reports/r.md:13:28: error: from: invalid date "2016-13": month 13 does not exist`,
		},
	},

	// --- Events and vocabularies.
	{
		"events: unknown vocabulary, with and without a suggestion",
		map[string]string{"reports/r.md": report(
			"events:",
			"  - type: shutdwn",
			"    services: [internt, mobile, telepathy]",
			"    scope: cty",
			"    cause: war",
			"    from: 2016",
			"  - type: coup",
			"    from: 2016",
		)},
		[]string{
			`reports/r.md:7:11: error: unknown event type "shutdwn"; did you mean "shutdown"?`,
			`reports/r.md:8:16: error: unknown service "internt"; did you mean "internet"?`,
			`reports/r.md:8:33: error: unknown service "telepathy"; site.yaml services: "internet", "mobile", "mobile-data", "social-media", "messaging", "vpn", "sms", "landline"`,
			`reports/r.md:9:12: error: unknown scope "cty"; did you mean "city"?`,
			`reports/r.md:10:12: error: unknown cause "war"; site.yaml causes: "conflict", "protests", "information-control", "elections", "exams", "official-visit", "unknown"`,
			`reports/r.md:12:11: error: unknown event type "coup"; site.yaml event_types: "shutdown", "restoration", "block", "throttle", "ban"`,
		},
	},
	{
		"events: required fields, unknown fields, shapes",
		map[string]string{"reports/r.md": report(
			"events:",
			"  - services: [internet]",
			"    wher: [mosul]",
			"  - shutdown",
			"  - type: block",
			"    from: 2016",
			"    where: [Mosul]",
			"    by: isil",
			"    via: [Korek]",
		)},
		[]string{
			`reports/r.md:7:5: error: missing required field "from" in an event`,
			`reports/r.md:7:5: error: missing required field "type" in an event`,
			`reports/r.md:8:5: error: unknown field "wher" in an event; did you mean "where"?`,
			`reports/r.md:9:5: error: an event must be a mapping of fields (key: value)`,
			`reports/r.md:12:13: error: invalid id "Mosul" in where: ids use lower-case letters a-z, digits and single hyphens`,
			`reports/r.md:14:11: error: invalid id "Korek" in via: ids use lower-case letters a-z, digits and single hyphens`,
		},
	},
	{
		"records: front matter, and events that name them",
		map[string]string{
			"records/a.md": "---\ntitle: A\ntype: restoration\nservices: [internt]\nwhere: [Mosul]\nwhen: 2016\n---\n",
			"records/b.md": "---\nsummary: no title or type\n---\n",
			"records/C.md": "---\ntitle: C\ntype: ban\n---\n",
			"reports/r.md": report("events:", "  - {record: a, from: 2016}", "  - {record: Bad Id, type: ban, from: 2016}", "  - {services: [sms], from: 2016}"),
		},
		[]string{
			`records/C.md:1:1: error: invalid file name "C.md": names use lower-case letters a-z, digits and single hyphens; did you mean "c.md"?`,
			`records/a.md:3:7: error: a record cannot be of type "restoration", which ends records: the restoration is an event in a report that names this record`,
			`records/a.md:4:12: error: unknown service "internt"; did you mean "internet"?`,
			`records/a.md:5:9: error: invalid id "Mosul" in where: ids use lower-case letters a-z, digits and single hyphens`,
			`records/a.md:6:1: error: unknown field "when" in record front matter`,
			`records/b.md:2:1: error: missing required field "title" in record front matter`,
			`records/b.md:2:1: error: missing required field "type" in record front matter`,
			`reports/r.md:8:14: error: invalid record id "Bad Id": ids use lower-case letters a-z, digits and single hyphens`,
			`reports/r.md:9:5: error: missing required field "type" in an event`,
		},
	},
	{
		"vocabularies with labels",
		map[string]string{
			"site.yaml": "event_types: [shutdown, {id: reopening, ends: yes}, {label: No id}, shutdown, {id: Bad}, [x]]\nservices: [{id: sms, ends: true, colour: red}]\ncauses: {a: b}\n",
		},
		[]string{
			`site.yaml:1:47: error: ends must be true or false`,
			`site.yaml:1:53: error: missing required field "id" in an entry of event_types`,
			`site.yaml:1:69: error: "shutdown" is listed twice in event_types`,
			`site.yaml:1:84: error: invalid entry "Bad" in event_types: use lower-case letters a-z, digits and single hyphens`,
			`site.yaml:1:90: error: an entry of event_types is an id or a mapping such as {id: sms, label: SMS}`,
			`site.yaml:2:28: error: ends: applies only to event_types`,
			`site.yaml:2:34: error: unknown field "colour" in an entry of services`,
			`site.yaml:3:9: error: causes must be a list such as [a, {id: b, label: B}]`,
		},
	},
	{
		"events use site.yaml vocabularies",
		map[string]string{
			"site.yaml":    "event_types: [curfew]\nservices: [radio]\n",
			"reports/r.md": report("events:", "  - {type: shutdown, services: [radio, internet], from: 2016}", "  - {type: curfew, from: 2016}"),
		},
		[]string{
			`reports/r.md:7:12: error: unknown event type "shutdown"; site.yaml event_types: "curfew"`,
			`reports/r.md:7:40: error: unknown service "internet"; site.yaml services: "radio"`,
		},
	},

	// --- Entities.
	{
		"entity: missing name, misspelled fields",
		map[string]string{
			// A misspelled required field is not also reported missing.
			"cities/mosul.md":   "---\nnmae: Mosul\naliasses: [Mosil]\nwithin: nineveh\n---\n",
			"cities/nineveh.md": "---\ntype: province\nalias: [Ninawa]\n---\n",
		},
		[]string{
			`cities/mosul.md:2:1: error: unknown field "nmae" in front matter; did you mean "name"?`,
			`cities/mosul.md:3:1: error: unknown field "aliasses" in front matter; did you mean "aliases"?`,
			`cities/nineveh.md:2:1: error: missing required field "name" in front matter`,
			`cities/nineveh.md:3:1: error: unknown field "alias" in front matter`,
		},
	},
	{
		"entity: wrong types",
		map[string]string{"cities/mosul.md": lines(
			"---",
			"name: [Mosul]",
			"aliases: {a: b}",
			"names: [الموصل]",
			"within: Nineveh",
			"coordinates: 36.34, 43.13",
			"ids: Q209088",
			"---",
		)},
		[]string{
			`cities/mosul.md:2:7: error: name must be a single value, not a list`,
			`cities/mosul.md:3:10: error: aliases must be a list such as [a, b]`,
			`cities/mosul.md:4:8: error: names must be a mapping of language to name, such as {ar: الموصل}`,
			`cities/mosul.md:5:9: error: invalid id "Nineveh" in within: ids use lower-case letters a-z, digits and single hyphens`,
			`cities/mosul.md:6:14: error: coordinates must be [latitude, longitude], such as [36.34, 43.13]`,
			`cities/mosul.md:7:6: error: ids must be a mapping such as {wikidata: Q209088}`,
		},
	},
	{
		"entity: names, aliases, coordinates, ids",
		map[string]string{
			"cities/a.md": "---\nname: A\naliases: [' ', ok]\nnames: {arabic: أ, ku: ''}\ncoordinates: [91, 0]\n---\n",
			"cities/b.md": "---\nname: B\ncoordinates: [0, -180.5]\nids: {wikidata: [Q1]}\n---\n",
			"cities/c.md": "---\nname: C\ncoordinates: [north, .nan]\n---\n",
			"cities/d.md": "---\nname: D\ncoordinates: [1, 2, 3]\n---\n",
		},
		[]string{
			`cities/a.md:3:11: error: an alias is empty`,
			`cities/a.md:4:9: error: names: "arabic" is not a BCP 47 language tag such as en, ar or ckb`,
			`cities/a.md:4:24: error: a name is empty`,
			`cities/a.md:5:15: error: latitude 91 is outside -90..90`,
			`cities/b.md:3:18: error: longitude -180.5 is outside -180..180`,
			`cities/b.md:4:17: error: an ids value must be a single value, not a list`,
			`cities/c.md:3:15: error: coordinates must be two numbers, [latitude, longitude]`,
			`cities/d.md:3:14: error: coordinates must be [latitude, longitude], such as [36.34, 43.13]`,
		},
	},

	// --- Pages.
	{
		"page: missing title, bad menu, misspelled field",
		map[string]string{"pages/about.md": "---\nsumary: S\nmenu: first\n---\n"},
		[]string{
			`pages/about.md:2:1: error: missing required field "title" in page front matter`,
			`pages/about.md:2:1: error: unknown field "sumary" in page front matter; did you mean "summary"?`,
			`pages/about.md:3:7: error: menu must be a whole number`,
		},
	},
	{
		"page slugs taken by the site's own pages",
		map[string]string{
			"pages/reports.md":  "---\ntitle: R\n---\n",
			"pages/cities.md":   "---\ntitle: C\n---\n",
			"pages/timeline.md": "---\ntitle: T\n---\n",
			"pages/about.md":    "---\ntitle: About\n---\n",
		},
		[]string{
			`pages/cities.md:1:1: error: page slug "cities" is taken by the site's own cities/ pages; rename the file`,
			`pages/reports.md:1:1: error: page slug "reports" is taken by the site's own reports/ pages; rename the file`,
			`pages/timeline.md:1:1: error: page slug "timeline" is taken by the site's own timeline/ pages; rename the file`,
		},
	},
	{
		"page slug taken by a configured kind",
		map[string]string{
			"site.yaml":       "kinds: [{id: city, plural: cities}, {id: group, plural: groups}]\n",
			"pages/groups.md": "---\ntitle: Groups\n---\n",
		},
		[]string{`pages/groups.md:1:1: error: page slug "groups" is taken by the site's own groups/ pages; rename the file`},
	},

	// --- Editions and translations.
	{
		"languages",
		map[string]string{
			"site.yaml": lines(
				"language: fr",
				"languages:",
				"  - en",
				"  - qq1",
				"  - ar",
				"  - AR",
				"  - {lang: de, prefix: Bad}",
				"  - {lang: es, prefix: reports}",
				"  - {lang: it, nmae: Italiano}",
				"  - [x]",
				"  - {prefix: y}",
				"  - {lang: pt, prefix: ar}",
				"  - {lang: he, prefix: cities}",
				"  - {lang: nl, prefix: about}",
				"  - {lang: fy, name: \"\"}",
				"  - timeline",
			),
			"pages/about.md": "---\ntitle: About\n---\n",
		},
		[]string{
			`site.yaml:1:11: error: language: fr disagrees with languages:, whose first entry, en, is the default language; remove language: or make them agree`,
			`site.yaml:4:5: error: languages: "qq1" is not a BCP 47 language tag such as en, ar or ckb`,
			`site.yaml:6:5: error: language ar is listed twice in languages (first on line 5)`,
			`site.yaml:7:24: error: prefix "Bad": use lower-case letters a-z, digits and single hyphens`,
			`site.yaml:8:24: error: prefix "reports" of es is taken by the site's own reports/ pages; give the language another prefix, as in {lang: es, prefix: …}`,
			`site.yaml:9:16: error: unknown field "nmae" in an entry of languages; did you mean "name"?`,
			`site.yaml:10:5: error: an entry of languages is a language tag or a mapping such as {lang: ar, prefix: ar, name: العربية}`,
			`site.yaml:11:5: error: missing required field "lang" in an entry of languages`,
			`site.yaml:12:24: error: prefix "ar" of pt is the prefix of ar too (line 5); give one of them another prefix`,
			`site.yaml:13:24: error: prefix "cities" of he is taken by the site's own cities/ pages; give the language another prefix, as in {lang: he, prefix: …}`,
			`site.yaml:14:24: error: prefix "about" of nl is the page pages/about.md's folder too; rename the page or give the language another prefix`,
			`site.yaml:15:22: error: name is empty`,
			`site.yaml:16:5: error: languages: "timeline" is not a BCP 47 language tag such as en, ar or ckb`,
		},
	},
	{
		"languages: the default takes no prefix",
		map[string]string{"site.yaml": "languages: [{lang: en, prefix: en}, ar]\n"},
		[]string{`site.yaml:1:32: error: the first language, en, is the default edition, at the site root: it takes no prefix`},
	},
	{
		"languages: an empty list",
		map[string]string{"site.yaml": "languages: []\n"},
		[]string{`site.yaml:1:12: error: languages must be a non-empty list of language tags, such as [en, ar, ckb], the default first`},
	},
	{
		"translations: file names",
		map[string]string{
			"site.yaml":             "languages: [en, ar, ckb]\n",
			"reports/r.md":          report(),
			"reports/r.fr.md":       "---\ntitle: T\n---\n",
			"reports/r.ckd.md":      "---\ntitle: T\n---\n",
			"reports/r.en.md":       "---\ntitle: T\n---\n",
			"reports/gone.ar.md":    "---\ntitle: T\n---\n",
			"reports/R.ar.md":       "---\ntitle: T\n---\n",
			"reports/r.ar.draft.md": "---\ntitle: T\n---\n",
			"reports/ar.md":         report("lang: ar"),
			"reports/ar.ar.md":      "---\ntitle: T\n---\n",
			"reports/ar.en.md":      "---\ntitle: T\n---\n",
			"records/x.md":          "---\ntitle: X\ntype: ban\n---\n",
			"records/x.ar.md":       "---\ntitle: X\n---\n",
			"cities/mosul.ar.md":    "---\nname: الموصل\n---\n",
			"pages/about.en.md":     "---\ntitle: About\n---\n",
		},
		[]string{
			`cities/mosul.ar.md:1:1: error: translation without an original: there is no cities/mosul.md`,
			`pages/about.en.md:1:1: error: translation without an original: there is no pages/about.md`,
			`records/x.ar.md:1:1: error: invalid file name "x.ar.md": names use lower-case letters a-z, digits and single hyphens; did you mean "x-ar.md"?`,
			`reports/R.ar.md:1:1: error: invalid file name "R.ar.md": names use lower-case letters a-z, digits and single hyphens; did you mean "r-ar.md"?`,
			`reports/ar.ar.md:1:1: error: translation into ar, the language reports/ar.md is written in (its lang:): edit reports/ar.md instead`,
			`reports/gone.ar.md:1:1: error: translation without an original: there is no reports/gone.md`,
			`reports/r.ar.draft.md:1:1: error: invalid file name "r.ar.draft.md": names use lower-case letters a-z, digits and single hyphens; did you mean "r-ar-draft.md"?`,
			`reports/r.ckd.md:1:1: error: file name "r.ckd.md" names a translation into ckd, which is not one of the site's languages (en, ar, ckb); did you mean "r.ckb.md"? If not, add ckd to languages: in site.yaml`,
			`reports/r.en.md:1:1: error: translation into en, the site's default language, which reports/r.md is written in: edit reports/r.md instead`,
			`reports/r.fr.md:1:1: error: file name "r.fr.md" names a translation into fr, which is not one of the site's languages (en, ar, ckb); did you mean "r.ar.md"? If not, add fr to languages: in site.yaml`,
		},
	},
	{
		"translations: a site in one language",
		map[string]string{
			"reports/r.md":    report(),
			"reports/r.ar.md": "---\ntitle: T\n---\n",
		},
		[]string{`reports/r.ar.md:1:1: error: file name "r.ar.md" names a translation into ar, which is not one of the site's languages (en); add ar to languages: in site.yaml`},
	},
	{
		"translations: front matter holds only text",
		map[string]string{
			"site.yaml":    "languages: [en, ar]\n",
			"reports/r.md": report(),
			"reports/r.ar.md": lines("---",
				"titel: T",
				"date: 2016-08-12",
				"summary: [a]",
				"lang: ar",
				"draft: yes",
				"sources: [{publisher: P}]",
				"events: []",
				"cities: [mosul]",
				"---",
				"[x](city:)"),
			"pages/about.md":    "---\ntitle: About\nmenu: 1\n---\n",
			"pages/about.ar.md": "---\nmenu: 1\ntitle: \"\"\n---\n",
			"cities/mosul.md":   "---\nname: Mosul\n---\n",
			"cities/mosul.ar.md": lines("---",
				"name: الموصل",
				"aliases: [موصل, \"\"]",
				"names: {ar: الموصل}",
				"type: city",
				"within: nineveh",
				"coordinates: [36.34, 43.13]",
				"ids: {wikidata: Q161045}",
				"title: الموصل",
				"---"),
			"actors/isil.md":    "---\nname: ISIL\n---\n",
			"actors/isil.ar.md": "---\nname: \"\"\n---\n",
		},
		[]string{
			`actors/isil.ar.md:2:7: error: name is empty`,
			`cities/mosul.ar.md:3:17: error: an alias is empty`,
			`cities/mosul.ar.md:4:1: error: field "names" is shared with the original: set it in cities/mosul.md`,
			`cities/mosul.ar.md:5:1: error: field "type" is shared with the original: set it in cities/mosul.md`,
			`cities/mosul.ar.md:6:1: error: field "within" is shared with the original: set it in cities/mosul.md`,
			`cities/mosul.ar.md:7:1: error: field "coordinates" is shared with the original: set it in cities/mosul.md`,
			`cities/mosul.ar.md:8:1: error: field "ids" is shared with the original: set it in cities/mosul.md`,
			`cities/mosul.ar.md:9:1: error: unknown field "title" in translation front matter`,
			`pages/about.ar.md:2:1: error: field "menu" is shared with the original: set it in pages/about.md`,
			`pages/about.ar.md:3:8: error: title is empty`,
			`reports/r.ar.md:2:1: error: unknown field "titel" in translation front matter; did you mean "title"?`,
			`reports/r.ar.md:3:1: error: field "date" is shared with the original: set it in reports/r.md`,
			`reports/r.ar.md:4:10: error: summary must be a single value, not a list`,
			`reports/r.ar.md:5:1: error: a translation's language is the one its file name gives, ar; remove lang:`,
			`reports/r.ar.md:6:8: error: draft must be true or false`,
			`reports/r.ar.md:7:1: error: field "sources" is shared with the original: set it in reports/r.md`,
			`reports/r.ar.md:8:1: error: field "events" is shared with the original: set it in reports/r.md`,
			`reports/r.ar.md:9:1: error: field "cities" is shared with the original: set it in reports/r.md`,
		},
	},
	{
		"translations: a report translation needs a title",
		map[string]string{
			"site.yaml":       "languages: [en, ar]\n",
			"reports/r.md":    report(),
			"reports/r.ar.md": "---\nsummary: ملخص\n---\n",
		},
		[]string{`reports/r.ar.md:2:1: error: missing required field "title" in translation front matter`},
	},

	// --- File names.
	{
		"invalid file names",
		map[string]string{
			"reports/2016-08-12 ISIL cuts Mosul.md": report(),
			"cities/Mosul.md":                       "---\nname: Mosul\n---\n",
			"cities/al--qaim.md":                    "---\nname: Al-Qaim\n---\n",
			"actors/داعش.md":                        "---\nname: ISIL\n---\n",
			"actors/-isil.md":                       "---\nname: ISIL\n---\n",
			"cities/erbil.MD":                       "---\nname: Erbil\n---\n",
			"cities/notes.txt":                      "notes",
			"cities/.DS_Store":                      "\x00\x00",
			"cities/drafts/kirkuk.md":               "---\nname: Kirkuk\n---\n",
		},
		[]string{
			`actors/-isil.md:1:1: error: invalid file name "-isil.md": names use lower-case letters a-z, digits and single hyphens; did you mean "isil.md"?`,
			`actors/داعش.md:1:1: error: invalid file name "داعش.md": names use lower-case letters a-z, digits and single hyphens`,
			`cities/Mosul.md:1:1: error: invalid file name "Mosul.md": names use lower-case letters a-z, digits and single hyphens; did you mean "mosul.md"?`,
			`cities/al--qaim.md:1:1: error: invalid file name "al--qaim.md": names use lower-case letters a-z, digits and single hyphens; did you mean "al-qaim.md"?`,
			`cities/drafts:1:1: warning: folder ignored: cities/ holds only .md files`,
			`cities/erbil.MD:1:1: warning: file ignored: only .md files are read in cities/`,
			`cities/notes.txt:1:1: warning: file ignored: only .md files are read in cities/`,
			`reports/2016-08-12 ISIL cuts Mosul.md:1:1: error: invalid file name "2016-08-12 ISIL cuts Mosul.md": names use lower-case letters a-z, digits and single hyphens; did you mean "2016-08-12-isil-cuts-mosul.md"?`,
		},
	},

	// --- Control characters that YAML escapes put in a value.
	{
		"a NUL, an escape and a CR in front matter values",
		map[string]string{"reports/r.md": report(
			`summary: "one\0two"`,
			`cities: ["mo\esul", ok]`,
			`actors: "x\ry"`,
			`lang: "en\x00"`,
			"events: [{type: shutdown, from: 2016, note: \"a\\u0000b\"}]",
		), "cities/ok.md": "---\nname: \"\\x1b[31mred\"\naliases: [\"tab\\tand\\nnewline are fine\"]\n---\n"},
		[]string{
			`cities/ok.md:2:7: error: name holds the control character U+001B; remove it (a YAML escape such as "\0" makes one)`,
			`reports/r.md:6:10: error: summary holds the control character U+0000; remove it (a YAML escape such as "\0" makes one)`,
			`reports/r.md:7:10: error: cities holds the control character U+001B; remove it (a YAML escape such as "\0" makes one)`,
			`reports/r.md:8:9: error: actors holds the control character U+000D; remove it (a YAML escape such as "\0" makes one)`,
			`reports/r.md:9:7: error: lang holds the control character U+0000; remove it (a YAML escape such as "\0" makes one)`,
			`reports/r.md:10:45: error: note holds the control character U+0000; remove it (a YAML escape such as "\0" makes one)`,
		},
	},
	{
		"base_url with a line break, which would add a line to robots.txt",
		map[string]string{"site.yaml": lines(
			`base_url: "https://example.org/\r\nDisallow: /"`,
		), "pages/a.md": "---\ntitle: A\nsummary: \"x\\vy\"\n---\n"},
		[]string{
			`pages/a.md:3:10: error: summary holds the control character U+000B; remove it (a YAML escape such as "\0" makes one)`,
			`site.yaml:1:11: error: base_url holds the control character U+000D; remove it (a YAML escape such as "\0" makes one)`,
		},
	},

	// --- site.yaml.
	{
		"site.yaml: unknown fields and wrong values",
		map[string]string{"site.yaml": lines(
			"titel: Cut Off",
			"language: english",
			"base_url: example.org",
			"theme: My Theme",
			"event_types: [shutdown, shutdown, Block]",
			"licence: CC BY 4.0",
		)},
		[]string{
			`site.yaml:1:1: error: unknown field "titel" in site.yaml; did you mean "title"?`,
			`site.yaml:2:11: error: language: "english" is not a BCP 47 language tag such as en, ar or ckb`,
			`site.yaml:3:11: error: base_url must be an absolute http or https URL such as https://example.org/cutoff/`,
			`site.yaml:4:8: error: theme "My Theme" is not a valid folder name under themes/`,
			`site.yaml:5:25: error: "shutdown" is listed twice in event_types`,
			`site.yaml:5:35: error: invalid entry "Block" in event_types: use lower-case letters a-z, digits and single hyphens`,
			`site.yaml:6:1: error: unknown field "licence" in site.yaml; did you mean "license"?`,
		},
	},
	{
		"site.yaml: typographer",
		map[string]string{"site.yaml": "typographer: off\ntypograper: true\n"},
		[]string{
			`site.yaml:1:14: error: typographer must be true or false`,
			`site.yaml:2:1: error: unknown field "typograper" in site.yaml; did you mean "typographer"?`,
		},
	},
	{
		"site.yaml: kinds",
		map[string]string{"site.yaml": lines(
			"kinds:",
			"  - {id: city, plural: cities}",
			"  - {id: city, plural: towns}",
			"  - {id: report, plural: stories}",
			"  - {id: page, plural: reports}",
			"  - {id: Actor, plural: actors}",
			"  - {plural: groups, titel: Groups}",
		)},
		[]string{
			`site.yaml:3:5: error: kind "city" is defined twice`,
			`site.yaml:4:5: error: kind id "report" is reserved`,
			`site.yaml:5:5: error: kind plural "reports" is reserved for the site's own pages`,
			`site.yaml:6:10: error: kind id "Actor": use lower-case letters a-z, digits and single hyphens`,
			`site.yaml:7:5: error: missing required field "id" in a kind`,
			`site.yaml:7:22: error: unknown field "titel" in a kind; did you mean "title"?`,
		},
	},
	{
		"site.yaml: empty kinds and title",
		map[string]string{"site.yaml": "title: ''\nkinds: []\n"},
		[]string{
			`site.yaml:1:8: error: title is empty`,
			`site.yaml:2:8: error: kinds must be a non-empty list of {id, plural, title}`,
		},
	},
	{
		"site.yaml: not a mapping",
		map[string]string{"site.yaml": "- title\n"},
		[]string{`site.yaml:1:1: error: front matter must be a mapping of fields (key: value)`},
	},

	// --- Static files.
	{
		"site.yaml: roles",
		map[string]string{"site.yaml": lines(
			"kinds: [{id: place, plural: places}, {id: person, plural: people}]",
			"roles:",
			"  - {id: where, kinds: [place, city]}",
			"  - {id: by, kinds: [person], labl: By}",
			"  - {id: from, kinds: [person]}",
			"  - {id: where, kinds: [person]}",
			"  - {id: Via, kinds: [person]}",
			"  - {id: with, kinds: []}",
			"  - {kinds: [person]}",
			"  - through",
		)},
		[]string{
			`site.yaml:3:32: error: role "where" names kind "city", which kinds does not define`,
			`site.yaml:4:31: error: unknown field "labl" in a role; did you mean "label"?`,
			`site.yaml:5:10: error: role id "from" is taken by a field of events or records; choose another`,
			`site.yaml:6:10: error: role "where" is defined twice`,
			`site.yaml:7:10: error: role id "Via": use lower-case letters a-z, digits and single hyphens`,
			`site.yaml:8:23: error: kinds is empty: a role names entities of at least one kind`,
			`site.yaml:9:5: error: missing required field "id" in a role`,
			`site.yaml:10:5: error: a role must be a mapping of fields (key: value)`,
		},
	},
	{
		"roles in events: a default role whose kind the site replaced, kinds written out",
		map[string]string{
			"site.yaml": lines(
				"kinds: [{id: place, plural: places}, {id: organisation, plural: organisations}, {id: actor, plural: actors}]",
				"roles: [{id: where, kinds: [place]}, {id: by, kinds: [organisation, actor]}]",
			),
			"records/r.md": "---\ntitle: R\ntype: shutdown\nvia: [korek]\n---\n",
			"reports/r.md": report(
				"events:",
				"  - {type: shutdown, from: 2016, where: [place:mosul, actor:isil], by: [isil, actor:isil, place:isil, organisation:Isil]}",
			),
		},
		[]string{
			`records/r.md:4:1: error: unknown field "via" in record front matter`,
			`reports/r.md:7:55: error: "actor:isil": where takes place, not actor`,
			`reports/r.md:7:91: error: "place:isil": by takes organisation or actor, not place`,
			`reports/r.md:7:103: error: invalid id "organisation:Isil" in by: ids use lower-case letters a-z, digits and single hyphens`,
		},
	},
	{
		"roles in events: the default roles on a site without their kinds",
		map[string]string{
			"site.yaml": "kinds: [{id: place, plural: places}, {id: actor, plural: actors}]\n",
			"reports/r.md": report(
				"events:",
				"  - {type: shutdown, from: 2016, where: [mosul], by: [isil]}",
			),
		},
		[]string{
			`reports/r.md:7:41: error: where names city, which site.yaml kinds does not define: declare the roles of events in site.yaml, such as roles: [{id: where, kinds: [place]}]`,
		},
	},
	{
		"static: the build marker is refused",
		map[string]string{"static/img/.gazette-build": "", "static/img/map.png": "png"},
		[]string{`static/img/.gazette-build:1:1: error: .gazette-build is gazette's own marker file; rename it`},
	},
}

func TestErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			_, got := load(tc.files)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
