package site

import (
	"fmt"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

// BenchmarkSimilarFiles measures what Options.Similar adds to a build: reading every page back
// and listing its similar pages, for sites of writers' pages sharing one tag.
func BenchmarkSimilarFiles(b *testing.B) {
	for _, n := range []int{2000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			fsys := afero.NewMemMapFs()
			for i := range n {
				page := fmt.Sprintf("---\ntitle: Chronique n°%d\nauthors: [Plume %d]\ntags: [Valmont, Quartier %d, Dossier %d]\n---\nLe quartier suit le dossier de près.\n\nLa commission se réunit jeudi.\n", i, i%12, i%10, i*37%(n/10))
				if err := afero.WriteFile(fsys, fmt.Sprintf("/site/content/articles/c%d/index.md", i), []byte(page), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for b.Loop() {
				pages, _ := bundle.Target{}.LoadPages(fsys, "/site/content", nil)
				if _, err := similarFiles(pages); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
