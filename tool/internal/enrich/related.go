package enrich

import (
	"sort"
	"strings"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// prefixWords is how many words of a teaser must match the start of an article's text for the
// excerpt index to consider it; shorter teasers match titles only. A teaser is looked up by
// all its words but the last (which may be cut short), up to longPrefixWords: many articles
// may open alike ("Le conseil municipal de ..."), and the longer key keeps each lookup small.
const (
	prefixWords     = 5
	longPrefixWords = 12
)

// indexedWords bounds how much of each article's text the excerpt index keeps for checking.
const indexedWords = 120

// target is an article a teaser may announce.
type target struct {
	page   string
	title  string     // folded
	starts [][]string // folded words of the title, subtitle and body start
	author map[string]bool
}

// relatedIndex finds the article a teaser announces by its URL, its title, or its excerpt,
// in time proportional to the teaser: an exact map for URLs and titles, and a map from the
// first words of each title and body, from prefixWords to longPrefixWords of them, to the
// articles that start with them.
type relatedIndex struct {
	byURL    map[string][]*target
	byTitle  map[string][]*target
	byPrefix map[string][]*target
}

func newRelatedIndex(articles []*article.Article) *relatedIndex {
	idx := &relatedIndex{byURL: map[string][]*target{}, byTitle: map[string][]*target{}, byPrefix: map[string][]*target{}}
	for _, a := range articles {
		if a.Page == "" {
			continue
		}
		t := &target{page: a.Page, title: key(a.Title), author: map[string]bool{}}
		for _, n := range a.Authors {
			t.author[key(n)] = true
		}
		for _, u := range articleURLs(a) {
			idx.byURL[u] = appendTarget(idx.byURL[u], t)
		}
		if t.title != "" {
			idx.byTitle[t.title] = appendTarget(idx.byTitle[t.title], t)
		}
		texts := []string{a.Title, a.Subtitle, bodyStart(a)}
		for _, s := range texts {
			ws := words(s, indexedWords)
			if len(ws) < prefixWords {
				continue
			}
			t.starts = append(t.starts, ws)
			// One string holds the longest key; the shorter ones are its prefixes.
			long := strings.Join(ws[:min(len(ws), longPrefixWords)], " ")
			end := len(ws[0])
			for n := 2; n <= min(len(ws), longPrefixWords); n++ {
				end += 1 + len(ws[n-1]) // the space, then the word
				if n < prefixWords {
					continue
				}
				p := long[:end]
				idx.byPrefix[p] = appendTarget(idx.byPrefix[p], t)
			}
		}
	}
	return idx
}

// appendTarget adds t to a bucket once: an article's texts are indexed one after the other, so
// a repeat can only be the last entry.
func appendTarget(ts []*target, t *target) []*target {
	if n := len(ts); n > 0 && ts[n-1] == t {
		return ts
	}
	return append(ts, t)
}

// bodyStart returns the first words of an article's body, across paragraphs.
func bodyStart(a *article.Article) string {
	var b strings.Builder
	for _, bl := range a.Body {
		if bl.Kind == article.Image {
			continue
		}
		b.WriteString(bl.Text)
		b.WriteByte(' ')
		if b.Len() > indexedWords*12 {
			break
		}
	}
	return b.String()
}

// articleURLs returns the normalised addresses an article is known by.
func articleURLs(a *article.Article) []string {
	var out []string
	for _, raw := range []string{a.Source.URL, a.Source.Mirror} {
		if u := article.URLKey(raw); u != "" {
			out = append(out, u)
		}
	}
	for _, d := range a.Duplicates {
		if u := article.URLKey(d.URL); u != "" {
			out = append(out, u)
		}
	}
	return out
}

// resolve returns the page a teaser announces, never self, or "" when none matches.
func (idx *relatedIndex) resolve(t article.Teaser, self string) string {
	if u := article.URLKey(t.URL); u != "" {
		if p := pick(idx.byURL[u], t, self); p != "" {
			return p
		}
	}
	text := strings.TrimRight(strings.TrimSpace(t.Title), ".…")
	if p := pick(idx.byTitle[key(text)], t, self); p != "" {
		return p
	}
	ws := words(text, -1)
	if len(ws) < prefixWords+1 {
		return ""
	}
	// The teaser's last word may be cut short: the key holds only whole words. A text it
	// begins holds every other word of it (isPrefix), so it is under that key.
	bucket := idx.byPrefix[strings.Join(ws[:min(len(ws)-1, longPrefixWords)], " ")]
	var matches []*target
	for _, cand := range bucket {
		for _, start := range cand.starts {
			if isPrefix(ws, start) {
				matches = append(matches, cand)
				break
			}
		}
	}
	return pick(matches, t, self)
}

// isPrefix reports whether the teaser's words begin the text's; the teaser's last word may be
// cut short, as teasers are cut mid-word. A teaser longer than what the index keeps matches on
// that much.
func isPrefix(teaser, text []string) bool {
	for i, w := range teaser {
		if i >= len(text) {
			return len(text) >= indexedWords
		}
		if w == text[i] {
			continue
		}
		return i == len(teaser)-1 && strings.HasPrefix(text[i], w)
	}
	return true
}

// pick chooses among matching articles: never self; on ties, the one by the teaser's author,
// else the first by page path.
func pick(ts []*target, t article.Teaser, self string) string {
	var ok []*target
	for _, x := range ts {
		if x.page != self {
			ok = append(ok, x)
		}
	}
	if len(ok) == 0 {
		return ""
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i].page < ok[j].page })
	if t.Author != "" {
		for _, x := range ok {
			if x.author[key(t.Author)] {
				return x.page
			}
		}
	}
	return ok[0].page
}
