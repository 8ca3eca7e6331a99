// Package config is content/site.yaml: the site's title and languages,
// its kinds of entity, the roles they play in events, the vocabularies of
// events' facts and the map. Load decodes it, with an error at the place of
// every problem; package content reads the content files against it.
package config

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"gazette/internal/decode"
	"gazette/internal/diag"
)

// decoder reads site.yaml: package decode's reading of YAML, with the
// methods that make this package's types.
type decoder struct {
	*decode.Decoder
	langs []string // the site's language tags, the default first: what labels may be written in
}

// Config is content/site.yaml.
type Config struct {
	Title      string
	Subtitle   string
	Language   string    // BCP 47: the default edition's language
	Editions   []Edition // at least one; the first is the default, at the site root
	BaseURL    string    // "" or an absolute http(s) URL ending in "/"
	Theme      string
	Kinds      []Kind
	Roles      []Role // in site.yaml's order, which is the order pages show them in
	Dropped    []Role // default roles whose kinds the site does not have: an event that names one is an error
	EventTypes Vocab
	Services   Vocab
	Causes     Vocab
	Scopes     Vocab
	Types      Vocab // labels for entities' types ("armed-group" is "armed group"); optional
	License    string
	Map        MapConfig
	// Typographer: curly quotes, dashes and ellipses in Markdown bodies
	// (typographer: false turns them off).
	Typographer bool

	tr texts // title, subtitle and license in the other languages; see In
}

// Kind is one kind of entity, such as cities.
type Kind struct {
	ID     string // "city": the annotation scheme and the front-matter key of events
	Plural string // "cities": the folder, the URL and the report front-matter key
	Title  string // "Cities": the heading of its index
	One    string // "city": one of them, in a count ("1 city"); defaults to the id
	Many   string // "cities": several, in a count ("27 cities"); defaults to the title in lower case
	Schema string // schema.org type of its entities: "Place", "Organization"

	tr texts // title, one and many in the other languages; see In
}

// DefaultConfig is what an empty site.yaml means.
func DefaultConfig() Config {
	return Config{
		Title:    "Reports",
		Language: "en",
		Editions: []Edition{{Lang: "en", Name: "English"}},
		Theme:    "default",
		Kinds: []Kind{
			{ID: "city", Plural: "cities", Title: "Cities", One: "city", Many: "cities", Schema: "Place"},
			{ID: "actor", Plural: "actors", Title: "Actors", One: "actor", Many: "actors", Schema: "Organization"},
		},
		Roles: defaultRoles(),
		EventTypes: Vocab{
			{ID: "shutdown", Label: "Shutdown"},
			{ID: "restoration", Label: "Restoration", Ends: true},
			{ID: "block", Label: "Block"},
			{ID: "throttle", Label: "Throttling"},
			{ID: "ban", Label: "Ban"},
		},
		Services: terms("internet", "mobile", "mobile-data", "social-media", "messaging", "vpn", "sms", "landline"),
		Causes:   terms("conflict", "protests", "information-control", "elections", "exams", "official-visit", "unknown"),
		Scopes:   terms("city", "province", "region", "national"),
		License:  "CC BY 4.0",

		Typographer: true,
	}
}

// Kind returns the kind with the given id.
func (c *Config) Kind(id string) (Kind, bool) {
	for _, k := range c.Kinds {
		if k.ID == id {
			return k, true
		}
	}
	return Kind{}, false
}

// KindIDs returns the ids of the entity kinds, in site.yaml's order: the
// link schemes of annotations, and the kinds named in messages.
func (c *Config) KindIDs() []string { return ids(c.Kinds, func(k Kind) string { return k.ID }) }

// ids returns the id of each item of list, in order: the one way the
// kinds, roles, editions and terms of site.yaml are listed in messages.
func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = id(x)
	}
	return out
}

// ReservedNames are the top-level output names pages may not take: the
// site's own folders and files, and each kind's plural.
func (c *Config) ReservedNames() []string {
	names := append([]string(nil), reserved...)
	for _, k := range c.Kinds {
		names = append(names, k.Plural)
	}
	return names
}

// Reserved top-level output names that pages and kinds may not take.
var reserved = []string{"reports", "records", "timeline", "search", "data", "pages", "static", "feed.xml", "sitemap.xml", "robots.txt", "404", "style.css", "code.css", "assets"}

var configFields = []string{"title", "subtitle", "language", "languages", "base_url", "theme", "kinds", "roles", "event_types", "services", "causes", "scopes", "types", "license", "map", "typographer"}

// Load reads content/site.yaml (site.yaml of fsys); a missing file is
// DefaultConfig. Problems go to diags, and the defaults stand in for what
// they spoil.
func Load(fsys fs.FS, diags *diag.List) Config {
	const path = "site.yaml"
	c := DefaultConfig()
	if _, err := fs.Lstat(fsys, path); errors.Is(err, fs.ErrNotExist) {
		return c
	}
	src, problem := decode.ReadFile(fsys, path)
	if problem != "" {
		diags.Errorf(diag.Pos{Path: path}, "%s", problem)
		return c
	}
	src, ok := decode.CheckText(path, src, diags)
	if !ok {
		return c
	}
	d := &decoder{Decoder: &decode.Decoder{Path: path, Diags: diags}}
	top, ok := d.Parse(src)
	if !ok {
		return c
	}
	var roleNodes []*yaml.Node // nil while the roles are the default ones
	// The languages are read first, wherever site.yaml puts them: every
	// label may be written in them.
	var langNode *yaml.Node
	var editions []Edition
	listed := false
	if top.Kind == yaml.MappingNode {
		done := map[string]bool{}
		for i := 0; i+1 < len(top.Content); i += 2 {
			k, v := top.Content[i], top.Content[i+1]
			if done[k.Value] {
				continue // Fields reports the second
			}
			done[k.Value] = true
			switch k.Value {
			case "language":
				if s, ok := d.Lang(v, k.Value); ok {
					c.Language, langNode = s, v
				}
			case "languages":
				editions, listed = d.editions(v), true
			}
		}
	}
	d.langs = []string{c.Language}
	if len(editions) > 0 {
		d.langs = nil
		for _, e := range editions {
			d.langs = append(d.langs, e.Lang)
		}
	}
	c.tr = texts{}
	d.Fields(top, path, configFields, func(key string, k, v *yaml.Node) {
		switch key {
		case "title", "subtitle", "license":
			s, ok := d.text(v, key, "the site's "+key, key == "title", c.tr)
			if !ok {
				return
			}
			switch key {
			case "title":
				c.Title = s
			case "subtitle":
				c.Subtitle = s
			case "license":
				c.License = s
			}
		case "language", "languages": // read above
		case "base_url":
			s, _ := d.Str(v, key, false)
			if s == "" {
				c.BaseURL = ""
				return
			}
			if !decode.SafeURL(s) {
				d.Errorf(v, "base_url must be an absolute http or https URL such as https://example.org/cutoff/")
				return
			}
			if !strings.HasSuffix(s, "/") {
				s += "/"
			}
			c.BaseURL = s
		case "theme":
			if s, ok := d.Str(v, key, true); ok {
				if !decode.ValidID(s) {
					d.Errorf(v, "theme %q is not a valid folder name under themes/", s)
					return
				}
				c.Theme = s
			}
		case "kinds":
			c.Kinds = d.kinds(v)
		case "roles":
			c.Roles, roleNodes = d.roles(v)
			if roleNodes == nil {
				roleNodes = []*yaml.Node{}
			}
		case "map":
			c.Map = d.mapConfig(v)
		case "typographer":
			c.Typographer = d.Boolean(v, key)
		case "event_types":
			c.EventTypes = d.vocabulary(v, key)
		case "services":
			c.Services = d.vocabulary(v, key)
		case "causes":
			c.Causes = d.vocabulary(v, key)
		case "scopes":
			c.Scopes = d.vocabulary(v, key)
		case "types":
			c.Types = d.vocabulary(v, key)
		}
	})
	c.tr = c.tr.orNil()
	d.checkRoles(&c, roleNodes)
	d.checkEditions(&c, editions, listed, langNode)
	return c
}

// kinds reads site.yaml's kinds.
func (d *decoder) kinds(n *yaml.Node) []Kind {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		d.Errorf(n, "kinds must be a non-empty list of {id, plural, title}")
		return DefaultConfig().Kinds
	}
	var kinds []Kind
	seen := map[string]bool{}
	for _, item := range n.Content {
		k := Kind{tr: texts{}}
		fields := d.Fields(item, "a kind", []string{"id", "plural", "title", "one", "many", "schema"}, func(key string, _, v *yaml.Node) {
			var s string
			var ok bool
			switch key {
			case "title", "one", "many":
				s, ok = d.text(v, key, "the "+key+" of kind "+kindName(item), true, k.tr)
			default:
				s, ok = d.Str(v, key, true)
			}
			if !ok {
				return
			}
			if (key == "id" || key == "plural") && !decode.ValidID(s) {
				d.Errorf(v, "kind %s %q: use lower-case letters a-z, digits and single hyphens", key, s)
				return
			}
			switch key {
			case "id":
				k.ID = s
			case "plural":
				k.Plural = s
			case "title":
				k.Title = s
			case "one":
				k.One = s
			case "many":
				k.Many = s
			case "schema":
				k.Schema = s
			}
		})
		d.Require(item, "a kind", fields, "id", "plural")
		if k.ID == "" || k.Plural == "" {
			continue
		}
		if k.Title == "" {
			k.Title = strings.ToUpper(k.Plural[:1]) + k.Plural[1:]
			d.missingDefault(item, "the title of kind "+k.ID, k.Title, "title")
		}
		if k.One == "" {
			k.One = strings.ReplaceAll(k.ID, "-", " ")
			d.missingDefault(item, "the one of kind "+k.ID, k.One, "one")
		}
		if k.Many == "" {
			k.Many = strings.ToLower(k.Title)
			k.tr.derive("many", "title", strings.ToLower)
		}
		if k.Schema == "" {
			// A kind of the default configuration keeps its type there.
			k.Schema = "Thing"
			defaults := DefaultConfig()
			if dk, ok := defaults.Kind(k.ID); ok {
				k.Schema = dk.Schema
			}
		}
		switch {
		case k.ID == "report" || k.ID == "http" || k.ID == "https" || k.ID == "mailto":
			d.Errorf(item, "kind id %q is reserved", k.ID)
			continue
		case decode.WindowsReserved(k.ID) || decode.WindowsReserved(k.Plural):
			d.Errorf(item, "kind %q is a name Windows reserves for a device; choose another", k.Plural)
			continue
		case slices.Contains(reserved, k.Plural):
			d.Errorf(item, "kind plural %q is reserved for the site's own pages", k.Plural)
			continue
		case seen[k.ID] || seen["/"+k.Plural]:
			d.Errorf(item, "kind %q is defined twice", k.ID)
			continue
		}
		seen[k.ID], seen["/"+k.Plural] = true, true
		k.tr = k.tr.orNil()
		kinds = append(kinds, k)
	}
	return kinds
}

// kindName is the id of a kind's entry, for messages about its other
// fields, which may come before it.
func kindName(item *yaml.Node) string {
	if item.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(item.Content); i += 2 {
			if item.Content[i].Value == "id" {
				return item.Content[i+1].Value
			}
		}
	}
	return "(without id)"
}

// AbsURL makes the address of url (relative to the site root) absolute
// when base_url is set. Without it, the address is relative to the site
// root ("/reports/"), which feed readers and data tools resolve against
// the address they fetched the file from when the site is served from the
// root.
func (c *Config) AbsURL(url string) string {
	if c.BaseURL != "" {
		return c.BaseURL + url
	}
	return "/" + url
}
