package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/site"
)

// The Atom feed as encoding/xml wrote it, for FuzzFeed to compare with.
type (
	atomFeed struct {
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
	atomLink struct {
		Rel  string `xml:"rel,attr,omitempty"`
		Type string `xml:"type,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	atomPerson struct {
		Name string `xml:"name"`
	}
	atomEntry struct {
		ID         string         `xml:"id"`
		Title      string         `xml:"title"`
		Updated    string         `xml:"updated"`
		Published  string         `xml:"published"`
		Link       atomLink       `xml:"link"`
		Summary    string         `xml:"summary,omitempty"`
		Categories []atomCategory `xml:"category"`
	}
	atomCategory struct {
		Term  string `xml:"term,attr"`
		Label string `xml:"label,attr,omitempty"`
	}
)

func atomDate(d content.Date) string { return string(appendAtomDate(nil, d)) }

// referenceFeed is the feed feed makes, made with encoding/xml.
func referenceFeed(s *site.Site, dir, title string, reports []*site.Report) []byte {
	f := atomFeed{
		Lang: s.Config.Language, ID: feedID(s, dir+"feed.xml"), Title: title, Sub: s.Config.Subtitle,
		Author: atomPerson{s.Config.Title}, Rights: s.Config.License, Gen: "gazette",
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.Config.AbsURL(dir + "feed.xml")},
			{Rel: "alternate", Type: "text/html", Href: s.Config.AbsURL(dir)},
		},
		Updated: atomDate(content.Date{Year: 1970, Month: 1, Day: 1}),
	}
	for _, rep := range reports {
		if d := atomDate(rep.Date); d > f.Updated {
			f.Updated = d
		}
		e := atomEntry{
			ID: feedID(s, rep.URL), Title: rep.Title, Updated: atomDate(rep.Date), Published: atomDate(rep.Date),
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: s.Config.AbsURL(rep.URL)}, Summary: rep.Summary,
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
		panic(err)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// FuzzFeed holds feed to the encoding/xml output it replaced, on a site of
// one kind, one entity and up to two reports made of the fuzzed strings,
// and appendXMLEscaped to xml.EscapeText.
func FuzzFeed(f *testing.F) {
	f.Add("Cut Off", "Shutdowns", "en", "CC BY 4.0", "https://example.org/t/", "cities/mosul/", "city", "mosul", "Mosul",
		"Internet goes dark", "The group cut the internet.", uint16(2016), uint8(8), uint8(12), 2)
	f.Add("", "", "", "", "", "", "", "", "", "", "", uint16(0), uint8(0), uint8(0), 0)
	f.Add("A & B <c> \"d\" 'e'", "tab\there\nnew\rcr", "ar-IQ", "\x00\x1f\x7f", "", "ü/", "k\xe2", "\x82\xacid", "Mûsil الموصل",
		"\xff\xfe bad \ufffd \ufffe \U0001F600", "]]> &amp;", uint16(10000), uint8(13), uint8(40), 1)
	f.Fuzz(func(t *testing.T, title, sub, lang, license, base, dir, kind, id, name, repTitle, summary string,
		year uint16, month, day uint8, n int) {
		var esc bytes.Buffer
		xml.EscapeText(&esc, []byte(repTitle))
		if got := appendXMLEscaped(nil, repTitle); !bytes.Equal(got, esc.Bytes()) {
			t.Errorf("appendXMLEscaped(%q) = %q, want %q", repTitle, got, esc.Bytes())
		}
		k := &site.Kind{Kind: config.Kind{ID: kind}}
		e := &site.Entity{Entity: &content.Entity{ID: id, Name: name}, URL: dir}
		s := &site.Site{
			Config: config.Config{Title: title, Subtitle: sub, Language: lang, License: license, BaseURL: base},
			Kinds:  []*site.Kind{k},
		}
		var reports []*site.Report
		for i := range n & 3 {
			reports = append(reports, &site.Report{
				Report:   &content.Report{Title: repTitle, Date: content.Date{Year: int(year) + i, Month: int(month % 13), Day: int(day % 32)}},
				URL:      dir + repTitle,
				Summary:  summary[:len(summary)*i/3],
				Entities: [][]*site.Entity{[]*site.Entity{e, e}[:i]},
			})
		}
		got := feed(s, config.Edition{Lang: lang}, dir, title+" · "+name, reports)
		if want := referenceFeed(s, dir, title+" · "+name, reports); !bytes.Equal(got, want) {
			t.Errorf("feed:\n%s\nwant:\n%s", got, want)
		}
	})
}

// referenceSitemap is the sitemap Sitemap makes, made with encoding/xml.
func referenceSitemap(s *site.Site) []byte {
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
		urls = append(urls, u{s.Config.AbsURL(url), lm})
	}
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
	if len(s.Records) > 0 {
		add("records/", content.Date{})
	}
	for _, rec := range s.Records {
		add(rec.URL, content.Date{})
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
		panic(err)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// FuzzSitemap holds sitemap to the encoding/xml output it replaced.
func FuzzSitemap(f *testing.F) {
	f.Add("https://example.org/t/", "reports/2016-08-12-mosul/", "cities/", "cities/mosul/", "about/", uint16(2016), uint8(8), uint8(12))
	f.Add("", "r/<&>\"'/", "k\xe2", "\x82\xac/", "\x00\t\n\r/", uint16(0), uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, base, report, kind, entity, page string, year uint16, month, day uint8) {
		rep := &site.Report{Report: &content.Report{Date: content.Date{Year: int(year), Month: int(month % 13), Day: int(day % 32)}}, URL: report}
		s := &site.Site{
			Config:  config.Config{BaseURL: base},
			Kinds:   []*site.Kind{{URL: kind, Entities: []*site.Entity{{URL: entity}}}},
			Reports: []*site.Report{rep, rep},
			Pages:   []*site.Page{{URL: page}},
		}
		if got, want := Sitemap(s), referenceSitemap(s); !bytes.Equal(got, want) {
			t.Errorf("sitemap:\n%s\nwant:\n%s", got, want)
		}
	})
}

// Site and Entity hold the maxFeedEntries newest reports, newest first,
// and write them at Path.
func TestEntries(t *testing.T) {
	k := &site.Kind{Kind: config.Kind{ID: "city"}}
	e := &site.Entity{Entity: &content.Entity{ID: "mosul", Name: "Mosul"}, URL: "cities/mosul/", Kind: k}
	s := &site.Site{Config: config.Config{Title: "Cut Off", BaseURL: "https://example.org/"}, Kinds: []*site.Kind{k}}
	for i := range 60 {
		rep := &site.Report{Report: &content.Report{Title: fmt.Sprintf("R%d", 60-i), Date: content.Date{Year: 2016, Month: 1, Day: 1}}, URL: fmt.Sprintf("reports/r%d/", 60-i)}
		s.Reports = append(s.Reports, rep) // newest first, as site sorts them
		e.Reports = append(e.Reports, site.ReportRef{Report: rep})
	}
	for _, tc := range []struct {
		name string
		feed []byte
		self string
	}{
		{"site", Site(s, config.Edition{Lang: "en"}), "https://example.org/feed.xml"},
		{"entity", Entity(s, config.Edition{Lang: "en"}, e), "https://example.org/cities/mosul/feed.xml"},
		{"ar site", Site(s, config.Edition{Lang: "ar", Prefix: "ar"}), "https://example.org/ar/feed.xml"},
		{"ar entity", Entity(s, config.Edition{Lang: "ar", Prefix: "ar"}, e), "https://example.org/ar/cities/mosul/feed.xml"},
	} {
		got := string(tc.feed)
		if n := strings.Count(got, "<entry>"); n != maxFeedEntries {
			t.Errorf("%s feed: %d entries, want %d", tc.name, n, maxFeedEntries)
		}
		if first, last := strings.Index(got, "<title>R60</title>"), strings.Index(got, "<title>R11</title>"); first < 0 || last < first || strings.Contains(got, "<title>R10</title>") {
			t.Errorf("%s feed does not hold R60 to R11, newest first:\n%s", tc.name, got)
		}
		if !strings.Contains(got, `<link rel="self" type="application/atom+xml" href="`+tc.self+`"></link>`) {
			t.Errorf("%s feed: no self link to %s", tc.name, tc.self)
		}
	}
	if Path("") != "feed.xml" || Path(e.URL) != "cities/mosul/feed.xml" {
		t.Errorf("Path: %q, %q", Path(""), Path(e.URL))
	}
}

// robots.txt names the sitemap only when base_url says where it is.
func TestRobots(t *testing.T) {
	for base, want := range map[string]string{
		"":                     "User-agent: *\nAllow: /\n",
		"https://example.org/": "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n",
	} {
		if got := string(Robots(&site.Site{Config: config.Config{BaseURL: base}})); got != want {
			t.Errorf("base_url %q: robots.txt\n%q\nwant\n%q", base, got, want)
		}
	}
}

// A site of several editions lists each page in each, with the versions
// of it in every edition and x-default, the default edition's.
func TestSitemapEditions(t *testing.T) {
	s := &site.Site{Config: config.Config{BaseURL: "https://example.org/", Editions: []config.Edition{
		{Lang: "en"}, {Lang: "ar", Prefix: "ar"},
	}}}
	got := string(Sitemap(s))
	want := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://example.org/</loc>
    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/"/>
    <xhtml:link rel="alternate" hreflang="ar" href="https://example.org/ar/"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/"/>
  </url>
  <url>
    <loc>https://example.org/ar/</loc>
    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/"/>
    <xhtml:link rel="alternate" hreflang="ar" href="https://example.org/ar/"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/"/>
  </url>
  <url>
    <loc>https://example.org/reports/</loc>`
	if !strings.HasPrefix(got, want) {
		t.Errorf("sitemap begins\n%s\nwant\n%s", got[:min(len(got), len(want)+200)], want)
	}
	if n := strings.Count(got, "<url>"); n != 10 {
		t.Errorf("%d pages, want 10: the home page, reports/, timeline/, search/ and data/ in two editions", n)
	}
}

// TestSitemapSplit: a sitemap of more entries than a file may hold is
// split into files of at most that many, in order, and an index of them.
func TestSitemapSplit(t *testing.T) {
	s := &site.Site{Config: config.Config{BaseURL: "https://example.org/", Editions: []config.Edition{
		{Lang: "en"}, {Lang: "ar", Prefix: "ar"},
	}}}
	b, ends := sitemap(s)
	if len(ends) != 10 {
		t.Fatalf("%d entries, want 10", len(ends))
	}
	if files := splitSitemap(b, ends, "https://example.org/", 10); len(files) != 1 || !bytes.Equal(files[0].Data, b) || files[0].Name != "sitemap.xml" {
		t.Errorf("a sitemap within the limit is not sitemap.xml alone, as it is")
	}
	files := splitSitemap(b, ends, "https://example.org/", 4)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if want := "sitemap.xml sitemap-1.xml sitemap-2.xml sitemap-3.xml"; strings.Join(names, " ") != want {
		t.Fatalf("files %q, want %q", names, want)
	}
	index := `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap>
    <loc>https://example.org/sitemap-1.xml</loc>
  </sitemap>
  <sitemap>
    <loc>https://example.org/sitemap-2.xml</loc>
  </sitemap>
  <sitemap>
    <loc>https://example.org/sitemap-3.xml</loc>
  </sitemap>
</sitemapindex>
`
	if got := string(files[0].Data); got != index {
		t.Errorf("index:\n%s\nwant:\n%s", got, index)
	}
	// The parts are whole documents whose entries, together, are the
	// whole sitemap's, in its order.
	var all []string
	for i, f := range files[1:] {
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(f.Data, &set); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if want := []int{4, 4, 2}[i]; len(set.URLs) != want {
			t.Errorf("%s: %d entries, want %d", f.Name, len(set.URLs), want)
		}
		for _, u := range set.URLs {
			all = append(all, u.Loc)
		}
	}
	whole := regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(string(b), -1)
	if len(whole) != len(all) {
		t.Fatalf("%d entries in the parts, %d in the sitemap", len(all), len(whole))
	}
	for i, m := range whole {
		if m[1] != all[i] {
			t.Errorf("entry %d: %s, want %s", i, all[i], m[1])
		}
	}
}
