package searchindex

import (
	"cmp"
	"slices"
	"strings"

	"gazette/internal/config"
	"gazette/internal/english"
	"gazette/internal/markup"
	"gazette/internal/recordtext"
	"gazette/internal/site"
	"gazette/internal/site/evidence"
)

// Doc is one document of the index: what a result shows, the texts it is
// found by, and what the facets filter it by. Docs makes them from a site;
// an edition that shows other texts can make its own and hand them to
// WriteDocs.
type Doc struct {
	// What a result shows (d-N.js).
	Title, URL, Date, Kind, Summary string

	Fields []Field   // the texts it is found by
	Names  []string  // spellings that are its name exactly: an entity's names and aliases, a record's title and id
	Group  string    // its kind facet value: "report", "record", an entity kind's id or "page"
	Year   int       // its year facet value; 0 for none
	Places []*Entity // its place facet values, before roll-up through within
	Actors []*Entity
	// Services are its service facet values, vocabulary ids.
	Services []string
}

// Entity is site.Entity, named here for Doc's fields.
type Entity = site.Entity

// Field is one text of a document and its weight. A word found in a
// title field marks the document as a title match (see search.js).
type Field struct {
	Text string
	// Body, when set, is read for its plain text when the document is
	// indexed, in place of Text: a body's text is the largest part of a
	// document, and the index need hold only one at a time, not every
	// body of the site at once.
	Body   *markup.Doc
	Weight int32
	Title  bool
}

// The kind facet values of documents that are not entities.
const (
	GroupReport = "report"
	GroupRecord = "record"
	GroupPage   = "page"
)

// Docs returns the documents of s in the order the index numbers them:
// the reports newest first, the records newest first (those with no start
// last), the entities kind by kind, the pages. Runs of one kind and one
// year are then long, and the manifest gives them as runs (see
// WriteDocs); a lower number is the more recent of two documents of a
// kind.
func Docs(s *site.Site, ed config.Edition, w evidence.Words) []Doc {
	lang, root := ed.Lang, ed.Root()
	f := facetKinds(s)
	var docs []Doc
	for _, rep := range s.Reports {
		t := rep.In(lang)
		d := Doc{
			Title: t.Title, URL: root + rep.URL + "index.html", Date: rep.Date.String(), Kind: w.T("search.doc.report"), Summary: english.Shorten(t.Summary, 240),
			Fields: []Field{{Text: t.Title, Weight: weightTitle, Title: true}, {Text: t.Summary, Weight: weightSummary}, {Body: t.Doc, Weight: weightBody}},
			Group:  GroupReport, Year: rep.Date.Year,
		}
		for _, list := range rep.Entities {
			for _, e := range list {
				d.Fields = append(d.Fields, Field{Text: entityNames(e), Weight: weightName})
				d.Places, d.Actors = f.add(d.Places, d.Actors, e)
			}
		}
		for _, ev := range rep.Events {
			d.Services = append(d.Services, ev.Services...)
		}
		d.Services = f.services(d.Services)
		docs = append(docs, d)
	}

	recs := slices.Clone(s.Records)
	slices.SortStableFunc(recs, func(a, b *site.Record) int {
		if a.Start.Date.IsZero() != b.Start.Date.IsZero() {
			return cmp.Compare(b.Start.Date.Year, a.Start.Date.Year) // the undated last
		}
		return b.Start.Date.Compare(a.Start.Date)
	})
	for _, rec := range recs {
		title := recordtext.Heading(s, w, rec)
		d := Doc{
			Title: title, URL: root + rec.URL + "index.html", Date: rec.Start.Date.String(), Kind: w.T("search.doc.record"), Summary: english.Shorten(rec.Summary, 240),
			Fields:   []Field{{Text: title, Weight: weightTitle, Title: true}, {Text: rec.Summary, Weight: weightSummary}, {Body: rec.Doc, Weight: weightBody}},
			Names:    []string{title},
			Group:    GroupRecord,
			Year:     rec.Start.Date.Year,
			Services: f.services(rec.Services),
		}
		if !rec.Own {
			d.Names = append(d.Names, rec.ID) // an event's own record has the event's id, no name
		}
		for _, ev := range slices.Concat(rec.Evidence, rec.Endings) {
			d.Fields = append(d.Fields, Field{Text: ev.Note, Weight: weightBody})
		}
		for _, p := range rec.Roles {
			for _, e := range p.Entities {
				d.Fields = append(d.Fields, Field{Text: entityNames(e), Weight: weightName})
				d.Places, d.Actors = f.add(d.Places, d.Actors, e)
			}
		}
		for _, e := range rec.RestoredBy {
			d.Fields = append(d.Fields, Field{Text: entityNames(e), Weight: weightName})
			d.Places, d.Actors = f.add(d.Places, d.Actors, e)
		}
		docs = append(docs, d)
	}

	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			t := e.In(lang)
			d := Doc{
				// Its type and parent, so that namesakes can be told apart.
				Title: t.Title, URL: root + e.URL + "index.html", Kind: recordtext.Subtitle(s, w, e), Summary: english.Shorten(t.Doc.FirstParagraph(), 240),
				Fields: []Field{{Text: entityNames(e), Weight: weightTitle, Title: true}, {Body: t.Doc, Weight: weightBody}},
				Names:  entitySpellings(e),
				Group:  k.ID,
			}
			d.Places, d.Actors = f.add(nil, nil, e)
			docs = append(docs, d)
		}
	}
	for _, pg := range s.Pages {
		t := pg.In(lang)
		docs = append(docs, Doc{
			Title: t.Title, URL: root + pg.URL + "index.html", Kind: w.T("search.doc.page"), Summary: english.Shorten(t.Summary, 240),
			Fields: []Field{{Text: t.Title, Weight: weightTitle, Title: true}, {Body: t.Doc, Weight: weightBody}},
			Group:  GroupPage,
		})
	}
	return docs
}

// entitySpellings are the names an entity is found by exactly: its name,
// id, aliases and names in other languages.
func entitySpellings(e *site.Entity) []string {
	out := []string{e.Name, e.ID}
	for _, a := range e.Aliases {
		out = append(out, a.Value)
	}
	for _, n := range e.Names {
		out = append(out, n.Name)
	}
	for _, t := range e.Translations {
		out = append(out, t.Name)
		for _, a := range t.Aliases {
			out = append(out, a.Value)
		}
	}
	return out
}

// kindsOf says which kinds the place and actor facets take: those of the
// where role and of the by role in site.yaml (site.RoleWhere, RoleBy),
// not fixed kind ids, so that a site with other kinds has the facets its
// roles imply.
type kindsOf struct {
	place, actor map[string]bool // by kind id: an edition's view of the site has kinds of its own (site.Site.In), its entities the site's
	serviceIDs   []string        // the vocabulary's ids, in its order
}

func facetKinds(s *site.Site) kindsOf {
	f := kindsOf{place: map[string]bool{}, actor: map[string]bool{}, serviceIDs: s.Config.Services.IDs()}
	for _, k := range s.Kinds {
		if role, ok := s.Config.Role(site.RoleWhere); ok && slices.Contains(role.Kinds, k.ID) {
			f.place[k.ID] = true
		}
		if role, ok := s.Config.Role(site.RoleBy); ok && slices.Contains(role.Kinds, k.ID) {
			f.actor[k.ID] = true
		}
	}
	return f
}

// add adds e to the places or the actors, by its kind, once.
func (f kindsOf) add(places, actors []*Entity, e *Entity) ([]*Entity, []*Entity) {
	if f.place[e.Kind.ID] && !slices.Contains(places, e) {
		places = append(places, e)
	}
	if f.actor[e.Kind.ID] && !slices.Contains(actors, e) {
		actors = append(actors, e)
	}
	return places, actors
}

// services returns ids once each, in the vocabulary's order; ids it does
// not have (content reported them) are left out.
func (f kindsOf) services(ids []string) []string {
	var out []string
	for _, id := range f.serviceIDs {
		if slices.Contains(ids, id) {
			out = append(out, id)
		}
	}
	return out
}

// entityNames is every spelling of an entity, so that "Daesh" finds ISIL.
func entityNames(e *site.Entity) string {
	return strings.Join(entitySpellings(e), " ")
}
