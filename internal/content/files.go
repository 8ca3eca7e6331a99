package content

import (
	"crypto/sha256"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"gazette/internal/config"
	"gazette/internal/decode"
	"gazette/internal/diag"
)

// frontMatter splits src and parses its YAML, and sums its two parts
// (Sum). ok is false when the file cannot be read any further.
func frontMatter(path string, src []byte, diags *diag.List) (d *decoder, top *yaml.Node, body []byte, sum Sum, ok bool) {
	fm, line, body, ok := decode.SplitFrontMatter(path, src, diags)
	if !ok {
		return nil, nil, nil, sum, false
	}
	sum = Sum{Front: sha256.Sum256(fm), Body: sha256.Sum256(body)}
	d = &decoder{&decode.Decoder{Path: path, LineOff: line - 1, Diags: diags}}
	top, ok = d.Parse(fm)
	if !ok {
		return nil, nil, nil, sum, false
	}
	if top.Line == 1 && top.Column == 1 && len(top.Content) == 0 {
		// An empty front matter has no node of its own: point at the fence.
		top = &yaml.Node{Kind: yaml.MappingNode, Line: 0, Column: 1}
	}
	return d, top, body, sum, true
}

func parseReport(c *config.Config, path, slug string, src []byte, diags *diag.List) *Report {
	d, top, body, sum, ok := frontMatter(path, src, diags)
	if !ok {
		return &Report{Path: path, Slug: slug, Invalid: true}
	}
	r := &Report{Path: path, Slug: slug, Body: body, Sum: sum}
	known := []string{"title", "date", "summary", "lang", "sources", "events", "draft"}
	for _, k := range c.Kinds {
		known = append(known, k.Plural)
	}
	seen := d.Fields(top, "report front matter", known, func(key string, _, v *yaml.Node) {
		switch key {
		case "title":
			r.Title, _ = d.Str(v, key, true)
		case "summary":
			r.Summary, _ = d.Str(v, key, false)
		case "date":
			r.Date, _ = d.date(v, key)
		case "lang":
			r.Lang, _ = d.Lang(v, key)
		case "draft":
			r.Draft = d.Boolean(v, key)
		case "sources":
			r.Sources = d.sources(v)
		case "events":
			if v.Kind != yaml.SequenceNode {
				d.Errorf(v, "events must be a list of events")
				return
			}
			for _, e := range v.Content {
				if ev, ok := d.event(c, e); ok {
					r.Events = append(r.Events, ev)
				}
			}
		default: // a kind's plural
			for _, k := range c.Kinds {
				if k.Plural == key {
					r.Refs = append(r.Refs, d.refs(v, key, k.ID)...)
				}
			}
		}
	})
	d.Require(top, "report front matter", seen, "title", "date", "sources")
	return r
}

func (d *decoder) sources(n *yaml.Node) []Source {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		d.Errorf(n, "sources must be a list with at least one source")
		return nil
	}
	var out []Source
	for _, item := range n.Content {
		var s Source
		seen := d.Fields(item, "a source", []string{"publisher", "title", "date", "url", "archive"}, func(key string, _, v *yaml.Node) {
			switch key {
			case "publisher":
				s.Publisher, _ = d.Str(v, key, true)
			case "title":
				s.Title, _ = d.Str(v, key, true)
			case "date":
				s.Date, _ = d.date(v, key)
			case "url":
				s.URL = d.URL(v, key)
			case "archive":
				s.Archive = d.URL(v, key)
			}
		})
		if item.Kind == yaml.MappingNode {
			d.Require(item, "a source", seen, "publisher")
		}
		out = append(out, s)
	}
	return out
}

// factFields are the fields that events and records share: the fixed
// ones and one for each of the site's roles.
func factFields(c *config.Config) []string {
	fields := append([]string{"type", "services", "scope", "cause"}, c.RoleIDs()...)
	for _, r := range c.Dropped {
		fields = append(fields, r.ID) // known, to explain why it cannot be used
	}
	return fields
}

// fact reads one of the fields that events and records share into f.
func (d *decoder) fact(c *config.Config, key string, v *yaml.Node, f *Facts) {
	switch key {
	case "type":
		if s, ok := d.Str(v, key, true); ok && d.InVocab(v, "event type", c.EventTypes.IDs(), "event_types") {
			f.Type = s
		}
	case "services":
		f.Services = d.Vocab(v, "service", c.Services.IDs(), "services")
	case "scope":
		if s, ok := d.Str(v, key, true); ok && d.InVocab(v, "scope", c.Scopes.IDs(), "scopes") {
			f.Scope = s
		}
	case "cause":
		if s, ok := d.Str(v, key, true); ok && d.InVocab(v, "cause", c.Causes.IDs(), "causes") {
			f.Cause = s
		}
	default:
		if r, ok := c.Role(key); ok {
			f.setRole(c, key, d.roleRefs(v, r))
		} else {
			d.droppedRole(c, v, key)
		}
	}
}

func (d *decoder) event(c *config.Config, n *yaml.Node) (Event, bool) {
	e := Event{Pos: d.Pos(n)}
	var fromOK bool
	var untilNode *yaml.Node
	seen := d.Fields(n, "an event", append(factFields(c), "from", "until", "note", "record"), func(key string, _, v *yaml.Node) {
		switch key {
		case "record":
			if s, ok := d.Str(v, key, true); ok {
				if !decode.ValidID(s) {
					d.Errorf(v, "invalid record id %q: ids use lower-case letters a-z, digits and single hyphens", s)
					return
				}
				e.Record = &Ref{Kind: "record", ID: s, Pos: d.Pos(v)}
			}
		case "from":
			e.From, fromOK = d.date(v, key)
		case "until":
			untilNode = v
			s, ok := d.Str(v, key, true)
			switch {
			case !ok:
			case s == "ongoing":
				e.Until.Ongoing = true
			case s == "unknown":
				e.Until.Unknown = true
			default:
				dt, err := ParseDate(s)
				if err != nil {
					d.Errorf(v, "until: %v, or the word ongoing or unknown", err)
					return
				}
				e.Until.Date = dt
			}
		case "note":
			e.Note, _ = d.Str(v, key, false)
		default:
			d.fact(c, key, v, &e.Facts)
		}
	})
	if n.Kind != yaml.MappingNode {
		return e, false
	}
	// An event that names its record may leave the type to it.
	if seen["record"] == nil || seen["type"] != nil {
		d.Require(n, "an event", seen, "type")
	}
	d.Require(n, "an event", seen, "from")
	if fromOK && !e.Until.Date.IsZero() && e.Until.Date.End().Before(e.From.Start()) {
		d.Errorf(untilNode, "until %s is before from %s", e.Until.Date, e.From)
	}
	return e, true
}

func parseRecord(c *config.Config, path, id string, src []byte, diags *diag.List) *Record {
	d, top, body, sum, ok := frontMatter(path, src, diags)
	if !ok {
		return &Record{Path: path, ID: id, Title: id, Invalid: true}
	}
	r := &Record{Path: path, ID: id, Body: body, Sum: sum}
	seen := d.Fields(top, "record front matter", append([]string{"title", "summary"}, factFields(c)...), func(key string, _, v *yaml.Node) {
		switch key {
		case "title":
			r.Title, _ = d.Str(v, key, true)
		case "summary":
			r.Summary, _ = d.Str(v, key, false)
		default:
			d.fact(c, key, v, &r.Facts)
			if key == "type" && c.EventTypes.Ends(r.Type) {
				d.Errorf(v, "a record cannot be of type %q, which ends records: the restoration is an event in a report that names this record", r.Type)
			}
		}
	})
	d.Require(top, "record front matter", seen, "title", "type")
	return r
}

func parseEntity(kind, path, id string, src []byte, diags *diag.List) *Entity {
	d, top, body, sum, ok := frontMatter(path, src, diags)
	if !ok {
		return &Entity{Path: path, Kind: kind, ID: id, Name: id, Invalid: true}
	}
	e := &Entity{Path: path, Kind: kind, ID: id, Body: body, Sum: sum}
	known := []string{"name", "aliases", "names", "type", "within", "coordinates", "ids"}
	seen := d.Fields(top, "front matter", known, func(key string, _, v *yaml.Node) {
		switch key {
		case "name":
			e.Name, _ = d.Str(v, key, true)
			e.NamePos = d.Pos(v)
		case "aliases":
			e.Aliases = d.aliases(v, key)
		case "names":
			if v.Kind != yaml.MappingNode {
				d.Errorf(v, "names must be a mapping of language to name, such as {ar: الموصل}")
				return
			}
			e.Names = nil
			for i := 0; i+1 < len(v.Content); i += 2 {
				lang, ok := d.Lang(v.Content[i], "names")
				name, ok2 := d.Str(v.Content[i+1], "a name", true)
				if ok && ok2 {
					e.Names = append(e.Names, LangName{Lang: lang, Name: name, Pos: d.Pos(v.Content[i+1])})
				}
			}
			slices.SortFunc(e.Names, func(a, b LangName) int { return strings.Compare(a.Lang, b.Lang) })
		case "type":
			e.Type, _ = d.Str(v, key, false)
		case "within":
			if s, ok := d.Str(v, key, false); ok && s != "" {
				if !decode.ValidID(s) {
					d.Errorf(v, "invalid id %q in within: ids use lower-case letters a-z, digits and single hyphens", s)
					return
				}
				e.Within = &Ref{Kind: kind, ID: s, Pos: d.Pos(v)}
			}
		case "coordinates":
			e.Coordinates = d.coordinates(v)
		case "ids":
			if v.Kind != yaml.MappingNode {
				d.Errorf(v, "ids must be a mapping such as {wikidata: Q209088}")
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				key, ok := d.Str(v.Content[i], "an ids key", true)
				val, ok2 := d.Str(v.Content[i+1], "an ids value", true)
				if ok && ok2 {
					e.IDs = append(e.IDs, KeyValue{key, val})
				}
			}
			slices.SortFunc(e.IDs, func(a, b KeyValue) int { return strings.Compare(a.Key, b.Key) })
		}
	})
	d.Require(top, "front matter", seen, "name")
	return e
}

func (d *decoder) coordinates(n *yaml.Node) *LatLon {
	if n.Kind != yaml.SequenceNode || len(n.Content) != 2 {
		d.Errorf(n, "coordinates must be [latitude, longitude], such as [36.34, 43.13]")
		return nil
	}
	var v [2]float64
	for i, c := range n.Content {
		f, err := strconv.ParseFloat(c.Value, 64)
		if c.Kind != yaml.ScalarNode || (c.Tag != "!!float" && c.Tag != "!!int") || err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.Errorf(c, "coordinates must be two numbers, [latitude, longitude]")
			return nil
		}
		v[i] = f
	}
	if v[0] < -90 || v[0] > 90 {
		d.Errorf(n.Content[0], "latitude %v is outside -90..90", v[0])
		return nil
	}
	if v[1] < -180 || v[1] > 180 {
		d.Errorf(n.Content[1], "longitude %v is outside -180..180", v[1])
		return nil
	}
	return &LatLon{v[0], v[1]}
}

func parsePage(path, slug string, src []byte, diags *diag.List) *Page {
	d, top, body, sum, ok := frontMatter(path, src, diags)
	if !ok {
		return nil
	}
	p := &Page{Path: path, Slug: slug, Body: body, Sum: sum}
	seen := d.Fields(top, "page front matter", []string{"title", "summary", "menu"}, func(key string, _, v *yaml.Node) {
		switch key {
		case "title":
			p.Title, _ = d.Str(v, key, true)
		case "summary":
			p.Summary, _ = d.Str(v, key, false)
		case "menu":
			p.Menu = d.Integer(v, key)
		}
	})
	d.Require(top, "page front matter", seen, "title")
	return p
}

// textKind says which of the three kinds of translatable file a
// translation is of.
type textKind int

const (
	reportText textKind = iota
	pageText
	entityText
)

// parseTranslation reads the translation of the file id into lang. Its
// front matter holds only text: any other field of the original is shared
// by every edition and belongs in the original.
func parseTranslation(c *config.Config, kind textKind, path, id, lang string, src []byte, diags *diag.List) *Translation {
	t := &Translation{Path: path, ID: id, Lang: lang}
	d, top, body, sum, ok := frontMatter(path, src, diags)
	if !ok {
		t.Invalid = true
		return t
	}
	t.Body, t.Sum = body, sum
	var own, shared []string
	var orig string
	switch kind {
	case reportText:
		own, shared = []string{"title", "summary", "draft"}, []string{"date", "sources", "events", "lang"}
		for _, k := range c.Kinds {
			shared = append(shared, k.Plural)
		}
		orig = "reports/" + id + ".md"
	case pageText:
		own, shared = []string{"title", "summary"}, []string{"menu"}
		orig = "pages/" + id + ".md"
	case entityText:
		own, shared = []string{"name", "aliases"}, []string{"names", "type", "within", "coordinates", "ids"}
		orig = path[:strings.IndexByte(path, '/')+1] + id + ".md"
	}
	seen := d.Fields(top, "translation front matter", append(own, shared...), func(key string, k, v *yaml.Node) {
		switch key {
		case "title":
			t.Title, _ = d.Str(v, key, true)
		case "summary":
			t.Summary, _ = d.Str(v, key, false)
		case "draft":
			t.Draft = d.Boolean(v, key)
		case "name":
			t.Name, _ = d.Str(v, key, true)
			t.NamePos = d.Pos(v)
		case "aliases":
			t.Aliases = d.aliases(v, key)
		case "lang":
			d.Errorf(k, "a translation's language is the one its file name gives, %s; remove lang:", lang)
		default:
			d.Errorf(k, "field %q is shared with the original: set it in %s", key, orig)
		}
	})
	if kind == reportText {
		d.Require(top, "translation front matter", seen, "title")
	}
	return t
}
