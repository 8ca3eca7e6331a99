package config

import "testing"

func TestTypeLabel(t *testing.T) {
	v := Vocab{{ID: "isp", Label: "internet provider"}}
	for _, c := range []struct{ in, want string }{
		{"isp", "internet provider"},
		{"armed-group", "armed group"},
		{"city", "city"},
	} {
		if got := v.TypeLabel(c.in); got != c.want {
			t.Errorf("TypeLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
