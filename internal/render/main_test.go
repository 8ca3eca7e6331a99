package render

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestMain runs the tests with the collector at four times the heap
// (GOGC, when set, wins): they build some hundred small sites and
// themes, each a few MB of heap, and at Go's default the collector took
// a quarter of the package's CPU time. No test measures the heap's peak,
// only what is allocated (TestHostileSize) or kept after a collection.
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(m.Run())
}
