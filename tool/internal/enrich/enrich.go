package enrich

import (
	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// Options tune the enrichment.
type Options struct {
	// DefaultAuthor bylines articles whose scrape names nobody.
	DefaultAuthor string
	// Tags maps tag aliases to canonical tags and bans tags (data/tags.yaml); nil for none.
	Tags *Vocabulary
	// Authors maps author aliases to names (data/authors.yaml); nil for none.
	Authors *Vocabulary
	// Similar is how many similar articles to list per article; 0 means DefaultSimilar and a
	// negative value none.
	Similar int
}

// Corpus enriches the articles in place, over the corpus they form with the existing ones
// (already in the site, left unchanged): author names normalised and completed, tags derived,
// teasers resolved to the articles they announce, and similar articles listed. Every article
// must already have its Page.
func Corpus(articles, existing []*article.Article, opts Options) {
	all := make([]*article.Article, 0, len(articles)+len(existing))
	all = append(all, articles...)
	all = append(all, existing...)

	authors(articles, existing, opts)
	tagCorpus(articles, existing, opts.Tags)

	idx := newRelatedIndex(all)
	eachPart(len(articles), func(lo, hi int) { // the index is only read
		for _, a := range articles[lo:hi] {
			for i := range a.Related {
				t := &a.Related[i]
				if t.Page == a.Page {
					t.Page = "" // never a link to itself
				}
				if t.Page == "" {
					t.Page = idx.resolve(*t, a.Page)
				}
			}
		}
	})

	k := opts.Similar
	if k == 0 {
		k = DefaultSimilar
	}
	want := make(map[*article.Article]bool, len(articles))
	for _, a := range articles {
		want[a] = true
	}
	similarity(all, want, k)
}

// authors normalises the bylines of articles and teasers, completes abbreviated names from
// the corpus ("K. Amirzayan" -> "Krikor Amirzayan" when one name fits), and gives articles
// without a byline the default author.
func authors(articles, existing []*article.Article, opts Options) {
	var full []string
	for _, a := range articles {
		var names []string
		for _, n := range a.Authors {
			names = append(names, SplitAuthors(n, opts.Authors)...)
		}
		a.Authors = dedupeNames(names)
		full = append(full, a.Authors...)
		for i := range a.Related {
			if a.Related[i].Author != "" {
				a.Related[i].Author = joinNames(SplitAuthors(a.Related[i].Author, opts.Authors))
				full = append(full, a.Related[i].Author)
			}
		}
	}
	for _, e := range existing {
		full = append(full, e.Authors...)
	}
	idx := newInitialIndex(full)
	for _, a := range articles {
		for i, n := range a.Authors {
			a.Authors[i] = idx.complete(n)
		}
		a.Authors = dedupeNames(a.Authors)
		if len(a.Authors) == 0 && opts.DefaultAuthor != "" {
			a.Authors = []string{opts.DefaultAuthor}
		}
		for i := range a.Related {
			a.Related[i].Author = idx.complete(a.Related[i].Author)
		}
	}
}

// joinNames keeps the first name of a teaser's byline: a teaser has one author field.
func joinNames(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[0]
}
