// Command floor is the benchmark floor for gazette: plain goldmark turning
// the same report bodies into HTML and writing one file each, in parallel,
// and nothing else. A generator cannot do its job in less time than this.
//
//	go run ./internal/markup/floor -C /tmp/site10k -out /tmp/floor10k
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	dir := flag.String("C", ".", "project folder holding content/reports")
	out := flag.String("out", "", "output folder")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*dir, "content", "reports", "*.md"))
	if err != nil || *out == "" {
		fmt.Fprintln(os.Stderr, "floor: need -C with content/reports and -out")
		os.Exit(2)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer))
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for f := range next {
				src, err := os.ReadFile(f)
				if err != nil {
					panic(err)
				}
				// Skip the front matter: the floor converts bodies only.
				if bytes.HasPrefix(src, []byte("---\n")) {
					if i := bytes.Index(src[4:], []byte("\n---\n")); i >= 0 {
						src = src[4+i+5:]
					}
				}
				buf.Reset()
				if err := md.Convert(src, &buf); err != nil {
					panic(err)
				}
				name := filepath.Base(f)
				d := filepath.Join(*out, name[:len(name)-3])
				if err := os.MkdirAll(d, 0o755); err != nil {
					panic(err)
				}
				if err := os.WriteFile(filepath.Join(d, "index.html"), buf.Bytes(), 0o644); err != nil {
					panic(err)
				}
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	fmt.Printf("floor: %d bodies\n", len(files))
}
