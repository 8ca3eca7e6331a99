package sentence

import (
	"strings"
	"testing"
)

func TestAround(t *testing.T) {
	for _, tc := range []struct {
		text, span    string
		before, after string
	}{
		{"It rained. Then Mosul was cut off. Later it came back.", "Mosul", "Then ", " was cut off."},
		{"Mr. Smith went to Mosul today", "Mosul", "Mr. Smith went to ", " today"},
		{"Is Mosul offline? Yes.", "Mosul", "Is ", " offline?"},
		{"هل الموصل مقطوعة؟ نعم.", "الموصل", "هل ", " مقطوعة؟"},
	} {
		start := strings.Index(tc.text, tc.span)
		before, after := Around(tc.text, start, start+len(tc.span))
		if before != tc.before || after != tc.after {
			t.Errorf("Around(%q, %q) = %q, %q; want %q, %q", tc.text, tc.span, before, after, tc.before, tc.after)
		}
	}
}
