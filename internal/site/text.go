package site

import (
	"strings"

	"gazette/internal/content"
)

// The plain-text phrases below describe records the same way on their
// pages, in the charts and in the open data. They are text, never HTML:
// each output escapes them as its format needs.

// RecordTitle is a record's title in the open data and the JSON-LD, which
// are not translated: its file's, or for an event's own record, its facts
// in a line: "Shutdown: Mobile data — Iraq". Pages use RecordHeading.
func (s *Site) RecordTitle(rec *Record) string {
	if rec.Title != "" {
		return rec.Title
	}
	c := &s.Config
	var b strings.Builder
	b.WriteString(c.EventTypes.Label(rec.Type))
	if len(rec.Services) > 0 {
		b.WriteString(": ")
		b.WriteString(c.Services.Labels(rec.Services))
	}
	if where := rec.Roles.Of(RoleWhere); len(where) > 0 {
		b.WriteString(" — ")
		for i, e := range where {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(e.Name)
		}
	}
	return b.String()
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

// RecordHeading is a record's title as pages show it: its file's, or for
// an event's own record, its facts in a line (message record.title):
// "Shutdown: Mobile data — Iraq". RecordTitle is the same in the open
// data, which is not translated.
func (s *Site) RecordHeading(w Words, rec *Record) string {
	if rec.Title != "" {
		return rec.Title
	}
	var places []string
	for _, e := range rec.Roles.Of(RoleWhere) {
		places = append(places, e.Name)
	}
	return w.T("record.title", "What", s.RecordWhat(w, rec), "Places", w.List(places))
}

// RecordWhat is what a record was, its type and services (message
// record.what): "Shutdown: Mobile data, SMS".
func (s *Site) RecordWhat(w Words, rec *Record) string {
	c := &s.Config
	var services []string
	for _, id := range rec.Services {
		services = append(services, c.Services.Label(id))
	}
	return w.T("record.what", "Type", c.EventTypes.Label(rec.Type), "Services", w.List(services))
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

// AbsURL makes the address of url (relative to the site root) absolute
// when base_url is set. Without it, the address is relative to the site
// root ("/reports/"), which feed readers and data tools resolve against
// the address they fetched the file from when the site is served from the
// root.
func (s *Site) AbsURL(url string) string {
	if b := s.Config.BaseURL; b != "" {
		return b + url
	}
	return "/" + url
}
