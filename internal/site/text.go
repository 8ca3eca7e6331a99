package site

import (
	"strings"
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
