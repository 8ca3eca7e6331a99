package build

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"golang.org/x/net/html"

	"gazette"
	"gazette/internal/diag"
	"gazette/internal/htmlsafe"
	"gazette/internal/theme"
)

var update = flag.Bool("update", false, "rewrite the expected files in testdata/*.txtar")

// defaultTheme is the embedded theme, parsed once for all of this
// package's builds that have no theme of their own (see theme.Shared).
var defaultTheme = theme.Share(gazette.DefaultTheme())

// onDisk is what `gazette build -C dir --out out` runs: the project opened
// through an os.Root, the site written to the folder out ("" is
// dir/public).
func onDisk(t testing.TB, dir, out string) Options {
	t.Helper()
	o, err := onDiskErr(dir, out)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// onDiskErr is onDisk for a caller with no test to fail.
func onDiskErr(dir, out string) (Options, error) {
	project, err := OpenProject(dir)
	if err != nil {
		return Options{}, err
	}
	return Options{Project: project, Theme: defaultTheme, Output: Folder{Path: out, Project: dir}}, nil
}

// TestGolden builds each testdata/*.txtar site. Its files named content/…
// and themes/… are the input; a file named "diagnostics" is the expected
// `check` output; files named public/… are expected output files, compared
// byte for byte. With -update the expected sections are rewritten.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for _, f := range ar.Files {
				if strings.HasPrefix(f.Name, "content/") || strings.HasPrefix(f.Name, "themes/") {
					writeFile(t, filepath.Join(dir, f.Name), f.Data)
				}
			}
			res, err := Run(onDisk(t, dir, ""))
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			diag.Write(&got, res.Diagnostics, diag.Text, "")
			changed := false
			for i, f := range ar.Files {
				var actual []byte
				switch {
				case f.Name == "diagnostics":
					actual = got.Bytes()
				case strings.HasPrefix(f.Name, "public/"):
					actual, err = os.ReadFile(filepath.Join(dir, f.Name))
					if err != nil {
						t.Errorf("%s: %v", f.Name, err)
						continue
					}
				default:
					continue
				}
				if !bytes.Equal(actual, f.Data) {
					if *update {
						ar.Files[i].Data = actual
						changed = true
						continue
					}
					t.Errorf("%s differs (run go test -update to accept):\n%s", f.Name, diff(string(f.Data), string(actual)))
				}
			}
			if !slices.ContainsFunc(ar.Files, func(f txtar.File) bool { return f.Name == "diagnostics" }) && res.Errors+res.Warnings > 0 {
				t.Errorf("unexpected diagnostics:\n%s", got.String())
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if res.Errors == 0 {
				checkLinks(t, filepath.Join(dir, "public"))
				checkIDs(t, filepath.Join(dir, "public"))
				checkHreflang(t, filepath.Join(dir, "public"), res.BaseURL)
			} else if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
				t.Errorf("a build with errors wrote public/")
			}
		})
	}
}

// repositorySite is the repository's own content/ built once for the
// tests of this package that read it, so that `go test` builds it twice
// (here and in TestDeterministic) rather than once per test.
type repositorySite struct {
	once sync.Once
	dir  string // the folder holding public/
	res  Result
	err  error
}

// shared is the one repositorySite of the test binary; TestMain removes
// its folder.
var shared repositorySite

// TestMain runs the tests and removes the shared build's folder.
//
// The tests build some hundred small sites, each a few MB of heap: at
// Go's default GOGC the collector runs every few MB allocated, and took a
// quarter of the package's CPU time. It runs at four times the heap here
// (GOGC, when set, wins); no test measures the heap's peak, only what
// is allocated or kept after a collection.
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// repository returns the folder the repository's site was built into (its
// public/ folder) and the result of the build, building it on the first
// call. It builds on eight CPUs, which TestDeterministic compares with a
// build on one.
func repository(t *testing.T) (string, Result) {
	t.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "gazette-repository-")
		if shared.err != nil {
			return
		}
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
		var o Options
		o, shared.err = onDiskErr("../..", filepath.Join(shared.dir, "public"))
		if shared.err == nil {
			shared.res, shared.err = Run(o)
		}
	})
	if shared.err != nil {
		t.Fatalf("building the repository's site: %v", shared.err)
	}
	return filepath.Join(shared.dir, "public"), shared.res
}

// TestRepositorySite builds the repository's own content/ and checks that it
// has no errors and that every internal link and anchor resolves.
func TestRepositorySite(t *testing.T) {
	out, res := repository(t)
	for _, d := range res.Diagnostics {
		t.Errorf("%s", d)
	}
	if res.Reports == 0 || res.Entities == 0 {
		t.Fatalf("built %d reports and %d entities; want some of each", res.Reports, res.Entities)
	}
	checkLinks(t, out)
	checkIDs(t, out)
}

// TestDeterministic builds one site on one core and compares the tree, byte
// for byte, with the shared build made on eight.
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the repository's site a second time, on one core")
	}
	out := filepath.Join(t.TempDir(), "public")
	func() {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		res, err := Run(onDisk(t, "../..", out))
		if err != nil || res.Errors > 0 {
			t.Fatalf("build: %v, %d errors", err, res.Errors)
		}
	}()
	many, res := repository(t)
	if res.Errors > 0 {
		t.Fatalf("the shared build has %d errors", res.Errors)
	}
	a, b := readTree(t, out), readTree(t, many)
	if len(a) != len(b) {
		t.Fatalf("%d files on one core, %d on eight", len(a), len(b))
	}
	for name, data := range a {
		if b[name] != data {
			t.Errorf("%s differs between builds", name)
		}
	}
}

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// attrValues returns the values of the attributes in page that the
// regular expression (?:names)="([^"]*)" would find, in order: a name
// directly before =", then the value up to the next quote. A regular
// expression without a literal prefix read the repository's site (5 MB
// of HTML) at about 20 MB/s; this scan is most of a second faster.
func attrValues(page string, names ...string) []string {
	var vals []string
	for {
		i := strings.Index(page, `="`)
		if i < 0 {
			return vals
		}
		named := slices.ContainsFunc(names, func(n string) bool { return strings.HasSuffix(page[:i], n) })
		page = page[i+2:]
		if !named {
			continue
		}
		end := strings.IndexByte(page, '"')
		if end < 0 {
			return vals
		}
		vals = append(vals, page[:end])
		page = page[end+1:]
	}
}

// checkLinks verifies that every relative href and src in the HTML files
// under root names an existing file, and every fragment an existing id.
func checkLinks(t *testing.T, root string) {
	t.Helper()
	tree := readTree(t, root)
	ids := map[string]map[string]bool{}
	idsOf := func(name string) map[string]bool {
		if ids[name] == nil {
			ids[name] = map[string]bool{}
			for _, id := range attrValues(tree[name], " id") {
				ids[name][id] = true
			}
		}
		return ids[name]
	}
	checked := 0
	for name, data := range tree {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue
		}
		for _, v := range attrValues(data, "href", "src") {
			link := strings.ReplaceAll(v, "&amp;", "&")
			if strings.Contains(link, ":") || strings.HasPrefix(link, "/") {
				continue // external, or absolute in 404.html only
			}
			path, frag, _ := strings.Cut(link, "#")
			target := name
			if path != "" {
				target = filepath.ToSlash(filepath.Join(filepath.Dir(name), path))
				if strings.HasSuffix(path, "/") {
					target += "/index.html" // a host serves a folder's index.html
				}
			}
			if _, ok := tree[target]; !ok {
				t.Errorf("%s: broken link %q (%s does not exist)", name, link, target)
				continue
			}
			if frag != "" && !idsOf(target)[frag] {
				t.Errorf("%s: broken anchor %q (%s has no id %q)", name, link, target, frag)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Errorf("no internal links found under %s", root)
	}
}

// checkIDs fails on every page that gives one id to two elements (a
// link to it lands on the first, whichever the link meant), and on every
// link to a mention (#m-N) that does not land on the annotation it quotes:
// the target must be an annotation (class "ann": a link, or the span of
// a mention that is not the first of its entity in its section) whose
// text is the <mark> that the linking page showed before the link, as an
// entity page's list of mentions does.
func checkIDs(t *testing.T, root string) {
	t.Helper()
	tree := readTree(t, root)
	anchors := map[string]map[string]string{}
	var links []mentionLink
	for name, data := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, p := range htmlsafe.DuplicateIDs(data) {
			t.Errorf("%s: %s", name, p)
		}
		var l []mentionLink
		anchors[name], l = scanMentions(name, data)
		links = append(links, l...)
	}
	for _, l := range links {
		path, frag, _ := strings.Cut(l.href, "#")
		target := l.page
		if path != "" {
			target = filepath.ToSlash(filepath.Join(filepath.Dir(l.page), path))
			if strings.HasSuffix(path, "/") {
				target += "/index.html"
			}
		}
		text, ok := anchors[target][frag]
		switch {
		case !ok:
			t.Errorf("%s: link %q lands on no element", l.page, l.href)
		case strings.HasPrefix(text, "<"):
			t.Errorf("%s: link %q lands on a %s, not on an annotation", l.page, l.href, text)
		case l.quote != "" && text != l.quote:
			t.Errorf("%s: link %q quotes %q but lands on %q", l.page, l.href, l.quote, text)
		}
	}
}

// mentionLink is a link to a mention, and the text its page quoted
// before it ("" when none).
type mentionLink struct{ page, href, quote string }

var mentionFragment = regexp.MustCompile(`#m-[0-9]+$`)

// scanMentions returns, for each mention id (m-N) on a page, the text of
// the element a link to it lands on, the first with that id: an
// annotation's text, or "<tag>" when that element is not an annotation.
// It also returns the page's links to mentions.
func scanMentions(page, doc string) (map[string]string, []mentionLink) {
	anchors := map[string]string{}
	var links []mentionLink
	var text strings.Builder
	capture, id, mark := "", "", ""
	inLink := -1 // the link to a mention being read: a <mark> in it is what it quotes
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return anchors, links
		}
		tok := z.Token()
		var class, href, elemID string
		for _, a := range tok.Attr {
			switch a.Key {
			case "id":
				elemID = a.Val
			case "class":
				class = a.Val
			case "href":
				href = a.Val
			}
		}
		switch {
		case tt == html.TextToken && capture != "":
			text.WriteString(tok.Data)
		case tt == html.StartTagToken && (tok.Data == "li" || tok.Data == "blockquote"):
			mark = ""
		case tt == html.StartTagToken && tok.Data == "mark":
			capture = "mark"
			text.Reset()
		case tt == html.EndTagToken && tok.Data == "mark" && capture == "mark":
			mark, capture = strings.Join(strings.Fields(text.String()), " "), ""
			if inLink >= 0 {
				links[inLink].quote = mark
			}
		case tt == html.EndTagToken && capture != "mark" && tok.Data == capture:
			anchors[id], capture = strings.Join(strings.Fields(text.String()), " "), ""
		}
		if tt == html.EndTagToken && tok.Data == "a" {
			inLink = -1
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		if tok.Data == "a" && mentionFragment.MatchString(href) {
			links = append(links, mentionLink{page, href, mark})
			inLink = len(links) - 1
		}
		if _, seen := anchors[elemID]; seen || !strings.HasPrefix(elemID, "m-") {
			continue
		}
		anchors[elemID] = "<" + tok.Data + ">"
		if (tok.Data == "a" || tok.Data == "span") && slices.Contains(strings.Fields(class), "ann") {
			capture, id = tok.Data, elemID
			text.Reset()
		}
	}
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// diff shows the first differing line of want and got, with context.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want: %q\n  got:  %q", i+1, wl, gl)
		}
	}
	return "(equal)"
}

// TestTypographer builds one report with and without site.yaml's
// typographer: false; the switch reaches the Markdown stage, and a quoted
// URL is a link to the URL alone either way.
func TestTypographer(t *testing.T) {
	report := "---\ntitle: Quotes\ndate: 2016-08-12\nsources: [{publisher: P}]\n---\n" +
		"\"Cut off\" -- see \"https://example.org/notice\".\n"
	for _, c := range []struct{ yaml, want string }{
		{"title: T\n", `<p>&ldquo;Cut off&rdquo; &ndash; see &ldquo;<a href="https://example.org/notice">https://example.org/notice</a>&rdquo;.</p>`},
		{"title: T\ntypographer: false\n", `<p>&quot;Cut off&quot; -- see &quot;<a href="https://example.org/notice">https://example.org/notice</a>&quot;.</p>`},
	} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "content/site.yaml"), []byte(c.yaml))
		writeFile(t, filepath.Join(dir, "content/reports/2016-08-12-quotes.md"), []byte(report))
		res, err := Run(onDisk(t, dir, ""))
		if err != nil || res.Errors > 0 {
			t.Fatalf("%q: %v %v", c.yaml, err, res.Diagnostics)
		}
		page, err := os.ReadFile(filepath.Join(dir, "public/reports/2016-08-12-quotes/index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), c.want) {
			t.Errorf("%q: the report page lacks\n%s", c.yaml, c.want)
		}
	}
}
