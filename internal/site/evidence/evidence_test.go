package evidence

import (
	"testing"

	"gazette"

	"gazette/internal/content"
	"gazette/internal/i18n"
)

func TestSettle(t *testing.T) {
	cat, err := i18n.FromFS(gazette.DefaultTheme())
	if err != nil {
		t.Fatal(err)
	}
	en := cat.Localizer("en", "")
	d := func(s string) content.Date {
		t.Helper()
		dt, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return dt
	}
	for _, c := range []struct {
		dates []string
		want  string // StartText of the span
	}{
		{nil, "start not known"},
		{[]string{"2014"}, "from 2014"},
		{[]string{"2014", "2014-11", "2014-11-03"}, "from 3 November 2014"}, // they agree: the most precise
		{[]string{"2014-11", "2014-11"}, "from November 2014"},
		{[]string{"2014-12", "2014-11"}, "from November 2014 (reports differ: also December 2014)"},
	} {
		var dates []content.Date
		for _, s := range c.dates {
			dates = append(dates, d(s))
		}
		if got := StartText(en, Settle(dates)); got != c.want {
			t.Errorf("%v: %q, want %q", c.dates, got, c.want)
		}
	}
	if got := Title("Shutdown", "Mobile data, SMS", []string{"Mosul", "Tal Afar"}); got != "Shutdown: Mobile data, SMS — Mosul, Tal Afar" {
		t.Errorf("Title: %q", got)
	}
	if got := Title("Ban", "", nil); got != "Ban" {
		t.Errorf("Title without services or places: %q", got)
	}
}
