package markup

import (
	"strings"
	"testing"
	"time"
)

// TestParseBudget feeds goldmark inputs it is known to parse in quadratic
// time and checks that a parse stops soon after its budget, with an error
// at the place it had reached, and renders nothing.
func TestParseBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 20 MB of pathological Markdown")
	}
	m := New([]string{"city"})
	m.budget = 200 * time.Millisecond
	for _, unit := range []string{"*a_", "[a](", "\\``", "*a_b*c_d**e_f*g**h*i_j**", "[a](city:x) "} {
		src := []byte(strings.Repeat(unit, 4<<20/len(unit)))
		start := time.Now()
		doc := m.Parse("reports/r.md", src)
		took := time.Since(start)
		out, err := m.Render(doc)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%q × %d: %v, %d problems, %d bytes of HTML", unit, len(src)/len(unit), took, len(doc.Problems), len(out))
		if took > 2*time.Second {
			t.Errorf("%q: parse took %v with a budget of %v", unit, took, m.budget)
		}
	}
}

// TestNestingBound measures the worst nesting the limit lets through: a
// list 64 levels deep by indentation (128 columns), then lines at that depth
// up to the 8 MB a file may hold (with -short, 512 KB).
func TestNestingBound(t *testing.T) {
	size := 8 << 20
	if testing.Short() {
		size = 512 << 10
	}
	var b strings.Builder
	for i := range 65 {
		b.WriteString(strings.Repeat(" ", 2*i) + "- x\n")
	}
	prefix := b.String()
	line := strings.Repeat(" ", 128) + "- x\n"
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
