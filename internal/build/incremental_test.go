package build

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/output"
	"gazette/internal/searchindex"
	"gazette/internal/synth"
)

var (
	incrSequences = flag.Int("incr.sequences", 1, "TestIncremental: random edit sequences to run")
	incrSteps     = flag.Int("incr.steps", 12, "TestIncremental: edits in each sequence")
	incrReports   = flag.Int("incr.reports", 0, "TestIncremental: build a synthetic site of this many reports besides the repository's content (0: none)")
)

// TestIncremental is the rule an incremental build keeps: after any edits
// to a project (reports, translations, entities, records, pages, site.yaml,
// the theme, static files; added, changed, renamed, deleted; with errors
// and without) and any damage to its cache, a build with the cache makes
// the very site, byte for byte, and the very diagnostics, that a build
// without it makes; and a failed build leaves the last site as it was.
//
// The edits are random; the seed is logged, and GAZETTE_INCR_SEED=<seed>
// replays it. With -short it makes 1 edit, on the repository's content
// without its third language (dropLanguage), and builds the first site
// twice, not three times; by default 12 on the
// repository's content; -incr.sequences, -incr.steps and -incr.reports
// make longer runs:
//
//	go test ./internal/build -run Incremental -incr.sequences 1000 -incr.steps 8 -incr.reports 2000 -timeout 0
func TestIncremental(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("GAZETTE_INCR_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("GAZETTE_INCR_SEED=%q: %v", v, err)
		}
	}
	t.Logf("random seed %d (GAZETTE_INCR_SEED=%d replays it)", seed, seed)
	steps := *incrSteps
	if testing.Short() {
		steps = 1
	}
	tmp := t.TempDir()
	base := filepath.Join(tmp, "base")
	if *incrReports > 0 {
		if err := synth.Write(base, *incrReports, 1, false); err != nil {
			t.Fatal(err)
		}
	} else if err := os.CopyFS(filepath.Join(base, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	} else if testing.Short() {
		dropLanguage(t, filepath.Join(base, "content", "site.yaml"), "ckb")
	}
	for i := range *incrSequences {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		dir := filepath.Join(tmp, fmt.Sprint("seq", i))
		if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
			t.Fatal(err)
		}
		e := &editor{t: t, dir: dir, rng: rng}
		var log []string
		for step := 0; step <= steps; step++ {
			what := "first build"
			if step > 0 {
				what = e.edit()
			}
			log = append(log, what)
			before := e.public()
			var full map[string]string
			var fullRes Result
			// With -short, the first build with the cache, into an empty
			// one, stands for the full build: the one in memory is
			// compared with it.
			skipFull := step == 0 && testing.Short()
			if !skipFull {
				full, fullRes = e.build(false)
			}
			got, res := e.build(true)
			if skipFull {
				full, fullRes = got, res
			}
			inMem, memRes := e.buildSince()
			fail := func(format string, args ...any) {
				t.Helper()
				t.Fatalf("seed %d, sequence %d, after:\n\t%s\n%s", seed, i, strings.Join(log, "\n\t"), fmt.Sprintf(format, args...))
			}
			if d := diffDiags(res.Diagnostics, fullRes.Diagnostics); d != "" {
				fail("diagnostics differ from a full build's:\n%s", d)
			}
			if d := diffDiags(memRes.Diagnostics, fullRes.Diagnostics); d != "" {
				fail("diagnostics of the build in memory differ from a full build's:\n%s", d)
			}
			if step == 0 && testing.Short() && fullRes.Errors > 0 {
				fail("the site trimmed for -short does not build: %d errors", fullRes.Errors)
			}
			if fullRes.Errors > 0 {
				if d := sameTree(got, before); d != "" {
					fail("a failed build changed public/: %s", d)
				}
				continue
			}
			if d := sameTree(got, full); d != "" {
				fail("the incremental build differs from a full one: %s\n%s", d, firstDiffs(got, full))
			}
			if d := sameTree(inMem, full); d != "" {
				fail("the incremental build in memory differs from a full one: %s\n%s", d, firstDiffs(inMem, full))
			}
			if res.Pages != fullRes.Pages || res.Files != fullRes.Files {
				fail("counts %d pages, %d files; a full build's: %d, %d", res.Pages, res.Files, fullRes.Pages, fullRes.Files)
			}
		}
	}
}

// dropLanguage removes lang from the languages of the site.yaml at path,
// and its text from the fields translated into it, for -short: the
// repository's site in English and Arabic, without its third language
// (Kurdish, which has no content of its own: its pages are the English
// ones with another interface), is a third fewer pages to build six
// times over, and still has a second language, its translations and
// the items it lacks.
func dropLanguage(t *testing.T, path, lang string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	q := regexp.QuoteMeta(lang)
	text := regexp.MustCompile(`(?m)^(languages: \[.*?), (?:`+q+`|\{lang: `+q+`\b[^}]*\})(.*)$`).ReplaceAllString(string(b), "$1$2")
	text = regexp.MustCompile(`(?m)^ +`+q+`: .*\n`).ReplaceAllString(text, "") // a field's line in a block map
	text = regexp.MustCompile(`, `+q+`: [^}\n]*`).ReplaceAllString(text, "")   // a field's entry in a flow map {en: …, ckb: …}
	if text == string(b) {
		t.Fatalf("-short: found no %s in %s to drop", lang, path)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("-short: 1 edit, on the repository's site without the language %s (dropLanguage)", lang)
}

// editor makes random edits to a project.
type editor struct {
	t      *testing.T
	dir    string
	rng    *rand.Rand
	n      int
	mem    *Memory        // the last good build in memory, as serve keeps it
	bodies *markup.Bodies // the bodies serve keeps from build to build
	memo   *content.Memo  // the reports' front matter, which serve keeps too
	terms  *searchindex.Kept
}

// buildSince builds the project in memory from the last good build in
// memory, as serve does.
func (e *editor) buildSince() (map[string]string, Result) {
	e.t.Helper()
	project, err := OpenProject(e.dir)
	if err != nil {
		e.t.Fatal(err)
	}
	since := e.mem
	if since == nil {
		since = NewMemory()
	}
	mem := NewMemory()
	if e.bodies == nil {
		e.bodies, e.memo, e.terms = markup.NewBodies(), content.NewMemo([32]byte{}, nil), searchindex.NewKept(nil)
	}
	res, err := Run(Options{Project: project, Theme: defaultTheme, Output: mem, Since: since, Bodies: e.bodies, Reports: e.memo, Terms: e.terms})
	if err != nil {
		e.t.Fatal(err)
	}
	if res.Errors == 0 {
		e.mem = mem
	}
	files := map[string]string{}
	for name, b := range mem.Files() {
		files[name] = string(b)
	}
	return files, res
}

// build builds the project: with its cache into public/, or without
// into memory. It returns the site's files.
func (e *editor) build(cached bool) (map[string]string, Result) {
	e.t.Helper()
	project, err := OpenProject(e.dir)
	if err != nil {
		e.t.Fatal(err)
	}
	opts := Options{Project: project, Theme: defaultTheme}
	if !cached {
		mem := NewMemory()
		opts.Output = mem
		res, err := Run(opts)
		if err != nil {
			e.t.Fatal(err)
		}
		files := map[string]string{}
		for name, b := range mem.Files() {
			files[name] = string(b)
		}
		return files, res
	}
	out := filepath.Join(e.dir, "public")
	opts.Output = Folder{Path: out, Project: e.dir}
	opts.Cache = DefaultCache(out)
	res, err := Run(opts)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.public(), res
}

// public reads the project's public/ folder.
func (e *editor) public() map[string]string {
	out := filepath.Join(e.dir, "public")
	files := map[string]string{}
	if _, err := os.Stat(out); err == nil {
		files = readTree(e.t, out)
		delete(files, output.Marker)
	}
	return files
}

func diffDiags(got, want []diag.Diagnostic) string {
	var g, w []string
	for _, d := range got {
		g = append(g, d.String())
	}
	for _, d := range want {
		w = append(w, d.String())
	}
	if slices.Equal(g, w) {
		return ""
	}
	return fmt.Sprintf("got:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
}

// files lists the project's files under dir (slash-separated, relative to
// the project) whose names match re.
func (e *editor) files(dir string, re string) []string {
	var out []string
	m := regexp.MustCompile(re)
	filepath.WalkDir(filepath.Join(e.dir, dir), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(e.dir, p)
			if rel = filepath.ToSlash(rel); m.MatchString(rel) {
				out = append(out, rel)
			}
		}
		return nil
	})
	return out
}

func (e *editor) pick(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[e.rng.IntN(len(list))]
}

func (e *editor) read(name string) string {
	b, err := os.ReadFile(filepath.Join(e.dir, name))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(b)
}

func (e *editor) write(name, text string) {
	p := filepath.Join(e.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// setField replaces the first line "key: ..." of a file's front matter.
func (e *editor) setField(name, key, value string) bool {
	text := e.read(name)
	re := regexp.MustCompile(`(?m)^` + key + `: .*$`)
	loc := re.FindStringIndex(text)
	if loc == nil {
		return false
	}
	e.write(name, text[:loc[0]]+key+": "+value+text[loc[1]:])
	return true
}

var (
	reportFile = `^content/reports/[^.]+\.md$`
	anyReport  = `^content/reports/.*\.md$`
	entityFile = `^content/(cities|actors)/[^.]+\.md$`
	mdFile     = `^content/.*\.md$`
)

// edit makes one random edit, or damages the cache, and says what it did.
func (e *editor) edit() string {
	e.n++
	n := e.n
	switch e.rng.IntN(18) {
	case 0, 1: // a sentence with a mention
		f := e.pick(e.files("content", `^content/(reports|pages|records|cities|actors)/.*\.md$`))
		ent := e.pick(e.files("content", entityFile))
		kind := map[string]string{"cities": "city", "actors": "actor"}[strings.Split(ent, "/")[1]]
		id := strings.TrimSuffix(filepath.Base(ent), ".md")
		e.write(f, e.read(f)+fmt.Sprintf("\nEdit %d says [%s](%s:%s) cut the lines.\n", n, id, kind, id))
		return "mention in " + f
	case 2: // plain text
		f := e.pick(e.files("content", mdFile))
		e.write(f, e.read(f)+fmt.Sprintf("\nEdit %d adds a sentence.\n", n))
		return "text in " + f
	case 3: // a title
		f := e.pick(e.files("content", `^content/(reports|pages|records)/.*\.md$`))
		if e.setField(f, "title", fmt.Sprintf("Title of edit %d", n)) {
			return "title of " + f
		}
		return "no title in " + f
	case 4: // an entity's name
		f := e.pick(e.files("content", entityFile))
		e.setField(f, "name", fmt.Sprintf("Name %d", n))
		return "name of " + f
	case 5: // a new report, a copy of another
		f := e.pick(e.files("content", reportFile))
		to := strings.TrimSuffix(f, ".md") + fmt.Sprintf("-copy-%d.md", n)
		e.write(to, e.read(f))
		return "copy of " + f
	case 6: // a report deleted, with its translations
		f := e.pick(e.files("content", reportFile))
		for _, t := range e.files("content/reports", "^"+regexp.QuoteMeta(strings.TrimSuffix(f, ".md"))+`(\.[a-z]+)?\.md$`) {
			os.Remove(filepath.Join(e.dir, t))
		}
		return "deleted " + f
	case 7: // a report renamed
		f := e.pick(e.files("content", anyReport))
		to := strings.Replace(f, ".", fmt.Sprintf("-r%d.", n), 1)
		os.Rename(filepath.Join(e.dir, f), filepath.Join(e.dir, to))
		return "renamed " + f
	case 8: // site.yaml
		f := "content/site.yaml"
		text := e.read(f)
		if i := strings.Index(text, "Cut Off"); i >= 0 {
			e.write(f, text[:i]+fmt.Sprintf("Cut Off %d", n)+text[i+len("Cut Off"):])
		} else {
			e.write(f, text+fmt.Sprintf("# edit %d\n", n))
		}
		return "site.yaml"
	case 9: // the theme
		if e.rng.IntN(2) == 0 {
			e.write("themes/default/static/extra.css", fmt.Sprintf("/* edit %d */\n", n))
			return "a theme static file"
		}
		e.write("themes/default/i18n/en.yaml", fmt.Sprintf("nav.search: Search %d\n", n))
		return "a theme message"
	case 10: // a static file
		e.write(fmt.Sprintf("content/static/note-%d.txt", n%3), fmt.Sprintf("note %d\n", n))
		return "a static file"
	case 11: // an error, fixed by a later edit or not
		e.write("content/reports/2015-01-01-broken.md", "---\ndate: 2015-01-01\n---\nNo title.\n")
		return "a report with an error"
	case 12: // the error gone
		os.Remove(filepath.Join(e.dir, "content/reports/2015-01-01-broken.md"))
		return "no report with an error"
	case 13: // a report's date
		f := e.pick(e.files("content", reportFile))
		if m := regexp.MustCompile(`^content/reports/(\d{4}-\d{2}-\d{2})`).FindStringSubmatch(f); m != nil {
			e.setField(f, "date", m[1])
		}
		return "date of " + f
	case 14: // the cache damaged
		return e.damage()
	case 15: // an event's facts: its type, its start
		f := e.pick(e.files("content", reportFile))
		text := e.read(f)
		if e.rng.IntN(2) == 0 && strings.Contains(text, "type: shutdown") {
			e.write(f, strings.Replace(text, "type: shutdown", "type: block", 1))
			return "event type in " + f
		}
		if m := regexp.MustCompile(`from: (\d{4})`).FindStringSubmatchIndex(text); m != nil {
			e.write(f, text[:m[2]]+fmt.Sprint(2010+n%8)+text[m[3]:])
			return "event start in " + f
		}
		return "no event in " + f
	case 16: // a place moved within another
		places := e.files("content", `^content/cities/[^.]+\.md$`)
		f, to := e.pick(places), strings.TrimSuffix(filepath.Base(e.pick(places)), ".md")
		if !e.setField(f, "within", to) {
			e.write(f, strings.Replace(e.read(f), "---\n", "---\nwithin: "+to+"\n", 1))
		}
		return "within of " + f
	default: // nothing changed
		return "nothing"
	}
}

// damage damages the cache or the output folder, as a crash, a full disk
// or a careless hand could.
func (e *editor) damage() string {
	cache := DefaultCache(filepath.Join(e.dir, "public"))
	manifest := filepath.Join(cache, "manifest")
	switch e.rng.IntN(15) {
	case 6:
		project, err := OpenProject(e.dir)
		if err != nil {
			e.t.Fatal(err)
		}
		out := filepath.Join(e.dir, "public")
		if _, err := Run(Options{Project: project, Theme: defaultTheme, Output: Folder{Path: out, Project: e.dir}, Cache: cache, BaseURL: "https://example.org/other/"}); err != nil {
			e.t.Fatal(err)
		}
		return "a build with another base URL"
	case 0:
		b, _ := os.ReadFile(manifest)
		os.WriteFile(manifest, b[:len(b)/2], 0o644)
		return "manifest truncated"
	case 1:
		b, _ := os.ReadFile(manifest)
		if len(b) > 100 {
			b[len(b)/3] ^= 0x40
		}
		os.WriteFile(manifest, b, 0o644)
		return "manifest corrupt"
	case 2:
		os.WriteFile(manifest, []byte("gazette-cache-0\nfrom another version"), 0o644)
		return "manifest of another version"
	case 3:
		f := e.pick(treeFiles(filepath.Join(cache, "standby")))
		if f != "" {
			os.WriteFile(f, []byte("damaged"), 0o644)
		}
		return "standby file damaged"
	case 4:
		os.WriteFile(filepath.Join(cache, "standby", "stray.html"), []byte("stray"), 0o644)
		return "stray standby file"
	case 7, 8: // the kept bodies' index (see incremental.OpenBodies)
		idx := filepath.Join(cache, "bodies.idx")
		b, _ := os.ReadFile(idx)
		if len(b) > 100 && e.rng.IntN(2) == 0 {
			b[len(b)/2] ^= 0x40
			os.WriteFile(idx, b, 0o644)
			return "bodies index corrupt"
		}
		os.WriteFile(idx, b[:len(b)/2], 0o644)
		return "bodies index truncated"
	case 9, 10: // the kept bodies' HTML and text
		data := filepath.Join(cache, "bodies")
		b, _ := os.ReadFile(data)
		if len(b) > 100 && e.rng.IntN(2) == 0 {
			copy(b[len(b)/2:], "<script>damaged</script>")
			os.WriteFile(data, b, 0o644)
			return "bodies file corrupt"
		}
		os.WriteFile(data, b[:len(b)/2], 0o644)
		return "bodies file truncated"
	case 11, 12, 13, 14: // the kept reports and search terms (see incremental.OpenReports, OpenTerms)
		name := "reports"
		if e.rng.IntN(2) == 0 {
			name = "terms"
		}
		f := filepath.Join(cache, name)
		b, _ := os.ReadFile(f)
		if len(b) > 100 && e.rng.IntN(2) == 0 {
			b[len(b)/2] ^= 0x40
			os.WriteFile(f, b, 0o644)
			return "kept " + name + " corrupt"
		}
		os.WriteFile(f, b[:len(b)/2], 0o644)
		return "kept " + name + " truncated"
	default:
		f := e.pick(treeFiles(filepath.Join(e.dir, "public")))
		if f != "" && filepath.Base(f) != output.Marker {
			b, _ := os.ReadFile(f)
			os.WriteFile(f, append(bytes.Clone(b), " "...), 0o644)
		}
		return "output file changed by hand"
	}
}

func treeFiles(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// firstDiffs lists the first files that differ between two sites, with
// the first line that does.
func firstDiffs(got, want map[string]string) string {
	var names []string
	for name := range want {
		if got[name] != want[name] {
			names = append(names, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	for _, name := range names[:min(len(names), 12)] {
		g, w := strings.Split(got[name], "\n"), strings.Split(want[name], "\n")
		for i := range max(len(g), len(w)) {
			gl, wl := "", ""
			if i < len(g) {
				gl = g[i]
			}
			if i < len(w) {
				wl = w[i]
			}
			if gl != wl {
				fmt.Fprintf(&b, "%s:%d:\n\tgot:  %.300s\n\twant: %.300s\n", name, i+1, gl, wl)
				break
			}
		}
	}
	return b.String()
}
