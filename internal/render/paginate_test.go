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

var hrefRE = regexp.MustCompile(`href="([^"#]*)`)

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
// reports index, from the timeline, and from the list of a busy city's
// reports; every page reached is in the sitemap and under 500 KB.
func TestEveryReportReachable(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a site of 1,200 reports")
	}
	s, md, err := synth.Site(filepath.Join(t.TempDir(), "site"), 1200)
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
	for _, e := range s.Kinds[0].Entities {
		if len(e.Reports) > len(busiest.Reports) {
			busiest = e
		}
	}
	var theirs []string
	for _, ref := range busiest.Reports {
		theirs = append(theirs, ref.URL)
	}
	check(busiest.URL, busiest.URL+"index.html", regexp.MustCompile(`^`+busiest.URL+`reports/(page/\d+/)?index.html$`), theirs)
	for p, b := range w.files {
		if strings.HasSuffix(p, ".html") && len(b) > 500<<10 {
			t.Errorf("%s: %d bytes, over 500 KB", p, len(b))
		}
	}
}
