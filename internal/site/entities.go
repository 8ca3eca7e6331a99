package site

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"gazette/internal/content"
	"gazette/internal/diag"
)

// nameIndex finds the entities of one kind by name, alias, other-language
// name or id, compared after NFC normalisation and case folding.
type nameIndex struct {
	byKey map[string]nameClaim
}

// nameClaim remembers who claimed a name, to name both files on a clash.
type nameClaim struct {
	entity *Entity
	what   string // "name", "alias", "ar name"
	value  string
}

// key folds s for comparison: NFC, case folding, and runs of spaces as one.
// A Caser keeps state, so each call makes its own: bodies are resolved in
// parallel.
func (ix *nameIndex) key(s string) string {
	s = cases.Fold().String(norm.NFC.String(s))
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

func (ix *nameIndex) lookup(s string) *Entity {
	if c, ok := ix.byKey[ix.key(s)]; ok {
		return c.entity
	}
	return nil
}

// entities builds the kinds, their entities and name indexes, and the
// within trees.
func (r *resolver) entities(all []*content.Entity) {
	s := r.site
	r.names = map[string]*nameIndex{}
	for _, ck := range s.Config.Kinds {
		k := &Kind{Kind: ck, URL: ck.Plural + "/", byID: map[string]*Entity{}}
		s.Kinds = append(s.Kinds, k)
		r.names[ck.ID] = &nameIndex{byKey: map[string]nameClaim{}}
	}
	for _, ce := range all {
		k := r.kind(ce.Kind)
		e := &Entity{Entity: ce, Kind: k, URL: k.URL + ce.ID + "/"}
		k.Entities = append(k.Entities, e)
		k.byID[ce.ID] = e
	}
	for _, k := range s.Kinds {
		slices.SortFunc(k.Entities, byName)
		ix := r.names[k.ID]
		// Names first, so that a clash is reported at the alias, the newer
		// and more likely mistaken claim.
		for _, e := range k.Entities {
			if e.Name != "" {
				r.claim(ix, e, "name", e.Name, e.NamePos)
			}
		}
		for _, e := range k.Entities {
			for _, a := range e.Aliases {
				r.claim(ix, e, "alias", a.Value, a.Pos)
			}
			for _, n := range e.Names {
				r.claim(ix, e, n.Lang+" name", n.Name, n.Pos)
			}
		}
		// An alias that is another entity's id would make [x](city:) and
		// city:x disagree.
		for _, e := range k.Entities {
			if c, ok := ix.byKey[ix.key(e.ID)]; ok && c.entity != e && c.what == "alias" {
				pos := c.entity.Path
				for _, a := range c.entity.Aliases {
					if a.Value == c.value {
						r.diags.Errorf(a.Pos, "alias %q of %s is the id of %s; remove the alias or rename one of them", c.value, pos, e.Path)
					}
				}
			}
		}
		for _, e := range k.Entities {
			r.within(e)
		}
		for _, e := range k.Entities {
			r.cycle(e)
		}
		for _, e := range k.Entities {
			if e.Parent != nil {
				e.Parent.Children = append(e.Parent.Children, e)
			}
		}
	}
}

func byName(a, b *Entity) int {
	return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.ID, b.ID))
}

func (r *resolver) kind(id string) *Kind {
	for _, k := range r.site.Kinds {
		if k.ID == id {
			return k
		}
	}
	return nil
}

func (r *resolver) claim(ix *nameIndex, e *Entity, what, value string, pos diag.Pos) {
	key := ix.key(value)
	if key == "" {
		return
	}
	prev, taken := ix.byKey[key]
	switch {
	case !taken:
		ix.byKey[key] = nameClaim{e, what, value}
	case prev.entity == e:
		// The same entity listing a spelling twice is harmless.
	default:
		r.diags.Errorf(pos, "%s %q of %s is also the %s of %s; one spelling can name only one %s", what, value, e.Path, prev.what, prev.entity.Path, e.Kind.ID)
	}
}

func (r *resolver) within(e *Entity) {
	if e.Within == nil {
		return
	}
	if e.Within.ID == e.ID {
		r.diags.Errorf(e.Within.Pos, "%s %q cannot be within itself", e.Kind.ID, e.ID)
		return
	}
	p := r.entity(e.Kind.ID, e.Within.ID, e.Within.Pos)
	if p != nil {
		e.Parent = p
	}
}

// cycle reports a within chain that comes back to e, once, at e's within.
func (r *resolver) cycle(e *Entity) {
	seen := map[*Entity]bool{e: true}
	path := []string{e.ID}
	for p := e.Parent; p != nil; p = p.Parent {
		path = append(path, p.ID)
		if p == e {
			r.diags.Errorf(e.Within.Pos, "within cycle: %s", strings.Join(path, " → "))
			e.Parent = nil
			return
		}
		if seen[p] {
			return // a cycle further up, reported there
		}
		seen[p] = true
	}
}

// entity looks up an entity by kind and id, reporting an unknown one.
func (r *resolver) entity(kind, id string, pos diag.Pos) *Entity {
	k := r.kind(kind)
	if k == nil {
		r.diags.Errorf(pos, "there is no entity kind %q: site.yaml kinds has %s", kind, strings.Join(r.site.Config.KindIDs(), ", "))
		return nil
	}
	if e := k.byID[id]; e != nil {
		return e
	}
	r.diags.Errorf(pos, "unknown %s %q%s", kind, id, r.hint(k, id))
	return nil
}

// hint suggests the entity an unknown id or name probably meant: one whose
// name or alias it is, else the nearest id.
func (r *resolver) hint(k *Kind, s string) string {
	if e := r.names[k.ID].lookup(s); e != nil {
		return `; did you mean "` + e.ID + `"?`
	}
	ids := make([]string, len(k.Entities))
	for i, e := range k.Entities {
		ids[i] = e.ID
	}
	if h := diag.DidYouMean(s, ids); h != "" {
		return h
	}
	if h := diag.DidYouMean(strings.ToLower(content.Slugify(s)), ids); h != "" {
		return h
	}
	return "; create " + k.Plural + "/" + content.Slugify(s) + ".md or fix the id"
}
