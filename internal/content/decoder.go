package content

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"gazette/internal/config"
	"gazette/internal/decode"
	"gazette/internal/diag"
)

// decoder reads the front matter of content files: package decode's
// reading of YAML, with the methods that make this package's types.
type decoder struct{ *decode.Decoder }

// aliases reads a list of names, none of them empty.
func (d *decoder) aliases(v *yaml.Node, key string) []Text {
	var out []Text
	for _, a := range d.List(v, key) {
		if strings.TrimSpace(a.Value) == "" {
			d.Errorf(a, "an alias is empty")
			continue
		}
		out = append(out, Text{a.Value, d.Pos(a)})
	}
	return out
}

// refs reads a list of ids of one kind.
func (d *decoder) refs(n *yaml.Node, field, kind string) []Ref {
	var out []Ref
	for _, c := range d.List(n, field) {
		if !decode.ValidID(c.Value) {
			d.Errorf(c, "invalid id %q in %s: ids use lower-case letters a-z, digits and single hyphens", c.Value, field)
			continue
		}
		out = append(out, Ref{Kind: kind, ID: c.Value, Pos: d.Pos(c)})
	}
	return out
}

// date reads a YYYY, YYYY-MM or YYYY-MM-DD scalar.
func (d *decoder) date(n *yaml.Node, field string) (Date, bool) {
	s, ok := d.Str(n, field, true)
	if !ok {
		return Date{}, false
	}
	dt, err := ParseDate(s)
	if err != nil {
		d.Errorf(n, "%s: %v", field, err)
		return Date{}, false
	}
	return dt, true
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
func (f *Facts) setRole(c *config.Config, role string, refs []Ref) {
	if len(refs) == 0 {
		return
	}
	order := func(id string) int { return slices.IndexFunc(c.Roles, func(r config.Role) bool { return r.ID == id }) }
	i := 0
	for i < len(f.Roles) && order(f.Roles[i].Role) < order(role) {
		i++
	}
	f.Roles = slices.Insert(f.Roles, i, RoleRefs{Role: role, Refs: refs})
}

// droppedRole reports the use of a default role that the site's kinds
// left out (see checkRoles), at n.
func (d *decoder) droppedRole(c *config.Config, n *yaml.Node, role string) {
	for _, r := range c.Dropped {
		if r.ID != role {
			continue
		}
		example := ""
		if kinds := c.KindIDs(); len(kinds) > 0 {
			example = fmt.Sprintf(", such as roles: [{id: %s, kinds: [%s]}]", r.ID, kinds[0])
		}
		d.Errorf(n, "%s names %s, which site.yaml kinds does not define: declare the roles of events in site.yaml%s", r.ID, strings.Join(r.Kinds, " or "), example)
	}
}

// roleRefs reads the ids a role names: "mosul", or "city:mosul" to say
// which of the role's kinds holds the id.
func (d *decoder) roleRefs(n *yaml.Node, r config.Role) []Ref {
	var out []Ref
	for _, c := range d.List(n, r.ID) {
		kind, id, qualified := strings.Cut(c.Value, ":")
		if !qualified {
			kind, id = "", c.Value
			if len(r.Kinds) == 1 {
				kind = r.Kinds[0]
			}
		}
		switch {
		case qualified && !slices.Contains(r.Kinds, kind):
			d.Errorf(c, "%q: %s takes %s, not %s", c.Value, r.ID, strings.Join(r.Kinds, " or "), kind)
			continue
		case !decode.ValidID(id):
			d.Errorf(c, "invalid id %q in %s: ids use lower-case letters a-z, digits and single hyphens", c.Value, r.ID)
			continue
		}
		out = append(out, Ref{Kind: kind, ID: id, Pos: d.Pos(c)})
	}
	return out
}

// checkPrefixes reports an edition whose prefix is a page's slug: both
// would be the same folder of the output.
func checkPrefixes(c *config.Config, pages []*Page, diags *diag.List) {
	for _, e := range c.Editions {
		for _, p := range pages {
			if e.Prefix != "" && p.Slug == e.Prefix {
				diags.Errorf(e.PrefixPos, "prefix %q of %s is the page %s's folder too; rename the page or give the language another prefix", e.Prefix, e.Lang, p.Path)
			}
		}
	}
}

// langList names the site's languages in a message: "en, ar, ckb".
func langList(c *config.Config) string {
	return strings.Join(c.Langs(), ", ")
}
