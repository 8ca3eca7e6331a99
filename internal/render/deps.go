package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"

	"gazette/internal/content"
	"gazette/internal/markup"
	"gazette/internal/site"
)

// Digest is the SHA-256 of what a job's files are made from: an
// incremental build runs a job again only when its digest changed (see
// Jobs).
//
// A job's digest covers the build's Options.Global (the gazette binary,
// the options, site.yaml, the theme, the content's other files), its
// edition and navigation, and the digests, below, of the site's objects
// its pages show. Each object digest covers what any page shows of the
// object, computed from its files' Sums and from the values resolution
// gave it (a report's summary, a record's status); where a page shows an
// object's neighbours, their digests are in its own. The rule that keeps
// an incremental build equal to a full one: whatever a layout or partial
// of the default theme reads from a page must be in its job's digest.
// TestIncremental (package build) checks it after random edits; a theme
// with its own layouts or partials turns skipping off (Options.Jobs is
// then not given), since its templates may read anything.
type Digest [32]byte

// digests are the site's object digests, made once per render.
type digests struct {
	meta     map[*site.Report]Digest // what a list shows of a report
	body     map[*site.Report]Digest // meta, and its texts as rendered
	full     map[*site.Report]Digest // its page
	name     map[*site.Entity]Digest // what a link to an entity shows
	entity   map[*site.Entity]Digest // its own texts
	record   map[*site.Record]Digest
	places   Digest // the dots of the basemap: every place, by its reports
	axis     Digest // the span of the strips' time axis
	allMeta  Digest // every report as lists show it
	allBody  Digest // every report's texts
	allFull  Digest // every report's page
	allRecs  Digest // every record
	allNames Digest // every entity as links show it
	allTexts Digest // every entity's and page's own texts
}

// dh writes values to a hash, each with its length or type, so that
// different sequences of values never write the same bytes.
type dh struct{ h hash.Hash }

func newDH(tag string) dh {
	d := dh{sha256.New()}
	d.s(tag)
	return d
}

func (d dh) s(v string) {
	var n [9]byte
	n[0] = 's'
	binary.LittleEndian.PutUint64(n[1:], uint64(len(v)))
	d.h.Write(n[:])
	d.h.Write([]byte(v))
}

func (d dh) i(v int) {
	var n [9]byte
	n[0] = 'i'
	binary.LittleEndian.PutUint64(n[1:], uint64(v))
	d.h.Write(n[:])
}

func (d dh) b(v bool) {
	if v {
		d.h.Write([]byte{'t'})
	} else {
		d.h.Write([]byte{'f'})
	}
}

func (d dh) d(v Digest) { d.h.Write([]byte{'d'}); d.h.Write(v[:]) }

func (d dh) sum(v content.Sum) { d.d(v.Front); d.d(v.Body) }

func (d dh) v(v any) { d.s(fmt.Sprintf("%#v", v)) }

func (d dh) done() Digest {
	var out Digest
	d.h.Sum(out[:0])
	return out
}

// doc writes what a parsed body is rendered with besides its source: its
// annotations' targets and anchors, which come from other files.
func (d dh) doc(doc *markup.Doc) {
	if doc == nil {
		d.s("nil")
		return
	}
	d.d(doc.LinkSum())
}

// newDigests computes the object digests of s.
func newDigests(s *site.Site) *digests {
	g := &digests{
		meta: map[*site.Report]Digest{}, body: map[*site.Report]Digest{}, full: map[*site.Report]Digest{},
		name: map[*site.Entity]Digest{}, entity: map[*site.Entity]Digest{}, record: map[*site.Record]Digest{},
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			g.nameOf(e)
		}
	}
	for _, rep := range s.Reports {
		// What lists show comes from the front matter, but for a summary
		// cut from the body's first paragraph.
		d := newDH("meta")
		d.s(rep.URL)
		d.d(rep.Sum.Front)
		d.s(rep.Summary)
		d.s(rep.In("").Lang)
		d.i(len(rep.Translations))
		for _, t := range rep.Translations {
			d.s(t.Path)
			d.s(t.Lang)
			d.d(t.Sum.Front)
			d.s(t.Summary)
		}
		g.meta[rep] = d.done()
		d = newDH("body")
		d.d(g.meta[rep])
		d.d(rep.Sum.Body)
		d.doc(rep.Doc)
		for _, t := range rep.Translations {
			d.d(t.Sum.Body)
			d.doc(t.Doc)
		}
		g.body[rep] = d.done()
	}
	for _, rec := range s.Records {
		g.record[rec] = g.recordOf(rec)
	}
	for _, rep := range s.Reports {
		g.full[rep] = g.fullOf(rep)
	}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			g.entity[e] = g.entityOf(e)
		}
	}
	all := func(tag string, f func(d dh)) Digest {
		d := newDH(tag)
		f(d)
		return d.done()
	}
	g.allMeta = all("reports", func(d dh) {
		for _, rep := range s.Reports {
			d.d(g.meta[rep])
		}
	})
	g.allBody = all("bodies", func(d dh) {
		for _, rep := range s.Reports {
			d.d(g.body[rep])
		}
	})
	g.allFull = all("full", func(d dh) {
		for _, rep := range s.Reports {
			d.d(g.full[rep])
		}
	})
	g.allRecs = all("records", func(d dh) {
		for _, rec := range s.Records {
			d.d(g.record[rec])
		}
	})
	g.allNames = all("names", func(d dh) {
		for _, k := range s.Kinds {
			d.s(k.ID)
			for _, e := range k.Entities {
				d.d(g.name[e])
				d.i(len(e.Reports))
				d.i(len(e.Records))
			}
		}
	})
	g.allTexts = all("texts", func(d dh) {
		for _, k := range s.Kinds {
			for _, e := range k.Entities {
				d.d(g.entity[e])
			}
		}
		for _, p := range s.Pages {
			d.d(pageOf(p))
		}
	})
	g.places = all("places", func(d dh) {
		for _, k := range s.Kinds {
			for _, e := range k.Entities {
				if e.Coordinates != nil {
					d.d(g.name[e])
					d.i(len(e.Reports))
					d.i(len(e.Records))
				}
			}
		}
	})
	g.axis = all("axis", func(d dh) {
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
		d.s(lo)
		d.s(hi)
	})
	return g
}

// nameOf is what a link to e, a line naming it or its crumbs show: its
// names in every language, its type and the entities it is within.
func (g *digests) nameOf(e *site.Entity) Digest {
	if d, ok := g.name[e]; ok {
		return d
	}
	d := newDH("name")
	d.s(e.URL)
	d.s(e.Kind.ID)
	d.s(e.TypeLabel)
	d.d(e.Sum.Front)
	for _, t := range e.Translations {
		d.s(t.Lang)
		d.d(t.Sum.Front)
	}
	g.name[e] = Digest{} // a loop of parents ends here
	if e.Parent != nil {
		d.d(g.nameOf(e.Parent))
	}
	g.name[e] = d.done()
	return g.name[e]
}

// event writes what a row or a phrase shows of an event: its report as a
// list shows it (the event is in its front matter), its number, the
// entities of its roles and its record's id.
func (g *digests) event(d dh, ev *site.Event) {
	d.d(g.meta[ev.Report])
	d.i(ev.N)
	for _, ro := range ev.Roles {
		d.s(ro.Role)
		for _, e := range ro.Entities {
			d.d(g.name[e])
		}
	}
	if ev.Record != nil {
		d.s(ev.Record.URL)
	}
}

// recordOf is what a record's page, and a line or row naming it, show.
func (g *digests) recordOf(rec *site.Record) Digest {
	d := newDH("record")
	d.s(rec.URL)
	d.s(rec.ID)
	d.b(rec.Own)
	d.sum(rec.Sum)
	d.doc(rec.Doc)
	d.s(rec.Type)
	d.s(rec.Cause)
	d.v(rec.Services)
	d.v(rec.Start)
	d.v(rec.Status)
	for _, ro := range rec.Roles {
		d.s(ro.Role)
		for _, e := range ro.Entities {
			d.d(g.name[e])
		}
	}
	for _, list := range [][]*site.Event{rec.Evidence, rec.Endings} {
		d.i(len(list))
		for _, ev := range list {
			g.event(d, ev)
		}
	}
	for _, e := range rec.RestoredBy {
		d.d(g.name[e])
	}
	return d.done()
}

// fullOf is what a report's page shows.
func (g *digests) fullOf(rep *site.Report) Digest {
	d := newDH("full")
	d.d(g.body[rep])
	for _, list := range rep.Entities {
		d.i(len(list))
		for _, e := range list {
			d.d(g.name[e])
		}
	}
	for _, rec := range rep.Records {
		d.d(g.record[rec])
	}
	for _, ev := range rep.Events {
		g.event(d, ev)
		if ev.Record != nil {
			d.d(g.record[ev.Record])
		}
	}
	d.i(len(rep.Related))
	for _, r := range rep.Related {
		d.d(g.meta[r])
	}
	for _, r := range []*site.Report{rep.Prev, rep.Next} {
		if r != nil {
			d.d(g.meta[r])
		} else {
			d.s("none")
		}
	}
	d.i(len(rep.Mentions))
	for _, m := range rep.Mentions {
		d.d(g.name[m.Entity])
	}
	return d.done()
}

// entityOf is what an entity's own page shows of it: its texts, its
// reports with their mentions of it, its records, its neighbours.
func (g *digests) entityOf(e *site.Entity) Digest {
	d := newDH("entity")
	d.d(g.name[e])
	d.sum(e.Sum)
	d.doc(e.Doc)
	for _, t := range e.Translations {
		d.sum(t.Sum)
		d.doc(t.Doc)
	}
	d.v(e.Coordinates)
	d.i(len(e.Children))
	for _, c := range e.Children {
		d.d(g.name[c])
	}
	d.i(len(e.Reports))
	for _, r := range e.Reports {
		d.d(g.meta[r.Report])
		d.b(r.Direct)
	}
	d.i(len(e.Records))
	for _, r := range e.Records {
		d.d(g.record[r.Record])
		d.s(r.Role)
	}
	d.i(len(e.Related))
	for _, c := range e.Related {
		d.d(g.name[c.Entity])
		d.i(c.N)
	}
	d.i(len(e.Published))
	for _, r := range e.Published {
		d.d(g.meta[r])
	}
	d.i(len(e.Mentions))
	for _, m := range e.Mentions {
		d.d(g.meta[m.Report])
		d.s(m.Anchor())
		d.s(m.Lang)
		d.s(m.Sentence.Before)
		d.s(m.Sentence.Text)
		d.s(m.Sentence.After)
	}
	return d.done()
}

// pageOf is what a stand-alone page shows.
func pageOf(p *site.Page) Digest {
	d := newDH("page")
	d.s(p.URL)
	d.sum(p.Sum)
	d.doc(p.Doc)
	for _, t := range p.Translations {
		d.s(t.Lang)
		d.sum(t.Sum)
		d.doc(t.Doc)
	}
	return d.done()
}
