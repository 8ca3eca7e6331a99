package render

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"gazette/internal/content"
	"gazette/internal/english"
	"gazette/internal/site"
)

// Page is what every layout receives. Exactly one of Report, Entity, Kind
// and Standalone is set on the pages of those types.
type Page struct {
	Site   *site.Site
	Nav    []NavItem
	Layout string // "home", "report", ...

	URL         string // the page's directory, relative to the root: "cities/mosul/"
	Title       string // the page's own title; the layout adds the site's
	Description string
	Lang        string
	OGType      string // "website" or "article"
	JSONLD      any    // marshalled into <script type="application/ld+json">
	Body        template.HTML

	Report     *site.Report
	Entity     *site.Entity
	Kind       *site.Kind
	Standalone *site.Page
	Record     *site.Record

	Latest  []*site.Report   // home: the newest reports
	Years   []YearGroup      // reports index
	Groups  []Group          // entity index: entities by type
	Counts  []KindCount      // home: entities per kind
	Events  []*site.Event    // home: event count; report, entity: its events
	Records []site.RecordRef // records index: every record; entity: its records, with its role

	Chart         *Chart         // home, timeline: events per month
	Map           *Map           // home, indexes of places, places
	RecordMap     *RecordMap     // home, records index: where records happened
	Strip         *Strip         // entity: its records on the site's time axis
	Timeline      []TimelineYear // timeline: events and reports by year
	Columns       []Column       // data: the fields of the events
	RecordColumns []Column       // data: the fields of the records
	Feed          string         // the page's Atom feed, relative to the root
	Crumbs        []*site.Entity // entity: its ancestors, outermost first
	Mentions      []MentionItem  // entity: its mentions, each in its sentence
	Scripts       []string       // script files, relative to the root

	// Set before the layout runs, from the fields above.
	NavCurrent string // the page's URL when the navigation lists it, else ""
	ChromeLang string // the site's language when the page's differs, else ""
	ChromeDir  string // the site's direction when it differs from the page's, else ""

	notFound bool // 404.html: links start from base_url, not from URL

	tmpl    *template.Template // the layout's template set, for Partial
	variant int                // Theme.variant of the layout
	depth   int                // partials being laid out through Partial, one in another
	frags   *fragments         // shared by all pages of one render
	frag    *Fragment          // what this page shows its partials
}

// prepare sets the fields derived from the others, once the page is laid
// out and before its layout runs.
func (p *Page) prepare(tmpl *template.Template, variant int) {
	p.tmpl, p.variant = tmpl, variant
	p.NavCurrent = ""
	for _, n := range p.Nav {
		if n.URL == p.URL {
			p.NavCurrent = p.URL
		}
	}
	p.ChromeLang, p.ChromeDir = "", ""
	if l := p.Site.Config.Language; l != p.Lang {
		p.ChromeLang = l
		if d := Dir(l); d != p.Dir() {
			p.ChromeDir = d
		}
	}
}

// MentionItem is a mention of an entity as its page lists it: the sentence
// around it, and a link to it in its report.
type MentionItem struct {
	Before, Text, After string // the sentence, split around the mention
	Href                string // the mention in its report: "../../reports/x/index.html#m-3"
	Title               string // the report's title
	Date, Day           string // the report's date: "2016-08-12", "12 August 2016"
	Lang                string // the report's language, when it differs from the page's or the site's
}

// YearGroup is the reports of one year.
type YearGroup struct {
	Year    int
	Reports []*site.Report
}

// Group is a titled list of entities.
type Group struct {
	ID       string // the id of its heading, unique on its page: "g-armed-group"
	Title    string
	Entities []*site.Entity
}

// KindCount is an entity kind and how many entities it has.
type KindCount struct {
	*site.Kind
	N int
}

// File is the output path of the page.
func (p *Page) File() string {
	if p.notFound {
		return "404.html"
	}
	return p.URL + "index.html"
}

// Link returns the URL of the page at directory url (relative to the site
// root) as seen from this page.
func (p *Page) Link(url string) string {
	if p.notFound {
		return p.base() + url
	}
	return site.Rel(p.URL, url)
}

// Asset returns the URL of the file at path (relative to the site root) as
// seen from this page.
func (p *Page) Asset(path string) string {
	if p.notFound {
		return p.base() + path
	}
	return site.RelFile(p.URL, path)
}

func (p *Page) base() string {
	if p.Site.Config.BaseURL != "" {
		return p.Site.Config.BaseURL
	}
	return "/"
}

// Canonical is the page's absolute URL, or "" when base_url is not set.
func (p *Page) Canonical() string {
	if p.Site.Config.BaseURL == "" || p.notFound {
		return ""
	}
	return p.Site.Config.BaseURL + p.URL
}

// Dir is "rtl" for right-to-left languages, else "ltr".
func (p *Page) Dir() string { return Dir(p.Lang) }

// Dir returns the writing direction of a BCP 47 language tag.
func Dir(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return "ltr"
	}
	script, _ := tag.Script()
	switch script.String() {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr":
		return "rtl"
	}
	return "ltr"
}

func (r *renderer) newPage(layout, url, title, desc string) *Page {
	return &Page{
		Site: r.site, Nav: r.nav, Layout: layout, URL: url, Title: title,
		Description: desc, Lang: r.site.Config.Language, OGType: "website",
		frags: r.frags,
	}
}

func (r *renderer) home() *Page {
	s := r.site
	desc := s.Config.Subtitle
	if desc == "" {
		desc = s.Config.Title
	}
	p := r.newPage("home", "", "", desc)
	p.Latest = s.Reports[:min(10, len(s.Reports))]
	for _, k := range s.Kinds {
		p.Counts = append(p.Counts, KindCount{k, len(k.Entities)})
	}
	p.Events = s.Events
	p.Feed = "feed.xml"
	p.Chart = eventChart(s.Events, s.Config.EventTypes.IDs())
	p.Map = r.basemap.mapFor(nil, s.Config.Map.Attribution)
	p.RecordMap = r.basemap.recordMap(s.Records, s.Config.Map.Attribution)
	for i := len(s.Records) - 1; i >= 0 && len(p.Records) < 8; i-- {
		p.Records = append(p.Records, site.RecordRef{Record: s.Records[i]})
	}
	p.JSONLD = map[string]any{
		"@context": "https://schema.org", "@type": "WebSite",
		"name": s.Config.Title, "description": desc, "inLanguage": s.Config.Language,
		"url": p.Canonical(),
	}
	return p
}

func (r *renderer) reportsIndex() *Page {
	p := r.newPage("reports", "reports/", "Reports", english.Count(len(r.site.Reports), "report", "reports")+", newest first.")
	for _, rep := range r.site.Reports {
		if n := len(p.Years); n == 0 || p.Years[n-1].Year != rep.Date.Year {
			p.Years = append(p.Years, YearGroup{Year: rep.Date.Year})
		}
		g := &p.Years[len(p.Years)-1]
		g.Reports = append(g.Reports, rep)
	}
	return p
}

func (r *renderer) report(rep *site.Report) *Page {
	p := r.newPage("report", rep.URL, rep.Title, rep.Summary)
	p.Report = rep
	p.OGType = "article"
	if rep.Lang != "" {
		p.Lang = rep.Lang
	}
	p.Body = r.body(rep.Doc)
	p.Events = rep.Events
	var about []any
	for _, list := range rep.Entities {
		for _, e := range list {
			about = append(about, r.entityLD(e, p, false))
		}
	}
	var cites []any
	for _, src := range rep.Sources {
		c := map[string]any{"@type": "NewsArticle", "headline": src.Title, "publisher": map[string]any{"@type": "Organization", "name": src.Publisher}}
		if !src.Date.IsZero() {
			c["datePublished"] = src.Date.String()
		}
		if src.URL != "" {
			c["url"] = src.URL
		}
		cites = append(cites, c)
	}
	p.JSONLD = omitEmpty(map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle",
		"headline": rep.Title, "description": rep.Summary, "datePublished": rep.Date.String(),
		"inLanguage": p.Lang, "url": p.Canonical(), "about": about, "citation": cites,
		"publisher": map[string]any{"@type": "Organization", "name": r.site.Config.Title},
	})
	return p
}

func (r *renderer) entities(k *site.Kind) *Page {
	p := r.newPage("entities", k.URL, k.Title, english.Count(len(k.Entities), k.One, k.Many)+" named in the reports, with their report counts.")
	p.Kind = k
	if hasCoordinates(k) {
		p.Map = r.basemap.mapFor(nil, r.site.Config.Map.Attribution)
	}
	groups := map[string][]*site.Entity{}
	for _, e := range k.Entities {
		groups[e.Type] = append(groups[e.Type], e)
	}
	for _, t := range sortedKeys(groups) {
		title := t
		if title == "" {
			title = "other"
		}
		p.Groups = append(p.Groups, Group{Title: title, Entities: groups[t]})
	}
	// The group with no type goes last.
	slices.SortStableFunc(p.Groups, func(a, b Group) int {
		return cmp.Compare(btoi(a.Title == "other"), btoi(b.Title == "other"))
	})
	groupIDs(p.Groups)
	return p
}

// groupIDs gives each group an id from its title's slug, "g-armed-group",
// unique among them: a type named "other" and the group of entities with
// no type are "g-other" and "g-other-2". A title with nothing to make a
// slug of, such as one in Arabic, is "g-group".
func groupIDs(groups []Group) {
	used := map[string]bool{}
	for i := range groups {
		base := "g-" + cmp.Or(content.Slugify(groups[i].Title), "group")
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		groups[i].ID = id
	}
}

// ItemLang is the language to mark a report's title, summary or note with
// on this page: the report's, when it differs from the page's or the
// site's, else "".
func (p *Page) ItemLang(rep *site.Report) string {
	return itemLang(rep, p.Lang, p.Site.Config.Language)
}

func itemLang(rep *site.Report, page, site string) string {
	l := cmp.Or(rep.Lang, site)
	if l != page || l != site {
		return l
	}
	return ""
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (r *renderer) entity(e *site.Entity) *Page {
	desc := e.Doc.FirstParagraph()
	if desc == "" {
		desc = e.Name + ": " + english.Count(len(e.Reports), "report", "reports") + "."
	}
	p := r.newPage("entity", e.URL, e.Name, site.Shorten(desc, 200))
	p.Entity = e
	p.Kind = e.Kind
	p.Body = r.body(e.Doc)
	p.Feed = e.URL + "feed.xml"
	p.Mentions = make([]MentionItem, len(e.Mentions))
	for i, m := range e.Mentions {
		rep := m.Report
		p.Mentions[i] = MentionItem{
			Before: m.Sentence.Before, Text: m.Sentence.Text, After: m.Sentence.After,
			Href: p.Link(rep.URL) + "#" + m.Anchor(), Title: rep.Title,
			Date: rep.Date.String(), Day: rep.Date.Human(), Lang: p.ItemLang(rep),
		}
	}
	p.Crumbs = e.Ancestors()
	slices.Reverse(p.Crumbs)
	p.Strip = recordStrip(p, e.Records, r.axis, &r.site.Config)
	if e.Coordinates != nil {
		p.Map = r.basemap.mapFor(e, r.site.Config.Map.Attribution)
	}
	ld := r.entityLD(e, p, true)
	ld["@context"] = "https://schema.org"
	ld["url"] = p.Canonical()
	ld["description"] = p.Description
	p.JSONLD = omitEmpty(ld)
	p.Records = e.Records
	return p
}

// entityLD describes an entity in schema.org terms. full adds what only
// its own page needs.
func (r *renderer) entityLD(e *site.Entity, p *Page, full bool) map[string]any {
	ld := map[string]any{"@type": e.Kind.Schema, "name": e.Name}
	if r.site.Config.BaseURL != "" {
		ld["@id"] = r.site.Config.BaseURL + e.URL
	}
	if !full {
		return ld
	}
	var alt []string
	for _, a := range e.Aliases {
		alt = append(alt, a.Value)
	}
	for _, n := range e.Names {
		alt = append(alt, n.Name)
	}
	ld["alternateName"] = alt
	if e.Coordinates != nil {
		ld["geo"] = map[string]any{"@type": "GeoCoordinates", "latitude": e.Coordinates.Lat, "longitude": e.Coordinates.Lon}
	}
	if e.Parent != nil {
		rel := "isPartOf"
		switch e.Kind.Schema {
		case "Place":
			rel = "containedInPlace"
		case "Organization":
			rel = "parentOrganization"
		}
		ld[rel] = r.entityLD(e.Parent, p, false)
	}
	var same []string
	var idents []any
	for _, id := range e.IDs {
		if u := sameAs(id); u != "" {
			same = append(same, u)
		} else {
			idents = append(idents, map[string]any{"@type": "PropertyValue", "propertyID": id.Key, "value": id.Value})
		}
	}
	ld["sameAs"] = same
	ld["identifier"] = idents
	return ld
}

// sameAs turns a well-known identifier into the URL of its record.
func sameAs(id content.KeyValue) string {
	switch id.Key {
	case "wikidata":
		return "https://www.wikidata.org/wiki/" + id.Value
	case "geonames":
		return "https://www.geonames.org/" + id.Value
	case "osm", "openstreetmap":
		return "https://www.openstreetmap.org/" + id.Value
	case "wikipedia", "website", "url":
		if strings.HasPrefix(id.Value, "https://") || strings.HasPrefix(id.Value, "http://") {
			return id.Value
		}
	}
	return ""
}

func omitEmpty(m map[string]any) map[string]any {
	for k, v := range m {
		switch v := v.(type) {
		case string:
			if v == "" {
				delete(m, k)
			}
		case []any:
			if len(v) == 0 {
				delete(m, k)
			}
		case []string:
			if len(v) == 0 {
				delete(m, k)
			}
		}
	}
	return m
}

func (r *renderer) standalone(sp *site.Page) *Page {
	desc := sp.Summary
	if desc == "" {
		desc = site.Shorten(sp.Doc.FirstParagraph(), 200)
	}
	p := r.newPage("page", sp.URL, sp.Title, desc)
	p.Standalone = sp
	p.Body = r.body(sp.Doc)
	return p
}

func (r *renderer) timeline() *Page {
	s := r.site
	p := r.newPage("timeline", "timeline/", "Timeline", fmt.Sprintf("%s and %s by date.",
		english.Count(len(s.Events), "event", "events"), english.Count(len(s.Reports), "report", "reports")))
	p.Chart = eventChart(s.Events, s.Config.EventTypes.IDs())
	p.Timeline = timelineYears(s)
	return p
}

func (r *renderer) search() *Page {
	p := r.newPage("search", "search/", "Search", "Search the reports, places and actors.")
	p.Scripts = []string{"search.js"}
	return p
}

func (r *renderer) dataPage() *Page {
	p := r.newPage("data", "data/", "Open data", "The structured data behind the site: shutdown records, events, reports and entities as CSV and JSON, described by a Frictionless Data Package.")
	p.Columns = columns(eventFields(r.site, r.absURL))
	p.RecordColumns = columns(recordFields(r.site, r.absURL))
	p.Events = r.site.Events
	s := r.site
	var dist []any
	for _, f := range []struct{ path, format string }{
		{"data/records.csv", "text/csv"}, {"data/events.csv", "text/csv"}, {"data/records.json", "application/json"},
		{"data/events.json", "application/json"}, {"data/reports.json", "application/json"}, {"data/entities.json", "application/json"},
		{"data/datapackage.json", "application/json"},
	} {
		dist = append(dist, map[string]any{"@type": "DataDownload", "encodingFormat": f.format, "contentUrl": r.absURL(f.path)})
	}
	p.JSONLD = omitEmpty(map[string]any{
		"@context": "https://schema.org", "@type": "Dataset",
		"name": s.Config.Title + ": open data", "description": p.Description, "url": p.Canonical(),
		"license": s.Config.License, "inLanguage": s.Config.Language, "distribution": dist,
		"creator": map[string]any{"@type": "Organization", "name": s.Config.Title},
	})
	return p
}

func hasCoordinates(k *site.Kind) bool {
	for _, e := range k.Entities {
		if e.Coordinates != nil {
			return true
		}
	}
	return false
}

func (r *renderer) notFound() *Page {
	p := r.newPage("404", "", "Page not found", "There is no page at this address.")
	p.notFound = true
	return p
}
