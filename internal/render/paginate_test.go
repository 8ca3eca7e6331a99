package render

import (
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"gazette"
	"gazette/internal/diag"
	"gazette/internal/paging"
	"gazette/internal/synth"
)

// memWriter keeps the site in memory.
type memWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (w *memWriter) WriteFile(p string, b []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files[p] = slices.Clone(b)
	return nil
}

// hrefRE finds the links a reader can follow: those of <a> elements,
// not of <link rel="next">, which no browser shows.
var hrefRE = regexp.MustCompile(`<a\s[^>]*?href="([^"#]*)`)

// walkLinks follows the links of the pages from start whose paths keep
// reports true, and returns every page it reached.
func walkLinks(files map[string][]byte, start string, keep func(string) bool) map[string]bool {
	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, m := range hrefRE.FindAllSubmatch(files[p], -1) {
			to := path.Join(path.Dir(p), string(m[1]))
			if seen[to] {
				continue
			}
			seen[to] = true
			if keep(to) {
				queue = append(queue, to)
			}
		}
	}
	return seen
}

// TestEveryReportReachable renders a synthetic site large enough that its
// lists are split into pages, and walks the links of the indexes alone,
// as a reader without JavaScript would: every report is reached from the
// reports index, from the timeline, and from the list of a busy actor's
// reports; every city from the pages of the index of cities, and every
// entity from the home page through the indexes alone; every page
// reached is in the sitemap and under 500 KB. It has more cities than an
// index page lists and than a map draws: the home page's map draws the
// busiest and says so.
func TestEveryReportReachable(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a site of 1,200 reports and 1,100 cities")
	}
	s, md, err := synth.SiteOf(filepath.Join(t.TempDir(), "site"), synth.Size{Reports: 1200, Cities: 1100, Actors: 24})
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	theme := LoadTheme(gazette.DefaultTheme(), nil, "themes/default", &diags)
	w := &memWriter{files: map[string][]byte{}}
	if _, err := Render(s, theme, md, w, Options{}, &diags); err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("render: %v", diags.Sorted())
	}
	sitemap := string(w.files["sitemap.xml"])
	// check walks from start through the pages whose paths match list.
	check := func(name, start string, list *regexp.Regexp, want []string) {
		t.Helper()
		seen := walkLinks(w.files, start, list.MatchString)
		lists := 0
		for p := range seen {
			if list.MatchString(p) {
				lists++
				b := string(w.files[p])
				if !strings.Contains(b, `<link rel="prev"`) && !strings.Contains(b, `<link rel="next"`) {
					t.Errorf("%s: no <link rel=prev> nor rel=next", p)
				}
				if !strings.Contains(sitemap, "/"+strings.TrimSuffix(p, "index.html")+"</loc>") {
					t.Errorf("%s: not in the sitemap", p)
				}
			}
		}
		if lists == 0 {
			t.Errorf("%s: no pages after the first: the list was not split", name)
		}
		for _, u := range want {
			if !seen[u+"index.html"] {
				t.Errorf("%s: %s not reached", name, u)
			}
		}
	}
	var reports []string
	for _, rep := range s.Reports {
		reports = append(reports, rep.URL)
	}
	check("reports index", "reports/index.html", regexp.MustCompile(`^reports/page/\d+/index.html$`), reports)
	check("timeline", "timeline/index.html", regexp.MustCompile(`^timeline/\d+/(page/\d+/)?index.html$`), reports)
	busiest := s.Kinds[0].Entities[0]
	indexes := []string{`index\.html`}
	var entities []string
	for _, k := range s.Kinds {
		var urls []string
		for _, e := range k.Entities {
			if len(e.Reports) > len(busiest.Reports) {
				busiest = e
			}
			urls = append(urls, e.URL)
		}
		if len(k.Entities) > paging.Entities {
			check(k.URL, k.URL+"index.html", regexp.MustCompile(`^`+k.URL+`page/\d+/index\.html$`), urls)
		}
		entities = append(entities, urls...)
		indexes = append(indexes, regexp.QuoteMeta(k.URL)+`(page/\d+/)?index\.html`)
	}
	var theirs []string
	for _, ref := range busiest.Reports {
		theirs = append(theirs, ref.URL)
	}
	check(busiest.URL, busiest.URL+"index.html", regexp.MustCompile(`^`+busiest.URL+`reports/(page/\d+/)?index.html$`), theirs)
	fromHome := walkLinks(w.files, "index.html", regexp.MustCompile(`^(`+strings.Join(indexes, "|")+`)$`).MatchString)
	for _, u := range entities {
		if !fromHome[u+"index.html"] {
			t.Errorf("%s: not reached from the home page through the indexes", u)
		}
	}
	home := string(w.files["index.html"])
	if n := strings.Count(home, `class="rdot `); n != 500 || !strings.Contains(home, "Only the 500 with the most records are drawn, of ") {
		t.Errorf("home page: %d dots on the records map, want the busiest 500 and a sentence saying so", n)
	}
	for p, b := range w.files {
		if strings.HasSuffix(p, ".html") && len(b) > 500<<10 {
			t.Errorf("%s: %d bytes, over 500 KB", p, len(b))
		}
	}
}
