package build

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"gazette/internal/synth"
)

// TestBuildHelper is the helper process of the tests below: a build, run
// in a process of its own so that it can be killed, or given another
// environment. Run directly, it does nothing.
func TestBuildHelper(t *testing.T) {
	dir := os.Getenv("GAZETTE_TEST_BUILD")
	if dir == "" {
		return
	}
	res, err := Run(onDisk(t, dir, os.Getenv("GAZETTE_TEST_OUT")))
	if err != nil || res.Errors > 0 {
		fmt.Fprintln(os.Stderr, "build:", err, res.Diagnostics)
		os.Exit(1)
	}
	os.Exit(0)
}

// buildCmd returns a command that builds the project dir into out in a new
// process.
func buildCmd(dir, out string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestBuildHelper$")
	cmd.Env = append(os.Environ(), "GAZETTE_TEST_BUILD="+dir, "GAZETTE_TEST_OUT="+out)
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

// sameTree describes how got differs from want, or returns "".
func sameTree(got, want map[string]string) string {
	var missing, changed, extra int
	example := ""
	for name, data := range want {
		g, ok := got[name]
		switch {
		case !ok:
			missing++
			example = name
		case g != data:
			changed++
			example = name
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			extra++
			example = name
		}
	}
	if missing+changed+extra == 0 {
		return ""
	}
	return fmt.Sprintf("%d missing, %d changed, %d extra files (such as %s)", missing, changed, extra, example)
}

// TestKillDuringBuild kills builds with SIGKILL at random moments and
// checks that public/ is, every time, either the complete old site or the
// complete new one, and that nothing else beside it is touched. The random
// seed is logged; GAZETTE_KILL_SEED=<seed> replays a failure's kills.
func TestKillDuringBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 300-report site some 25 times")
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(dir, 300, 7, false); err != nil {
		t.Fatal(err)
	}
	siteYAML := filepath.Join(dir, "content", "site.yaml")
	orig, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	// Two versions that differ on every page.
	versions := [2]string{string(orig), strings.Replace(string(orig), "title: Synthetic", "title: Synthetic, revised", 1)}
	var want [2]map[string]string
	for v, yaml := range versions {
		os.WriteFile(siteYAML, []byte(yaml), 0o644)
		out := filepath.Join(t.TempDir(), "expected")
		if res, err := Run(onDisk(t, dir, out)); err != nil || res.Errors > 0 {
			t.Fatalf("build: %v %v", err, res.Diagnostics)
		}
		want[v] = readTree(t, out)
	}
	if sameTree(want[0], want[1]) == "" {
		t.Fatal("the two versions build the same site")
	}
	// A file of the maintainer's beside public/, which must survive.
	bystander := filepath.Join(dir, "notes.txt")
	os.WriteFile(bystander, []byte("mine"), 0o644)

	out := filepath.Join(dir, "public")
	current := 0
	os.WriteFile(siteYAML, []byte(versions[0]), 0o644)
	start := time.Now()
	if b, err := buildCmd(dir, out).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	full := time.Since(start)
	t.Logf("one build in a new process takes %v", full)

	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("GAZETTE_KILL_SEED"); v != "" {
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("GAZETTE_KILL_SEED=%q: %v", v, err)
		}
	}
	// The seed picks the moments of the kills, as fractions of a build;
	// the same seed replays the same fractions of whatever a build takes.
	t.Logf("random seed %d (GAZETTE_KILL_SEED=%d replays it)", seed, seed)
	r := rand.New(rand.NewPCG(1, seed))
	var kept, replaced, finished int
	const kills = 24
	for i := range kills {
		target := 1 - current
		os.WriteFile(siteYAML, []byte(versions[target]), 0o644)
		// Spread the kills over the whole build, start to swap and beyond.
		delay := time.Duration(r.Float64() * float64(full*6/5))
		cmd := buildCmd(dir, out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil {
			finished++
		}
		got := readTree(t, out)
		switch {
		case sameTree(got, want[target]) == "":
			current = target
			replaced++
		case sameTree(got, want[current]) == "":
			kept++
		default:
			t.Fatalf("kill %d after %v (seed %d): public/ is neither site: %s", i, delay, seed, sameTree(got, want[target]))
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			switch name := e.Name(); {
			case name == "content", name == "public", name == "notes.txt", strings.HasPrefix(name, ".public.tmp-"):
			default:
				t.Errorf("kill %d: unexpected %s beside public/", i, name)
			}
		}
	}
	t.Logf("%d kills: %d left the old site, %d came after the swap (%d builds had finished)", kills, kept, replaced, finished)

	// The next complete build clears what killed builds left.
	if b, err := buildCmd(dir, out).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.tmp-") {
			t.Errorf("leftover %s after a complete build", e.Name())
		}
	}
	if b, _ := os.ReadFile(bystander); string(b) != "mine" {
		t.Error("notes.txt beside public/ changed")
	}
}

// TestDeterministicEnvironment builds the repository's site in processes
// that differ in time zone, locale, GOMAXPROCS and working folder, and
// checks that every build writes the same bytes.
func TestDeterministicEnvironment(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site five times")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	variants := []struct {
		name string
		cwd  string // "" is the repository; then the project is "."
		env  []string
	}{
		{"baseline", "", []string{"TZ=UTC", "LANG=C", "LC_ALL=C", "GOMAXPROCS=1"}},
		{"Baghdad, Arabic locale, 2 CPUs", "", []string{"TZ=Asia/Baghdad", "LANG=ar_IQ.UTF-8", "LC_ALL=ar_IQ.UTF-8", "GOMAXPROCS=2"}},
		{"UTC+14, Turkish locale, 8 CPUs", "", []string{"TZ=Pacific/Kiritimati", "LANG=tr_TR.UTF-8", "LC_ALL=tr_TR.UTF-8", "GOMAXPROCS=8"}},
		{"UTC-12, other folder", t.TempDir(), []string{"TZ=Etc/GMT+12", "LANG=en_US.UTF-8", "LC_ALL=", "GOMAXPROCS=3"}},
		{"no TZ, /", "/", []string{"TZ=", "LANG=", "LC_ALL=", "LC_COLLATE=sv_SE.UTF-8"}},
	}
	var want map[string]string
	for _, v := range variants {
		out := filepath.Join(t.TempDir(), "public")
		project := "."
		if v.cwd != "" {
			project = repo
		}
		cmd := buildCmd(project, out, v.env...)
		cmd.Dir = repo
		if v.cwd != "" {
			cmd.Dir = v.cwd
		}
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", v.name, err, b)
		}
		got := readTree(t, out)
		if want == nil {
			want = got
			continue
		}
		if d := sameTree(got, want); d != "" {
			t.Errorf("%s: %s", v.name, d)
		}
	}
}
