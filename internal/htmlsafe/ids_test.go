package htmlsafe_test

import (
	"slices"
	"testing"

	"gazette/internal/htmlsafe"
)

func TestDuplicateIDs(t *testing.T) {
	doc := `<h2 id="sources">Sources</h2><p><a id="m-1" href="x">a</a></p><h2 id="sources">S</h2><img id=m-1><p id="Sources"></p>`
	want := []string{
		`offset 62: id "sources" is already the id of the element at offset 0`,
		`offset 85: id "m-1" is already the id of the element at offset 32`,
	}
	if got := htmlsafe.DuplicateIDs(doc); !slices.Equal(got, want) {
		t.Errorf("DuplicateIDs:\n got %q\nwant %q", got, want)
	}
	if got := htmlsafe.DuplicateIDs(`<h2 id="h-sources">Sources</h2><h2 id="sources">S</h2>`); got != nil {
		t.Errorf("distinct ids: %q", got)
	}
}
