package content_test

import (
	"io/fs"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"gazette/internal/content"
	"gazette/internal/decode"
	"gazette/internal/diag"
)

// The fuzz targets of this package. Plain `go test` runs their seeds (the
// f.Add calls and testdata/fuzz/<Target>/*); to search for new failures:
//
//	go test ./internal/content -run XXX -fuzz FuzzLoad -fuzztime 60s
//	go test ./internal/content -run XXX -fuzz FuzzValidID -fuzztime 60s
//	go test ./internal/content -run XXX -fuzz FuzzParseDate -fuzztime 60s

// fuzzBudget bounds the time one input may take. Load is linear in its
// input, which the fuzzer keeps small; a second means a hang.
const fuzzBudget = 2 * time.Second

// FuzzLoad loads a content folder whose site.yaml, report and entity are
// fuzzed: Load must not panic or hang, must allocate no more than
// loadAllocBound, linear in the input, and what it returns must satisfy
// what later stages rely on (valid ids, safe URLs, positions in the file).
func FuzzLoad(f *testing.F) {
	f.Add("title: Cut Off\nlanguage: ar\n", mosulReport, "---\nname: Mosul\naliases: [Mosil]\nwithin: nineveh\ncoordinates: [36.34, 43.13]\n---\nText.\n")
	f.Add("", "---\ntitle: t\ndate: 2016-02-30\nsources: [{publisher: p, url: javascript:alert(1)}]\n---\n", "---\n---\n")
	f.Add("a: &a [x, *a]\n", "---\nx: &a [1]\ny: *a\n---\n", "---\nname: [a\n---\n")
	f.Add("kinds: [{id: city, plural: cities}, {id: http, plural: con}]\nbase_url: data:text/html,x\n",
		"\ufeff---\r\ntitle: t\r\ndate: 2016\r\nsources: [{publisher: p}]\r\nevents: [{type: shutdown, from: 2016-08, until: 2016-07}]\r\n---\r\nbody\r\n",
		"---\nname: \"<script>alert(1)</script>\"\nnames: {ar: x, \"../x\": y}\nids: {a: b}\n---\n")
	f.Add("title: [", "---", "--- \n---\n")
	f.Fuzz(func(t *testing.T, siteYAML, report, entity string) {
		fsys := fstest.MapFS{
			"site.yaml":             {Data: []byte(siteYAML)},
			"reports/2016-r.md":     {Data: []byte(report)},
			"cities/mosul.md":       {Data: []byte(entity)},
			"actors/isil.md":        {Data: []byte(entity)},
			"pages/about.md":        {Data: []byte(report)},
			"static/css/extra.css":  {Data: []byte("p{}")},
			"reports/.DS_Store":     {Data: []byte(report)},
			"reports/not-markdown":  {Data: []byte(report)},
			"cities/nineveh.md":     {Data: []byte("---\nname: Nineveh\n---\n")},
			"actors/iraqi-state.md": {Data: []byte("---\nname: Iraq\n---\n")},
		}
		var diags diag.List
		start := time.Now()
		content.Load(fsys, &diag.List{}) // once to warm up, so that what is measured is the input's
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		s := content.Load(fsys, &diags)
		runtime.ReadMemStats(&after)
		size := len(siteYAML) + 2*len(report) + 2*len(entity) // as many times as fsys holds each
		if grew, limit := after.TotalAlloc-before.TotalAlloc, loadAllocBound(size); grew > limit {
			t.Errorf("Load allocated %d bytes for %d bytes of input; the bound is %d", grew, size, limit)
		}
		if d := time.Since(start); d > fuzzBudget {
			t.Errorf("Load took %v", d)
		}
		files := map[string]string{}
		for name, f := range fsys {
			files[name] = string(f.Data)
		}
		for _, d := range diags.Sorted() {
			checkPos(t, files, d)
		}
		for _, k := range s.Config.Kinds {
			if !decode.ValidID(k.ID) || !decode.ValidID(k.Plural) {
				t.Errorf("kind %q/%q is not a valid id", k.ID, k.Plural)
			}
		}
		if u := s.Config.BaseURL; u != "" && !safeHTTP(u) {
			t.Errorf("base_url %q accepted", u)
		}
		if !decode.ValidID(s.Config.Theme) {
			t.Errorf("theme %q accepted", s.Config.Theme)
		}
		for _, r := range s.Reports {
			for _, src := range r.Sources {
				for _, u := range []string{src.URL, src.Archive} {
					if u != "" && !safeHTTP(u) {
						t.Errorf("source URL %q accepted", u)
					}
				}
			}
			for _, ref := range r.Refs {
				if !decode.ValidID(ref.ID) {
					t.Errorf("ref id %q accepted", ref.ID)
				}
			}
			for _, e := range r.Events {
				for _, rr := range e.Roles {
					for _, ref := range rr.Refs {
						if !decode.ValidID(ref.ID) {
							t.Errorf("event ref id %q accepted", ref.ID)
						}
					}
				}
			}
		}
		for _, e := range s.Entities {
			if e.Within != nil && !decode.ValidID(e.Within.ID) {
				t.Errorf("within %q accepted", e.Within.ID)
			}
		}
		for _, p := range s.Static {
			if !fs.ValidPath(p) || strings.Contains(p, `\`) {
				t.Errorf("static file %q accepted", p)
			}
		}
	})
}

// loadAllocBound is the most Load may allocate for size bytes of
// content: 256 KB, and 1 KB a byte (front matter is parsed as YAML into
// nodes, then decoded; the worst measured is a quarter of that).
func loadAllocBound(size int) uint64 {
	return 256<<10 + 1<<10*uint64(size)
}

// checkPos verifies that a diagnostic names a file (or folder) of the
// content and a line that exists in it.
func checkPos(t *testing.T, files map[string]string, d diag.Diagnostic) {
	t.Helper()
	src, ok := files[d.Pos.Path]
	if !ok {
		for name := range files {
			if strings.HasPrefix(name, d.Pos.Path+"/") {
				return // a folder
			}
		}
		t.Errorf("diagnostic names no content file: %s", d)
		return
	}
	if d.Pos.Line < 0 || d.Pos.Col < 0 {
		t.Errorf("negative position: %s", d)
	}
	if lines := strings.Count(src, "\n") + 1; d.Pos.Line > lines+1 {
		t.Errorf("line %d of a %d-line file: %s", d.Pos.Line, lines, d)
	}
}

func safeHTTP(u string) bool {
	l := strings.ToLower(u)
	return (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && !strings.ContainsAny(u, " <>\"`") &&
		!strings.ContainsFunc(u, unicode.IsControl)
}

// FuzzValidID checks that whatever ValidID accepts is a safe path segment
// on every file system, and that Slugify only makes valid ids.
func FuzzValidID(f *testing.F) {
	for _, s := range []string{"mosul", "a-b", "..", "a/b", `a\b`, "a\x00b", "con", "Mosul", "moѕul", "a--b", "-a", "ÉCOLE d'été", strings.Repeat("a", 201)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if decode.ValidID(s) {
			if !fs.ValidPath(s) || s == "." || s == ".." || strings.ContainsAny(s, "/\\:.\x00 ") || len(s) > 200 {
				t.Errorf("decode.ValidID(%q) but it is not a safe path segment", s)
			}
			for _, r := range s {
				if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
					t.Errorf("decode.ValidID(%q) accepts %q", s, r)
				}
			}
		}
		if slug := content.Slugify(s); slug != "" && !decode.ValidID(slug) {
			t.Errorf("Slugify(%q) = %q, not a valid id", s, slug)
		}
	})
}

// FuzzParseDate checks that ParseDate never panics and that what it
// accepts is a real day, month or year that prints back as written.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2016", "2016-08", "2016-08-12", "2016-02-29", "2015-02-29", "0000", "9999-12-31", "2016-13", "2016-1-1", "+016", "2016-08-1x", "２０１６", "2016-08-12T00:00:00Z", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := content.ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) failed but returned %v", s, d)
			}
			return
		}
		if d.String() != s {
			t.Errorf("ParseDate(%q).String() = %q", s, d.String())
		}
		if d2, err := content.ParseDate(d.String()); err != nil || d2 != d {
			t.Errorf("round trip of %q: %v, %v", s, d2, err)
		}
		if d.End().Before(d.Start()) {
			t.Errorf("%q ends before it starts", s)
		}
		if d.Human() == "" {
			t.Errorf("%q has no human form", s)
		}
	})
}
