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
	cities := flag.Int("cities", 0, "number of cities (default: one per 20 reports)")
	actors := flag.Int("actors", 0, "number of actors (default: one per 50 reports)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "synth: -out is required")
		os.Exit(2)
	}
	z := synth.SizeOf(*n)
	if *cities > 0 {
		z.Cities = *cities
	}
	if *actors > 0 {
		z.Actors = *actors
	}
	if err := synth.WriteSize(*out, z, *seed, *hugo); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
