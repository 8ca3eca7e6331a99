package markup_test

import (
	"testing"

	"gazette/internal/spill"
)

// A finished body moved to a spill file reads back the same, and fails
// plainly once the file is gone.
func TestSpill(t *testing.T) {
	doc := md.Parse("reports/r.md", []byte("Near [Mosul](city:mosul).\n\n```go\nx := 1\n```\n"))
	doc.Links[0].Href = "../../cities/mosul/index.html"
	if err := md.Finish(doc); err != nil {
		t.Fatal(err)
	}
	html, _ := md.HTML(doc)
	text := doc.Text()
	if html == "" || text == "" {
		t.Fatalf("finished doc: html %q, text %q", html, text)
	}
	f, err := spill.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Spill(f); err != nil {
		t.Fatal(err)
	}
	if got, err := md.HTML(doc); err != nil || got != html {
		t.Errorf("HTML after Spill: %q, %v; want %q", got, err, html)
	}
	if got, err := md.Render(doc); err != nil || string(got) != html {
		t.Errorf("Render after Spill: %q, %v; want %q", got, err, html)
	}
	if got := doc.Text(); got != text {
		t.Errorf("Text after Spill: %q, want %q", got, text)
	}
	f.Close()
	if _, err := md.HTML(doc); err == nil {
		t.Error("HTML after the spill file closed: no error")
	}
}
