// Package deps says what each file of the site is made from, so that an
// incremental build lays out again only the pages whose inputs changed:
// the digests of the resolved site's objects (Of), and a Hash to combine
// them into a render job's digest (see package render's jobs and package
// incremental).
package deps

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/markup"
	"gazette/internal/site"
)

// Digest is the SHA-256 of what a job's files are made from: an
// incremental build runs a job again only when its digest changed (see
// render.Jobs).
//
// A job's digest covers the build's render.Options.Global (the gazette binary,
// the options, site.yaml, the theme, the content's other files), its
// edition and navigation, and the digests, below, of the site's objects
// its pages show. Each object digest covers what any page shows of the
// object, computed from its files' Sums and from the values resolution
// gave it (a report's summary, a record's status); where a page shows an
// object's neighbours, their digests are in its own. The rule that keeps
// an incremental build equal to a full one: whatever a layout or partial
// of the default theme reads from a page must be in its job's digest.
// TestIncremental (package build) checks it after random edits; a theme
// with its own layouts or partials turns skipping off, since its
// templates may read anything.
type Digest [32]byte

// Site are the digests of a resolved site's objects, made once per
// render.
type Site struct {
	Meta     map[*site.Report]Digest // what a list shows of a report
	Body     map[*site.Report]Digest // meta, and its texts as rendered
	Full     map[*site.Report]Digest // its page
	Name     map[*site.Entity]Digest // what a link to an entity shows
	Within   map[*site.Entity]Digest // its Name and those of the entities it is within
	Entity   map[*site.Entity]Digest // its own texts
	Record   map[*site.Record]Digest // its page
	Line     map[*site.Record]Digest // what a line, row or heading of a record shows
	Entry    map[*site.Report]Digest // a feed's entry of a report: its meta and its entities' names
	Places   Digest                  // the dots of the basemap: every place, by its reports
	Box      Digest                  // the bounds of the places' coordinates: the extent of a map without an outline
	Axis     Digest                  // the span of the strips' time axis
	AllMeta  Digest                  // every report as lists show it
	AllBody  Digest                  // every report's texts
	AllFull  Digest                  // every report's page
	AllRecs  Digest                  // every record
	AllLines Digest                  // every record as lines and rows show it
	AllNames Digest                  // every entity as links show it
	AllTexts Digest                  // every entity's and page's own texts
}

// Hash writes values to a hash, each with its length or type, so that
// different sequences of values never write the same bytes.
type Hash struct{ h hash.Hash }

func New(tag string) Hash {
	d := Hash{sha256.New()}
	d.String(tag)
	return d
}

func (d Hash) String(v string) {
	var n [9]byte
	n[0] = 's'
	binary.LittleEndian.PutUint64(n[1:], uint64(len(v)))
	d.h.Write(n[:])
	d.h.Write([]byte(v))
}

func (d Hash) Int(v int) {
	var n [9]byte
	n[0] = 'i'
	binary.LittleEndian.PutUint64(n[1:], uint64(v))
	d.h.Write(n[:])
}

func (d Hash) Bool(v bool) {
	if v {
		d.h.Write([]byte{'t'})
	} else {
		d.h.Write([]byte{'f'})
	}
}

func (d Hash) Digest(v Digest) { d.h.Write([]byte{'d'}); d.h.Write(v[:]) }

func (d Hash) Sum(v content.Sum) { d.Digest(v.Front); d.Digest(v.Body) }

func (d Hash) Value(v any) { d.String(fmt.Sprintf("%#v", v)) }

func (d Hash) Done() Digest {
	var out Digest
	d.h.Sum(out[:0])
	return out
}

// doc writes what a parsed body is rendered with besides its source: its
// annotations' targets and anchors, which come from other files.
func (d Hash) Doc(doc *markup.Doc) {
	if doc == nil {
		d.String("nil")
		return
	}
	d.Digest(doc.LinkSum())
}

// Of computes the digests of s's objects.
func Of(s *site.Site) *Site {
	g := &Site{
		Meta: map[*site.Report]Digest{}, Body: map[*site.Report]Digest{}, Full: map[*site.Report]Digest{},
		Name: map[*site.Entity]Digest{}, Within: map[*site.Entity]Digest{}, Entity: map[*site.Entity]Digest{},
		Record: map[*site.Record]Digest{}, Line: map[*site.Record]Digest{}, Entry: map[*site.Report]Digest{},
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			g.Name[e] = nameOf(e)
		}
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			g.withinOf(e)
		}
	}
	for _, rep := range s.Reports {
		// What lists show comes from the front matter, but for a summary
		// cut from the body's first paragraph.
		d := New("meta")
		d.String(rep.URL)
		d.Digest(rep.Sum.Front)
		d.String(rep.Summary)
		d.String(rep.In("").Lang)
		d.Int(len(rep.Translations))
		for _, t := range rep.Translations {
			d.String(t.Path)
			d.String(t.Lang)
			d.Digest(t.Sum.Front)
			d.String(t.Summary)
		}
		g.Meta[rep] = d.Done()
		d = New("body")
		d.Digest(g.Meta[rep])
		d.Digest(rep.Sum.Body)
		d.Doc(rep.Doc)
		for _, t := range rep.Translations {
			d.Digest(t.Sum.Body)
			d.Doc(t.Doc)
		}
		g.Body[rep] = d.Done()
		d = New("entry")
		d.Digest(g.Meta[rep])
		for _, list := range rep.Entities {
			g.names(d, list)
		}
		g.Entry[rep] = d.Done()
	}
	for _, rec := range s.Records {
		g.Line[rec] = g.lineOf(rec)
		g.Record[rec] = g.recordOf(rec)
	}
	for _, rep := range s.Reports {
		g.Full[rep] = g.fullOf(rep)
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			g.Entity[e] = g.entityOf(e, s.Config.Editions)
		}
	}
	all := func(tag string, f func(d Hash)) Digest {
		d := New(tag)
		f(d)
		return d.Done()
	}
	reports := func(tag string, of map[*site.Report]Digest) Digest {
		return all(tag, func(d Hash) {
			for _, rep := range s.Reports {
				d.Digest(of[rep])
			}
		})
	}
	g.AllMeta, g.AllBody, g.AllFull = reports("reports", g.Meta), reports("bodies", g.Body), reports("full", g.Full)
	g.AllRecs = all("records", func(d Hash) {
		for _, rec := range s.Records {
			d.Digest(g.Record[rec])
		}
	})
	g.AllLines = all("lines", func(d Hash) {
		for _, rec := range s.Records {
			d.Digest(g.Line[rec])
		}
	})
	g.AllNames = all("names", func(d Hash) {
		for _, k := range s.Kinds {
			d.String(k.ID)
			for _, e := range k.Entities {
				d.Digest(g.Within[e])
				d.Int(len(e.Reports))
				d.Int(len(e.Records))
			}
		}
	})
	g.AllTexts = all("texts", func(d Hash) {
		for _, k := range s.Kinds {
			for _, e := range k.Entities {
				d.Digest(g.Entity[e])
			}
		}
		for _, p := range s.Pages {
			d.Digest(Page(p))
		}
	})
	g.Places = all("places", func(d Hash) {
		for _, k := range s.Kinds {
			for _, e := range k.Entities {
				if e.Coordinates != nil {
					d.Digest(g.Within[e])
					d.Int(len(e.Reports))
					d.Int(len(e.Records))
				}
			}
		}
	})
	g.Box = all("box", func(d Hash) {
		// The bounds alone: the places are in the order of their names,
		// which a rename changes.
		var box []float64
		for _, k := range s.Kinds {
			for _, e := range k.Entities {
				if c := e.Coordinates; c == nil {
					continue
				} else if box == nil {
					box = []float64{c.Lon, c.Lat, c.Lon, c.Lat}
				} else {
					box = []float64{min(box[0], c.Lon), min(box[1], c.Lat), max(box[2], c.Lon), max(box[3], c.Lat)}
				}
			}
		}
		d.Value(box)
	})
	g.Axis = all("axis", func(d Hash) {
		lo, hi := "", ""
		for _, ev := range s.Events {
			for _, x := range []string{ev.From.String(), ev.Until.Date.String(), ev.Report.Date.String()} {
				if x == "" {
					continue
				}
				if lo == "" || x < lo {
					lo = x
				}
				if x > hi {
					hi = x
				}
			}
		}
		d.String(lo)
		d.String(hi)
	})
	return g
}

// nameOf is what a link to e or a line naming it shows: its names in
// every language and its type (its front matter, which also says which
// entity it is within, but not that entity's name: see withinOf).
func nameOf(e *site.Entity) Digest {
	d := New("name")
	d.String(e.URL)
	d.String(e.Kind.ID)
	d.String(e.TypeLabel)
	d.Digest(e.Sum.Front)
	for _, t := range e.Translations {
		d.String(t.Lang)
		d.Digest(t.Sum.Front)
	}
	return d.Done()
}

// withinOf is what e's own page says of it and of where it is (its
// crumbs, its subtitle, its JSON-LD), and an index's line of it: its
// Name, and the Names of the entities it is within, outermost last. Only
// these show a parent's name, so renaming a place lays out again the
// pages of the places within it, not every page that names one of them.
func (g *Site) withinOf(e *site.Entity) Digest {
	if d, ok := g.Within[e]; ok {
		return d
	}
	d := New("within")
	d.Digest(g.Name[e])
	g.Within[e] = Digest{} // a loop of parents ends here
	if e.Parent != nil {
		d.Digest(g.withinOf(e.Parent))
	} else {
		d.String("none")
	}
	g.Within[e] = d.Done()
	return g.Within[e]
}

// event writes what a row or a phrase shows of an event: its report as a
// list shows it (the event is in its front matter), its number, the
// entities of its roles and its record's id.
func (g *Site) event(d Hash, ev *site.Event) {
	d.Digest(g.Meta[ev.Report])
	d.Int(ev.N)
	for _, ro := range ev.Roles {
		d.String(ro.Role)
		for _, e := range ro.Entities {
			d.Digest(g.Name[e])
		}
	}
	if ev.Record != nil {
		d.String(ev.Record.URL)
	}
}

// lineOf is what a line, a row, a heading or a strip's bar of a record
// shows: its title (its file's, or its facts), its facts and entities,
// when it began and whether it is over. Not its body or its evidence,
// which only its page shows.
func (g *Site) lineOf(rec *site.Record) Digest {
	d := New("line")
	d.String(rec.URL)
	d.String(rec.ID)
	d.Bool(rec.Own)
	d.Digest(rec.Sum.Front)
	d.String(rec.Type)
	d.String(rec.Cause)
	d.Value(rec.Services)
	d.Value(rec.Start)
	d.Value(rec.Status)
	for _, ro := range rec.Roles {
		d.String(ro.Role)
		g.names(d, ro.Entities)
	}
	return d.Done()
}

// names writes how many entities list holds and what a link to each
// shows.
func (g *Site) names(d Hash, list []*site.Entity) {
	d.Int(len(list))
	for _, e := range list {
		d.Digest(g.Name[e])
	}
}

// recordOf is what a record's page shows.
func (g *Site) recordOf(rec *site.Record) Digest {
	d := New("record")
	d.Digest(g.Line[rec])
	d.Digest(rec.Sum.Body)
	d.Doc(rec.Doc)
	for _, list := range [][]*site.Event{rec.Evidence, rec.Endings} {
		d.Int(len(list))
		for _, ev := range list {
			g.event(d, ev)
		}
	}
	for _, e := range rec.RestoredBy {
		d.Digest(g.Name[e])
	}
	return d.Done()
}

// fullOf is what a report's page shows.
func (g *Site) fullOf(rep *site.Report) Digest {
	d := New("full")
	d.Digest(g.Body[rep])
	for _, list := range rep.Entities {
		g.names(d, list)
	}
	d.Int(len(rep.Records))
	for _, rec := range rep.Records {
		d.Digest(g.Line[rec])
	}
	for _, ev := range rep.Events {
		g.event(d, ev)
		if ev.Record != nil {
			d.Digest(g.Line[ev.Record])
		}
	}
	d.Int(len(rep.Related))
	for _, r := range rep.Related {
		d.Digest(g.Meta[r])
	}
	for _, r := range []*site.Report{rep.Prev, rep.Next} {
		if r != nil {
			d.Digest(g.Meta[r])
		} else {
			d.String("none")
		}
	}
	d.Int(len(rep.Mentions))
	for _, m := range rep.Mentions {
		d.Digest(g.Name[m.Entity])
	}
	return d.Done()
}

// entityOf is what an entity's own page shows of it: its texts, its
// reports with their mentions of it, its records, its neighbours.
func (g *Site) entityOf(e *site.Entity, editions []config.Edition) Digest {
	d := New("entity")
	d.Digest(g.Within[e])
	d.Sum(e.Sum)
	d.Doc(e.Doc)
	for _, t := range e.Translations {
		d.Sum(t.Sum)
		d.Doc(t.Doc)
	}
	d.Value(e.Coordinates)
	d.Int(len(e.Children))
	for _, c := range e.Children {
		d.Digest(g.Name[c])
		d.Int(len(c.Reports)) // the list of them counts their reports
	}
	d.Int(len(e.Reports))
	for _, r := range e.Reports {
		d.Digest(g.Meta[r.Report])
		d.Bool(r.Direct)
	}
	d.Int(len(e.Records))
	for _, r := range e.Records {
		d.Digest(g.Line[r.Record])
		d.String(r.Role)
	}
	d.Int(len(e.Related))
	for _, c := range e.Related {
		d.Digest(g.Name[c.Entity])
		d.Int(c.N)
	}
	d.Int(len(e.Published))
	for _, r := range e.Published {
		d.Digest(g.Meta[r])
	}
	// Each edition's page lists the mentions in the texts it shows: a
	// translation's, else the original's.
	for _, ed := range editions {
		list := e.MentionsIn(ed.Lang)
		d.Int(len(list))
		for _, m := range list {
			d.Digest(g.Meta[m.Report])
			d.String(m.Anchor())
			d.String(m.Lang)
			d.String(m.Sentence.Before)
			d.String(m.Sentence.Text)
			d.String(m.Sentence.After)
		}
	}
	return d.Done()
}

// Page is what a stand-alone page shows.
func Page(p *site.Page) Digest {
	d := New("page")
	d.String(p.URL)
	d.Sum(p.Sum)
	d.Doc(p.Doc)
	for _, t := range p.Translations {
		d.String(t.Lang)
		d.Sum(t.Sum)
		d.Doc(t.Doc)
	}
	return d.Done()
}

// Map writes what a map of the places drawn shows (svg.Basemap.Drawn):
// the basemap's extent and, for each place in order, its name, its
// coordinates, its report count and whether places are within it. Renaming a place
// then lays out again only the maps that draw it.
func (g *Site) Map(d Hash, drawn []*site.Entity) {
	d.Digest(g.Box)
	d.Int(len(drawn))
	for _, e := range drawn {
		d.Digest(g.Name[e]) // its front matter: its coordinates too
		d.Int(len(e.Reports))
		d.Bool(len(e.Children) > 0)
	}
}
