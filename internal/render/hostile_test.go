package render_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gazette/internal/build"
	"gazette/internal/diag"
)

// baseSite is a small valid site that every hostile case edits.
var baseSite = map[string]string{
	"site.yaml": "title: Cut Off\nbase_url: https://example.org/cutoff/\n",
	"cities/mosul.md": `---
name: Mosul
aliases: [Mosil]
names: {ar: الموصل}
coordinates: [36.34, 43.13]
---
The city.
`,
	"cities/nineveh.md": "---\nname: Nineveh\n---\nA province.\n",
	"actors/isil.md":    "---\nname: ISIL\naliases: [Daesh]\n---\nAn armed group.\n",
	"reports/2016-08-12-mosul.md": `---
title: ISIL cuts internet access across Mosul
date: 2016-08-12
sources:
  - {publisher: World Bulletin, title: Internet goes dark, url: "https://example.org/a"}
events:
  - {type: shutdown, services: [internet], where: [mosul], by: [isil], from: 2016-08}
---
[ISIL](actor:isil) cut the internet across [Mosul](city:mosul).
`,
	"pages/about.md": "---\ntitle: About\nmenu: 1\n---\nAbout [Daesh](actor:).\n",
}

const evil = `<script>alert(1)</script><img src=x onerror=alert(1)>"'><svg onload=alert(1)>javascript:alert(1)`

// q quotes s for YAML, whose double-quoted strings read Go's escapes.
func q(s string) string { return strconv.Quote(s) }

// report returns a report file with the given extra front matter and body.
func report(frontMatter, body string) string {
	return "---\ntitle: A report\ndate: 2016-08-13\nsources: [{publisher: P}]\ncities: [mosul]\nactors: [isil]\n" + frontMatter + "---\n" + body
}

type hostileCase struct {
	name  string
	files map[string]string // added to or replacing baseSite; "" deletes
	want  []string          // diagnostics expected, whole or as a prefix "path:line:col: error: start"
	// when want is empty the build must succeed and its output be safe;
	// these strings must then appear in the named file: "file\x00text".
	shows []string
}

func hostileCases() []hostileCase {
	const r = "reports/2016-08-13-x.md"
	return []hostileCase{
		// Script where text goes: escaped, never run.
		{name: "script in title", files: map[string]string{r: strings.Replace(report("", "Text.\n"), "A report", q(evil), 1)},
			shows: []string{"reports/2016-08-13-x/index.html\x00&lt;script&gt;alert(1)&lt;/script&gt;"}},
		{name: "script in summary", files: map[string]string{r: report("summary: "+q(evil)+"\n", "Text.\n")}},
		{name: "script in site title and subtitle", files: map[string]string{"site.yaml": "title: " + q(evil) + "\nsubtitle: '</title><script>x</script>'\nlicense: '<b>'\n"}},
		{name: "script in alias", files: map[string]string{"cities/mosul.md": "---\nname: Mosul\naliases: [" + q(evil) + "]\n---\n"}},
		{name: "script in name", files: map[string]string{"actors/isil.md": "---\nname: " + q(evil) + "\naliases: [Daesh]\ntype: '<b onclick=x>'\n---\n"}},
		{name: "script in other-language name", files: map[string]string{"cities/mosul.md": "---\nname: Mosul\nnames: {ar: " + q(evil) + "}\n---\n"}},
		{name: "script in ids", files: map[string]string{"cities/mosul.md": "---\nname: Mosul\nids: {wikidata: '\"</script><script>alert(1)</script>'}\n---\n"}},
		{name: "script in source title and publisher", files: map[string]string{r: strings.Replace(report("", ""), "{publisher: P}", "{publisher: "+q(evil)+", title: "+q(evil)+"}", 1)}},
		{name: "script in event note", files: map[string]string{r: report("events: [{type: shutdown, from: 2016, note: "+q(evil)+"}]\n", "")}},
		{name: "script in page title", files: map[string]string{"pages/about.md": "---\ntitle: " + q(evil) + "\nmenu: 1\n---\n"}},
		{name: "script in annotation text", files: map[string]string{r: report("", "[<script>alert(1)</script>](city:mosul) and [\"><b onmouseover=x>](actor:isil).\n")}},

		// Script-capable URLs: refused where they are written.
		{name: "javascript: source URL", files: map[string]string{r: strings.Replace(report("", ""), "{publisher: P}", "{publisher: P, url: 'javascript:alert(1)'}", 1)},
			want: []string{r + `:4:31: error: url must be an http or https URL, not "javascript:alert(1)"`}},
		{name: "data: archive URL", files: map[string]string{r: strings.Replace(report("", ""), "{publisher: P}", "{publisher: P, archive: 'data:text/html,<script>x</script>'}", 1)},
			want: []string{r + `:4:35: error: archive must be an http or https URL`}},
		{name: "javascript: base_url", files: map[string]string{"site.yaml": "base_url: 'javascript:alert(1)//'\n"},
			want: []string{"site.yaml:1:11: error: base_url must be an absolute http or https URL"}},
		{name: "javascript: link in body", files: map[string]string{r: report("", "[x](javascript:alert(1))\n")},
			want: []string{r + `:8:1: error: forbidden link scheme "javascript:"`}},
		{name: "upper-case and tab-split javascript:", files: map[string]string{r: report("", "[x](JaVaScRiPt:alert(1)) [y](java&#9;script:alert(1)) [z](<\x01javascript:x>)\n")},
			want: []string{r + `:8:1: error: forbidden link scheme "javascript:"`, r + `:8:26: error: forbidden link scheme "javascript:"`, r + `:8:55: error: forbidden link scheme "javascript:"`}},
		{name: "scheme hidden in character references", files: map[string]string{r: report("", "[x](&#106;avascript:alert(1)) [y](ms-msdt&#58;x) [Mosul](city&#58;mosul)\n")},
			want: []string{r + `:8:1: error: forbidden link scheme "javascript:"`, r + `:8:31: error: forbidden link scheme "ms-msdt:"`}},
		{name: "data: and vbscript: links", files: map[string]string{r: report("", "[x](data:text/html;base64,PHNjcmlwdD4=)\n\n[y](vbscript:msgbox)\n")},
			want: []string{r + `:8:1: error: forbidden link scheme "data:"`, r + `:10:1: error: forbidden link scheme "vbscript:"`}},
		{name: "data: image", files: map[string]string{r: report("", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n")},
			want: []string{r + `:8:1: error: images must use an http, https or relative URL`}},
		{name: "javascript: autolink", files: map[string]string{r: report("", "<javascript:alert(1)>\n")},
			want: []string{r + `:8:1: error: forbidden link scheme in "javascript:alert(1)"`}},
		{name: "javascript: reference link", files: map[string]string{r: report("", "[x][j]\n\n[j]: javascript:alert(1)\n")},
			want: []string{r + `:8:1: error: forbidden link scheme "javascript:"`}},
		{name: "javascript: in description", files: map[string]string{"cities/mosul.md": "---\nname: Mosul\n---\n[x](javascript:alert(1))\n"},
			want: []string{`cities/mosul.md:4:1: error: forbidden link scheme "javascript:"`}},

		// Raw HTML and SVG in Markdown: dropped.
		{name: "raw HTML in body", files: map[string]string{r: report("", "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <a href=\"javascript:x\">y</a>\n\n<iframe src=//evil></iframe>\n")},
			shows: []string{"reports/2016-08-13-x/index.html\x00<!-- raw HTML omitted -->"}},
		{name: "raw SVG in body", files: map[string]string{r: report("", "<svg><script>alert(1)</script><foreignObject><body onload=alert(1)></foreignObject></svg>\n\ntext <svg/onload=alert(1)>\n")}},
		{name: "raw HTML in description and page", files: map[string]string{
			"cities/mosul.md": "---\nname: Mosul\n---\n<style>body{display:none}</style><base href=//evil/>\n",
			"pages/about.md":  "---\ntitle: About\n---\n<meta http-equiv=refresh content='0;url=javascript:x'>\n"}},
		{name: "code block breaking out", files: map[string]string{r: report("", "```html\n</code></pre><script>alert(1)</script>\n```\n\n```\"><script>\n<script>\n```\n\n`</code><script>`\n")}},
		{name: "table alignment without inline style", files: map[string]string{r: report("", "| a | b |\n|:--|--:|\n| 1 | 2 |\n")}},

		// Ids and slugs that could leave their folder or break a host.
		{name: "dot file name", files: map[string]string{"reports/..md": report("", ""), "reports/.x.md": report("", "")}}, // ignored, as editor litter
		{name: "dot-dot in file name", files: map[string]string{"reports/a..b.md": report("", "")},
			want: []string{`reports/a..b.md:1:1: error: invalid file name "a..b.md"`}},
		{name: "backslash file name", files: map[string]string{`reports/a\..\b.md`: report("", "")},
			want: []string{`reports/a\..\b.md:1:1: error: invalid file name "a\\..\\b.md"`}},
		{name: "NUL in file name", files: map[string]string{"reports/a\x00b.md": report("", "")},
			want: []string{`"reports/a\x00b.md":1:1: error: invalid file name "a\x00b.md"`}},
		{name: "look-alike file name", files: map[string]string{"cities/mоsul.md": "---\nname: Mosul2\n---\n"}, // Cyrillic о
			want: []string{`cities/mоsul.md:1:1: error: invalid file name "mоsul.md"`}},
		{name: "upper-case file name", files: map[string]string{"cities/Mosul.md": "---\nname: Mosul2\n---\n"},
			want: []string{`cities/Mosul.md:1:1: error: invalid file name "Mosul.md": names use lower-case letters a-z, digits and single hyphens; did you mean "mosul.md"?`}},
		{name: "Windows device names", files: map[string]string{"reports/con.md": report("", ""), "cities/aux.md": "---\nname: Aux\n---\n", "pages/com1.md": "---\ntitle: x\n---\n", "static/nul.txt": "x", "static/lpt9/a.css": "x"},
			want: []string{`cities/aux.md:1:1: error: file name "aux.md" is reserved on Windows`, `pages/com1.md:1:1: error: file name "com1.md" is reserved on Windows`,
				`reports/con.md:1:1: error: file name "con.md" is reserved on Windows`, `static/lpt9/a.css:1:1: error: file name "lpt9" is reserved on Windows`, `static/nul.txt:1:1: error: file name "nul.txt" is reserved on Windows`}},
		{name: "Windows device name as a kind", files: map[string]string{"site.yaml": "kinds: [{id: city, plural: cities}, {id: actor, plural: actors}, {id: prn, plural: aux}]\n"},
			want: []string{`site.yaml:1:66: error: kind "aux" is a name Windows reserves for a device; choose another`}},
		{name: "static names differing in case", files: map[string]string{"static/Logo.svg": "<svg/>", "static/logo.svg": "<svg/>"},
			want: []string{`static/logo.svg:1:1: error: file name collides with static/Logo.svg on case-insensitive file systems`}},
		{name: "static name with backslash", files: map[string]string{`static/a\b.css`: "x"},
			want: []string{`static/a\b.css:1:1: error: file name "a\\b.css" holds a character that Windows and some hosts refuse`}},
		{name: "ids with .. and /", files: map[string]string{
			r:                   report("", "[x](city:../../etc/passwd) [y](report:../../etc/passwd)\n"),
			"cities/mosul.md":   "---\nname: Mosul\nwithin: ../nineveh\n---\n",
			"reports/2016-b.md": strings.Replace(report("", ""), "cities: [mosul]", `cities: ["..", "a/b", "a\\b", "mo\u0455ul"]`, 1)},
			want: []string{
				`cities/mosul.md:3:9: error: invalid id "../nineveh" in within`,
				r + `:8:1: error: invalid city id "../../etc/passwd"`,
				r + `:8:28: error: link to missing report "../../etc/passwd"`,
				`reports/2016-b.md:5:10: error: invalid id ".." in cities`,
				`reports/2016-b.md:5:16: error: invalid id "a/b" in cities`,
				`reports/2016-b.md:5:23: error: invalid id "a\\b" in cities`,
				`reports/2016-b.md:5:31: error: invalid id "moѕul" in cities`}},
		{name: "look-alike annotation", files: map[string]string{r: report("", "[M](city:mоsul)\n")},
			want: []string{r + `:8:1: error: invalid city id "mоsul"`}},

		// Broken text.
		{name: "invalid UTF-8", files: map[string]string{r: report("", "ok\nbad \xff byte\n")},
			want: []string{r + ":9:5: error: file is not valid UTF-8; save it as UTF-8"}},
		{name: "UTF-16 with BOM", files: map[string]string{r: "\xff\xfe-\x00-\x00-\x00\n\x00"},
			want: []string{r + ":1:1: error: file is UTF-16; save it as UTF-8"}},
		{name: "NUL byte", files: map[string]string{r: report("", "a\x00b\n")},
			want: []string{r + ":8:2: error: file contains a NUL byte"}},
		{name: "CRLF and UTF-8 BOM", files: map[string]string{r: "\ufeff" + strings.ReplaceAll(report("", "[Mosul](city:mosul).\n"), "\n", "\r\n")}},
		{name: "lone CR", files: map[string]string{r: strings.ReplaceAll(report("", "text\n"), "\n", "\r")}},

		// YAML.
		{name: "billion laughs", files: map[string]string{r: report("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n", "")},
			want: []string{r + ":7:4: error: YAML anchors and aliases (& and *) are not supported; write the value out"}},
		{name: "anchor in site.yaml", files: map[string]string{"site.yaml": "title: &t Cut\nsubtitle: *t\n"},
			want: []string{"site.yaml:1:8: error: YAML anchors and aliases"}},
		{name: "duplicate keys", files: map[string]string{r: report("title: Again\n", "")},
			want: []string{r + `:7:1: error: field "title" is given twice (first on line 2)`}},
		{name: "wrong types", files: map[string]string{r: report("summary: [a, b]\ndraft: 'yes'\nevents: {type: shutdown}\n", ""), "cities/mosul.md": "---\nname: {a: b}\ncoordinates: [north, 43]\naliases: {a: b}\n---\n"},
			want: []string{
				`cities/mosul.md:2:7: error: name must be a single value, not a mapping`,
				`cities/mosul.md:3:15: error: coordinates must be two numbers, [latitude, longitude]`,
				`cities/mosul.md:4:10: error: aliases must be a list such as [a, b]`,
				r + `:7:10: error: summary must be a single value, not a list`,
				r + `:8:8: error: draft must be true or false`,
				r + `:9:9: error: events must be a list of events`}},
		{name: "deeply nested YAML", files: map[string]string{r: report("summary: "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n", "")},
			want: []string{r + `:7:`}},
		{name: "invalid dates", files: map[string]string{r: strings.Replace(report("events: [{type: shutdown, from: 2016-08, until: 2016-07}]\n", ""), "2016-08-13", "2016-02-30", 1)},
			want: []string{r + `:3:7: error: date: invalid date "2016-02-30": February 2016 has no day 30`, r + `:7:49: error: until 2016-07 is before from 2016-08`}},

		// Resolution.
		{name: "alias that is another entity's id", files: map[string]string{"cities/nineveh.md": "---\nname: Nineveh\naliases: [old-city]\n---\n", "cities/old-city.md": "---\nname: Old City\n---\n"},
			want: []string{`cities/nineveh.md:3:11: error: alias "old-city" of cities/nineveh.md is the id of cities/old-city.md; remove the alias or rename one of them`}},
		{name: "alias that is another entity's name, written alone", files: map[string]string{"cities/nineveh.md": "---\nname: Nineveh\naliases: [mosul]\n---\n", "pages/mosul.md": "---\ntitle: Mosul\n---\n[Mosul](city:)\n"},
			want: []string{`pages/mosul.md:4:1: error: "Mosul" names 2 cities: did you mean [Mosul](city:mosul) or [Mosul](city:nineveh)?`}},
		{name: "within cycle", files: map[string]string{"cities/mosul.md": "---\nname: Mosul\nwithin: nineveh\n---\n", "cities/nineveh.md": "---\nname: Nineveh\nwithin: mosul\n---\n"},
			want: []string{`cities/mosul.md:3:9: error: within cycle: mosul → nineveh → mosul`}},
		{name: "within itself", files: map[string]string{"cities/mosul.md": "---\nname: Mosul\nwithin: mosul\n---\n"},
			want: []string{`cities/mosul.md:3:9: error: city "mosul" cannot be within itself`}},
	}
}

// TestHostileContent builds the base site with each hostile edit and
// checks that it ends in exactly the expected diagnostics, or in a site
// that is safe, within a bound on what the build allocates.
//
// Each case that must end in a safe site renders the whole site, about
// ten times what a case ending in diagnostics costs; with -short only
// shortSafeCase among them runs, so that `go test -short` stays quick.
func TestHostileContent(t *testing.T) {
	if !slices.ContainsFunc(hostileCases(), func(c hostileCase) bool { return c.name == shortSafeCase && len(c.want) == 0 }) {
		t.Fatalf("shortSafeCase %q is not a case ending in a safe site", shortSafeCase)
	}
	logBounded(t)
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if testing.Short() && len(c.want) == 0 && c.name != shortSafeCase {
				t.Skipf("-short renders one safe site (%s); the full run renders this one and checks it is safe", shortSafeCase)
			}
			files := maps.Clone(baseSite)
			for name, data := range c.files {
				if data == "" {
					delete(files, name)
				} else {
					files[name] = data
				}
			}
			var out map[string][]byte
			var diags []diag.Diagnostic
			var err error
			cost := bounded(func() { out, diags, err = buildFS(mapFS(files)) })
			if err != nil {
				t.Fatal(err)
			}
			if cost.bytes > 64<<20 {
				t.Errorf("build allocated %d MB; the bound is 64 MB", cost.bytes>>20)
			}
			checkOutcome(t, c.want, c.shows, out, diags)
		})
	}
}

// shortSafeCase is the case ending in a safe site that TestHostileContent
// runs with -short: script in the annotated text, the most common input.
const shortSafeCase = "script in annotation text"

func checkOutcome(t *testing.T, want, shows []string, out map[string][]byte, diags []diag.Diagnostic) {
	t.Helper()
	var errs []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			errs = append(errs, d.String())
		}
	}
	if len(want) == 0 {
		if len(errs) > 0 || out == nil {
			t.Fatalf("want a safe site, got errors:\n%s", strings.Join(errs, "\n"))
		}
		for _, p := range checkSite(out) {
			t.Error(p)
		}
		for _, s := range shows {
			name, text, _ := strings.Cut(s, "\x00")
			if !strings.Contains(string(out[name]), text) {
				t.Errorf("%s does not show %q", name, text)
			}
		}
		return
	}
	if out != nil {
		t.Errorf("a site was built despite errors")
	}
	for _, w := range want {
		found := false
		for _, e := range errs {
			if strings.HasPrefix(e, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing diagnostic %q", w)
		}
	}
	if len(errs) > len(want) || t.Failed() {
		t.Errorf("all errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestHostileFiles covers what only a real folder can hold: symbolic links
// pointing out of the content folder, a FIFO, and a 50 MB report.
func TestHostileFiles(t *testing.T) {
	outside := t.TempDir()
	logBounded(t)
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte(report("", "secret\n")), 0o644)
	os.WriteFile(filepath.Join(outside, "id_rsa"), []byte("PRIVATE KEY"), 0o600)
	os.WriteFile(filepath.Join(outside, "site.yaml"), []byte("title: Elsewhere\n"), 0o644)
	os.MkdirAll(filepath.Join(outside, "dir"), 0o755)
	os.WriteFile(filepath.Join(outside, "dir", "x.md"), []byte(report("", "secret\n")), 0o644)

	cases := []struct {
		name  string
		setup func(dir string) error
		want  []string
	}{
		{"symlinked report", func(dir string) error {
			return os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "reports/2016-secret.md"))
		}, []string{"reports/2016-secret.md:1:1: error: symbolic links are not followed"}},
		{"symlinked reports folder", func(dir string) error {
			os.RemoveAll(filepath.Join(dir, "reports"))
			return os.Symlink(filepath.Join(outside, "dir"), filepath.Join(dir, "reports"))
		}, []string{"reports:1:1: error: symbolic links are not followed"}},
		{"symlinked static file", func(dir string) error {
			os.MkdirAll(filepath.Join(dir, "static"), 0o755)
			return os.Symlink(filepath.Join(outside, "id_rsa"), filepath.Join(dir, "static/key.txt"))
		}, []string{"static/key.txt:1:1: error: symbolic links are not followed"}},
		{"symlinked static folder", func(dir string) error {
			return os.Symlink(outside, filepath.Join(dir, "static"))
		}, []string{"static:1:1: error: symbolic links are not followed"}},
		{"symlinked folder inside static", func(dir string) error {
			os.MkdirAll(filepath.Join(dir, "static"), 0o755)
			return os.Symlink(outside, filepath.Join(dir, "static/home"))
		}, []string{"static/home:1:1: error: symbolic links are not followed"}},
		{"symlinked site.yaml", func(dir string) error {
			os.Remove(filepath.Join(dir, "site.yaml"))
			return os.Symlink(filepath.Join(outside, "site.yaml"), filepath.Join(dir, "site.yaml"))
		}, []string{"site.yaml:1:1: error: symbolic links are not followed"}},
		{"symlink to itself", func(dir string) error {
			return os.Symlink("loop.md", filepath.Join(dir, "reports/loop.md"))
		}, []string{"reports/loop.md:1:1: error: symbolic links are not followed"}},
		{"FIFO as a report", func(dir string) error {
			return mkfifo(filepath.Join(dir, "reports/2016-fifo.md"))
		}, []string{"reports/2016-fifo.md:1:1: error: not a regular file"}},
		{"FIFO as site.yaml", func(dir string) error {
			os.Remove(filepath.Join(dir, "site.yaml"))
			return mkfifo(filepath.Join(dir, "site.yaml"))
		}, []string{"site.yaml:1:1: error: not a regular file"}},
		{"50 MB report", func(dir string) error {
			f, err := os.Create(filepath.Join(dir, "reports/2016-big.md"))
			if err != nil {
				return err
			}
			f.WriteString(report("", ""))
			f.Truncate(50 << 20) // sparse: NUL bytes, never read
			return f.Close()
		}, []string{"reports/2016-big.md:1:1: error: file is 50 MB; the limit is 8 MB"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			project := t.TempDir()
			dir := filepath.Join(project, "content")
			for name, data := range baseSite {
				os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := c.setup(dir); err != nil {
				t.Skip("cannot set up:", err)
			}
			fsys, err := build.OpenProject(project)
			if err != nil {
				t.Fatal(err)
			}
			var out map[string][]byte
			var diags []diag.Diagnostic
			cost := bounded(func() { out, diags, err = buildFS(fsys) })
			if err != nil {
				t.Fatal(err)
			}
			if cost.bytes > 64<<20 {
				t.Errorf("build allocated %d MB; the bound is 64 MB", cost.bytes>>20)
			}
			checkOutcome(t, c.want, nil, out, diags)
			for name, data := range out {
				if strings.Contains(string(data), "PRIVATE KEY") || strings.Contains(name, "secret") {
					t.Errorf("%s holds a file from outside the content folder", name)
				}
			}
		})
	}
}

// TestHostileSize checks the cases whose cost could grow faster than the
// input: deep nesting, and many annotations in one report. Cost is counted,
// not timed: the bytes and the number of allocations a build makes, which a
// shared, loaded machine does not change. Annotations are bounded per file
// (10,000, see internal/markup), so ten times the annotations of a report
// below the limit may cost at most fifteen times as much (a quadratic step
// would cost about a hundred times); with -short the smaller corpora are
// ten times smaller.
func TestHostileSize(t *testing.T) {
	nesting := []struct {
		name, body, want string
	}{
		{"10000-deep list", strings.Repeat("- ", 10000) + "x\n",
			"reports/2016-deep.md:8:1: error: Markdown nested 10000 deep on one line; the limit is 32"},
		{"10000-deep block quote", "text\n\n" + strings.Repeat(">", 10000) + " x\n",
			"reports/2016-deep.md:10:1: error: Markdown nested 10000 deep on one line; the limit is 32"},
		{"block quotes deepening line by line", deepening(150),
			"reports/2016-deep.md:40:1: error: Markdown nested 33 deep on one line; the limit is 32"},
		{"2000-deep list by indentation", indented(2000),
			"reports/2016-deep.md:73:1: error: Markdown nested 65 deep on one line; the limit is 32 levels (or 128 columns of indentation)"},
	}
	logBounded(t)
	for _, c := range nesting {
		t.Run(c.name, func(t *testing.T) {
			files := maps.Clone(baseSite)
			files["reports/2016-deep.md"] = report("", c.body)
			var diags []diag.Diagnostic
			cost := bounded(func() { _, diags, _ = buildFS(mapFS(files)) })
			t.Logf("%s: %v", c.name, cost)
			if cost.bytes > 64<<20 {
				t.Errorf("build allocated %d MB; the bound is 64 MB", cost.bytes>>20)
			}
			checkOutcome(t, []string{c.want}, nil, nil, diags)
		})
	}

	n := 500
	if testing.Short() {
		n = 50
	}
	t.Run("annotations grow linearly", func(t *testing.T) {
		// What the build of the same site costs with an empty report is
		// subtracted, so that only the annotations' share is compared. A
		// first build, not measured, does what a process does once (the
		// theme's templates, lazily built tables), which would otherwise
		// count against the empty report and make the ratios look worse
		// when this test runs alone.
		buildFS(mapFS(maps.Clone(baseSite)))
		var costs [3]cost
		for i, units := range []int{0, n, 10 * n} {
			files := maps.Clone(baseSite)
			files["reports/2016-many.md"] = report("", annotated(units))
			var out map[string][]byte
			var diags []diag.Diagnostic
			costs[i] = measure(func() { out, diags, _ = buildFS(mapFS(files)) })
			checkOutcome(t, nil, nil, out, diags)
			t.Logf("%d units: %v", units, costs[i])
		}
		grew := func(f func(cost) uint64) float64 {
			return float64(f(costs[2])-f(costs[0])) / float64(f(costs[1])-f(costs[0]))
		}
		if r := grew(func(c cost) uint64 { return c.bytes }); r > 15 {
			t.Errorf("10× the annotations allocated %.1f× the bytes", r)
		}
		if r := grew(func(c cost) uint64 { return c.allocs }); r > 15 {
			t.Errorf("10× the annotations made %.1f× the allocations", r)
		}
	})

	// The limit builds, one more is refused at the annotation that crosses
	// it, and the entity page stays small. With -short the limit is only
	// refused: building 10,000 annotations is the slow half.
	for _, c := range []struct {
		n     int
		want  []string
		shows []string
	}{
		{5000, nil, []string{"cities/mosul/index.html\x00<p class=\"more\">4997 more mentions in this report, not quoted here</p>"}},
		{5001, []string{"reports/2016-many.md:410:1: error: more than 10000 links, images and annotations in this file; the limit is 10000"}, nil},
	} {
		t.Run(fmt.Sprintf("%d annotations", 2*c.n), func(t *testing.T) {
			if testing.Short() && c.want == nil {
				t.Skip("builds a report of 10,000 annotations; run without -short")
			}
			files := maps.Clone(baseSite)
			files["reports/2016-many.md"] = report("", annotated(c.n))
			out, diags, _ := buildFS(mapFS(files))
			checkOutcome(t, c.want, c.shows, out, diags)
			if page := out["cities/mosul/index.html"]; len(page) > 64<<10 {
				t.Errorf("Mosul's page is %d bytes", len(page))
			}
		})
	}
	t.Run("100000 annotations in one paragraph", func(t *testing.T) {
		files := maps.Clone(baseSite)
		files["reports/2016-many.md"] = report("", strings.Repeat("[M](city:mosul) ", 100000)+"\n")
		_, diags, _ := buildFS(mapFS(files))
		checkOutcome(t, []string{"reports/2016-many.md:8:999937: error: more than 250000 Markdown elements in this file"}, nil, nil, diags)
	})
}

// annotated returns n pairs of annotations, 25 pairs a paragraph.
func annotated(n int) string {
	var b strings.Builder
	for j := range n {
		if j%25 == 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("[M](city:mosul) [I](actor:isil) ")
	}
	return b.String()
}

// deepening returns block quotes one level deeper on each of n lines.
func deepening(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat(">", i) + " x\n")
	}
	return b.String()
}

// indented returns a list nested n deep by indentation.
func indented(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", 2*i) + "- x\n")
	}
	return b.String()
}

// cost is what a build allocated: bytes and allocations, counted by the
// runtime, the same on an idle and a loaded machine.
type cost struct{ bytes, allocs uint64 }

func (c cost) String() string { return fmt.Sprintf("%d KB in %d allocations", c.bytes>>10, c.allocs) }

// measure counts what f allocates. The tests of this package do not run in
// parallel, so what the process allocates meanwhile is f's. A collection
// first empties the pools that f's buffers may come from, so that each f
// starts alike: with -short the 50 annotations of the linear-growth case
// add a few hundred KB, of the order of what a full pool saved.
func measure(f func()) cost {
	runtime.GC()
	return count(f)
}

// bounded is what f allocates, for the 64 MB bound on a build: measure,
// or with -short count alone. The bound is a hundred times what a pool
// can hold, and the collection before each of TestHostileContent's fifty
// cases cost ten times the builds themselves (most stop at their
// diagnostics).
func bounded(f func()) cost {
	if testing.Short() {
		return count(f)
	}
	return measure(f)
}

// logBounded says, with -short, that bounded does not collect first.
func logBounded(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Log("-short: each build's 64 MB bound is counted without a collection before it (bounded)")
	}
}

// count counts what f allocates, from where the heap stands.
func count(f func()) cost {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return cost{after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs}
}
