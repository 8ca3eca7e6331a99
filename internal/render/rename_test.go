package render

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"gazette"
	"gazette/internal/content"
	"gazette/internal/diag"
	"gazette/internal/markup"
	"gazette/internal/output"
	"gazette/internal/site"
	"gazette/internal/theme"
)

// renameSite is a small site for TestRenameJobs: a country, a province
// within it and a city within that, a city on its own, two actors and
// three reports, each naming some of them.
var renameSite = map[string]string{
	"site.yaml":         "title: Rename\nbase_url: https://example.org/\n",
	"cities/iraq.md":    "---\nname: Iraq\ntype: country\ncoordinates: [33.2, 43.7]\n---\nA country.\n",
	"cities/nineveh.md": "---\nname: Nineveh\ntype: province\nwithin: iraq\ncoordinates: [36.0, 42.5]\n---\nA province.\n",
	"cities/mosul.md":   "---\nname: Mosul\ntype: city\nwithin: nineveh\ncoordinates: [36.34, 43.13]\n---\nA city.\n",
	"cities/tikrit.md":  "---\nname: Tikrit\ntype: city\ncoordinates: [34.6, 43.7]\n---\nA city.\n",
	"actors/isil.md":    "---\nname: ISIL\n---\nAn armed group.\n",
	"actors/itpc.md":    "---\nname: ITPC\n---\nThe state telecom company.\n",
	"reports/2016-08-12-mosul.md": "---\ntitle: Internet cut in Mosul\ndate: 2016-08-12\nsources: [{publisher: Wire}]\n" +
		"events:\n  - type: shutdown\n    services: [internet]\n    where: [mosul]\n    by: [isil]\n    from: 2016-08\n---\n" +
		"[ISIL](actor:isil) cut the internet in [Mosul](city:mosul).\n",
	"reports/2015-03-01-tikrit.md": "---\ntitle: Tikrit offline\ndate: 2015-03-01\nsources: [{publisher: Wire}]\n" +
		"events:\n  - type: shutdown\n    services: [mobile]\n    where: [tikrit]\n    by: [itpc]\n    from: 2015-03\n---\n" +
		"[ITPC](actor:itpc) switched off [Tikrit](city:tikrit).\n",
	"reports/2014-06-16-blocks.md": "---\ntitle: Blocks across the country\ndate: 2014-06-16\nsources: [{publisher: Wire}]\n---\n" +
		"[ITPC](actor:itpc) blocked sites across [Iraq](city:iraq).\n",
}

// villages are the places no report names that make renameSite's
// places more than a map of a place draws: each place's map then draws
// the places around it and the busiest, not a village on its own.
func villages(files map[string]string) {
	for i := range 61 {
		files[fmt.Sprintf("cities/v%02d.md", i)] = fmt.Sprintf("---\nname: Village %02d\ntype: village\ncoordinates: [%.1f, 44.0]\n---\nA village.\n", i, 30+float64(i)/10)
	}
}

// villagePages are the pages of the villages.
func villagePages() []string {
	var out []string
	for i := range 61 {
		out = append(out, fmt.Sprintf("cities/v%02d/", i))
	}
	return out
}

// TestRenameJobs pins what renaming an entity lays out again: exactly the
// jobs listed, each of whose files the rename changes, and no other. It
// also checks, for every job, that one whose digest did not change made
// the same bytes in both sites (what TestIncremental in package build
// checks after random edits).
func TestRenameJobs(t *testing.T) {
	// The jobs every rename lays out again: the ones made from every
	// entity's name (home page, indexes of data and search, sitemap).
	every := []string{"data", "data/", "home", "search-index", "sitemap"}
	cases := []struct {
		file, name string
		want       []string
	}{
		// A city within a province: its page and feed; the pages and
		// feeds that name it (the report, its record, ISIL's, and the
		// feeds of the places it is within, which list the report with
		// its entities); every place's map, which draws it among the
		// busiest places; the index of places, the records index and
		// the timeline. Not the other reports.
		{"cities/mosul.md", "Al-Mawsil", append(villagePages(),
			"cities/", "cities/iraq/", "cities/iraq/feed.xml", "cities/mosul/", "cities/mosul/feed.xml",
			"cities/nineveh/", "cities/nineveh/feed.xml", "cities/tikrit/",
			"actors/isil/", "actors/isil/feed.xml", "feed.xml", "records/", "records/2016-08-12-mosul-1/",
			"reports/2016-08-12-mosul/", "timeline/",
		)},
		// A province no report names: the page of the city within it
		// (its crumbs and subtitle), not the report naming that city;
		// every map, which draws it among the busiest places (it has
		// its city's reports).
		{"cities/nineveh.md", "Ninawa", append(villagePages(),
			"cities/", "cities/iraq/", "cities/mosul/", "cities/nineveh/", "cities/nineveh/feed.xml", "cities/tikrit/",
		)},
		// An actor: no map shows it.
		// A village no report names, which no other place's map
		// draws: its page and the index's map.
		{"cities/v60.md", "Village 99", []string{"cities/", "cities/v60/", "cities/v60/feed.xml"}},
		{"actors/itpc.md", "Telecom Company", []string{
			"actors/", "actors/itpc/", "actors/itpc/feed.xml", "cities/iraq/", "cities/iraq/feed.xml", "cities/tikrit/",
			"cities/tikrit/feed.xml", "feed.xml", "records/", "records/2015-03-01-tikrit-1/",
			"reports/2014-06-16-blocks/", "reports/2015-03-01-tikrit/", "timeline/",
		}},
	}
	base := maps.Clone(renameSite)
	villages(base)
	tm := LoadTheme(gazette.DefaultTheme(), nil, "themes/default", &diag.List{})
	before := renderJobs(t, tm, base, nil)
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			files := maps.Clone(base)
			old := files[c.file]
			files[c.file] = strings.Replace(old, "name: "+nameOf(old), "name: "+c.name, 1)
			after := renderJobs(t, tm, files, before)
			var ran []string
			for key, j := range after {
				if j.ran {
					ran = append(ran, key)
				} else if !maps.EqualFunc(j.files, before[key].files, bytes.Equal) {
					t.Errorf("%s: its digest is the same, its files are not", key)
				}
			}
			want := append(slices.Clone(every), c.want...)
			slices.Sort(ran)
			slices.Sort(want)
			if !slices.Equal(ran, want) {
				t.Errorf("laid out again:\n%s\nwant:\n%s", strings.Join(ran, "\n"), strings.Join(want, "\n"))
			}
			for _, key := range ran {
				if maps.EqualFunc(after[key].files, before[key].files, bytes.Equal) {
					t.Logf("%s: laid out again, its files unchanged", key)
				}
			}
		})
	}
}

// nameOf is the name in an entity file's front matter.
func nameOf(file string) string {
	_, rest, _ := strings.Cut(file, "name: ")
	name, _, _ := strings.Cut(rest, "\n")
	return name
}

// renderJobs resolves and renders the content files in memory, every
// job, and returns what each job made and whether its digest differs
// from prev's.
func renderJobs(t *testing.T, tm *theme.Theme, files map[string]string, prev map[string]*jobFiles) map[string]*jobFiles {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	var diags diag.List
	c := content.Load(fsys, &diags)
	md := markup.New(c.Config.KindIDs())
	s := site.Resolve(c, md, site.Options{}, &diags)
	if diags.HasErrors() {
		t.Fatalf("site: %v", diags.Sorted())
	}
	j := &jobRecorder{prev: prev, jobs: map[string]*jobFiles{}}
	if _, err := Render(s, tm, md, discardWriter{}, Options{Jobs: j}, &diags); err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("render: %v", diags.Sorted())
	}
	return j.jobs
}

// jobFiles is what one job made, and whether it ran because its digest
// changed.
type jobFiles struct {
	digest Digest
	files  map[string][]byte
	ran    bool
}

// jobRecorder is a Jobs that runs every job and keeps its files.
type jobRecorder struct {
	prev map[string]*jobFiles
	mu   sync.Mutex
	jobs map[string]*jobFiles
}

func (j *jobRecorder) Start(key string, d Digest) (output.Writer, int, int) {
	j.mu.Lock()
	defer j.mu.Unlock()
	p, ok := j.prev[key]
	jf := &jobFiles{digest: d, files: map[string][]byte{}, ran: !ok || p.digest != d}
	j.jobs[key] = jf
	return &jobWriter{j: j, f: jf}, 0, 0
}

func (j *jobRecorder) Done(string, int, int) {}

// jobWriter keeps one job's files.
type jobWriter struct {
	j *jobRecorder
	f *jobFiles
}

func (w *jobWriter) WriteFile(name string, data []byte) error {
	w.j.mu.Lock()
	defer w.j.mu.Unlock()
	w.f.files[name] = bytes.Clone(data)
	return nil
}

// TestTranslationMentionJobs pins that an entity's page in an edition is
// made from the mentions in the texts that edition shows: a mention
// added to a report's translation lays out again that edition's page of
// the entity (its count of mentions changes), and every job whose digest
// did not change made the same bytes. The digest had covered only the
// originals' mentions, and the Arabic page kept its old count.
func TestTranslationMentionJobs(t *testing.T) {
	base := maps.Clone(renameSite)
	base["site.yaml"] = "title: Rename\nbase_url: https://example.org/\nlanguages: [en, ar]\n"
	base["reports/2016-08-12-mosul.ar.md"] = "---\ntitle: قطع الإنترنت في الموصل\n---\n" +
		"قطع [داعش](actor:isil) الإنترنت في [الموصل](city:mosul).\n"
	tm := LoadTheme(gazette.DefaultTheme(), nil, "themes/default", &diag.List{})
	before := renderJobs(t, tm, base, nil)
	files := maps.Clone(base)
	files["reports/2016-08-12-mosul.ar.md"] += "\nوعادت الخدمة إلى [الموصل](city:mosul) لاحقًا.\n"
	after := renderJobs(t, tm, files, before)
	for key, j := range after {
		if !j.ran && !maps.EqualFunc(j.files, before[key].files, bytes.Equal) {
			t.Errorf("%s: its digest is the same, its files are not", key)
		}
	}
	for _, key := range []string{"ar/cities/mosul/", "ar/reports/2016-08-12-mosul/"} {
		if j := after[key]; j == nil || !j.ran {
			t.Errorf("%s: not laid out again", key)
		}
	}
}
