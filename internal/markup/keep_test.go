package markup

import (
	"testing"
)

// TestBodiesKept: a body kept from the last build is taken when its
// source is the same, with the HTML it had when its annotations resolve
// as they did, and parsed and rendered again when they do not; the
// result is always what a fresh parse gives.
func TestBodiesKept(t *testing.T) {
	m := New([]string{"city"})
	src := []byte("# Mosul\n\n[Mosul](city:mosul) went dark; [Mosul](city:mosul) again.\n\nA [second](city:) place.\n")
	resolve := func(doc *Doc, title string) {
		for _, l := range doc.Links {
			l.Href, l.Title, l.Anchor = "../../cities/"+l.ID+"/index.html", title, "m-1"
		}
	}
	build := func(b *Bodies, title string) (html, text, first string, restored bool) {
		doc := m.ParseKept(b, "reports/a.md", src)
		restored = doc.restored != nil
		first = doc.FirstParagraph()
		resolve(doc, title)
		if err := m.Finish(doc, nil); err != nil {
			t.Fatal(err)
		}
		html, _ = m.HTML(doc)
		text, _ = doc.Text()
		b.Next()
		return html, text, first, restored
	}
	fresh := func(title string) (string, string, string) {
		doc := m.Parse("reports/a.md", src)
		first := doc.FirstParagraph()
		resolve(doc, title)
		if err := m.Finish(doc, nil); err != nil {
			t.Fatal(err)
		}
		html, _ := m.HTML(doc)
		text, _ := doc.Text()
		return html, text, first
	}
	b := NewBodies()
	for i, c := range []struct {
		title    string
		restored bool
	}{
		{"Mosul", false},    // first build: parsed
		{"Mosul", true},     // same source, same targets: kept HTML
		{"Al-Mawsil", true}, // same source, another title: taken, then rendered again
		{"Al-Mawsil", true},
	} {
		html, text, first, restored := build(b, c.title)
		wantHTML, wantText, wantFirst := fresh(c.title)
		if restored != c.restored {
			t.Errorf("build %d: taken from Bodies %v, want %v", i, restored, c.restored)
		}
		if html != wantHTML || text != wantText || first != wantFirst {
			t.Errorf("build %d:\nhtml %q\nwant %q\ntext %q want %q\nfirst %q want %q", i, html, wantHTML, text, wantText, first, wantFirst)
		}
	}
	// A body no build used is dropped.
	b.Next()
	if _, _, _, restored := build(b, "Mosul"); restored {
		t.Error("a body unused for a build is still kept")
	}
}
