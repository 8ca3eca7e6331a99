package site

import "gazette/internal/site/evidence"

// RecordTitle is a record's title in the open data and the JSON-LD, which
// are not translated: its file's, or for an event's own record, its facts
// in a line: "Shutdown: Mobile data — Iraq". Pages use RecordHeading.
func (s *Site) RecordTitle(rec *Record) string {
	if rec.Title != "" {
		return rec.Title
	}
	return evidence.Title(s.Config.EventTypes.Label(rec.Type), s.Config.Services.Labels(rec.Services), rec.places())
}

// Words gives the phrases below, and the charts' (package svg), their
// words in the reader's language: the theme's message catalogue in the
// page's interface language (an *i18n.Localizer), so that no interface
// word is written in Go.
type Words = evidence.Words

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
		places = append(places, s.NameOf(e))
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

// places are the names of the places where rec happened, which title it.
func (rec *Record) places() []string {
	var out []string
	for _, e := range rec.Roles.Of(RoleWhere) {
		out = append(out, e.Name)
	}
	return out
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
