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
		{Pos{"reports/a.md", 3, 7}, "reports/a.md:3:7"},
		// A zero line or column means the whole file, and still prints in
		// the path:line:col shape.
		{Pos{"reports/a.md", 0, 0}, "reports/a.md:1:1"},
		{Pos{"site.yaml", 4, 0}, "site.yaml:4:1"},
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
	l.Errorf(Pos{"reports/a.md", 10, 2}, "second")
	l.Errorf(Pos{"reports/a.md", 2, 9}, "first")
	l.Errorf(Pos{"cities/x.md", 1, 1}, "cities sort before reports")
	l.Warnf(Pos{"reports/a.md", 2, 9}, "a warning after the error at the same place")
	l.Errorf(Pos{"reports/a.md", 2, 9}, "first") // a duplicate, dropped
	l.Append(Diagnostic{Pos{"reports/a.md", 2, 3}, Error, "appended"})

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
				l.Errorf(Pos{"a.md", i + 1, j + 1}, "e")
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
		{Pos{"reports/a.md", 3, 7}, Error, `unknown city "mosull"; did you mean "mosul"?`},
		{Pos{"cities/x.md", 0, 0}, Warning, "no report mentions city \"x\"\n100% sure, a,b: c"},
	}
	tests := []struct {
		format Format
		root   string
		want   string
	}{
		// A line break in a message is escaped: one diagnostic, one line.
		{Text, "content", `reports/a.md:3:7: error: unknown city "mosull"; did you mean "mosul"?
cities/x.md:1:1: warning: no report mentions city "x"\n100% sure, a,b: c
`},
		// An unknown format prints text.
		{Format("xml"), "", `reports/a.md:3:7: error: unknown city "mosull"; did you mean "mosul"?
cities/x.md:1:1: warning: no report mentions city "x"\n100% sure, a,b: c
`},
		{GitHub, "content/", `::error file=content/reports/a.md,line=3,col=7::unknown city "mosull"; did you mean "mosul"?
::warning file=content/cities/x.md,line=1,col=1::no report mentions city "x"%0A100%25 sure, a,b: c
`},
		{GitHub, ".", `::error file=reports/a.md,line=3,col=7::unknown city "mosull"; did you mean "mosul"?
::warning file=cities/x.md,line=1,col=1::no report mentions city "x"%0A100%25 sure, a,b: c
`},
		// Property values escape ":" and ",", which separate properties.
		{GitHub, "my,site:x", `::error file=my%2Csite%3Ax/reports/a.md,line=3,col=7::unknown city "mosull"; did you mean "mosul"?
::warning file=my%2Csite%3Ax/cities/x.md,line=1,col=1::no report mentions city "x"%0A100%25 sure, a,b: c
`},
		{JSON, "content", `[
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
  }
]
`},
	}
	for _, tc := range tests {
		var b strings.Builder
		if err := Write(&b, ds, tc.format, tc.root); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("Write(%s, root %q):\n%s\nwant:\n%s", tc.format, tc.root, b.String(), tc.want)
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
		{Pos{forged, 0, 0}, Error, "file name " + forged + " is bad"},
		{Pos{"static/\x1b[31mred\x1b[0m.png", 2, 3}, Warning, "colour \x1b[2J cleared"},
		{Pos{"pages/\u202egnp.md", 1, 1}, Error, "bidi \u202e and a CR\r and DEL\x7f and \xff"},
		{Pos{"reports/ok-é.md", 1, 1}, Error, "plain: é, ü, \"quotes\" stay"},
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
		{GitHub, `::error file=static/a%0A%3A%3Awarning file=x.md%2Cline=1%3A%3Aforged%0A.png,line=1,col=1::file name static/a%0A::warning file=x.md,line=1::forged%0A.png is bad
::warning file=static/\x1b[31mred\x1b[0m.png,line=2,col=3::colour \x1b[2J cleared
::error file=pages/\u202egnp.md,line=1,col=1::bidi \u202e and a CR%0D and DEL\x7f and \xff
::error file=reports/ok-é.md,line=1,col=1::plain: é, ü, "quotes" stay
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
