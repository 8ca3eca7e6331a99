package site

import (
	"fmt"
	"strings"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/english"
)

// Two role ids mean more than their labels say, on any site that declares
// them: the places of RoleWhere title records and put them on maps
// (package render), and the entities of a restoration's RoleBy brought
// service back (Record.RestoredBy).
const (
	RoleWhere = "where"
	RoleBy    = "by"
)

// RoleRestored is the part, on entity pages, of those who brought service
// back (Record.RestoredBy). No role of site.yaml may take this id.
const RoleRestored = "restored"

// Part is the entities that an event or record names in one role.
type Part struct {
	Role     string // a role id of site.yaml
	Entities []*Entity
}

// Roles are the entities that an event or record names, by role, in the
// order of site.yaml's roles; a role it names nothing in is left out.
type Roles []Part

// Of returns the entities named in the role with the given id. Layouts
// call it as {{$e.Roles.Of "where"}}.
func (rs Roles) Of(role string) []*Entity {
	for _, p := range rs {
		if p.Role == role {
			return p.Entities
		}
	}
	return nil
}

// roles resolves what an event or record names in its roles.
func (r *resolver) roles(refs []content.RoleRefs) Roles {
	var out Roles
	for _, rr := range refs {
		role, ok := r.site.Config.Role(rr.Role)
		if !ok {
			continue // content reported it
		}
		var es []*Entity
		for _, ref := range rr.Refs {
			if e := r.roleEntity(role, ref); e != nil {
				es = append(es, e)
			}
		}
		if len(es) > 0 {
			out = append(out, Part{Role: rr.Role, Entities: es})
		}
	}
	return out
}

// roleEntity finds the entity that ref names in role: of the kind ref
// gives, or, in a role that takes several kinds, of the one kind that has
// the id.
func (r *resolver) roleEntity(role config.Role, ref content.Ref) *Entity {
	if ref.Kind != "" {
		return r.entity(ref.Kind, ref.ID, ref.Pos)
	}
	var found []*Entity
	var ids []string
	for _, id := range role.Kinds {
		k := r.kind(id)
		if k == nil {
			continue
		}
		if e := k.byID[ref.ID]; e != nil {
			found = append(found, e)
		}
		for _, e := range k.Entities {
			ids = append(ids, e.ID)
		}
	}
	switch len(found) {
	case 1:
		return found[0]
	case 0:
		hint := diag.DidYouMean(ref.ID, ids)
		if hint == "" {
			hint = fmt.Sprintf("; create %s/%s.md or fix the id", r.kind(role.Kinds[0]).Plural, ref.ID)
		}
		r.diags.Errorf(ref.Pos, "unknown %s %q%s", strings.Join(role.Kinds, " or "), ref.ID, hint)
	default:
		qualified := make([]string, len(found))
		for i, e := range found {
			qualified[i] = e.Kind.ID + ":" + e.ID
		}
		r.diags.Errorf(ref.Pos, "%q is the id of %d entities that %s takes: write %s", ref.ID, len(found), role.ID, english.Or(qualified))
	}
	return nil
}
