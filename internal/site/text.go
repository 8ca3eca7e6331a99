package site

import "gazette/internal/site/evidence"

// RecordTitle is a record's title: its file's, or for an event's own
// record, its facts in a line (see evidence.Title).
func (s *Site) RecordTitle(rec *Record) string {
	if rec.Title != "" {
		return rec.Title
	}
	var places []string
	for _, e := range rec.Roles.Of(RoleWhere) {
		places = append(places, e.Name)
	}
	return evidence.Title(s.Config.EventTypes.Label(rec.Type), s.Config.Services.Labels(rec.Services), places)
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
