// Package feeds writes the files that tell other programs what the site
// holds: the Atom feeds of the site and of each entity, sitemap.xml and
// robots.txt.
//
// Input: the resolved *site.Site. Output: each file's bytes, which the
// render stage writes. The XML is written by hand rather than through
// encoding/xml's reflection, to the byte what xml.Encoder made (FuzzFeed
// and FuzzSitemap hold it to that), at a fraction of the cost: a site has
// a feed per entity.
package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gazette/internal/config"
	"gazette/internal/content"
	"gazette/internal/paging"
	"gazette/internal/site"
)

// maxFeedEntries bounds every feed: a feed is for following what is new,
// and an entity's page lists all of its reports.
const maxFeedEntries = 50

// MaxEntries is maxFeedEntries, for the digest of what a feed is made
// from (package render): only the reports it lists.
const MaxEntries = maxFeedEntries

// feedID is stable across builds and hosts: the page's URL under base_url,
// or a URN built from the site's title and the page's path.
func feedID(s *site.Site, url string) string {
	if b := s.Config.BaseURL; b != "" {
		return b + url
	}
	return "urn:gazette:" + content.Slugify(s.Config.Title) + ":" + url
}

// appendAtomDate appends the first moment of d as an Atom date.
func appendAtomDate(b []byte, d content.Date) []byte {
	return d.Start().AppendFormat(b, time.RFC3339)
}

// feed makes the Atom feed of reports at dir (such as "cities/mosul/",
// "ar/cities/mosul/") in the edition ed: its titles, summaries and names
// are the edition's, and its links go to the edition's pages.
//
// The XML is written directly, not through encoding/xml's reflection: the
// bytes are the ones xml.Encoder, indenting by two spaces, made of the
// structs this replaced, down to the empty-element form <link ...></link>
// and the escaping of each string (appendXMLText). FuzzFeed holds it to
// that encoder.
func feed(s *site.Site, ed config.Edition, dir, title string, reports []*site.Report) []byte {
	c := &s.Config
	lang, root := ed.Lang, ed.Root()
	id, href := feedID(s, ""), s.Config.AbsURL("") // prefixes of page addresses

	// The feed is as new as its newest report, and no older than 1970.
	// size is the room the feed takes when no text needs escaping.
	var scratch [32]byte
	updated := appendAtomDate(nil, content.Date{Year: 1970, Month: 1, Day: 1})
	size := 512 + 2*len(href) + len(id) + 2*len(dir) + len(title) + len(c.Subtitle) + len(c.Title) + len(c.License)
	for _, rep := range reports {
		if d := appendAtomDate(scratch[:0], rep.Date); string(d) > string(updated) {
			updated = append(updated[:0], d...)
		}
		size += 256 + len(id) + len(href) + 2*len(root+rep.URL) + len(rep.Title) + len(rep.Summary)
		for i, list := range rep.Entities {
			for _, ent := range list {
				size += 48 + len(s.Kinds[i].ID) + len(ent.ID) + len(ent.Name)
			}
		}
	}

	b := make([]byte, 0, size)
	b = append(b, xml.Header...)
	b = append(b, `<feed xmlns="http://www.w3.org/2005/Atom"`...)
	if lang != "" {
		b = append(b, ` xml:lang="`...)
		b = appendXMLText(b, lang)
		b = append(b, '"')
	}
	b = append(b, '>')
	b = appendXMLElement(b, "\n  <id>", "</id>", id, dir, "feed.xml")
	b = appendXMLElement(b, "\n  <title>", "</title>", title)
	if c.Subtitle != "" {
		b = appendXMLElement(b, "\n  <subtitle>", "</subtitle>", c.Subtitle)
	}
	b = append(b, "\n  <updated>"...)
	b = append(b, updated...)
	b = append(b, "</updated>"...)
	b = appendXMLElement(b, "\n  "+`<link rel="self" type="application/atom+xml" href="`, `"></link>`, href, dir, "feed.xml")
	b = appendXMLElement(b, "\n  "+`<link rel="alternate" type="text/html" href="`, `"></link>`, href, dir)
	b = appendXMLElement(b, "\n  <author>\n    <name>", "</name>\n  </author>", c.Title)
	if c.License != "" {
		b = appendXMLElement(b, "\n  <rights>", "</rights>", c.License)
	}
	b = append(b, "\n  <generator>gazette</generator>"...)
	for _, rep := range reports {
		date := appendAtomDate(scratch[:0], rep.Date)
		b = append(b, "\n  <entry>"...)
		t := rep.In(lang)
		b = appendXMLElement(b, "\n    <id>", "</id>", id, root, rep.URL)
		b = appendXMLElement(b, "\n    <title>", "</title>", t.Title)
		b = append(b, "\n    <updated>"...)
		b = append(b, date...)
		b = append(b, "</updated>\n    <published>"...)
		b = append(b, date...)
		b = append(b, "</published>"...)
		b = appendXMLElement(b, "\n    "+`<link rel="alternate" type="text/html" href="`, `"></link>`, href, root, rep.URL)
		if t.Summary != "" {
			b = appendXMLElement(b, "\n    <summary>", "</summary>", t.Summary)
		}
		for i, list := range rep.Entities {
			for _, ent := range list {
				b = appendXMLElement(b, "\n    "+`<category term="`, `"`, s.Kinds[i].ID, ":", ent.ID)
				if name := ent.NameIn(lang); name != "" {
					b = appendXMLElement(b, ` label="`, `"`, name)
				}
				b = append(b, "></category>"...)
			}
		}
		b = append(b, "\n  </entry>"...)
	}
	b = append(b, "\n</feed>\n"...)
	return b
}

// appendXMLElement appends start, the text that is the concatenation of
// parts, and end.
func appendXMLElement(b []byte, start, end string, parts ...string) []byte {
	b = append(b, start...)
	b = appendXMLText(b, parts...)
	return append(b, end...)
}

// appendXMLText appends the concatenation of parts, escaped as
// encoding/xml escapes text and attribute values: the five markup
// characters and tab, newline and carriage return become references, and
// invalid UTF-8 and runes XML does not allow become U+FFFD.
//
// Each part is escaped on its own, which is the same as escaping them
// joined unless a part ends inside a UTF-8 sequence that the next might
// complete; such parts are joined first.
func appendXMLText(b []byte, parts ...string) []byte {
	for i, s := range parts {
		if i < len(parts)-1 && !utf8.ValidString(s) {
			return appendXMLEscaped(b, strings.Join(parts[i:], ""))
		}
		b = appendXMLEscaped(b, s)
	}
	return b
}

// appendXMLEscaped appends s escaped as encoding/xml's EscapeText does.
func appendXMLEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		var esc string
		width := 1
		if c := s[i]; c < utf8.RuneSelf {
			if esc = xmlEscapes[c]; esc == "" {
				i++
				continue
			}
		} else {
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if !(r == utf8.RuneError && width == 1) && (r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || r >= 0x10000) {
				i += width
				continue
			}
			esc = "\uFFFD" // invalid UTF-8, or not an XML character
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// xmlEscapes is what encoding/xml writes for each ASCII byte that does not
// stand for itself: a reference, or U+FFFD for the control characters XML
// does not allow.
var xmlEscapes = func() (t [utf8.RuneSelf]string) {
	for c := range 0x20 {
		t[c] = "\uFFFD"
	}
	t['\t'], t['\n'], t['\r'] = "&#x9;", "&#xA;", "&#xD;"
	t['"'], t['\''], t['&'], t['<'], t['>'] = "&#34;", "&#39;", "&amp;", "&lt;", "&gt;"
	return t
}()

// Path is where the feed of the page at dir (such as "cities/mosul/", or
// "" for the site's) is written.
func Path(dir string) string { return dir + "feed.xml" }

// Site makes the feed of the edition ed, at Path(ed.Root()): its newest
// reports.
func Site(s *site.Site, ed config.Edition) []byte {
	return feed(s, ed, ed.Root(), s.Config.Title, s.Reports[:min(len(s.Reports), maxFeedEntries)])
}

// Entity makes the feed of e's reports in the edition ed, at
// Path(ed.Root()+e.URL): the newest of them.
func Entity(s *site.Site, ed config.Edition, e *site.Entity) []byte {
	reports := make([]*site.Report, min(len(e.Reports), maxFeedEntries))
	for i := range reports {
		reports[i] = e.Reports[i].Report // newest first
	}
	return feed(s, ed, ed.Root()+e.URL, e.NameIn(ed.Lang)+" · "+s.Config.Title, reports)
}

// Sitemap makes sitemap.xml, which lists every page of every edition,
// with the report date where there is one. On a site of several editions,
// each page's entry names its version in every edition, the default
// edition's also as x-default, as <xhtml:link rel="alternate" hreflang>
// (https://developers.google.com/search/docs/specialty/international/localized-versions#sitemap).
// Like the feeds, it is written directly, in the bytes xml.Encoder made.
func Sitemap(s *site.Site) []byte {
	b, _ := sitemap(s)
	return b
}

// maxSitemapURLs is the most <url> entries a sitemap file may hold
// (https://www.sitemaps.org/protocol.html#index); the protocol's other
// limit, 50 MB, is far from 50,000 entries of gazette's.
const maxSitemapURLs = 50000

// File is a file a function of this package makes beside others.
type File struct {
	Name string
	Data []byte
}

// Sitemaps makes sitemap.xml (Sitemap) when the site has at most 50,000
// addresses; a larger one gets sitemap-1.xml, sitemap-2.xml, … of 50,000
// each, and sitemap.xml is then their sitemap index, which robots.txt and
// search engines read as they read a sitemap.
func Sitemaps(s *site.Site) []File {
	b, ends := sitemap(s)
	return splitSitemap(b, ends, s.Config.AbsURL(""), maxSitemapURLs)
}

// splitSitemap splits the sitemap b, whose entries end at ends, into
// files of at most max entries and their index, when it has more.
func splitSitemap(b []byte, ends []int, base string, max int) []File {
	if len(ends) <= max {
		return []File{{"sitemap.xml", b}}
	}
	head, _, _ := bytes.Cut(b, []byte("\n  <url>"))
	index := append([]byte(xml.Header), `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`...)
	var files []File
	start := len(head)
	for i := 0; i*max < len(ends); i++ {
		end := ends[min((i+1)*max, len(ends))-1]
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		f := append(bytes.Clone(head), b[start:end]...)
		f = append(f, "\n</urlset>\n"...)
		files = append(files, File{name, f})
		index = appendXMLElement(index, "\n  <sitemap>\n    <loc>", "</loc>\n  </sitemap>", base, name)
		start = end
	}
	index = append(index, "\n</sitemapindex>\n"...)
	return append([]File{{"sitemap.xml", index}}, files...)
}

// sitemap makes the sitemap of every address, and says where each <url>
// entry ends in it.
func sitemap(s *site.Site) ([]byte, []int) {
	var ends []int
	base := s.Config.AbsURL("")
	eds := s.Config.Editions
	if len(eds) == 0 {
		eds = []config.Edition{{Lang: s.Config.Language}} // a site not read from site.yaml
	}
	n := 5 + len(s.Reports) + len(s.Pages)
	for _, k := range s.Kinds {
		n += 1 + len(k.Entities)
	}
	per := 96 + len(base)
	if len(eds) > 1 {
		per += (len(eds) + 1) * (64 + len(base))
	}
	b := make([]byte, 0, 128+n*len(eds)*per)
	b = append(b, xml.Header...)
	b = append(b, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`...)
	if len(eds) > 1 {
		b = append(b, ` xmlns:xhtml="http://www.w3.org/1999/xhtml"`...)
	}
	b = append(b, '>')
	alternate := func(lang, root, url string) {
		b = appendXMLElement(b, "\n    "+`<xhtml:link rel="alternate" hreflang="`, `"`, lang)
		b = appendXMLElement(b, ` href="`, `"/>`, base, root, url)
	}
	add := func(url string, d content.Date) {
		for _, ed := range eds {
			b = appendXMLElement(b, "\n  <url>\n    <loc>", "</loc>", base, ed.Root(), url)
			if !d.IsZero() {
				b = append(b, "\n    <lastmod>"...)
				b = d.Start().AppendFormat(b, "2006-01-02")
				b = append(b, "</lastmod>"...)
			}
			if len(eds) > 1 {
				for _, alt := range eds {
					alternate(alt.Lang, alt.Root(), url)
				}
				alternate("x-default", eds[0].Root(), url)
			}
			b = append(b, "\n  </url>"...)
			ends = append(ends, len(b))
		}
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
	for _, url := range paging.Extra(s) {
		add(url, content.Date{})
	}
	b = append(b, "\n</urlset>\n"...)
	return b, ends
}

// Robots makes robots.txt: every page may be crawled, and the sitemap is
// named when base_url gives its address.
func Robots(s *site.Site) []byte {
	robots := "User-agent: *\nAllow: /\n"
	if s.Config.BaseURL != "" {
		robots += "\nSitemap: " + s.Config.BaseURL + "sitemap.xml\n"
	}
	return []byte(robots)
}
