package enrich

import (
	"crypto/sha256"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// fingerprintWords is how many words of the body identify an article across scrapes.
const fingerprintWords = 60

// Duplicate is one scrape found to hold an article already in the corpus.
type Duplicate struct {
	// Article is the scrape that is not imported on its own.
	Article *article.Article
	// Of is the article it duplicates; its Page is set when that article is already placed.
	Of *article.Article
}

// fingerprint identifies an article's text whatever the page furniture around it: its folded
// title and the first words of its body. Two scrapes of one article share it.
func fingerprint(a *article.Article) [sha256.Size]byte {
	start, _ := joinedWords(bodyStart(a), fingerprintWords)
	return sha256.Sum256([]byte(key(a.Title) + "\x00" + start))
}

// Dedupe returns the articles with every duplicate removed, and the duplicates. An article is
// a duplicate when an earlier one (existing articles first, then articles in order) has the
// same title and body start, or the same address. The article kept records the duplicate's
// source (its address becomes an alias) and gains the teasers it lacked.
func Dedupe(articles, existing []*article.Article) ([]*article.Article, []Duplicate) {
	seen := map[[sha256.Size]byte]*article.Article{}
	byURL := map[string]*article.Article{}
	remember := func(a *article.Article, fp [sha256.Size]byte) {
		seen[fp] = a
		for _, u := range articleURLs(a) {
			if _, ok := byURL[u]; !ok {
				byURL[u] = a
			}
		}
	}
	old := map[*article.Article]bool{}
	for _, e := range existing {
		old[e] = true
		if len(e.Body) > 0 {
			remember(e, fingerprint(e))
		}
	}
	var kept []*article.Article
	var dups []Duplicate
	for _, a := range articles {
		fp := fingerprint(a)
		of := seen[fp]
		if of == nil {
			if u := article.URLKey(a.Source.URL); u != "" {
				of = byURL[u]
			}
		}
		if of == nil || len(a.Body) == 0 {
			kept = append(kept, a)
			remember(a, fp)
			continue
		}
		dups = append(dups, Duplicate{Article: a, Of: of})
		if old[of] {
			continue // already written, and not by this import: left alone
		}
		of.Duplicates = append(of.Duplicates, a.Source)
		have := map[string]bool{}
		for _, t := range of.Related {
			have[key(t.Title)] = true
		}
		for _, t := range a.Related {
			if !have[key(t.Title)] {
				have[key(t.Title)] = true
				of.Related = append(of.Related, t)
			}
		}
		if len(of.Authors) == 0 {
			of.Authors = a.Authors
		}
	}
	return kept, dups
}
