package diag

import (
	"fmt"
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	src := "ab\nMûsil é\n\nx"
	// In order, backwards and out of range: the count-on shortcut must give
	// what a count from the line start gives.
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14}, {14, 13, 12, 11, 10, 9, 7, 6, 5, 4, 3, 2, 1, 0}} {
		l := NewLines("r.md", []byte(src))
		var got []string
		for _, off := range order {
			got = append(got, fmt.Sprintf("%d=%d:%d", off, l.Pos(off).Line, l.Pos(off).Col))
		}
		// Offsets 5 and 11 are inside "û" and "é".
		want := map[int]string{0: "1:1", 1: "1:2", 2: "1:3", 3: "2:1", 4: "2:2", 5: "2:3", 6: "2:3", 7: "2:4",
			9: "2:6", 10: "2:7", 11: "2:8", 12: "2:8", 13: "3:1", 14: "4:1"}
		for i, off := range order {
			if w := fmt.Sprintf("%d=%s", off, want[off]); got[i] != w {
				t.Errorf("order %v: got %s, want %s", order, got[i], w)
			}
		}
	}
	l := NewLines("r.md", []byte(src))
	if p := l.Pos(-5); p.String() != "r.md:1:1" {
		t.Errorf("Pos(-5) = %v", p)
	}
	for range 2 {
		if p := l.Pos(100); p.String() != "r.md:4:2" {
			t.Errorf("Pos(100) = %v", p)
		}
	}
	for line, want := range map[int]int{1: 0, 2: 3, 3: 13, 4: 14} {
		if got, ok := l.LineStart(line); !ok || got != want {
			t.Errorf("LineStart(%d) = %d, %v; want %d", line, got, ok, want)
		}
	}
	for _, line := range []int{0, 5} {
		if _, ok := l.LineStart(line); ok {
			t.Errorf("LineStart(%d) found a line", line)
		}
	}
}

// TestLinesLongLine checks that many positions on one long line, asked for
// in order, count each character about once (not once per position).
func TestLinesLongLine(t *testing.T) {
	src := strings.Repeat("é ", 50000)
	l := NewLines("r.md", []byte(src))
	for off := 0; off < len(src); off += 3 {
		p := l.Pos(off)
		if want := 1 + off/3*2; p.Col != want {
			t.Fatalf("Pos(%d).Col = %d, want %d", off, p.Col, want)
		}
	}
}
