// Package evidence says what the reports that are a record's evidence
// agree on: when it began, whether and when it ended (Settle, Status), and
// how a reader is told so ("restored in October 2016", "ongoing as of 12
// August 2016"). Package site gathers each record's evidence; the pages,
// charts and open data describe records with these phrases, so all say the
// same. The phrases are text, never HTML: each output escapes them as its
// format needs.
package evidence

import (
	"slices"
	"strings"

	"gazette/internal/content"
)

// Span is what a record's evidence says about one of its dates: the date
// to show, and, when reports disagree, every date they give.
type Span struct {
	Date     content.Date // the most precise date all evidence agrees with; the earliest when it disagrees
	Disputed bool         // the evidence gives dates that do not contain one another
	Dates    []content.Date
}

// State is whether a record is over.
type State int

const (
	Unknown  State = iota // no evidence says it ended or was still on
	Ongoing               // the newest evidence that speaks of its end saw it still on
	Ended                 // evidence gives its end, but no restoration
	Restored              // an event of an ending type (a restoration) names it
)

// String is the state's name in exports: "unknown", "ongoing", "ended",
// "restored".
func (s State) String() string {
	return [...]string{"unknown", "ongoing", "ended", "restored"}[s]
}

// Status is a record's state with its date: when it ended or was restored,
// or, for Ongoing, the date of the newest report that saw it still on (a
// record is never simply "ongoing": only "ongoing as of" a report).
type Status struct {
	State State
	End   Span         // Ended, Restored: when
	AsOf  content.Date // Ongoing: the newest report that still saw it
}

// Settle settles the dates that evidence gives for one moment. When each
// contains or is contained in the others ("2014" and "November 2014"),
// they agree and the most precise wins; otherwise the earliest is shown
// and the span is disputed.
func Settle(dates []content.Date) Span {
	var s Span
	for _, d := range dates {
		if !d.IsZero() && !slices.Contains(s.Dates, d) {
			s.Dates = append(s.Dates, d)
		}
	}
	if len(s.Dates) == 0 {
		return s
	}
	slices.SortFunc(s.Dates, content.Date.Compare)
	s.Date = s.Dates[0]
	for _, d := range s.Dates[1:] {
		switch {
		case within(d, s.Date):
			s.Date = d
		case within(s.Date, d):
		default:
			s.Disputed = true
		}
	}
	if s.Disputed {
		s.Date = s.Dates[0]
	}
	if len(s.Dates) == 1 {
		s.Dates = nil
	}
	return s
}

// Sighting is what one event that is a record's evidence says of its
// dates.
type Sighting struct {
	From    content.Date // when it saw the record begin; for an ending, when service came back
	Until   content.Date // when it saw the record end, if it says
	Ongoing bool         // it saw the record still on
	Report  content.Date // the date of the report that says so
	Ending  bool         // the event ends the record (a restoration): From is its end
}

// Judge says what the evidence of a record agrees on: when it began, and
// whether and when it ended. restored is whether an ending (a
// restoration) names the record, so that its end is a restoration, not
// just an end. A record no evidence sees end is ongoing as of the newest
// report that saw it still on, else its state is unknown.
func Judge(seen []Sighting, restored bool) (Span, Status) {
	var starts, ends []content.Date
	for _, s := range seen {
		if s.Ending {
			ends = append(ends, s.From)
			continue
		}
		starts = append(starts, s.From)
		if !s.Until.IsZero() {
			ends = append(ends, s.Until)
		}
	}
	var st Status
	switch {
	case len(ends) > 0 && restored:
		st = Status{State: Restored, End: Settle(ends)}
	case len(ends) > 0:
		st = Status{State: Ended, End: Settle(ends)}
	default:
		for _, s := range seen {
			if s.Ongoing && s.Report.Compare(st.AsOf) > 0 {
				st = Status{State: Ongoing, AsOf: s.Report}
			}
		}
	}
	return Settle(starts), st
}

// within reports whether the days of a lie within those of b.
func within(a, b content.Date) bool {
	return !a.Start().Before(b.Start()) && !a.End().After(b.End())
}

// Words gives the phrases below, and the charts' (package svg), their
// words in the reader's language: the theme's message catalogue in the
// page's interface language (an *i18n.Localizer), so that no interface
// word is written in Go.
type Words interface {
	// T is the message key, with an optional count and name, value pairs.
	T(key string, args ...any) string
	Date(d content.Date) string // "12 August 2016", "August 2016", "2016"
	Num(n int) string           // n in the language's digits
	List(items []string) string // items joined: "a, b"
}

// at puts a date in a sentence: "on 12 August 2016", "in August 2016", "in
// 2016" (messages at.day, at.month, at.year).
func at(w Words, d content.Date) string {
	switch {
	case d.Day != 0:
		return w.T("at.day", "Date", d)
	case d.Month != 0:
		return w.T("at.month", "Date", d)
	}
	return w.T("at.year", "Date", d)
}

// StatusText is a record's status as readers see it: "restored in October
// 2016", "ongoing as of 12 August 2016", "ended in 2015", "end not known".
// A record is never simply "ongoing": only as of the newest report that
// saw it.
func StatusText(w Words, s Status) string {
	switch s.State {
	case Restored:
		return w.T("status.restored", "At", at(w, s.End.Date), "Disputed", disputed(w, s.End))
	case Ended:
		return w.T("status.ended", "At", at(w, s.End.Date), "Disputed", disputed(w, s.End))
	case Ongoing:
		return w.T("status.ongoing", "AsOf", s.AsOf)
	}
	return w.T("status.unknown")
}

// StartText is when a record began: "from November 2014", with the other
// dates its reports give when they disagree.
func StartText(w Words, s Span) string {
	if s.Date.IsZero() {
		return w.T("start.unknown")
	}
	return w.T("start.from", "Date", s.Date, "Disputed", disputed(w, s))
}

func disputed(w Words, s Span) string {
	if !s.Disputed {
		return ""
	}
	var others []string
	for _, d := range s.Dates {
		if d != s.Date {
			others = append(others, w.Date(d))
		}
	}
	return w.T("record.disputed", "Dates", w.List(others))
}

// Title is the title of a record whose evidence is one event, its facts in
// a line: "Shutdown: Mobile data — Iraq", from the event type's label, the
// services' labels and the places.
func Title(what, services string, places []string) string {
	if services != "" {
		what += ": " + services
	}
	if len(places) > 0 {
		what += " — " + strings.Join(places, ", ")
	}
	return what
}
