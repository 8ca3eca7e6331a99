package render

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"gazette/internal/content"
	"gazette/internal/english"
	"gazette/internal/export"
	"gazette/internal/feeds"
	"gazette/internal/jsonld"
	"gazette/internal/site"
	"gazette/internal/svg"
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

	Chart         *svg.Chart      // home, timeline: records by the month they began
	Map           *svg.Map        // home, indexes of places, places
	RecordMap     *svg.RecordMap  // home, records index: where records happened
	Strip         *svg.Strip      // entity: its records on the site's time axis
	Timeline      []TimelineYear  // timeline: records and reports by year
	Columns       []export.Column // data: the fields of the events
	RecordColumns []export.Column // data: the fields of the records
	Feed          string          // the page's Atom feed, relative to the root
	Crumbs        []*site.Entity  // entity: its ancestors, outermost first
	Mentions      []MentionGroup  // entity: its mentions by report, newest first, each in its sentence
	MoreMentions  int             // entity: reports whose mentions are not shown, beyond Mentions
	Scripts       []string        // script files, relative to the root
	Styles        []string        // stylesheets besides style.css (code.css on pages with highlighted code)

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
	// The code colours are a stylesheet of their own, which only pages
	// with highlighted code load: most pages of a report site have none.
	p.Styles = nil
	if strings.Contains(string(p.Body), `<div class="code"`) {
		p.Styles = []string{"code.css"}
	}
	p.ChromeLang, p.ChromeDir = "", ""
	if l := p.Site.Config.Language; l != p.Lang {
		p.ChromeLang = l
		if d := Dir(l); d != p.Dir() {
			p.ChromeDir = d
		}
	}
}

// MentionGroup is the mentions of an entity in one report, as its page
// lists them: the first few, and how many more.
type MentionGroup struct {
	Href      string // the report: "../../reports/x/index.html"
	Title     string // the report's title
	Date, Day string // the report's date: "2016-08-12", "12 August 2016"
	Lang      string // the report's language, when it differs from the page's or the site's
	Items     []MentionItem
	More      int // the report's mentions not listed
}

// MentionItem is a mention of an entity as its page lists it: the sentence
// around it, and a link to it in its report.
type MentionItem struct {
	Before, Text, After string // the sentence, split around the mention
	Href                string // the mention in its report: "../../reports/x/index.html#m-3"
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
	p.Feed = feeds.Path("")
	p.Chart = svg.RecordChart(s.Records, s.Config.EventTypes, p.Link("timeline/"), r.labels)
	p.Map = r.basemap.Map(nil, s.Config.Map.Attribution)
	p.RecordMap = r.basemap.RecordMap(s.Records, s.Config.Map.Attribution)
	for i := len(s.Records) - 1; i >= 0 && len(p.Records) < 8; i-- {
		p.Records = append(p.Records, site.RecordRef{Record: s.Records[i]})
	}
	p.JSONLD = jsonld.WebSite(s, p.Canonical(), desc)
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
	p.JSONLD = jsonld.Report(r.site, rep, p.Canonical(), p.Lang)
	return p
}

func (r *renderer) entities(k *site.Kind) *Page {
	p := r.newPage("entities", k.URL, k.Title, english.Count(len(k.Entities), k.One, k.Many)+" named in the reports, with their report counts.")
	p.Kind = k
	if hasCoordinates(k) {
		p.Map = r.basemap.Map(nil, r.site.Config.Map.Attribution)
	}
	groups := map[string][]*site.Entity{}
	for _, e := range k.Entities {
		groups[e.TypeLabel] = append(groups[e.TypeLabel], e)
	}
	for _, t := range slices.Sorted(maps.Keys(groups)) {
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
	p.Feed = feeds.Path(e.URL)
	p.Mentions = make([]MentionGroup, len(e.MentionGroups))
	for i, g := range e.MentionGroups {
		rep := g.Report
		href := p.Link(rep.URL)
		p.Mentions[i] = MentionGroup{
			Href: href, Title: rep.Title, Date: rep.Date.String(), Day: rep.Date.Human(),
			Lang: p.ItemLang(rep), More: g.More,
		}
		for _, m := range g.Mentions {
			p.Mentions[i].Items = append(p.Mentions[i].Items, MentionItem{
				Before: m.Sentence.Before, Text: m.Sentence.Text, After: m.Sentence.After,
				Href: href + "#" + m.Anchor(),
			})
		}
	}
	p.MoreMentions = e.MoreMentionReports
	p.Crumbs = e.Ancestors()
	slices.Reverse(p.Crumbs)
	p.Strip = svg.RecordStrip(e.Records, r.axis, r.site, p.Link, r.labels)
	if e.Coordinates != nil {
		p.Map = r.basemap.Map(e, r.site.Config.Map.Attribution)
	}
	p.JSONLD = jsonld.Entity(r.site, e, p.Canonical(), p.Description)
	p.Records = e.Records
	return p
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
	p := r.newPage("timeline", "timeline/", "Timeline", fmt.Sprintf("%s, when each began and ended, and %s, by date.",
		english.Count(len(s.Records), "shutdown", "shutdowns"), english.Count(len(s.Reports), "report", "reports")))
	p.Chart = svg.RecordChart(s.Records, s.Config.EventTypes, "", r.labels)
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
	p.Columns = export.EventColumns(r.site)
	p.RecordColumns = export.RecordColumns(r.site)
	p.Events = r.site.Events
	p.JSONLD = jsonld.Dataset(r.site, p.Canonical(), p.Description)
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

// TimelineYear is one year of the timeline page.
type TimelineYear struct {
	Year  int
	Items []TimelineItem
}

// TimelineItem is an event or a report on the timeline, at its date.
type TimelineItem struct {
	Date   content.Date
	Record *site.Record // a record, at its start, or at its end when End is set
	End    bool
	Report *site.Report
	Anchor string // on the first item of each month: the chart's bars link here
}

func timelineYears(s *site.Site) []TimelineYear {
	var items []TimelineItem
	for _, rec := range s.Records {
		if !rec.Start.Date.IsZero() {
			items = append(items, TimelineItem{Date: rec.Start.Date, Record: rec})
		}
		if end := rec.Status.End.Date; !end.IsZero() && end != rec.Start.Date {
			items = append(items, TimelineItem{Date: end, Record: rec, End: true})
		}
	}
	for _, r := range s.Reports {
		items = append(items, TimelineItem{Date: r.Date, Report: r})
	}
	slices.SortStableFunc(items, func(a, b TimelineItem) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		// At the same date, records before the reports that tell of them.
		return btoi(a.Record == nil) - btoi(b.Record == nil)
	})
	var years []TimelineYear
	seen := map[string]bool{}
	for _, it := range items {
		if n := len(years); n == 0 || years[n-1].Year != it.Date.Year {
			years = append(years, TimelineYear{Year: it.Date.Year})
		}
		if a := svg.MonthAnchor(it.Date); it.Date.Month != 0 && !seen[a] {
			it.Anchor, seen[a] = a, true
		}
		years[len(years)-1].Items = append(years[len(years)-1].Items, it)
	}
	return years
}
