package render

import (
	"bytes"
	"encoding/xml"
	"time"

	"gazette/internal/content"
	"gazette/internal/site"
)

// maxFeedEntries bounds the site feed; entity feeds hold every report.
const maxFeedEntries = 50

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Rights  string      `xml:"rights,omitempty"`
	Gen     string      `xml:"generator"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Link       atomLink       `xml:"link"`
	Summary    string         `xml:"summary,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// feedURL makes an absolute URL when base_url is set. Without it, links
// are relative to the site root, which feed readers resolve against the
// feed's own address when it is served from the root.
func (r *renderer) absURL(url string) string {
	if b := r.site.Config.BaseURL; b != "" {
		return b + url
	}
	return "/" + url
}

// feedID is stable across builds and hosts: the page's URL under base_url,
// or a URN built from the site's title and the page's path.
func (r *renderer) feedID(url string) string {
	if b := r.site.Config.BaseURL; b != "" {
		return b + url
	}
	return "urn:gazette:" + content.Slugify(r.site.Config.Title) + ":" + url
}

func atomDate(d content.Date) string { return d.Start().Format(time.RFC3339) }

// feed writes the Atom feed of reports at dir (such as "cities/mosul/").
func (r *renderer) feed(dir, title string, reports []*site.Report) error {
	s := r.site
	f := atomFeed{
		Lang: s.Config.Language, ID: r.feedID(dir + "feed.xml"), Title: title, Sub: s.Config.Subtitle,
		Author: atomPerson{s.Config.Title}, Rights: s.Config.License, Gen: "gazette",
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: r.absURL(dir + "feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: r.absURL(dir)},
		},
		Updated: atomDate(content.Date{Year: 1970, Month: 1, Day: 1}),
	}
	for _, rep := range reports {
		if d := atomDate(rep.Date); d > f.Updated {
			f.Updated = d
		}
		e := atomEntry{
			ID: r.feedID(rep.URL), Title: rep.Title, Updated: atomDate(rep.Date), Published: atomDate(rep.Date),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: r.absURL(rep.URL)}, Summary: rep.Summary,
		}
		for i, list := range rep.Entities {
			for _, ent := range list {
				e.Categories = append(e.Categories, atomCategory{Term: s.Kinds[i].ID + ":" + ent.ID, Label: ent.Name})
			}
		}
		f.Entries = append(f.Entries, e)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	b.WriteByte('\n')
	r.count(0, 1)
	return r.w.WriteFile(dir+"feed.xml", b.Bytes())
}

// feeds writes the site feed and one per entity.
func (r *renderer) feeds() []func() error {
	s := r.site
	jobs := []func() error{func() error {
		return r.feed("", s.Config.Title, s.Reports[:min(len(s.Reports), maxFeedEntries)])
	}}
	for _, k := range s.Kinds {
		for _, e := range k.Entities {
			jobs = append(jobs, func() error {
				reports := make([]*site.Report, len(e.Reports))
				for i, ref := range e.Reports {
					reports[i] = ref.Report
				}
				return r.feed(e.URL, e.Name+" · "+s.Config.Title, reports)
			})
		}
	}
	return jobs
}

// sitemap lists every page, with the report date where there is one.
func (r *renderer) sitemap() error {
	type u struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	var urls []u
	add := func(url string, d content.Date) {
		lm := ""
		if !d.IsZero() {
			lm = d.Start().Format("2006-01-02")
		}
		urls = append(urls, u{r.absURL(url), lm})
	}
	s := r.site
	add("", content.Date{})
	for _, url := range []string{"reports/", "timeline/", "search/", "data/"} {
		add(url, content.Date{})
	}
	for _, rep := range s.Reports {
		add(rep.URL, rep.Date)
	}
	for _, k := range s.Kinds {
		add(k.URL, content.Date{})
		for _, e := range k.Entities {
			add(e.URL, content.Date{})
		}
	}
	for _, p := range s.Pages {
		add(p.URL, content.Date{})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	err := enc.Encode(struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []u      `xml:"url"`
	}{URLs: urls})
	if err != nil {
		return err
	}
	b.WriteByte('\n')
	robots := "User-agent: *\nAllow: /\n"
	if s.Config.BaseURL != "" {
		robots += "\nSitemap: " + s.Config.BaseURL + "sitemap.xml\n"
	}
	r.count(0, 2)
	if err := r.w.WriteFile("robots.txt", []byte(robots)); err != nil {
		return err
	}
	return r.w.WriteFile("sitemap.xml", b.Bytes())
}
