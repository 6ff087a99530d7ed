package enrich

import (
	"strings"
	"unicode"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// Options tune the enrichment.
type Options struct {
	// DefaultAuthor bylines articles whose scrape names nobody.
	DefaultAuthor string
}

// Corpus enriches every article of the corpus in place. Articles must already have their Page.
func Corpus(articles []*article.Article, opts Options) {
	byTitle := make(map[string]string, len(articles))
	for _, a := range articles {
		if a.Page != "" {
			byTitle[titleKey(a.Title)] = a.Page
		}
	}
	for _, a := range articles {
		if len(a.Authors) == 0 && opts.DefaultAuthor != "" {
			a.Authors = []string{opts.DefaultAuthor}
		}
		for i := range a.Related {
			t := &a.Related[i]
			if t.Page != "" {
				continue
			}
			if p, ok := byTitle[titleKey(t.Title)]; ok && p != a.Page {
				t.Page = p
			}
		}
	}
}

// titleKey folds a title for matching: case, spacing, punctuation and apostrophe styles.
func titleKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}
