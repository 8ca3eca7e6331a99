package urlpath

import "testing"

func TestRel(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"", "cities/mosul/", "cities/mosul/index.html"},
		{"reports/a/", "cities/mosul/", "../../cities/mosul/index.html"},
		{"about/", "", "../index.html"},
		{"cities/", "cities/mosul/", "../cities/mosul/index.html"},
	}
	for _, tc := range tests {
		if got := Rel(tc.from, tc.to); got != tc.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
	if got := File("reports/a/", "style.css"); got != "../../style.css" {
		t.Errorf("File = %q", got)
	}
}
