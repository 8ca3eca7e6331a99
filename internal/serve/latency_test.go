package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestLatency measures how long an edit to one report takes to reach the
// browser: from writing the file to the first reload event, which comes
// from Server.Fast; the full rebuild that follows is waited out before the
// next edit. It runs on the
// project named by GAZETTE_LATENCY_SITE (a folder holding content/), for
// example one made by `go run ./internal/tools/synth`; it edits the first
// report there and puts it back.
//
//	GAZETTE_LATENCY_SITE=/tmp/big go test ./internal/serve -run Latency -v
func TestLatency(t *testing.T) {
	dir := os.Getenv("GAZETTE_LATENCY_SITE")
	if dir == "" {
		t.Skip("set GAZETTE_LATENCY_SITE to a project folder to measure")
	}
	reports, _ := filepath.Glob(filepath.Join(dir, "content/reports/*.md"))
	if len(reports) == 0 {
		t.Fatal("no reports")
	}
	slices.Sort(reports)
	file := reports[len(reports)/2]
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer os.WriteFile(file, orig, 0o644)

	began := time.Now()
	base, stop := start(t, dir)
	defer stop()
	t.Logf("%d reports: first build and serve in %v", len(reports), time.Since(began).Round(time.Millisecond))
	ev := events(t, base)
	next(t, ev)
	var times, rebuilds []time.Duration
	for i := range 5 {
		edited := strings.Replace(string(orig), "\n---\n", "\n---\nEdit number "+string(rune('a'+i))+".\n\n", 1)
		t0 := time.Now()
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		nextWithin(t, ev, 5*time.Minute)
		times = append(times, time.Since(t0))
		// The full rebuild that follows changes the pages that quote the
		// report's first paragraph: wait for it before the next edit.
		nextWithin(t, ev, 5*time.Minute)
		rebuilds = append(rebuilds, time.Since(t0))
	}
	slices.Sort(times)
	slices.Sort(rebuilds)
	t.Logf("edit to reload event, 5 edits: min %v, median %v, max %v",
		times[0].Round(time.Millisecond), times[2].Round(time.Millisecond), times[4].Round(time.Millisecond))
	t.Logf("edit to the full rebuild's reload event: min %v, median %v, max %v",
		rebuilds[0].Round(time.Millisecond), rebuilds[2].Round(time.Millisecond), rebuilds[4].Round(time.Millisecond))
}
