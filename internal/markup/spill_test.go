package markup_test

import (
	"testing"

	"gazette/internal/markup"
	"gazette/internal/spill"
)

// A body finished into a spill file reads back as one kept in memory, and
// fails plainly once the file is gone.
func TestSpill(t *testing.T) {
	src := []byte("Near [Mosul](city:mosul).\n\n```go\nx := 1\n```\n")
	finish := func(f *spill.File) *markup.Doc {
		doc := md.Parse("reports/r.md", src)
		doc.Links[0].Href = "../../cities/mosul/index.html"
		if err := md.Finish(doc, f); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	kept := finish(nil)
	html, _ := md.HTML(kept)
	text, _ := kept.Text() // kept in memory: no error to have
	if html == "" || text == "" {
		t.Fatalf("finished doc: html %q, text %q", html, text)
	}
	f, err := spill.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	doc := finish(f)
	if got, err := md.HTML(doc); err != nil || got != html {
		t.Errorf("HTML after Spill: %q, %v; want %q", got, err, html)
	}
	if got, err := md.Render(doc); err != nil || string(got) != html {
		t.Errorf("Render after Spill: %q, %v; want %q", got, err, html)
	}
	if got, err := doc.Text(); err != nil || got != text {
		t.Errorf("Text after Spill: %q, %v; want %q", got, err, text)
	}
	f.Close()
	if _, err := md.HTML(doc); err == nil {
		t.Error("HTML after the spill file closed: no error")
	}
}
