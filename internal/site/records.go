package site

import (
	"cmp"
	"slices"
	"strings"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/site/evidence"
)

// Record is a resolved record: one shutdown (or block, ban, throttling) as
// readers think of it, with the events of reports that are its evidence
// and the state those events put it in.
type Record struct {
	// The record's file, or for an event that names no record, a stand-in
	// made from that event (Own is then set, and Title is empty: the theme
	// describes it from its facts).
	*content.Record
	Own bool
	URL string      // "records/mosul-mobile-2014/"
	Doc *markup.Doc // the file's body; nil for an event's own record

	// The record's facts: the file's where it gives them, else what its
	// evidence says, together; for each role, the file's entities if it
	// names any, else those of its evidence.
	Roles       Roles
	Services    []string
	Type, Cause string

	Evidence   []*Event  // the events that saw it, oldest report first
	Endings    []*Event  // the events that end it (restorations), oldest report first
	RestoredBy []*Entity // who the endings say brought service back

	Start  evidence.Span   // when it began, as its evidence says
	Status evidence.Status // whether it is over
}

// records makes the site's records: one per records/*.md file that is not
// broken, and one for every event that names none. Each event is linked to
// its record. It runs after reportMeta, so the events' entities are known.
func (r *resolver) records(files []*content.Record) {
	s := r.site
	r.recordIndex = map[string]*Record{}
	for _, f := range files {
		rec := &Record{Record: f, URL: "records/" + f.ID + "/"}
		r.recordIndex[f.ID] = rec
		if f.Invalid {
			continue
		}
		rec.Roles = r.roles(f.Roles)
		s.Records = append(s.Records, rec)
	}
	for _, rep := range s.Reports { // in slug order: ids of events' own records are stable
		for _, ev := range rep.Events {
			rec := r.eventRecord(rep, ev)
			if rec == nil {
				continue
			}
			ev.Record = rec
			if r.site.Config.EventTypes.Ends(ev.Type) && !rec.Own {
				rec.Endings = append(rec.Endings, ev)
			} else {
				rec.Evidence = append(rec.Evidence, ev)
			}
		}
	}
	for _, rec := range s.Records {
		r.settle(rec)
	}
	slices.SortFunc(s.Records, func(a, b *Record) int {
		return cmp.Or(a.Start.Date.Compare(b.Start.Date), strings.Compare(a.ID, b.ID))
	})
}

// eventRecord returns the record that the i-th event of rep names, or makes
// the event a record of its own.
func (r *resolver) eventRecord(rep *Report, ev *Event) *Record {
	if ref := ev.Event.Record; ref != nil {
		rec := r.recordIndex[ref.ID]
		if rec == nil {
			ids := make([]string, 0, len(r.recordIndex))
			for id := range r.recordIndex {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			hint := diag.DidYouMean(ref.ID, ids)
			if hint == "" {
				hint = "; create records/" + ref.ID + ".md, or leave record: out to make the event a record of its own"
			}
			r.diags.Errorf(ref.Pos, "unknown record %q%s", ref.ID, hint)
			return nil
		}
		if rec.Invalid {
			return nil // already reported
		}
		if ev.Type == "" {
			ev.Type = rec.Record.Type
		}
		return rec
	}
	id := ev.ID()
	if other := r.recordIndex[id]; other != nil {
		r.diags.Errorf(diag.Pos{Path: other.Path}, "record id %q is taken by event %d of %s, which names no record; rename the file", id, ev.N, rep.Path)
		return nil
	}
	rec := &Record{
		Record: &content.Record{Path: rep.Path, ID: id, Facts: content.Facts{Type: ev.Type, Scope: ev.Scope}},
		Own:    true,
		URL:    "records/" + id + "/",
	}
	r.recordIndex[id] = rec
	r.site.Records = append(r.site.Records, rec)
	return rec
}

// settle computes what a record's evidence says: its facts where the file
// leaves them out, its start and its status.
func (r *resolver) settle(rec *Record) {
	byReport := func(a, b *Event) int {
		return cmp.Or(a.Report.Date.Compare(b.Report.Date), strings.Compare(a.Report.Slug, b.Report.Slug))
	}
	slices.SortStableFunc(rec.Evidence, byReport)
	slices.SortStableFunc(rec.Endings, byReport)

	rec.Type, rec.Cause, rec.Services = rec.Record.Type, rec.Record.Cause, rec.Record.Services
	for _, ev := range rec.Evidence {
		rec.Type = cmp.Or(rec.Type, ev.Type)
		rec.Cause = cmp.Or(rec.Cause, ev.Cause)
	}
	if len(rec.Record.Services) == 0 {
		rec.Services = union(rec.Evidence, func(ev *Event) []string { return ev.Services })
	}
	own := rec.Roles // what the file names, resolved
	rec.Roles = nil
	for _, role := range r.site.Config.Roles {
		es := own.Of(role.ID)
		if len(rec.Record.Refs(role.ID)) == 0 {
			es = union(rec.Evidence, func(ev *Event) []*Entity { return ev.Roles.Of(role.ID) })
		}
		if len(es) > 0 {
			rec.Roles = append(rec.Roles, Part{Role: role.ID, Entities: es})
		}
	}
	rec.RestoredBy = union(rec.Endings, func(ev *Event) []*Entity { return ev.Roles.Of(RoleBy) })
	if rec.Own && r.site.Config.EventTypes.Ends(rec.Type) {
		// A restoration's by brought service back.
		rec.RestoredBy = rec.Roles.Of(RoleBy)
		rec.Roles = slices.DeleteFunc(rec.Roles, func(p Part) bool { return p.Role == RoleBy })
	}

	ends := r.site.Config.EventTypes.Ends
	var seen []evidence.Sighting
	for _, ev := range rec.Evidence {
		// An event of an ending type that names no record is its own
		// record's end.
		seen = append(seen, evidence.Sighting{From: ev.From, Until: ev.Until.Date, Ongoing: ev.Until.Ongoing, Report: ev.Report.Date, Ending: rec.Own && ends(ev.Type)})
	}
	for _, ev := range rec.Endings {
		seen = append(seen, evidence.Sighting{From: ev.From, Ending: true})
	}
	rec.Start, rec.Status = evidence.Judge(seen, len(rec.Endings) > 0 || (rec.Own && ends(rec.Type)))
	if len(rec.Evidence)+len(rec.Endings) == 0 && !rec.Invalid {
		r.diags.Warnf(diag.Pos{Path: rec.Path}, "no report gives evidence for record %q: name it in an event with record: %s", rec.ID, rec.ID)
	}
}

// union returns the items that list gives for each event, each once, in
// the order first seen.
func union[T comparable](events []*Event, list func(*Event) []T) []T {
	var out []T
	for _, ev := range events {
		for _, x := range list(ev) {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}
