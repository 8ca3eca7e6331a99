package recordtext_test

import (
	"testing"

	"gazette"
	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/i18n"
	"gazette/internal/recordtext"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// The phrases that pages, charts and the open data share: a record's
// status and start never say "ongoing" without "as of", and name the
// other dates when reports disagree; an event's own record is titled by
// its facts.
func TestText(t *testing.T) {
	cat, err := i18n.FromFS(gazette.DefaultTheme())
	if err != nil {
		t.Fatal(err)
	}
	en := cat.Localizer("en", "")
	aug, sep2 := content.Date{Year: 2016, Month: 8}, content.Date{Year: 2016, Month: 9, Day: 2}
	for _, tc := range []struct{ got, want string }{
		{evidence.StatusText(en, evidence.Status{State: evidence.Restored, End: evidence.Span{Date: sep2}}), "restored on 2 September 2016"},
		{evidence.StatusText(en, evidence.Status{State: evidence.Ended, End: evidence.Span{Date: content.Date{Year: 2015}, Disputed: true,
			Dates: []content.Date{{Year: 2015}, {Year: 2016, Month: 1}}}}), "ended in 2015 (reports differ: also January 2016)"},
		{evidence.StatusText(en, evidence.Status{State: evidence.Ongoing, AsOf: sep2}), "ongoing as of 2 September 2016"},
		{evidence.StatusText(en, evidence.Status{}), "end not known"},
		{evidence.StartText(en, evidence.Span{Date: aug}), "from August 2016"},
		{evidence.StartText(en, evidence.Span{}), "start not known"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	s := &site.Site{Config: config.Config{
		EventTypes: config.Vocab{{ID: "shutdown", Label: "Shutdown"}},
		Services:   config.Vocab{{ID: "sms", Label: "SMS"}}, // mobile-data is not in it: its id made into words
		BaseURL:    "https://example.org/",
	}}
	mosul := &site.Entity{Entity: &content.Entity{Name: "Mosul"}}
	own := &site.Record{Record: &content.Record{}, Type: "shutdown", Services: []string{"mobile-data", "sms"},
		Roles: site.Roles{{Role: site.RoleWhere, Entities: []*site.Entity{mosul}}}}
	if got, want := recordtext.Title(s, own), "Shutdown: Mobile data, SMS — Mosul"; got != want {
		t.Errorf("RecordTitle = %q, want %q", got, want)
	}
	if got, want := recordtext.Heading(s, en, own), "Shutdown: Mobile data, SMS — Mosul"; got != want {
		t.Errorf("RecordHeading = %q, want %q", got, want)
	}
	if got := recordtext.Title(s, &site.Record{Record: &content.Record{Title: "Its own title"}}); got != "Its own title" {
		t.Errorf("RecordTitle of a titled record = %q", got)
	}
	if got := s.Config.AbsURL("reports/"); got != "https://example.org/reports/" {
		t.Errorf("AbsURL = %q", got)
	}
	if got := (&config.Config{}).AbsURL("reports/"); got != "/reports/" {
		t.Errorf("AbsURL without base_url = %q", got)
	}
}
