package render

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
