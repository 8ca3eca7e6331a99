package deps

import "testing"

// TestHashFraming: values are written with their kind and length, so that
// different sequences never hash alike.
func TestHashFraming(t *testing.T) {
	cases := []struct {
		name string
		a, b func(h Hash)
	}{
		{"split string", func(h Hash) { h.String("ab") }, func(h Hash) { h.String("a"); h.String("b") }},
		{"string or int", func(h Hash) { h.String("") }, func(h Hash) { h.Int(0) }},
		{"bool", func(h Hash) { h.Bool(true) }, func(h Hash) { h.Bool(false) }},
		{"order", func(h Hash) { h.Int(1); h.Int(2) }, func(h Hash) { h.Int(2); h.Int(1) }},
		{"digest or string", func(h Hash) { h.Digest(Digest{}) }, func(h Hash) { h.String(string(make([]byte, 32))) }},
	}
	for _, c := range cases {
		x, y := New("t"), New("t")
		c.a(x)
		c.b(y)
		if x.Done() == y.Done() {
			t.Errorf("%s: the two sequences hash alike", c.name)
		}
	}
	x, y := New("t"), New("t")
	x.String("same")
	y.String("same")
	if x.Done() != y.Done() {
		t.Error("the same sequence hashes differently")
	}
	if a, b := New("a"), New("b"); a.Done() == b.Done() {
		t.Error("the tag is not in the hash")
	}
}
