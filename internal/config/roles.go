package config

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"gazette/internal/decode"
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

	tr texts // label and phrase in the other languages; see In
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

// RoleIDs returns the ids of the roles, in site.yaml's order: the fields
// that events and records name entities under.
func (c *Config) RoleIDs() []string { return ids(c.Roles, func(r Role) string { return r.ID }) }

// notRoles are the fields of events and records that a role cannot take,
// and "restored", the part entities play in a record's restoration.
var notRoles = []string{"type", "services", "scope", "cause", "from", "until", "note", "record", "title", "summary", "restored"}

var roleFields = []string{"id", "kinds", "label", "phrase"}

// roles reads site.yaml's roles: a list of {id, kinds, label, phrase}.
// The kinds are checked once the whole file is read (checkRoles), since
// site.yaml may list kinds after roles.
func (d *decoder) roles(n *yaml.Node) ([]Role, []*yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		d.Errorf(n, "roles must be a list such as [{id: where, kinds: [city], label: Where}]")
		return nil, nil
	}
	var roles []Role
	var nodes []*yaml.Node
	seen := map[string]bool{}
	for _, item := range n.Content {
		r := Role{tr: texts{}}
		var kindsNode *yaml.Node
		fields := d.Fields(item, "a role", roleFields, func(key string, _, v *yaml.Node) {
			switch key {
			case "id":
				s, ok := d.Str(v, key, true)
				switch {
				case !ok:
				case !decode.ValidID(s):
					d.Errorf(v, "role id %q: use lower-case letters a-z, digits and single hyphens", s)
				case slices.Contains(notRoles, s):
					d.Errorf(v, "role id %q is taken by a field of events or records; choose another", s)
				case seen[s]:
					d.Errorf(v, "role %q is defined twice", s)
				default:
					r.ID = s
				}
			case "kinds":
				r.Kinds, kindsNode = listValues(d.List(v, key)), v
				if len(r.Kinds) == 0 {
					d.Errorf(v, "kinds is empty: a role names entities of at least one kind")
				}
			case "label", "phrase":
				s, _ := d.text(v, key, "the "+key+" of role "+kindName(item), true, r.tr)
				if key == "label" {
					r.Label = s
				} else {
					r.Phrase = s
				}
			}
		})
		if item.Kind != yaml.MappingNode {
			continue
		}
		d.Require(item, "a role", fields, "id", "kinds")
		if r.ID == "" || len(r.Kinds) == 0 {
			continue
		}
		seen[r.ID] = true
		if r.Label == "" {
			r.Label = labelFromID(r.ID)
			d.missingDefault(item, "the label of role "+r.ID, r.Label, "label")
		}
		if r.Phrase == "" {
			r.Phrase = strings.ToLower(r.Label)
			r.tr.derive("phrase", "label", strings.ToLower)
		}
		r.tr = r.tr.orNil()
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
			case slices.Contains(kinds, k):
				if !slices.Contains(ok, k) {
					ok = append(ok, k)
				}
			case nodes != nil:
				d.Errorf(entry(nodes[i], k), "role %q names kind %q, which kinds does not define%s", r.ID, k, diag.DidYouMean(k, kinds))
			}
		}
		switch {
		case len(ok) > 0:
			r.Kinds = ok
			roles = append(roles, r)
		case nodes == nil:
			c.Dropped = append(c.Dropped, r)
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

// listValues returns the values of scalar nodes.
func listValues(ns []*yaml.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Value
	}
	return out
}
