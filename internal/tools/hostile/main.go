// Command hostile writes a small gazette project whose one report has a
// body of a hostile shape, to measure what gazette does with it:
//
//	go run ./internal/tools/hostile -shape table -size 8MB -out /tmp/h
//	go run ./internal/tools/hostile -shape brackets -size 12KB -reports 100 -out /tmp/h
//	go build -o /tmp/gazette ./cmd/gazette
//	/usr/bin/time -v /tmp/gazette build -C /tmp/h
//
// The shapes are the inputs that make a CommonMark parser, or a site
// generator, do more than linear work or write more than linear output;
// README.md's Security section gives the limits that bound each.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// units is the number of units in a paragraph of the -blocks shapes.
var units = flag.Int("units", 60, "units per paragraph, for the -blocks shapes")

// shapes write a body of about size bytes into b.
var shapes = map[string]func(b *bytes.Buffer, size int){
	// A table with a wide header and delimiter row and many one-cell rows,
	// which a GFM parser pads to the header's width.
	"table": func(b *bytes.Buffer, size int) {
		cols := size / 6
		b.WriteString("|" + strings.Repeat("a|", cols) + "\n")
		b.WriteString("|" + strings.Repeat("-|", cols) + "\n")
		fill(b, size, "|a\n")
	},
	// One paragraph of emphasis openers that no closer matches (the
	// quadratic case of the Markdown parser's issue 555).
	"emphasis": func(b *bytes.Buffer, size int) { fill(b, size, "*a_") },
	// Paragraphs as full of unmatched emphasis, unclosed link
	// destinations or code spans as the limit on parse work lets through:
	// the most work a body can make the Markdown parser do.
	"emphasis-blocks":  func(b *bytes.Buffer, size int) { paragraphs(b, size, "*a_", *units) },
	"brackets-blocks":  func(b *bytes.Buffer, size int) { paragraphs(b, size, "[a](", *units) },
	"backticks-blocks": func(b *bytes.Buffer, size int) { paragraphs(b, size, "\\``", *units) },
	// As many footnotes as allowed, each referenced many times.
	"footnote-refs": func(b *bytes.Buffer, size int) {
		for i := range 1000 {
			b.WriteString("[^" + strconv.Itoa(i) + "]: y\n\n")
		}
		for i := 0; b.Len() < size; i++ {
			b.WriteString("x[^" + strconv.Itoa(i%1000) + "] ")
			if i%50 == 49 {
				b.WriteString("\n\n")
			}
		}
	},
	// As many table cells as allowed, then short lines.
	"table-max": func(b *bytes.Buffer, size int) {
		b.WriteString("|" + strings.Repeat("a|", 128) + "\n|" + strings.Repeat("-|", 128) + "\n")
		b.WriteString(strings.Repeat("|a\n", 780) + "\n")
		fill(b, size, "a\n")
	},
	// Shapes that make many nodes per byte.
	"list":     func(b *bytes.Buffer, size int) { fill(b, size, "- a\n") },
	"quotes":   func(b *bytes.Buffer, size int) { fill(b, size, "> a\n\n") },
	"lines":    func(b *bytes.Buffer, size int) { fill(b, size, "a\\\n") },
	"soft":     func(b *bytes.Buffer, size int) { fill(b, size, "a\n") },
	"emph":     func(b *bytes.Buffer, size int) { fill(b, size, "*a* ") },
	"headings": func(b *bytes.Buffer, size int) { fill(b, size, "# a\n") },
	// Reference definitions, one a line.
	"refs": func(b *bytes.Buffer, size int) {
		for i := 0; b.Len() < size; i++ {
			b.WriteString("[r" + strconv.Itoa(i) + "]: /u\n")
		}
	},
	// Annotations of one city, in one paragraph.
	"annotations": func(b *bytes.Buffer, size int) { fill(b, size, "[m](city:mosul) ") },
	// Annotations, 25 to a paragraph.
	"annotation-blocks": func(b *bytes.Buffer, size int) { paragraphs(b, size, "[m](city:mosul) ", 25) },
	// Links, plain.
	"links": func(b *bytes.Buffer, size int) { fill(b, size, "[a](b) ") },
	// Link openers that never close.
	"brackets": func(b *bytes.Buffer, size int) { fill(b, size, "[a](") },
	// Backtick runs that no later run closes.
	"backticks": func(b *bytes.Buffer, size int) { fill(b, size, "\\``") },
	// Footnote references and definitions.
	"footnotes": func(b *bytes.Buffer, size int) {
		for i := 0; b.Len() < size; i++ {
			n := strconv.Itoa(i)
			b.WriteString("x[^" + n + "]\n\n[^" + n + "]: y\n\n")
		}
	},
}

// paragraphs writes paragraphs of n units each.
func paragraphs(b *bytes.Buffer, size int, unit string, n int) {
	for b.Len() < size {
		b.WriteString(strings.Repeat(unit, n) + "\n\n")
	}
}

func fill(b *bytes.Buffer, size int, unit string) {
	for b.Len() < size {
		b.WriteString(unit)
	}
}

func main() {
	shape := flag.String("shape", "", "body shape: "+strings.Join(names(), ", "))
	size := flag.String("size", "1MB", "body size, in bytes, KB or MB")
	out := flag.String("out", "", "project folder to write (replaced)")
	reports := flag.Int("reports", 1, "number of reports, each of -size")
	flag.Parse()
	gen, ok := shapes[*shape]
	n, err := parseSize(*size)
	if !ok || err != nil || *out == "" {
		fmt.Fprintln(os.Stderr, "hostile: need -shape (one of "+strings.Join(names(), ", ")+"), -size and -out")
		os.Exit(2)
	}
	var body bytes.Buffer
	body.WriteString("---\ntitle: Hostile\ndate: 2016-01-01\ncities: [mosul]\nactors: [isil]\nsources: [{publisher: P}]\n---\n")
	gen(&body, n)
	body.WriteString("\n")
	files := map[string][]byte{
		"content/site.yaml":       []byte("title: Hostile\nlanguage: en\nkinds:\n  - {id: city, plural: cities}\n  - {id: actor, plural: actors}\n"),
		"content/cities/mosul.md": []byte("---\nname: Mosul\n---\nA city.\n"),
		"content/actors/isil.md":  []byte("---\nname: ISIL\n---\nAn actor.\n"),
	}
	for i := range *reports {
		files[fmt.Sprintf("content/reports/2016-01-01-hostile-%d.md", i)] = body.Bytes()
	}
	if err := os.RemoveAll(*out); err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
	for name, data := range files {
		p := filepath.Join(*out, name)
		err := os.MkdirAll(filepath.Dir(p), 0o755)
		if err == nil {
			err = os.WriteFile(p, data, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "hostile:", err)
			os.Exit(1)
		}
	}
}

func names() []string {
	var s []string
	for k := range shapes {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

func parseSize(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(s, "MB"):
		s, mult = strings.TrimSuffix(s, "MB"), 1<<20
	case strings.HasSuffix(s, "KB"):
		s, mult = strings.TrimSuffix(s, "KB"), 1<<10
	}
	n, err := strconv.ParseFloat(s, 64)
	return int(n * float64(mult)), err
}
