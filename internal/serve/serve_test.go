package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gazette"
	"gazette/internal/build"
	"gazette/internal/diag"
	"gazette/internal/theme"
)

// defaultTheme is the embedded theme, parsed once for all of this
// package's builds (see theme.Shared).
var defaultTheme = theme.Share(gazette.DefaultTheme())

var site = map[string]string{
	"content/site.yaml":       "title: Test\n",
	"content/cities/mosul.md": "---\nname: Mosul\n---\nA city.\n",
	"content/actors/isil.md":  "---\nname: ISIL\naliases: [Daesh]\n---\nA group.\n",
	"content/reports/2016-08-12-dark.md": `---
title: Dark
date: 2016-08-12
sources:
  - publisher: World Bulletin
---
[Daesh](actor:) cut [Mosul](city:mosul).
`,
	"content/static/note.txt": "a static file\n",
}

func writeSite(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// start runs a server for the project dir on an ephemeral loopback port;
// it returns its base URL and a function that stops it and checks that it
// stopped cleanly.
func start(t testing.TB, dir string) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, ln, Options{Dir: dir, Build: build.Options{Theme: defaultTheme}, Log: io.Discard})
	}()
	base := "http://" + ln.Addr().String()
	for i := 0; ; i++ {
		resp, err := http.Get(base + "/")
		if err == nil {
			resp.Body.Close()
			break
		}
		if i > 200 {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return base, func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("the server did not shut down within 5s")
		}
	}
}

func get(t testing.TB, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// events connects to the event stream and returns the versions it sends.
func events(t testing.TB, base string) <-chan string {
	t.Helper()
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	ch := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				ch <- v
			}
		}
		close(ch)
	}()
	return ch
}

// until waits, build event by build event, for ok to hold, and fails
// when no event comes for 10 seconds before it does. Waiting for the
// condition rather than for a quiet moment keeps the test right on a
// loaded machine, where the full rebuild after a quick one can take
// longer than any fixed pause.
func until(t testing.TB, ch <-chan string, what string, ok func() bool) {
	t.Helper()
	for !ok() {
		select {
		case _, open := <-ch:
			if !open {
				t.Fatalf("event stream closed before %s", what)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no build event within 10s, and not yet %s", what)
		}
	}
}

func next(t testing.TB, ch <-chan string) string {
	t.Helper()
	return nextWithin(t, ch, 10*time.Second)
}

func nextWithin(t testing.TB, ch <-chan string, d time.Duration) string {
	t.Helper()
	select {
	case v, ok := <-ch:
		if !ok {
			t.Fatal("event stream closed")
		}
		return v
	case <-time.After(d):
		t.Fatalf("no build event within %v", d)
	}
	return ""
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	base, stop := start(t, dir)
	defer stop()
	ev := events(t, base)
	v0 := next(t, ev)

	page := base + "/reports/2016-08-12-dark/index.html"
	code, h, body := get(t, page)
	if code != 200 || h.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET report: %d %q", code, h.Get("Content-Type"))
	}
	tag := `<script src="/_gazette/reload.js?v=` + v0 + `" defer></script>`
	if !strings.Contains(body, tag+"\n</body>") {
		t.Errorf("the page does not load the reload script before </body>:\n%s", body)
	}
	if strings.Contains(body, "<script>") {
		t.Errorf("inline script in the page")
	}
	for url, want := range map[string]string{
		"/style.css":          "text/css; charset=utf-8",
		"/note.txt":           "text/plain; charset=utf-8",
		"/_gazette/reload.js": "text/javascript; charset=utf-8",
	} {
		if code, h, _ := get(t, base+url); code != 200 || h.Get("Content-Type") != want || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: %d %q, want 200 %q", url, code, h.Get("Content-Type"), want)
		}
	}
	if code, _, body := get(t, base+"/reports/"); code != 200 || !strings.Contains(body, "Dark") {
		t.Errorf("GET /reports/: %d", code)
	}
	if code, _, body := get(t, base+"/no/such/page/"); code != 404 || !strings.Contains(body, "reload.js") {
		t.Errorf("GET a missing page: %d, want 404 with 404.html", code)
	}

	// A change is rebuilt, and the browser told.
	report := filepath.Join(dir, "content/reports/2016-08-12-dark.md")
	good := site["content/reports/2016-08-12-dark.md"]
	if err := os.WriteFile(report, []byte(strings.Replace(good, "title: Dark", "title: Darker", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	v1 := next(t, ev)
	if v1 == v0 {
		t.Fatalf("version did not change")
	}
	if _, _, body := get(t, page); !strings.Contains(body, "<h1>Darker</h1>") && !strings.Contains(body, "Darker") {
		t.Errorf("the rebuilt page does not show the new title")
	}
	// An edit to one report is shown first, then the whole site is rebuilt:
	// the index of reports follows a moment later.
	until(t, ev, "the rebuilt index of reports shows the new title", func() bool {
		_, _, body := get(t, base+"/reports/")
		return strings.Contains(body, "Darker")
	})

	// A broken build shows its errors on every page, with the source line.
	bad := strings.Replace(good, "title: Dark\n", "title: Dark\nsumary: oops\n", 1)
	if err := os.WriteFile(report, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	until(t, ev, "a page of the failed build answers 500", func() bool {
		code, _, body = get(t, page)
		return code == 500
	})
	for _, want := range []string{
		`reports/2016-08-12-dark.md:3:1`,
		`unknown field &#34;sumary&#34; in report front matter; did you mean &#34;summary&#34;?`,
		"3 | sumary: oops\n    ^",
		`<script src="/_gazette/reload.js?v=`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("error page lacks %q:\n%s", want, body)
		}
	}
	if code, _, _ := get(t, base+"/style.css"); code != 200 {
		t.Errorf("style.css during a failed build: %d", code)
	}

	// The next good save recovers.
	if err := os.WriteFile(report, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	until(t, ev, "the fixed report is served again", func() bool {
		code, _, body := get(t, page)
		return code == 200 && !strings.Contains(body, "sumary")
	})

	// A new file in a new folder is seen too.
	writeSite(t, dir, map[string]string{"content/pages/about.md": "---\ntitle: About us\n---\nHello.\n"})
	next(t, ev)
	if code, _, body := get(t, base+"/about/"); code != 200 || !strings.Contains(body, "About us") {
		t.Errorf("GET /about/ after creating pages/about.md: %d", code)
	}
}

// TestTraversal sends raw request lines, so that no client cleans them.
func TestTraversal(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	writeSite(t, dir, map[string]string{"secret.txt": "secret\n"})
	base, stop := start(t, dir)
	defer stop()
	addr := strings.TrimPrefix(base, "http://")
	for _, p := range []string{
		"/../secret.txt",
		"/../../../../etc/passwd",
		"/%2e%2e/secret.txt",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/%252e%252e/secret.txt",
		"/reports/..%2f..%2fsecret.txt",
		"/reports/%2e%2e/%2e%2e/secret.txt",
		"/..\\secret.txt",
		"/%5c..%5csecret.txt",
		"/reports/../index.html",
		"/./index.html",
		"//index.html",
		"/content/site.yaml",
		"/.gazette-build",
		"/index.html%00",
		"/cities/",
		"/_gazette/",
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", p, addr)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		b, _ := io.ReadAll(resp.Body)
		conn.Close()
		want := 404
		if p == "/cities/" {
			want = 200 // the index of cities: a page, not a listing
		}
		if resp.StatusCode != want || strings.Contains(string(b), "secret") || strings.Contains(string(b), "title: Test") {
			t.Errorf("GET %s: %d, want %d", p, resp.StatusCode, want)
		}
	}
	resp, err := http.Post(base+"/index.html", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", resp.StatusCode)
	}
}

func TestClean(t *testing.T) {
	for p, want := range map[string]string{
		"/":                   "index.html",
		"/cities/":            "cities/index.html",
		"/cities/mosul/":      "cities/mosul/index.html",
		"/style.css":          "style.css",
		"/a/../b":             "",
		"/a/./b":              "",
		"/a//b":               "",
		"/a\\b":               "",
		"/%2e%2e":             "",
		"/a\x00":              "",
		"relative/index.html": "",
	} {
		got, ok := clean(p)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("clean(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestFast shows an edit to one report through Server.Fast: the report's
// page changes at once, the pages that list it wait for the full build,
// and an edit that needs a full build (an error, a new date) is refused.
func TestFast(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, site)
	s := New(Options{Dir: dir, Build: build.Options{Theme: defaultTheme}})
	if r := s.Build(); r.Err != nil || r.Errors > 0 {
		t.Fatalf("build: %v %v", r.Err, r.Diagnostics)
	}
	name := "content/reports/2016-08-12-dark.md"
	good := site[name]
	edit := func(text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(good + "\n\n") // blank lines: nothing any page shows
	if shown, same := s.Fast(name); !shown || !same {
		t.Errorf("Fast(blank lines at the end) = %v, %v; want true, true", shown, same)
	}
	edit(strings.Replace(good, "title: Dark", "title: Darker", 1))
	if shown, same := s.Fast(name); !shown || same {
		t.Fatalf("Fast(a new title) = %v, %v; want true, false", shown, same)
	}
	files := s.Files()
	if page := string(files["reports/2016-08-12-dark/index.html"]); !strings.Contains(page, "<h1>Darker</h1>") {
		t.Errorf("the report's page does not show the edit")
	}
	if index := string(files["reports/index.html"]); strings.Contains(index, "Darker") {
		t.Errorf("the index changed before the full build")
	}
	for what, text := range map[string]string{
		"an error":   strings.Replace(good, "title: Dark", "title: Dark\nsumary: x", 1),
		"a new date": strings.Replace(good, "date: 2016-08-12", "date: 2016-08-13", 1),
	} {
		edit(text)
		if shown, _ := s.Fast(name); shown {
			t.Errorf("Fast took an edit with %s", what)
		}
	}
	if shown, _ := s.Fast("content/cities/mosul.md"); shown {
		t.Errorf("Fast took a city")
	}
}

// TestSourceLine reads the line an error page shows from the folder the
// diagnostic's path is relative to, and from no other: a theme file under
// the project, a content file under content/, nothing for the default
// theme, which is inside gazette.
func TestSourceLine(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"themes/mine/layouts/page.html":         "{{define \"main\"}}\n\t<h1>{{.Nope}}</h1>\n{{end}}\n",
		"content/themes/mine/layouts/page.html": "a decoy: the wrong folder\nthe wrong line\n",
		"content/reports/a.md":                  "---\ntitle: A\n---\n",
	})
	tests := []struct {
		pos  diag.Pos
		want string
		ok   bool
	}{
		{diag.Pos{Path: "themes/mine/layouts/page.html", Line: 2, Col: 6, Root: diag.Project}, " <h1>{{.Nope}}</h1>", true},
		{diag.Pos{Path: "reports/a.md", Line: 2, Col: 1}, "title: A", true},
		{diag.Pos{Path: "(default theme)/layouts/page.html", Line: 2, Col: 1, Root: diag.Builtin}, "", false},
		{diag.Pos{Path: "themes/mine/layouts/page.html", Line: 9, Root: diag.Project}, "", false},
	}
	for _, tt := range tests {
		got, ok := sourceLine(dir, tt.pos)
		if got != tt.want || ok != tt.ok {
			t.Errorf("sourceLine(%v) = %q, %v; want %q, %v", tt.pos, got, ok, tt.want, tt.ok)
		}
	}
}
