package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gazette/internal/synth"
)

// TestSearchBudget builds a synthetic site of 10,000 reports in memory and
// bounds what the first query of search.js can download: the manifest, one
// index chunk per word of a three-word query plus one more for the last
// word's prefixes, and the summaries of the ten results it shows, each from
// a different file in the worst case. Pagefind claims under 300 KB; the
// budget here is 150 KB. It also checks that the index is written in far
// fewer files than there are pages.
func TestSearchBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10,000 reports")
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := synth.Write(dir, 10000, 1, false); err != nil {
		t.Fatal(err)
	}
	mem := NewMemory()
	o := onDisk(t, dir, "")
	o.Output = mem
	res, err := Run(o)
	if err != nil || res.Errors > 0 {
		t.Fatalf("build: %v, %d errors", err, res.Errors)
	}
	var manifest, maxIndex, maxDocs, files int
	for name, data := range mem.Files() {
		switch {
		case name == "search/manifest.js":
			manifest = len(data)
		case strings.HasPrefix(name, "search/i-"):
			maxIndex = max(maxIndex, len(data))
		case strings.HasPrefix(name, "search/d-"):
			maxDocs = max(maxDocs, len(data))
		default:
			continue
		}
		files++
	}
	worst := manifest + 4*maxIndex + 10*maxDocs
	t.Logf("manifest %d B, largest index chunk %d B, largest summaries chunk %d B: worst first query %d B; %d index files for %d pages",
		manifest, maxIndex, maxDocs, worst, files, res.Pages)
	if worst > 150<<10 {
		t.Errorf("the first query may download %d KB; the budget is 150 KB", worst>>10)
	}
	if files > res.Pages/4 {
		t.Errorf("the search index takes %d files for %d pages; want far fewer", files, res.Pages)
	}
	os.RemoveAll(dir)
}
