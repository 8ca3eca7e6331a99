package render_test

import (
	"fmt"
	"maps"
	"strings"
	"testing"
)

// Every feed holds the 50 newest reports; an entity's page lists them all.
func TestFeedEntries(t *testing.T) {
	files := maps.Clone(baseSite)
	for i := range 60 {
		files[fmt.Sprintf("reports/2015-01-%02d-r%d.md", i%28+1, i)] = report("", fmt.Sprintf("Report %d in [Mosul](city:mosul).", i))
	}
	out, diags, err := buildFS(mapFS(files))
	if err != nil || out == nil {
		t.Fatalf("build: %v %v", err, diags)
	}
	for _, tc := range []struct {
		file string
		want int
	}{
		{"feed.xml", 50},
		{"cities/mosul/feed.xml", 50},
		{"actors/isil/feed.xml", 50},
		{"cities/nineveh/feed.xml", 0},
	} {
		if got := strings.Count(string(out[tc.file]), "<entry>"); got != tc.want {
			t.Errorf("%s: %d entries, want %d", tc.file, got, tc.want)
		}
	}
	if got := strings.Count(string(out["cities/mosul/index.html"]), `class="report-item"`); got != 61 {
		t.Errorf("Mosul's page lists %d reports, want 61", got)
	}
}
