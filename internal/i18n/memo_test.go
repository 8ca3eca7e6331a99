package i18n

import (
	"fmt"
	"html/template"
	"testing"

	"gazette/internal/content"
	"gazette/internal/diag"
)

// stringer writes itself differently each time: a message with one is
// never kept.
type stringer struct{ n *int }

func (s stringer) String() string { *s.n++; return fmt.Sprint(*s.n) }

// A message with arguments is formatted once and then read from the memo;
// the answer is the one formatting gives, for text and HTML apart, and a
// value whose type does not decide its writing is formatted every time.
func TestMemo(t *testing.T) {
	var diags diag.List
	c, ok := Load([]File{{Pos: diag.Pos{Path: "i18n/en.yaml"}, Src: []byte(`
say: "said {{.X}}"
count.things:
  one: "{{.Count}} thing"
  other: "{{.Count}} things"
date.day: "{{.Day}} {{.Month}} {{.Year}}"
date.month: "{{.Month}} {{.Year}}"
date.year: "{{.Year}}"
month.8: August
`)}}, &diags)
	if !ok {
		t.Fatal(diags.Sorted())
	}
	l := c.Localizer("en", "")
	n := 0
	d := content.Date{Year: 2016, Month: 8, Day: 12}
	for round := range 2 {
		for _, tc := range []struct{ got, want string }{
			{l.T("say", "X", "a & b"), "said a & b"},
			{string(l.HTML("say", "X", "a & b")), "said a &amp; b"},
			{string(l.HTML("say", "X", template.HTML("<b>b</b>"))), "said <b>b</b>"},
			{l.T("say", "X", 7), "said 7"},
			{l.T("say", "X", "7"), "said 7"},
			{l.T("count.things", 1), "1 thing"},
			{l.T("count.things", 2), "2 things"},
			{l.T("say", "X", d), "said 12 August 2016"},
			{l.Date(d), "12 August 2016"},
			{l.T("say", "X", stringer{&n}), fmt.Sprintf("said %d", round+1)},
			{l.T("missing", "X", 1), "missing"},
		} {
			if tc.got != tc.want {
				t.Errorf("round %d: got %q, want %q", round, tc.got, tc.want)
			}
		}
	}
	// Kept: the eight messages asked with keyable arguments that exist,
	// and the one Date formats ("date.day" with Date's arguments).
	if got, want := len(l.memo.msgs), 9; got != want {
		t.Errorf("%d messages kept, want %d", got, want)
	}
	if got, want := len(l.memo.dates), 1; got != want {
		t.Errorf("%d dates kept, want %d", got, want)
	}
}

// The memo keeps at most maxMemo messages; past that, messages are still
// right, only formatted each time.
func TestMemoBound(t *testing.T) {
	var diags diag.List
	c, ok := Load([]File{{Pos: diag.Pos{Path: "i18n/en.yaml"}, Src: []byte(`say: "said {{.X}}"` + "\n")}}, &diags)
	if !ok {
		t.Fatal(diags.Sorted())
	}
	l := c.Localizer("en", "")
	for i := range maxMemo + 10 {
		if got, want := l.T("say", "X", i), fmt.Sprintf("said %d", i); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	if got := len(l.memo.msgs); got != maxMemo {
		t.Errorf("%d messages kept, want %d", got, maxMemo)
	}
}

// A message without arguments is the first language's that has the key:
// a plain message is read from the localizer's table, made once; one that
// is a template in the first language is formatted, as before, and only
// falls back when that fails.
func TestPlainChain(t *testing.T) {
	var diags diag.List
	c, ok := Load([]File{
		{Pos: diag.Pos{Path: "i18n/en.yaml"}, Src: []byte("plain: en plain\nonly: en only\nsay: said\n")},
		{Pos: diag.Pos{Path: "i18n/ar.yaml"}, Src: []byte("plain: ar plain\nsay: \"said {{.X}}\"\n")},
	}, &diags)
	if !ok {
		t.Fatal(diags.Sorted())
	}
	ar, en := c.Localizer("ar", ""), c.Localizer("en", "")
	for _, tc := range []struct{ got, want string }{
		{ar.T("plain"), "ar plain"},
		{ar.T("only"), "en only"},
		{ar.T("say"), "said"}, // ar's fails without X (missingkey=error): en's

		{ar.T("say", "X", "x"), "said x"},
		{ar.T("none"), "none"},
		{en.T("plain"), "en plain"},
		{en.T("say"), "said"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if _, ok := ar.plain["say"]; ok {
		t.Error(`"say" is plain in ar's table; it is a template in ar`)
	}
}
