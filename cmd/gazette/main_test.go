package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"gazette": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

// TestScript runs testdata/script/*.txtar: the command as a user runs it,
// with exit codes and exact output. go test ./cmd/gazette -update rewrites
// their expected output (the files compared with cmp).
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			// A free loopback port for gazette serve, as $PORT.
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return err
			}
			env.Setenv("PORT", strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
			env.Setenv("CI", "true") // as in CI: no progress line
			// Each gazette here is a process that lives for a small site's
			// build, some 10 MB: the collector, paced for a long build, was
			// a third of its CPU. It collects only past a limit no script
			// comes near.
			env.Setenv("GOGC", "off")
			env.Setenv("GOMEMLIMIT", "512MiB")
			return ln.Close()
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fetch":     fetch,
			"fetchhost": fetchHost,
		},
	})
}

// fetchhost URL HOST status: GET the URL with the given Host header and
// check the status.
func fetchHost(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: fetchhost URL HOST status")
	}
	req, err := http.NewRequest("GET", args[0], nil)
	ts.Check(err)
	req.Host = args[1]
	resp, err := http.DefaultClient.Do(req)
	ts.Check(err)
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if want, _ := strconv.Atoi(args[2]); resp.StatusCode != want {
		ts.Fatalf("GET %s (Host %s): status %d, want %d", args[0], args[1], resp.StatusCode, want)
	}
	fmt.Fprintf(ts.Stdout(), "%s\n", resp.Status)
}

// fetch URL [status [file]]: GET the URL, retrying for up to ten seconds
// while nothing listens there; check the status (default 200) and write
// the body to file.
func fetch(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 || len(args) > 3 {
		ts.Fatalf("usage: fetch URL [status [file]]")
	}
	want := 200
	if len(args) > 1 {
		want, _ = strconv.Atoi(args[1])
	}
	var resp *http.Response
	var err error
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(20 * time.Millisecond) {
		if resp, err = http.Get(args[0]); err == nil {
			break
		}
	}
	ts.Check(err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	ts.Check(err)
	if resp.StatusCode != want {
		ts.Fatalf("GET %s: status %d, want %d", args[0], resp.StatusCode, want)
	}
	if len(args) > 2 {
		ts.Check(os.WriteFile(ts.MkAbs(args[2]), body, 0o644))
	}
	fmt.Fprintf(ts.Stdout(), "%s %s\n", strings.TrimSpace(resp.Header.Get("Content-Type")), resp.Status)
}

// TestBaseURLControl passes --base-url with a line break, which would add
// a line of its own to robots.txt: a usage error, and nothing is built.
func TestBaseURLControl(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/content", 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	code := run([]string{"build", "-C", dir, "--base-url", "https://example.org/\r\nDisallow: /"}, &stdout, &stderr)
	want := "gazette build: --base-url must be an absolute http:// or https:// URL, without spaces, control characters or <>\"`\n"
	if code != 2 || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want 2, %q", code, stderr.String(), want)
	}
	if _, err := os.Stat(dir + "/public"); err == nil {
		t.Errorf("public/ was written")
	}
}

// TestCleanupFails builds twice, with a file of the first site that cannot
// be removed: the second build's site is live, so it succeeds (exit 0)
// and warns about the folder of the old site that is left.
func TestCleanupFails(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"content/site.yaml":       "title: T\n",
		"content/cities/mosul.md": "---\nname: Mosul\n---\nA city.\n",
		"content/actors/isil.md":  "---\nname: ISIL\n---\nA group.\n",
		"content/reports/2016-08-12-dark.md": "---\ntitle: Dark\ndate: 2016-08-12\ncities: [mosul]\nactors: [isil]\n" +
			"sources: [{publisher: P}]\n---\nDark.\n",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr strings.Builder
	// Without the build cache, which would keep the old site as its
	// standby folder instead of removing it.
	if code := run([]string{"build", "--no-cache", "-C", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr.String())
	}
	// A file that cannot be removed: immutable as root, else in a folder
	// that cannot be written.
	stuck := filepath.Join(dir, "public", "cities")
	if os.Geteuid() == 0 {
		file := filepath.Join(stuck, "index.html")
		if err := exec.Command("chattr", "+i", file).Run(); err != nil {
			t.Skip("running as root without chattr:", err)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", file).Run() })
	} else {
		os.Chmod(stuck, 0o555)
		t.Cleanup(func() { os.Chmod(stuck, 0o755) })
	}
	os.WriteFile(filepath.Join(dir, "content/reports/2016-08-12-dark.md"), []byte(
		"---\ntitle: Darker\ndate: 2016-08-12\ncities: [mosul]\nactors: [isil]\nsources: [{publisher: P}]\n---\nDark.\n"), 0o644)
	stdout.Reset()
	stderr.Reset()
	code := run([]string{"build", "--no-cache", "-C", dir}, &stdout, &stderr)
	warning := regexp.MustCompile(`(?m)^/.*/\.public\.tmp-[0-9]+:1:1: warning: the new site is in place, but the old site moved here could not be removed \(.*\); remove this folder$`)
	if code != 0 || !warning.MatchString(stderr.String()) || !strings.Contains(stdout.String(), "(1 warning,") {
		t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public/reports/2016-08-12-dark/index.html"))
	if !strings.Contains(string(page), "Darker") {
		t.Errorf("the new site is not in place")
	}
	// The folder left is the old site, whole but for what could go.
	if m, _ := filepath.Glob(filepath.Join(dir, ".public.tmp-*", "cities", "index.html")); len(m) != 1 {
		t.Errorf("the old site's stuck file: %v", m)
	} else {
		t.Cleanup(func() { exec.Command("chattr", "-i", m[0]).Run(); os.Chmod(filepath.Dir(m[0]), 0o755) })
	}
}
