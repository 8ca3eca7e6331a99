package diag

import (
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{Path: "reports/a.md", Line: 3, Col: 7}, "reports/a.md:3:7"},
		// A zero line or column means the whole file, and still prints in
		// the path:line:col shape.
		{Pos{Path: "reports/a.md", Line: 0, Col: 0}, "reports/a.md:1:1"},
		{Pos{Path: "site.yaml", Line: 4, Col: 0}, "site.yaml:4:1"},
	}
	for _, tc := range tests {
		if got := tc.pos.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.pos, got, tc.want)
		}
	}
}

func TestListSorted(t *testing.T) {
	var l List
	l.Warnf(Pos{Path: "reports/b.md"}, "report has no %s", "city")
	l.Errorf(Pos{Path: "reports/a.md", Line: 10, Col: 2}, "second")
	l.Errorf(Pos{Path: "reports/a.md", Line: 2, Col: 9}, "first")
	l.Errorf(Pos{Path: "cities/x.md", Line: 1, Col: 1}, "cities sort before reports")
	l.Warnf(Pos{Path: "reports/a.md", Line: 2, Col: 9}, "a warning after the error at the same place")
	l.Errorf(Pos{Path: "reports/a.md", Line: 2, Col: 9}, "first") // a duplicate, dropped
	l.Append(Diagnostic{Pos{Path: "reports/a.md", Line: 2, Col: 3}, Error, "appended"})

	var got []string
	for _, d := range l.Sorted() {
		got = append(got, d.String())
	}
	want := []string{
		"cities/x.md:1:1: error: cities sort before reports",
		"reports/a.md:2:3: error: appended",
		"reports/a.md:2:9: error: first",
		"reports/a.md:2:9: warning: a warning after the error at the same place",
		"reports/a.md:10:2: error: second",
		"reports/b.md:1:1: warning: report has no city",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Sorted():\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Count counts what was recorded, duplicates included; HasErrors
	// ignores warnings.
	if e, w := l.Count(); e != 5 || w != 2 {
		t.Errorf("Count() = %d, %d; want 5, 2", e, w)
	}
	if !l.HasErrors() {
		t.Errorf("HasErrors() = false with errors recorded")
	}
	var warnOnly List
	warnOnly.Warnf(Pos{Path: "x.md"}, "w")
	if warnOnly.HasErrors() {
		t.Errorf("HasErrors() = true with only a warning")
	}
}

func TestListConcurrent(t *testing.T) {
	var l List
	done := make(chan bool)
	for i := range 8 {
		go func() {
			for j := range 100 {
				l.Errorf(Pos{Path: "a.md", Line: i + 1, Col: j + 1}, "e")
			}
			done <- true
		}()
	}
	for range 8 {
		<-done
	}
	if n := len(l.Sorted()); n != 800 {
		t.Errorf("len(Sorted()) = %d, want 800", n)
	}
}

func TestWrite(t *testing.T) {
	ds := []Diagnostic{
		{Pos{Path: "reports/a.md", Line: 3, Col: 7}, Error, `unknown city "mosull"; did you mean "mosul"?`},
		{Pos{Path: "cities/x.md"}, Warning, "no report mentions city \"x\"\n100% sure, a,b: c"},
		{Pos{Path: "themes/mine/layouts/page.html", Line: 12, Col: 5, Root: Project}, Error, `function "partal" not defined`},
		{Pos{Path: "(default theme)/layouts/partials/report-item.html", Line: 4, Col: 2, Root: Builtin}, Error, "at <.Data.Title>: nil pointer"},
	}
	tests := []struct {
		format  Format
		project string
		want    string
	}{
		// A line break in a message is escaped: one diagnostic, one line.
		// Paths print as they are: relative to content/ for content files,
		// to the project for a theme's.
		{Text, "site", `reports/a.md:3:7: error: unknown city "mosull"; did you mean "mosul"?
cities/x.md:1:1: warning: no report mentions city "x"\n100% sure, a,b: c
themes/mine/layouts/page.html:12:5: error: function "partal" not defined
(default theme)/layouts/partials/report-item.html:4:2: error: at <.Data.Title>: nil pointer
`},
		// An unknown format prints text.
		{Format("xml"), "", `reports/a.md:3:7: error: unknown city "mosull"; did you mean "mosul"?
cities/x.md:1:1: warning: no report mentions city "x"\n100% sure, a,b: c
themes/mine/layouts/page.html:12:5: error: function "partal" not defined
(default theme)/layouts/partials/report-item.html:4:2: error: at <.Data.Title>: nil pointer
`},
		// GitHub annotations name files relative to the repository: a
		// content file under the project's content/, a theme file under
		// the project. A file embedded in gazette is in neither: the
		// annotation names no file, its message the position.
		{GitHub, "", `::error file=content/reports/a.md,line=3,col=7::unknown city "mosull"; did you mean "mosul"?
::warning file=content/cities/x.md,line=1,col=1::no report mentions city "x"%0A100%25 sure, a,b: c
::error file=themes/mine/layouts/page.html,line=12,col=5::function "partal" not defined
::error::(default theme)/layouts/partials/report-item.html:4:2: at <.Data.Title>: nil pointer
`},
		{GitHub, ".", `::error file=content/reports/a.md,line=3,col=7::unknown city "mosull"; did you mean "mosul"?
::warning file=content/cities/x.md,line=1,col=1::no report mentions city "x"%0A100%25 sure, a,b: c
::error file=themes/mine/layouts/page.html,line=12,col=5::function "partal" not defined
::error::(default theme)/layouts/partials/report-item.html:4:2: at <.Data.Title>: nil pointer
`},
		{GitHub, "sites/iraq/", `::error file=sites/iraq/content/reports/a.md,line=3,col=7::unknown city "mosull"; did you mean "mosul"?
::warning file=sites/iraq/content/cities/x.md,line=1,col=1::no report mentions city "x"%0A100%25 sure, a,b: c
::error file=sites/iraq/themes/mine/layouts/page.html,line=12,col=5::function "partal" not defined
::error::(default theme)/layouts/partials/report-item.html:4:2: at <.Data.Title>: nil pointer
`},
		// Property values escape ":" and ",", which separate properties.
		{GitHub, "my,site:x", `::error file=my%2Csite%3Ax/content/reports/a.md,line=3,col=7::unknown city "mosull"; did you mean "mosul"?
::warning file=my%2Csite%3Ax/content/cities/x.md,line=1,col=1::no report mentions city "x"%0A100%25 sure, a,b: c
::error file=my%2Csite%3Ax/themes/mine/layouts/page.html,line=12,col=5::function "partal" not defined
::error::(default theme)/layouts/partials/report-item.html:4:2: at <.Data.Title>: nil pointer
`},
		{JSON, "site", `[
  {
    "file": "reports/a.md",
    "line": 3,
    "col": 7,
    "severity": "error",
    "message": "unknown city \"mosull\"; did you mean \"mosul\"?"
  },
  {
    "file": "cities/x.md",
    "line": 1,
    "col": 1,
    "severity": "warning",
    "message": "no report mentions city \"x\"\n100% sure, a,b: c"
  },
  {
    "file": "themes/mine/layouts/page.html",
    "line": 12,
    "col": 5,
    "severity": "error",
    "message": "function \"partal\" not defined"
  },
  {
    "file": "(default theme)/layouts/partials/report-item.html",
    "line": 4,
    "col": 2,
    "severity": "error",
    "message": "at \u003c.Data.Title\u003e: nil pointer"
  }
]
`},
	}
	for _, tc := range tests {
		var b strings.Builder
		if err := Write(&b, ds, tc.format, tc.project); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("Write(%s, project %q):\n%s\nwant:\n%s", tc.format, tc.project, b.String(), tc.want)
		}
	}

	// No diagnostics: JSON still prints an array, the others nothing.
	for _, f := range []Format{Text, GitHub, JSON} {
		var b strings.Builder
		if err := Write(&b, nil, f, ""); err != nil {
			t.Fatal(err)
		}
		want := ""
		if f == JSON {
			want = "[]\n"
		}
		if b.String() != want {
			t.Errorf("Write(nil, %s) = %q, want %q", f, b.String(), want)
		}
	}
}

// TestHostileNames prints diagnostics whose file names and messages hold
// line breaks, terminal escapes and bidirectional controls: each stays on
// one line, so that no name can forge a line of its own (a "::warning"
// command that GitHub Actions would obey, a fake error) or recolour the
// terminal.
func TestHostileNames(t *testing.T) {
	forged := "static/a\n::warning file=x.md,line=1::forged\n.png"
	ds := []Diagnostic{
		{Pos{Path: forged, Line: 0, Col: 0}, Error, "file name " + forged + " is bad"},
		{Pos{Path: "static/\x1b[31mred\x1b[0m.png", Line: 2, Col: 3}, Warning, "colour \x1b[2J cleared"},
		{Pos{Path: "pages/\u202egnp.md", Line: 1, Col: 1}, Error, "bidi \u202e and a CR\r and DEL\x7f and \xff"},
		{Pos{Path: "reports/ok-é.md", Line: 1, Col: 1}, Error, "plain: é, ü, \"quotes\" stay"},
	}
	tests := []struct {
		format Format
		want   string
	}{
		{Text, `"static/a\n::warning file=x.md,line=1::forged\n.png":1:1: error: file name static/a\n::warning file=x.md,line=1::forged\n.png is bad
"static/\x1b[31mred\x1b[0m.png":2:3: warning: colour \x1b[2J cleared
"pages/\u202egnp.md":1:1: error: bidi \u202e and a CR\r and DEL\x7f and \xff
reports/ok-é.md:1:1: error: plain: é, ü, "quotes" stay
`},
		{GitHub, `::error file=content/static/a%0A%3A%3Awarning file=x.md%2Cline=1%3A%3Aforged%0A.png,line=1,col=1::file name static/a%0A::warning file=x.md,line=1::forged%0A.png is bad
::warning file=content/static/\x1b[31mred\x1b[0m.png,line=2,col=3::colour \x1b[2J cleared
::error file=content/pages/\u202egnp.md,line=1,col=1::bidi \u202e and a CR%0D and DEL\x7f and \xff
::error file=content/reports/ok-é.md,line=1,col=1::plain: é, ü, "quotes" stay
`},
	}
	for _, tc := range tests {
		var b strings.Builder
		if err := Write(&b, ds, tc.format, ""); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("Write(%s):\n%s\nwant:\n%s", tc.format, b.String(), tc.want)
		}
		if n := strings.Count(b.String(), "\n"); n != len(ds) {
			t.Errorf("Write(%s) printed %d lines for %d diagnostics", tc.format, n, len(ds))
		}
	}
}
