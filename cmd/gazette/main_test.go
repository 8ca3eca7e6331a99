package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
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
			return ln.Close()
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"fetch": fetch,
		},
	})
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
