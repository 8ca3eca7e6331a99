package site

import (
	"strings"

	"gazette/internal/content"
)

// The plain-text phrases below describe records the same way on their
// pages, in the charts and in the open data. They are text, never HTML:
// each output escapes them as its format needs.

// RecordTitle is a record's title: its file's, or for an event's own
// record, its facts in a line: "Shutdown: Mobile data — Iraq".
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

// at puts a date in a sentence: "on 12 August 2016", "in August 2016", "in
// 2016".
func at(d content.Date) string {
	if d.Day != 0 {
		return "on " + d.Human()
	}
	return "in " + d.Human()
}

// StatusText is a record's status as readers see it: "restored in October
// 2016", "ongoing as of 12 August 2016", "ended in 2015", "end not known".
// A record is never simply "ongoing": only as of the newest report that
// saw it.
func StatusText(s Status) string {
	switch s.State {
	case Restored:
		return "restored " + at(s.End.Date) + disputed(s.End)
	case Ended:
		return "ended " + at(s.End.Date) + disputed(s.End)
	case Ongoing:
		return "ongoing as of " + s.AsOf.Human()
	}
	return "end not known"
}

// StartText is when a record began: "from November 2014", with the other
// dates its reports give when they disagree.
func StartText(s Span) string {
	if s.Date.IsZero() {
		return "start not known"
	}
	return "from " + s.Date.Human() + disputed(s)
}

func disputed(s Span) string {
	if !s.Disputed {
		return ""
	}
	var others []string
	for _, d := range s.Dates {
		if d != s.Date {
			others = append(others, d.Human())
		}
	}
	return " (reports differ: also " + strings.Join(others, ", ") + ")"
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
