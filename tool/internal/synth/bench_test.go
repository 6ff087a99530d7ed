package synth

import "testing"

// BenchmarkArticle measures the generation of one article with its teasers.
func BenchmarkArticle(b *testing.B) {
	c := New(Options{N: 100000, Seed: 1})
	i := 0
	for b.Loop() {
		_ = c.Scrape(c.Article(i % 100000))
		i += 7919
	}
}
