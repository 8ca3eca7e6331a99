package markup

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// hostile returns bodies of the shapes that cost goldmark more than
// linear time or memory, each of about size bytes.
func hostile(shape string, size int) string {
	var b strings.Builder
	fill := func(unit string) {
		for b.Len() < size {
			b.WriteString(unit)
		}
	}
	switch shape {
	case "table": // a wide header over many one-cell rows
		cols := size / 6
		b.WriteString("|" + strings.Repeat("a|", cols) + "\n|" + strings.Repeat("-|", cols) + "\n")
		fill("|a\n")
	case "emphasis": // openers no closer matches, in one paragraph
		fill("*a_")
	case "refs": // reference definitions, one a line
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "[r%d]: /u\n", i)
		}
	case "annotations":
		fill("[m](city:mosul) ")
	case "brackets": // link destinations that never close
		fill("[a](")
	case "backticks": // code spans that never close
		fill("\\``")
	case "footnotes":
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "x[^%d]\n\n[^%d]: y\n\n", i, i)
		}
	default:
		panic(shape)
	}
	return b.String()
}

// TestLimits checks that each shape of hostile body is refused, with an
// error that names the limit, at the place that crosses it. On goldmark
// alone, the table takes gigabytes, the emphasis and the definitions run
// for minutes, the annotations make an entity page of a gigabyte.
func TestLimits(t *testing.T) {
	longURL := "/" + strings.Repeat("u", 64<<10)
	// A second or more each: left to the full run, not -short.
	slow := map[string]bool{"8 MB of list items": true, "HTML from references": true}
	for _, c := range []struct {
		name, src string
		want      string
	}{
		{"wide table, 48 KB", hostile("table", 48<<10),
			"r.md:2:1: error: table of 8192 columns; the limit is 128 columns"},
		{"table cells", "|" + strings.Repeat("a|", 100) + "\n|" + strings.Repeat("-|", 100) + "\n" + strings.Repeat("|a\n", 1000),
			"r.md:1002:1: error: more than 100000 table cells in this file, counting the empty cells goldmark adds to rows shorter than the header (this table has 100 columns); the limit is 100000: split the table, or drop empty columns"},
		{"emphasis, 256 KB paragraph", hostile("emphasis", 256<<10),
			"r.md:1:121: error: this Markdown is too costly to parse, here: 81 brackets, backticks, emphasis marks, < and ( so far in a paragraph of 262146 bytes; the limit on parse work is 20971648 units for this file (64 per byte, plus 4 Mi): split long paragraphs, or escape the markers with a backslash"},
		{"20,000 reference definitions in one paragraph", hostile("refs", 200000),
			"r.md:1083:1: error: this Markdown is too costly to parse, here: 1083 lines that may be reference definitions so far in a paragraph of 16240 lines; the limit on parse work is 16994944 units for this file (64 per byte, plus 4 Mi): split long paragraphs, or escape the markers with a backslash"},
		{"200,000 reference definitions", hostile("refs", 2600000),
			"r.md:50001:1: error: more than 250000 Markdown elements in this file (lines, list and quote markers, and the punctuation that starts links, code, emphasis, quotes and tables); the limit is 250000: split the file"},
		{"10,001 annotations", strings.Repeat("[m](city:mosul)\n\n", 10001),
			"r.md:20001:1: error: more than 10000 links, images and annotations in this file; the limit is 10000: split the report"},
		{"1,001 footnotes", hostile("footnotes", 20<<10),
			"r.md:4003:1: error: more than 1000 footnotes in this file; the limit is 1000: split the file or merge notes"},
		{"link destinations", hostile("brackets", 256<<10),
			"r.md:1:108: error: this Markdown is too costly to parse, here: 81 brackets, backticks, emphasis marks, < and ( so far in a paragraph of 262144 bytes; the limit on parse work is 20971520 units for this file (64 per byte, plus 4 Mi): split long paragraphs, or escape the markers with a backslash"},
		{"code spans", hostile("backticks", 256<<10),
			"r.md:1:243: error: this Markdown is too costly to parse, here: 81 brackets, backticks, emphasis marks, < and ( so far in a paragraph of 262146 bytes; the limit on parse work is 20971648 units for this file (64 per byte, plus 4 Mi): split long paragraphs, or escape the markers with a backslash"},
		{"8 MB of list items", strings.Repeat("- a\n", 2<<20),
			"r.md:62501:1: error: more than 250000 Markdown elements in this file (lines, list and quote markers, and the punctuation that starts links, code, emphasis, quotes and tables); the limit is 250000: split the file"},
		{"HTML from references", "[r]: " + longURL + "\n\nText.\n\n" + strings.Repeat("[a][r] ", 300) + "\n",
			"r.md:5:1: error: this Markdown renders to more than 16 MB of HTML, from here on; the limit is 16 MB a page: split the file, or use fewer references to long link definitions and footnotes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if slow[c.name] && testing.Short() {
				t.Skip("slow; run without -short")
			}
			m := New([]string{"city"})
			doc := m.Parse("r.md", []byte(c.src))
			var got []string
			for _, p := range doc.Problems {
				got = append(got, p.String())
			}
			if err := m.Finish(doc, nil); err != nil {
				t.Fatal(err)
			}
			for _, p := range doc.Problems[len(got):] {
				got = append(got, p.String())
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

// TestFinishReleases checks that a finished doc keeps its HTML and text
// and nothing of the tree: a site holds every finished doc until its pages
// are written, so a tree kept by mistake (once, through the parse's cost
// counters) grows memory by some hundred bytes a byte of content.
func TestFinishReleases(t *testing.T) {
	m := New([]string{"city"})
	src := []byte(strings.Repeat(strings.Repeat("[m](city:mosul) ", 25)+"\n\n", 400)) // 160 KB, 10,000 annotations
	n := 10
	if testing.Short() {
		n = 3 // each doc takes a while to parse; the full run keeps 10
	}
	var docs []*Doc
	var kept int
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range n {
		doc := m.Parse("r.md", src)
		for _, l := range doc.Links {
			l.Href = "../../cities/mosul/index.html"
		}
		if err := m.Finish(doc, nil); err != nil {
			t.Fatal(err)
		}
		kept += len(doc.html) + len(doc.text) + len(doc.first)
		docs = append(docs, doc)
	}
	runtime.GC()
	runtime.GC() // the second empties the pool of buffers
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(docs)
	// The text is built in a buffer the size of the source, so it may
	// hold up to that much.
	if grew, limit := int(after.HeapAlloc)-int(before.HeapAlloc), kept+n*len(src)+1<<20; grew > limit {
		t.Errorf("%d finished docs hold %d bytes; their HTML and text are %d, the bound %d", n, grew, kept, limit)
	}
}
