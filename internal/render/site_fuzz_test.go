package render_test

import (
	"io/fs"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzSite builds a whole site in memory from fuzzed files: a report's
// front matter and body, an entity's front matter and body, and a page.
// Whatever they hold, the build must end, without panicking, in errors or
// in files that run no script (see checkSite).
//
//	go test ./internal/render -run XXX -fuzz FuzzSite -fuzztime 60s
func FuzzSite(f *testing.F) {
	f.Add("title: T\ndate: 2016-08-13\nsources: [{publisher: P}]\ncities: [mosul]",
		"[Mosul](city:mosul), [Daesh](actor:) and [the report](report:2016-08-12-mosul#m-1).",
		"name: Old City\naliases: [Old]\nwithin: mosul", "Part of [Mosul](city:mosul).", "About [Old](city:).")
	f.Add("title: "+q(evil)+"\ndate: 2016\nsummary: "+q(evil)+"\nsources: [{publisher: "+q(evil)+", url: 'https://x/\"><script>'}]",
		evil+"\n\n[x]("+evil+")\n\n```"+evil+"\n"+evil+"\n```", "name: "+q(evil)+"\nnames: {ar: "+q(evil)+"}\nids: {a: "+q(evil)+"}", evil, evil)
	f.Add("title: T\ndate: 2016-08\nsources: [{publisher: P}]\nevents: [{type: shutdown, where: [old-city], by: [isil], from: 2016-01, until: ongoing, note: x}]",
		"| a |\n|:-:|\n| [b](actor:isil) |\n\n- [ ] [c](city:old-city)\n\nNote[^1].\n\n[^1]: [d](report:2016-08-13-x)",
		"name: Old City\ncoordinates: [36, 43]\nwithin: old-city", "", "")
	f.Fuzz(func(t *testing.T, reportFM, reportBody, entityFM, entityBody, page string) {
		files := maps.Clone(baseSite)
		files["reports/2016-08-13-x.md"] = "---\n" + reportFM + "\n---\n" + reportBody
		files["cities/old-city.md"] = "---\n" + entityFM + "\n---\n" + entityBody
		files["pages/about.md"] = "---\ntitle: About\n---\n" + page
		start := time.Now()
		out, diags, err := buildFS(mapFS(files))
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("build took %v", d)
		}
		for _, d := range diags {
			if _, ok := files[d.Pos.Path]; !ok && d.Pos.Path != "layouts/base.html" {
				t.Errorf("diagnostic for no file: %s", d)
			}
		}
		for _, p := range checkSite(out) {
			t.Error(p)
		}
	})
}

// shuffledFS lists folders in a random order: fstest.MapFS, like most file
// systems people test with, lists them sorted, which would hide any output
// that depends on the order.
type shuffledFS struct {
	fstest.MapFS
	r *rand.Rand
}

func (s shuffledFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := s.MapFS.ReadDir(name)
	s.r.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	return entries, err
}

// Sub keeps the shuffling in the content folder, which the build reads
// through fs.Sub: MapFS's own Sub would list it sorted.
func (s shuffledFS) Sub(dir string) (fs.FS, error) { return fs.Sub(shuffledNoSub{s}, dir) }

// shuffledNoSub is shuffledFS without its Sub, for fs.Sub to wrap.
type shuffledNoSub struct{ s shuffledFS }

func (n shuffledNoSub) Open(name string) (fs.File, error)          { return n.s.Open(name) }
func (n shuffledNoSub) ReadDir(name string) ([]fs.DirEntry, error) { return n.s.ReadDir(name) }

// TestDeterministicOrder builds one site from a file system that lists
// folders in a different random order each time, and on one CPU and on
// several, and checks that every build makes the same bytes. With -short
// it builds twice, on one CPU and on two.
func TestDeterministicOrder(t *testing.T) {
	files := maps.Clone(baseSite)
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		files["reports/2016-08-13-"+name+".md"] = report("summary: Same day "+name+"\n", "[Mosul](city:mosul) and [Nineveh](city:nineveh), [ISIL](actor:isil).\n")
		files["cities/place-"+name+".md"] = "---\nname: Place " + name + "\nwithin: nineveh\ncoordinates: [36, 43]\n---\n"
		files["static/"+name+"/x.css"] = "p{}"
	}
	files["reports/2016-08-14-same-title.md"] = report("", "")
	files["reports/2016-08-14-same-title-2.md"] = report("", "")
	var want map[string][]byte
	builds := 8
	if testing.Short() {
		// One CPU and two, each from its own listing order; the full run
		// adds six more builds, on 4 and 8 CPUs too.
		builds = 2
	}
	for i := range builds {
		procs := []int{1, 2, 4, 8}[i%4]
		prev := runtime.GOMAXPROCS(procs)
		fsys := shuffledFS{mapFS(files), rand.New(rand.NewPCG(uint64(i), 42))}
		got, diags, err := buildFS(fsys)
		runtime.GOMAXPROCS(prev)
		if err != nil || got == nil {
			t.Fatalf("build %d: %v %v", i, err, diags)
		}
		if want == nil {
			want = got
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(want)) {
			if string(got[name]) != string(want[name]) {
				t.Errorf("build %d (GOMAXPROCS=%d): %s differs", i, procs, name)
			}
		}
		if len(got) != len(want) {
			t.Errorf("build %d: %d files, want %d", i, len(got), len(want))
		}
	}
}
