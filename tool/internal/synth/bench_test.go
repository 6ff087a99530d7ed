package synth

import (
	"path"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

// BenchmarkArticle measures the generation of one article with its teasers.
func BenchmarkArticle(b *testing.B) {
	c := New(Options{N: 100000, Seed: 1})
	i := 0
	for b.Loop() {
		_ = c.Scrape(c.Article(i % 100000))
		i += 7919
	}
}

// BenchmarkRead measures the readers on generated scrapes, one layout a sub-benchmark, as an
// import reads them: package scrape on a file of a memory filesystem.
// Run it with: go test -run '^$' -bench Read ./tool/internal/synth/
func BenchmarkRead(b *testing.B) {
	const n = 400
	fsys := afero.NewMemMapFs()
	if err := New(Options{N: n, Seed: 1}).Write(fsys, "/out"); err != nil {
		b.Fatal(err)
	}
	c := New(Options{N: n, Seed: 1})
	byLayout, seen := map[Layout][]string{}, map[string]bool{}
	for i := range n {
		a := c.Article(i)
		if !seen[a.File] { // a JSON Lines file holds many records
			seen[a.File] = true
			byLayout[a.Layout] = append(byLayout[a.Layout], path.Join("/out", a.File))
		}
	}
	for _, ls := range LayoutShares {
		files := byLayout[ls.Layout]
		b.Run(string(ls.Layout), func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := scrape.Read(fsys, files[i%len(files)], scrape.Options{}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
