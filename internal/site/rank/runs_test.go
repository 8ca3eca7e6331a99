package rank

import (
	"fmt"
	"testing"
)

// Runs keeps the first runs, the first items of each, and counts the
// runs it leaves out; a key seen again later is a new run.
func TestRuns(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", "[] +0"},
		{"aab", "[a:[a a]+0 b:[b]+0] +0"},
		{"aaaab", "[a:[a a]+2 b:[b]+0] +0"},
		{"abcc", "[a:[a]+0 b:[b]+0] +1"},
		{"abccdc", "[a:[a]+0 b:[b]+0] +3"},
		{"aba", "[a:[a]+0 b:[b]+0] +1"},
	}
	for _, tt := range tests {
		runs, more := Runs([]byte(tt.in), func(b byte) byte { return b }, 2, 2)
		got := "["
		for i, r := range runs {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("%c:%c+%d", r.Key, r.Items, r.More)
		}
		got += fmt.Sprintf("] +%d", more)
		if got != tt.want {
			t.Errorf("Runs(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
