package markup

import (
	"strings"
	"testing"
	"time"
)

// TestNestingBound measures the worst nesting the limit lets through: a
// list 64 levels deep by indentation (128 columns), then lines at that
// depth, 6 MB of them, as many as the limit on elements lets through.
func TestNestingBound(t *testing.T) {
	var b strings.Builder
	for i := range 65 {
		b.WriteString(strings.Repeat(" ", 2*i) + "- x\n")
	}
	prefix := b.String()
	line := strings.Repeat(" ", 128) + "- x\n"
	size := 6 << 20
	if testing.Short() {
		size = 128 << 10 // the same nesting, a 48th of the size: the full run parses 6 MB
	}
	for b.Len() < size-len(line) {
		b.WriteString(line)
	}
	m := New([]string{"city"})
	start := time.Now()
	doc := m.Parse("reports/r.md", []byte(b.String()))
	if _, err := m.Render(doc); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("%d KB at depth 64: %v, problems %v", size>>10, took, doc.Problems)
	if len(doc.Problems) > 0 {
		t.Errorf("problems: %v", doc.Problems)
	}
	deeper := m.Parse("reports/r.md", []byte(prefix+strings.Repeat(" ", 130)+"- x\n\n```\n"+strings.Repeat(" ", 200)+"code\n```\n"))
	if len(deeper.Problems) != 1 || deeper.Problems[0].String() != "reports/r.md:66:1: error: Markdown nested 65 deep on one line; the limit is 32 levels (or 128 columns of indentation): flatten the lists or block quotes" {
		t.Errorf("130 columns of indentation: %v", deeper.Problems)
	}
}
