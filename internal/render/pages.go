package render

import (
	"html/template"
	"slices"
	"strings"

	"gazette/internal/config"
	"gazette/internal/english"
	"gazette/internal/export"
	"gazette/internal/feeds"
	"gazette/internal/jsonld"
	"gazette/internal/langtag"
	"gazette/internal/paging"
	"gazette/internal/render/lists"
	"gazette/internal/render/say"
	"gazette/internal/render/timeline"
	"gazette/internal/site"
	"gazette/internal/svg"
	"gazette/internal/urlpath"
)

// Page is what every layout receives. Exactly one of Report, Entity, Kind
// and Standalone is set on the pages of those types.
type Page struct {
	Site   *site.Site
	Nav    []NavItem
	Layout string // "home", "report", ...

	URL         string // the page's directory, relative to the root: "cities/mosul/", "ar/cities/mosul/"
	Title       string // the page's own title; the layout adds the site's
	Description string
	Lang        string // the edition's language, the page's: <html lang>
	UILang      string // the interface language: the edition's, in which T, Date and the like answer
	Edition     config.Edition
	OGType      string // "website" or "article"
	JSONLD      any    // marshalled into <script type="application/ld+json">
	Body        template.HTML

	// Text is what the edition shows of the report, page or entity: its
	// translation, or else its original. TextLang is its language when
	// that is not the edition's (an untranslated report), else "": the
	// layouts mark its title, summary and body with it (langAttrs).
	Text     site.Text
	TextLang string

	// Alternates is this page in each edition, the default first, for
	// <link rel="alternate" hreflang> and the language switcher; nil on a
	// site of one edition and on 404.html.
	Alternates []Alternate

	Report     *site.Report
	Entity     *site.Entity
	Kind       *site.Kind
	Standalone *site.Page
	Record     *site.Record

	Latest  []*site.Report    // home: the newest reports
	Years   []lists.YearGroup // reports index
	Groups  []lists.Group     // entity index: entities by type
	Counts  []KindCount       // home: entities per kind
	Events  []*site.Event     // home: event count; report, entity: its events
	Records []site.RecordRef  // records index: every record; entity: its records, with its role

	Chart         *svg.Chart           // home, timeline: records by the month they began
	Map           *svg.Map             // home, indexes of places, places
	RecordMap     *svg.RecordMap       // home, records index: where records happened
	Strip         *svg.Strip           // entity: its records on the site's time axis
	Timeline      []timeline.Year      // timeline: records and reports by year
	Columns       []export.Column      // data: the fields of the events
	RecordColumns []export.Column      // data: the fields of the records
	Feed          string               // the page's Atom feed, relative to the root
	Crumbs        []*site.Entity       // entity: its ancestors, outermost first
	Mentions      []lists.MentionGroup // entity: its mentions by report, newest first, each in its sentence
	MoreMentions  int                  // entity: reports whose mentions are not shown, beyond Mentions
	Scripts       []string             // script files, relative to the root

	// A page of a list split into pages (see paginate.go and package
	// paging): where it is among them. Nil on a page not split.
	Pager *paging.Pager
	// Entity: its reports as its page lists them (the newest, when it
	// has many), and the addresses of the lists of all its reports and
	// records when its page does not list them all ("" when it does).
	// Part is "reports" or "records" on the pages of those lists.
	Reports                []site.ReportRef
	AllReports, AllRecords string
	Part                   string
	// Timeline split by year: the years, on each of its pages, and on a
	// year's page the address of the timeline's first page.
	TimelineYears []timeline.YearLink
	TimelineUp    string
	Styles        []string // stylesheets besides style.css: code.css (highlighted code), charts.css (a chart or strip), search.css

	// Entity: the rest of what its page shows of its mentions; see
	// entityMentions.
	FoldedMentions []lists.MentionGroup // the groups after Mentions, which the page folds away
	MentionCount   int                  // its mentions in all reports
	MentionReports int                  // the reports that have them

	// Set before the layout runs, from the fields above.
	NavCurrent string // the page's URL in its edition when the navigation lists it, else ""

	say.Words // T, HTML, Date, When, Num, StatusText, StartText (package say)

	// ChromeLang and ChromeDir are always "": the page's language is its
	// edition's, and so is its chrome's; a text in another language is
	// marked with TextLang. Kept for themes written when the page took
	// its report's language and the chrome was marked with the site's.
	ChromeLang string
	ChromeDir  string

	path     string // the page's directory within its edition: "cities/mosul/"
	notFound bool   // 404.html: links start from base_url, not from URL

	tmpl    *template.Template // the layout's template set, for Partial
	variant int                // Theme.variant of the layout
	depth   int                // partials being laid out through Partial, one in another
	frags   *fragments         // shared by all pages of one render
	frag    *Fragment          // what this page shows its partials
	fds     []*Fragment        // the Fragments given to partials, by depth (see execute)
}

// prepare sets the fields derived from the others, once the page is laid
// out and before its layout runs.
func (p *Page) prepare(tmpl *template.Template, variant int) {
	p.tmpl, p.variant = tmpl, variant
	p.NavCurrent = ""
	for _, n := range p.Nav {
		if n.URL == p.path {
			p.NavCurrent = p.path
		}
	}
	// The code colours, the chart's and strips' rules and the search
	// page's are stylesheets of their own, which only the pages that use
	// them load: a report page, the page most read, stays light.
	p.Styles = nil
	if strings.Contains(string(p.Body), `<div class="code"`) {
		p.Styles = append(p.Styles, "code.css")
	}
	if p.Chart != nil || p.Strip != nil {
		p.Styles = append(p.Styles, "charts.css")
	}
	if p.Layout == "search" {
		p.Styles = append(p.Styles, "search.css")
	}
	p.ChromeLang, p.ChromeDir = "", ""
}

// Alternate is a page in one of the site's editions.
type Alternate struct {
	Lang    string // the edition's language: hreflang
	Name    string // the language's name in itself, for the switcher: "العربية"
	Dir     string // its direction
	Href    string // for <link rel="alternate">: absolute when base_url is set, else relative to the page
	Link    string // relative to the page, for the switcher
	Current bool   // the page itself
	Default bool   // the default edition's: also hreflang="x-default"
}

// KindCount is an entity kind and how many entities it has.
type KindCount struct {
	*site.Kind
	N int
}

// File is the output path of the page.
func (p *Page) File() string {
	if p.notFound {
		return p.Edition.Root() + "404.html"
	}
	return p.URL + "index.html"
}

// Link returns the URL of the page at directory url of the page's edition
// (relative to the edition's root: "cities/mosul/" is
// "ar/cities/mosul/" in the edition under ar/) as seen from this page.
func (p *Page) Link(url string) string {
	if p.notFound {
		return p.base() + p.Edition.Root() + url
	}
	return urlpath.Rel(p.path, url) // from within the edition: "../../", not "../../../ar/"
}

// EditionAsset returns the URL of the file at path in the page's edition
// (relative to the edition's root: "search/" is the edition's own search
// index, "ar/search/" under ar/) as seen from this page.
func (p *Page) EditionAsset(path string) string { return p.Asset(p.Edition.Root() + path) }

// SiteFeed is the path of the edition's own feed, relative to the root,
// for Asset: "feed.xml", "ar/feed.xml".
func (p *Page) SiteFeed() string { return feeds.Path(p.Edition.Root()) }

// Asset returns the URL of the file at path (relative to the site root) as
// seen from this page.
func (p *Page) Asset(path string) string {
	if p.notFound {
		return p.base() + path
	}
	return urlpath.File(p.URL, path)
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
func (p *Page) Dir() string { return langtag.Dir(p.Lang) }

// newPage makes the edition's page at url, relative to the edition's root.
func (r *renderer) newPage(layout, url, title, desc string) *Page {
	p := &Page{
		Site: r.site, Nav: r.nav, Layout: layout, URL: r.ed.Root() + url, Title: title,
		Description: desc, Lang: r.ed.Lang, UILang: r.ui.Lang(), Edition: r.ed, OGType: "website",
		path: url, frags: r.frags, Words: r.words,
	}
	p.Alternates = r.alternates(p)
	return p
}

// alternates is the page p in every edition.
func (r *renderer) alternates(p *Page) []Alternate {
	eds := r.site.Config.Editions
	if len(eds) < 2 {
		return nil
	}
	out := make([]Alternate, len(eds))
	for i, ed := range eds {
		to := ed.Root() + p.path
		a := Alternate{Lang: ed.Lang, Name: ed.Name, Dir: langtag.Dir(ed.Lang), Link: urlpath.Rel(p.URL, to),
			Current: ed.Lang == r.ed.Lang, Default: i == 0}
		a.Href = a.Link
		if b := r.site.Config.BaseURL; b != "" {
			a.Href = b + to
		}
		out[i] = a
	}
	return out
}

// setText sets the text the page shows and the language to mark it with.
func (p *Page) setText(t site.Text) {
	p.Text = t
	p.TextLang = ""
	if !t.Translated && !strings.EqualFold(t.Lang, p.Lang) {
		p.TextLang = t.Lang
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
	p.Feed = p.SiteFeed()
	p.Chart = svg.RecordChart(s.Records, s.Config.EventTypes, p.Link("timeline/"), r.labels)
	r.tl.ChartLinks(p.Chart, p.Link)
	p.Map = r.basemap.Map(nil, s.Config.Map.Attribution, r.ui)
	p.RecordMap = r.basemap.RecordMap(s.Records, s.Config.Map.Attribution, r.ui)
	for i := len(s.Records) - 1; i >= 0 && len(p.Records) < 8; i-- {
		p.Records = append(p.Records, site.RecordRef{Record: s.Records[i]})
	}
	p.JSONLD = jsonld.WebSite(s, p.Canonical(), desc)
	return p
}

func (r *renderer) report(rep *site.Report) *Page {
	t := rep.In(r.ed.Lang)
	p := r.newPage("report", rep.URL, t.Title, t.Summary)
	p.Report = rep
	p.OGType = "article"
	p.setText(t)
	p.Body = r.body(t.Doc)
	p.Events = rep.Events
	p.JSONLD = jsonld.Report(r.site, rep, p.Canonical(), t.Lang)
	return p
}

func (r *renderer) entity(e *site.Entity) *Page {
	t := e.In(r.ed.Lang)
	desc := t.Doc.FirstParagraph()
	if desc == "" {
		desc = r.ui.T("entity.description", len(e.Reports), "Name", t.Title)
	}
	p := r.newPage("entity", e.URL, t.Title, english.Shorten(desc, 200))
	p.Entity = e
	p.Kind = e.Kind
	p.setText(t)
	p.Body = r.body(t.Doc)
	p.Feed = feeds.Path(p.Edition.Root() + e.URL)
	r.entityMentions(p, e)
	p.Crumbs = e.Ancestors()
	slices.Reverse(p.Crumbs)
	p.Strip = svg.RecordStrip(e.Records, r.axis, r.site, p.Link, r.labels)
	if e.Coordinates != nil {
		p.Map = r.basemap.Map(e, r.site.Config.Map.Attribution, r.ui)
	}
	p.JSONLD = jsonld.Entity(r.site, e, p.Canonical(), p.Description)
	// Newest first, as its reports and mentions are.
	p.Records = slices.Clone(e.Records)
	slices.Reverse(p.Records)
	entityLists(p, e)
	return p
}

func (r *renderer) standalone(sp *site.Page) *Page {
	t := sp.In(r.ed.Lang)
	desc := t.Summary
	if desc == "" {
		desc = english.Shorten(t.Doc.FirstParagraph(), 200)
	}
	p := r.newPage("page", sp.URL, t.Title, desc)
	p.Standalone = sp
	p.setText(t)
	p.Body = r.body(t.Doc)
	return p
}

func (r *renderer) timeline() *Page {
	s := r.site
	p := r.newPage("timeline", "timeline/", r.ui.T("timeline.title"), r.ui.T("timeline.description",
		"Shutdowns", r.ui.T("count.shutdowns", len(s.Records)), "Reports", r.ui.T("count.reports", len(s.Reports))))
	p.Chart = svg.RecordChart(s.Records, s.Config.EventTypes, "", r.labels)
	if !r.tl.Split {
		p.Timeline = r.tl.Years
		return p
	}
	r.tl.ChartLinks(p.Chart, p.Link)
	p.TimelineYears = r.tl.YearLinks(0)
	return p
}

func (r *renderer) search() *Page {
	p := r.newPage("search", "search/", r.ui.T("search.title"), r.ui.T("search.description"))
	p.Scripts = []string{"search.js"}
	return p
}

func (r *renderer) dataPage() *Page {
	p := r.newPage("data", "data/", r.ui.T("data.title"), r.ui.T("data.description"))
	p.Columns = export.EventColumns(r.site, r.ui)
	p.RecordColumns = export.RecordColumns(r.site, r.ui)
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
	p := r.newPage("404", "", r.ui.T("notfound.title"), r.ui.T("notfound.description"))
	p.notFound = true
	p.Alternates = nil
	return p
}
