package config

import (
	"strings"

	"gazette/internal/decode"

	"go.yaml.in/yaml/v3"
)

// Term is one value of a site.yaml vocabulary (event_types, services,
// causes, scopes). Content names it by ID; pages show its Label.
type Term struct {
	ID          string // "mobile-data": what content writes
	Label       string // "Mobile data": what readers see
	Description string // optional: a sentence for the data codebook and legends

	// Ends is set on event types whose events end the record they name,
	// such as restoration.
	Ends bool

	tr texts // label and description in the other languages; see In
}

// Vocab is one of site.yaml's vocabularies, in the order site.yaml gives.
type Vocab []Term

// IDs returns the ids of v, in order.
func (v Vocab) IDs() []string { return ids(v, func(t Term) string { return t.ID }) }

// Term returns the term with the given id.
func (v Vocab) Term(id string) (Term, bool) {
	for _, t := range v {
		if t.ID == id {
			return t, true
		}
	}
	return Term{}, false
}

// Label returns what readers see for id: its label, or the id made into
// words when it is not in v.
func (v Vocab) Label(id string) string {
	if t, ok := v.Term(id); ok {
		return t.Label
	}
	return labelFromID(id)
}

// TypeLabel is what readers see for an entity's type: its label in v, or
// the word with its hyphens made spaces ("telecom-operator" is "telecom
// operator"), never the id as written.
func (v Vocab) TypeLabel(t string) string {
	if term, ok := v.Term(t); ok {
		return term.Label
	}
	return strings.ReplaceAll(t, "-", " ")
}

// Labels returns the labels of ids, joined with commas: "Internet, Mobile
// data".
func (v Vocab) Labels(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = v.Label(id)
	}
	return strings.Join(out, ", ")
}

// Vocabulary is the vocabulary site.yaml calls name: "event_types",
// "services", "causes" or "scopes"; ok is false for any other name.
// Layouts name vocabularies so ({{label .Site "services" $id}}).
func (c *Config) Vocabulary(name string) (v Vocab, ok bool) {
	switch name {
	case "event_types":
		return c.EventTypes, true
	case "services":
		return c.Services, true
	case "causes":
		return c.Causes, true
	case "scopes":
		return c.Scopes, true
	}
	return nil, false
}

// Ends reports whether events of type id end the record they name.
func (v Vocab) Ends(id string) bool {
	t, ok := v.Term(id)
	return ok && t.Ends
}

// labelFromID is the label of a term that gives none: "mobile-data" is
// "Mobile data". Sites that want "SMS" or "VPNs" say so in site.yaml.
func labelFromID(id string) string {
	if id == "" {
		return ""
	}
	s := strings.ReplaceAll(id, "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

func terms(ids ...string) Vocab {
	v := make(Vocab, len(ids))
	for i, id := range ids {
		v[i] = Term{ID: id, Label: labelFromID(id)}
	}
	return v
}

var termFields = []string{"id", "label", "description", "ends"}

// vocabulary reads one site.yaml vocabulary: a list whose entries are ids
// (`shutdown`) or mappings (`{id: sms, label: SMS, description: …}`).
func (d *decoder) vocabulary(n *yaml.Node, key string) Vocab {
	var v Vocab
	seen := map[string]bool{}
	var items []*yaml.Node
	switch n.Kind {
	case yaml.SequenceNode:
		items = n.Content
	case yaml.ScalarNode:
		items = d.List(n, key)
	default:
		d.Errorf(n, "%s must be a list such as [a, {id: b, label: B}]", key)
	}
	for _, item := range items {
		t := Term{tr: texts{}}
		idNode := item
		switch item.Kind {
		case yaml.ScalarNode:
			if item.Tag == "!!null" {
				d.Errorf(item, "an entry of %s is empty", key)
				continue
			}
			t.ID = item.Value
		case yaml.MappingNode:
			fields := d.Fields(item, "an entry of "+key, termFields, func(f string, _, v *yaml.Node) {
				switch f {
				case "id":
					t.ID, _ = d.Str(v, f, true)
					idNode = v
				case "label":
					t.Label, _ = d.text(v, f, "the label of "+key+" "+kindName(item), true, t.tr)
				case "description":
					t.Description, _ = d.text(v, f, "the description of "+key+" "+kindName(item), false, t.tr)
				case "ends":
					if key != "event_types" {
						d.Errorf(v, "ends: applies only to event_types")
						return
					}
					t.Ends = d.Boolean(v, f)
				}
			})
			d.Require(item, "an entry of "+key, fields, "id")
			if fields["id"] == nil {
				continue
			}
		default:
			d.Errorf(item, "an entry of %s is an id or a mapping such as {id: sms, label: SMS}", key)
			continue
		}
		if !decode.ValidID(t.ID) {
			d.Errorf(idNode, "invalid entry %q in %s: use lower-case letters a-z, digits and single hyphens", t.ID, key)
			continue
		}
		if seen[t.ID] {
			d.Errorf(idNode, "%q is listed twice in %s", t.ID, key)
			continue
		}
		seen[t.ID] = true
		if t.Label == "" {
			t.Label = labelFromID(t.ID)
			d.missingDefault(item, "the label of "+key+" "+t.ID, t.Label, "label")
		}
		t.tr = t.tr.orNil()
		v = append(v, t)
	}
	return v
}

// VocabLabel is what readers see for a value of the vocabulary named
// vocab ("event_types", "services", "causes" or "scopes", see
// Vocabulary): its label, else the value itself. Layouts call it as
// {{label .Site "services" $id}}.
func (c *Config) VocabLabel(vocab, id string) string {
	if v, ok := c.Vocabulary(vocab); ok {
		return v.Label(id)
	}
	return id
}

// VocabLabels is VocabLabel for a list, joined with commas.
func (c *Config) VocabLabels(vocab string, ids []string) string {
	if v, ok := c.Vocabulary(vocab); ok {
		return v.Labels(ids)
	}
	return strings.Join(ids, ", ")
}
