package searchindex

import (
	"maps"
	"testing"

	"gazette/internal/config"
	"gazette/internal/diag"
	"gazette/internal/markup"
)

// TestKept writes an index with a Kept, again after a body changed, and
// with damaged kept terms: each time the files are those Write makes
// without it, and only the changed document is split again.
func TestKept(t *testing.T) {
	s := testSite(t)
	ed, words := config.Edition{Lang: "en"}, englishWords(t)
	check := func(step string, kept *Kept) {
		t.Helper()
		want, got := mapWriter{}, mapWriter{}
		var diags diag.List
		if _, err := Write(s, ed, words, want, &diags); err != nil {
			t.Fatal(err)
		}
		if _, err := WriteKept(s, ed, words, got, kept, &diags); err != nil || len(diags.Sorted()) > 0 {
			t.Fatalf("%s: %v, %v", step, err, diags.Sorted())
		}
		kept.Next()
		if !maps.Equal(got, want) {
			t.Errorf("%s: the files differ from Write's:\n got %v\nwant %v", step, got, want)
		}
	}
	kept := NewKept(nil)
	check("first", kept)
	terms, changed := kept.Terms()
	if !changed || len(terms) != 7 {
		t.Fatalf("first: %d documents kept, changed %t; want 7, true", len(terms), changed)
	}
	kept = NewKept(terms)
	check("again", kept)
	if _, changed := kept.Terms(); changed {
		t.Errorf("again: changed, with nothing changed")
	}
	md := markup.New(nil)
	doc := md.Parse("pages/about.md", []byte("Who we are now."))
	if err := md.Finish(doc, nil); err != nil {
		t.Fatal(err)
	}
	s.Pages[0].Doc = doc
	kept = NewKept(terms)
	check("a body changed", kept)
	after, changed := kept.Terms()
	split := 0
	for k := range after {
		if _, ok := terms[k]; !ok {
			split++
		}
	}
	if !changed || len(after) != 7 || split != 1 {
		t.Errorf("a body changed: %d documents kept, %d split again, changed %t; want 7, 1, true", len(after), split, changed)
	}
	damaged := map[[32]byte][]byte{}
	for k, b := range terms {
		damaged[k] = b[:len(b)-1]
	}
	check("damaged", NewKept(damaged))
}
