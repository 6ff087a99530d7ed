// Command kiosque-synth writes a generated corpus of scrapes (see package synth) into a
// folder: go run ./tool/internal/synth/cmd/kiosque-synth -n 10000 -seed 1 -o DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "seed of the world and the corpus")
	out := flag.String("o", "scrapes", "output folder, created if missing")
	flag.Parse()
	if flag.NArg() > 0 || *n < 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := synth.New(synth.Options{N: *n, Seed: *seed}).Write(afero.NewOsFs(), *out); err != nil {
		fmt.Fprintf(os.Stderr, "kiosque-synth: error: %v\n", err)
		os.Exit(1)
	}
}
