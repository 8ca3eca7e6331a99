// Package recordtext says what a record is in words: its title in the
// open data and JSON-LD, which are not translated, its heading, "what"
// line and one-line answer (Line) on pages, in the edition's words, and
// entities' names in those lines, marked with their language as HTML
// (phrases.go). A record with a file has
// the file's title; an event's own record is titled by its facts. These
// phrases read the resolved site (its labels, its names in the edition's
// language) but do not resolve anything, so they live above package site,
// beside the stages that show them (render, svg, searchindex, export,
// jsonld).
package recordtext

import (
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// Title is a record's title in the open data and the JSON-LD, which are
// not translated: its file's, or for an event's own record, its facts in
// a line: "Shutdown: Mobile data — Iraq". Pages use Heading.
func Title(s *site.Site, rec *site.Record) string {
	if rec.Title != "" {
		return rec.Title
	}
	var places []string
	for _, e := range rec.Roles.Of(site.RoleWhere) {
		places = append(places, e.Name)
	}
	return evidence.Title(s.Config.EventTypes.Label(rec.Type), s.Config.Services.Labels(rec.Services), places)
}

// Heading is a record's title as pages show it: its file's, or for an
// event's own record, its facts in a line (message record.title):
// "Shutdown: Mobile data — Iraq". Title is the same in the open data,
// which is not translated.
func Heading(s *site.Site, w site.Words, rec *site.Record) string {
	if rec.Title != "" {
		return rec.Title
	}
	var places []string
	for _, e := range rec.Roles.Of(site.RoleWhere) {
		places = append(places, s.NameOf(e))
	}
	return w.T("record.title", "What", What(s, w, rec), "Places", w.List(places))
}

// What is what a record was, its type and services (message
// record.what): "Shutdown: Mobile data, SMS".
func What(s *site.Site, w site.Words, rec *site.Record) string {
	c := &s.Config
	var services []string
	for _, id := range rec.Services {
		services = append(services, c.Services.Label(id))
	}
	return w.T("record.what", "Type", c.EventTypes.Label(rec.Type), "Services", w.List(services))
}
