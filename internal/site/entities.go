package site

import (
	"cmp"
	"slices"
	"strings"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/site/names"
)

// entities builds the kinds, their entities and name indexes, and the
// within trees.
func (r *resolver) entities(all []*content.Entity) {
	s := r.site
	r.names = map[string]*names.Index[*Entity]{}
	for _, ck := range s.Config.Kinds {
		k := &Kind{Kind: ck, URL: ck.Plural + "/", byID: map[string]*Entity{}}
		s.Kinds = append(s.Kinds, k)
		r.names[ck.ID] = names.New(func(a, b *Entity) int { return strings.Compare(a.ID, b.ID) })
	}
	for _, ce := range all {
		k := r.kind(ce.Kind)
		e := &Entity{Entity: ce, Kind: k, URL: k.URL + ce.ID + "/", lang: s.Config.Language, Translations: translations(ce.Translations, false)}
		if ce.Type != "" {
			e.TypeLabel = s.Config.Types.TypeLabel(ce.Type)
		}
		k.Entities = append(k.Entities, e)
		k.byID[ce.ID] = e
	}
	for _, k := range s.Kinds {
		slices.SortFunc(k.Entities, byName)
		ix := r.names[k.ID]
		for _, e := range k.Entities {
			if e.Name != "" {
				ix.Add("", e, "name", e.Name, e.NamePos)
			}
			for _, a := range e.Aliases {
				ix.Add("", e, "alias", a.Value, a.Pos)
			}
			for _, n := range e.Names {
				ix.Add("", e, n.Lang+" name", n.Name, n.Pos)
			}
			for _, t := range e.Translations {
				if t.Name != "" {
					ix.Add(t.Lang, e, t.Lang+" name", t.Name, t.NamePos)
				}
				for _, a := range t.Aliases {
					ix.Add(t.Lang, e, "alias", a.Value, a.Pos)
				}
			}
		}
		// An alias that is another entity's id, and not also one of that
		// entity's spellings (see names.Index.Shadows).
		for _, e := range k.Entities {
			for _, c := range ix.Shadows(e, e.ID, s.Config.Langs()) {
				r.diags.Errorf(c.Pos, "alias %q of %s is the id of %s; remove the alias or rename one of them", c.Value, c.Pos.Path, e.Path)
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
// name or alias it is, else the nearest id (names.Index.Hint), else the
// file to create.
func (r *resolver) hint(k *Kind, s string) string {
	ids := make([]string, len(k.Entities))
	for i, e := range k.Entities {
		ids[i] = e.ID
	}
	if h := r.names[k.ID].Hint(s, func(e *Entity) string { return e.ID }, ids); h != "" {
		return h
	}
	return "; create " + k.Plural + "/" + content.Slugify(s) + ".md or fix the id"
}
