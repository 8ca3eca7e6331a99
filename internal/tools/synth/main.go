// Command synth writes a synthetic gazette site, or the same corpus as a
// Hugo site, for benchmarks. See package gazette/internal/synth.
//
//	go run ./internal/tools/synth -n 10000 -out /tmp/site10k
//	go run ./internal/tools/synth -n 10000 -out /tmp/hugo10k -hugo
package main

import (
	"flag"
	"fmt"
	"os"

	"gazette/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of reports")
	out := flag.String("out", "", "folder to write the site into (must not exist)")
	seed := flag.Uint64("seed", 1, "random seed")
	hugo := flag.Bool("hugo", false, "write a Hugo site instead of a gazette site")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "synth: -out is required")
		os.Exit(2)
	}
	if err := synth.Write(*out, *n, *seed, *hugo); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
