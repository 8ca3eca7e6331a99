package content

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"gazette/internal/diag"
)

// Role is a part that entities play in events and records: where it
// happened, who ordered it, through whom. Events and records name entities
// under their roles' ids, as in `where: [mosul]`.
type Role struct {
	ID     string   // "by": the field of events and records
	Kinds  []string // the kinds whose entities it names: "actor"
	Label  string   // "Ordered or carried out by": its heading on pages
	Phrase string   // "by": what puts its entities in a sentence ("Shutdown by ISIL")
}

// defaultRoles are the roles of a site.yaml that declares none.
func defaultRoles() []Role {
	return []Role{
		{ID: "where", Kinds: []string{"city"}, Label: "Where", Phrase: "in"},
		{ID: "by", Kinds: []string{"actor"}, Label: "Ordered or carried out by", Phrase: "by"},
		{ID: "via", Kinds: []string{"actor"}, Label: "Through", Phrase: "through"},
	}
}

// Role returns the role with the given id.
func (c *Config) Role(id string) (Role, bool) {
	for _, r := range c.Roles {
		if r.ID == id {
			return r, true
		}
	}
	return Role{}, false
}

func (c *Config) roleIDs() []string {
	ids := make([]string, len(c.Roles))
	for i, r := range c.Roles {
		ids[i] = r.ID
	}
	return ids
}

// RoleRefs are the entities that an event or record names in one role.
type RoleRefs struct {
	Role string // a role id of site.yaml
	Refs []Ref  // Kind is "" for an id that any of the role's kinds may hold
}

// Refs returns the references f gives in the role with the given id.
func (f *Facts) Refs(role string) []Ref {
	for _, rr := range f.Roles {
		if rr.Role == role {
			return rr.Refs
		}
	}
	return nil
}

// setRole puts refs into f under role, keeping f.Roles in site.yaml's
// order.
func (f *Facts) setRole(c *Config, role string, refs []Ref) {
	if len(refs) == 0 {
		return
	}
	order := func(id string) int { return slices.IndexFunc(c.Roles, func(r Role) bool { return r.ID == id }) }
	i := 0
	for i < len(f.Roles) && order(f.Roles[i].Role) < order(role) {
		i++
	}
	f.Roles = slices.Insert(f.Roles, i, RoleRefs{Role: role, Refs: refs})
}

// notRoles are the fields of events and records that a role cannot take,
// and "restored", the part entities play in a record's restoration.
var notRoles = []string{"type", "services", "scope", "cause", "from", "until", "note", "record", "title", "summary", "restored"}

var roleFields = []string{"id", "kinds", "label", "phrase"}

// roles reads site.yaml's roles: a list of {id, kinds, label, phrase}.
// The kinds are checked once the whole file is read (checkRoles), since
// site.yaml may list kinds after roles.
func (d *decoder) roles(n *yaml.Node) ([]Role, []*yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "roles must be a list such as [{id: where, kinds: [city], label: Where}]")
		return nil, nil
	}
	var roles []Role
	var nodes []*yaml.Node
	seen := map[string]bool{}
	for _, item := range n.Content {
		var r Role
		var kindsNode *yaml.Node
		fields := d.fields(item, "a role", roleFields, func(key string, _, v *yaml.Node) {
			switch key {
			case "id":
				s, ok := d.str(v, key, true)
				switch {
				case !ok:
				case !ValidID(s):
					d.errorf(v, "role id %q: use lower-case letters a-z, digits and single hyphens", s)
				case contains(notRoles, s):
					d.errorf(v, "role id %q is taken by a field of events or records; choose another", s)
				case seen[s]:
					d.errorf(v, "role %q is defined twice", s)
				default:
					r.ID = s
				}
			case "kinds":
				r.Kinds, kindsNode = listValues(d.list(v, key)), v
				if len(r.Kinds) == 0 {
					d.errorf(v, "kinds is empty: a role names entities of at least one kind")
				}
			case "label":
				r.Label, _ = d.str(v, key, true)
			case "phrase":
				r.Phrase, _ = d.str(v, key, true)
			}
		})
		if item.Kind != yaml.MappingNode {
			continue
		}
		d.require(item, "a role", fields, "id", "kinds")
		if r.ID == "" || len(r.Kinds) == 0 {
			continue
		}
		seen[r.ID] = true
		if r.Label == "" {
			r.Label = labelFromID(r.ID)
		}
		if r.Phrase == "" {
			r.Phrase = strings.ToLower(r.Label)
		}
		roles = append(roles, r)
		nodes = append(nodes, kindsNode)
	}
	return roles, nodes
}

// checkRoles keeps, of each role's kinds, those that site.yaml defines.
// nodes are the roles' kinds as site.yaml gives them, or nil for the
// default roles. A declared kind that does not exist is an error. A
// default role whose kinds a site has replaced is left out, and an event
// or record that uses it gets the error (see Facts.fact): a site that
// never names entities in events need not declare roles.
func (d *decoder) checkRoles(c *Config, nodes []*yaml.Node) {
	kinds := c.KindIDs()
	var roles []Role
	for i, r := range c.Roles {
		var ok []string
		for _, k := range r.Kinds {
			switch {
			case contains(kinds, k):
				if !contains(ok, k) {
					ok = append(ok, k)
				}
			case nodes != nil:
				d.errorf(entry(nodes[i], k), "role %q names kind %q, which kinds does not define%s", r.ID, k, diag.DidYouMean(k, kinds))
			}
		}
		switch {
		case len(ok) > 0:
			r.Kinds = ok
			roles = append(roles, r)
		case nodes == nil:
			c.dropped = append(c.dropped, r)
		}
	}
	c.Roles = roles
}

// entry returns the entry of list whose value is v, or list.
func entry(list *yaml.Node, v string) *yaml.Node {
	for _, c := range list.Content {
		if c.Value == v {
			return c
		}
	}
	return list
}

// droppedRole reports the use of a default role that the site's kinds
// left out (see checkRoles), at n.
func (d *decoder) droppedRole(c *Config, n *yaml.Node, role string) {
	for _, r := range c.dropped {
		if r.ID != role {
			continue
		}
		example := ""
		if kinds := c.KindIDs(); len(kinds) > 0 {
			example = fmt.Sprintf(", such as roles: [{id: %s, kinds: [%s]}]", r.ID, kinds[0])
		}
		d.errorf(n, "%s names %s, which site.yaml kinds does not define: declare the roles of events in site.yaml%s", r.ID, strings.Join(r.Kinds, " or "), example)
	}
}

// roleRefs reads the ids a role names: "mosul", or "city:mosul" to say
// which of the role's kinds holds the id.
func (d *decoder) roleRefs(n *yaml.Node, r Role) []Ref {
	var out []Ref
	for _, c := range d.list(n, r.ID) {
		kind, id, qualified := strings.Cut(c.Value, ":")
		if !qualified {
			kind, id = "", c.Value
			if len(r.Kinds) == 1 {
				kind = r.Kinds[0]
			}
		}
		switch {
		case qualified && !contains(r.Kinds, kind):
			d.errorf(c, "%q: %s takes %s, not %s", c.Value, r.ID, strings.Join(r.Kinds, " or "), kind)
			continue
		case !ValidID(id):
			d.errorf(c, "invalid id %q in %s: ids use lower-case letters a-z, digits and single hyphens", c.Value, r.ID)
			continue
		}
		out = append(out, Ref{Kind: kind, ID: id, Pos: d.pos(c)})
	}
	return out
}

// listValues returns the values of scalar nodes.
func listValues(ns []*yaml.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Value
	}
	return out
}
