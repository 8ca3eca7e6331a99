package linkurl

import "testing"

func TestSplitScheme(t *testing.T) {
	for _, tc := range []struct {
		dest, scheme, rest string
		ok                 bool
	}{
		{"city:mosul", "city", "mosul", true},
		{"HTTPS://x.org", "https", "//x.org", true},
		{" java\tscript:alert(1)", "javascript", "alert(1)", true},
		{"1a:b", "", "", false},
		{"a_b:c.html", "", "", false},
		{"reports/x/", "", "", false},
	} {
		scheme, rest, ok := SplitScheme(tc.dest)
		if scheme != tc.scheme || rest != tc.rest || ok != tc.ok {
			t.Errorf("SplitScheme(%q) = %q, %q, %v; want %q, %q, %v", tc.dest, scheme, rest, ok, tc.scheme, tc.rest, tc.ok)
		}
	}
}

func TestNetworkPath(t *testing.T) {
	for dest, want := range map[string]bool{"//host/x": true, `\\host`: true, `/\host`: true, "/x": false, "x//y": false} {
		if got := NetworkPath(dest); got != want {
			t.Errorf("NetworkPath(%q) = %v, want %v", dest, got, want)
		}
	}
	if got := WithScheme("//host/x"); got != "https://host/x" {
		t.Errorf("WithScheme = %q", got)
	}
}
