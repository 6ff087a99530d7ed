package enrich

import (
	"slices"
	"sort"
	"strings"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// prefixWords is how many words of a teaser must match the start of an article's text for the
// excerpt index to consider it; shorter teasers match titles only.
const prefixWords = 5

// indexedWords bounds how much of each article's text the excerpt index keeps for checking.
const indexedWords = 120

// target is an article a teaser may announce.
type target struct {
	page   string
	title  string // folded
	author map[string]bool
}

// relatedIndex finds the article a teaser announces by its URL, its title, or its excerpt,
// in time proportional to the teaser and its matches: an exact map for URLs and titles, and
// the first words of every title, subtitle and body, each text one string of its folded
// words between spaces, sorted, where the texts a teaser begins are one run, found by binary
// search. Many articles may open alike ("Le conseil municipal de ..."): a teaser looks at the
// texts it begins, not at every text that opens as it does. A space sorts before any byte of
// a folded word, so the texts sort as their sequences of words would.
type relatedIndex struct {
	byURL   map[string][]*target
	byTitle map[string][]*target
	texts   []text // sorted by words
}

// text is the start of a text of an article, in the excerpt index: its folded words, up to
// indexedWords of them, joined by spaces, and how many.
type text struct {
	words string
	n     int
	t     *target
}

func newRelatedIndex(articles []*article.Article) *relatedIndex {
	idx := &relatedIndex{byURL: map[string][]*target{}, byTitle: map[string][]*target{}}
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
		for _, s := range []string{a.Title, a.Subtitle, bodyStart(a)} {
			if ws, n := joinedWords(s, indexedWords); n >= prefixWords {
				idx.texts = append(idx.texts, text{ws, n, t})
			}
		}
	}
	slices.SortFunc(idx.texts, func(x, y text) int { return strings.Compare(x.words, y.words) })
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

// bodyStart returns the first words of an article's body, across paragraphs, in one string
// of the size it needs.
func bodyStart(a *article.Article) string {
	size := 0
	for _, bl := range a.Body {
		if bl.Kind == article.Image {
			continue
		}
		if size += len(bl.Text) + 1; size > indexedWords*12 {
			break
		}
	}
	var b strings.Builder
	b.Grow(size)
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
	var matches []*target
	for _, x := range idx.begun(ws) {
		if !slices.Contains(matches, x.t) { // another of its texts
			matches = append(matches, x.t)
		}
	}
	return pick(matches, t, self)
}

// begun returns the texts of the index that the teaser's words begin, the last word of the
// teaser maybe cut short, as teasers are cut mid-word: the texts that start with the
// teaser's words joined, one run. A teaser longer than what the index keeps of a text begins
// the texts of that length that it starts with: those equal to as many of its words.
func (idx *relatedIndex) begun(ws []string) []text {
	q := strings.Join(ws[:min(len(ws), indexedWords)], " ")
	lo, _ := slices.BinarySearchFunc(idx.texts, q, func(x text, q string) int { return strings.Compare(x.words, q) })
	hi := lo
	if len(ws) > indexedWords {
		for hi < len(idx.texts) && idx.texts[hi].words == q {
			hi++
		}
		return idx.texts[lo:hi]
	}
	for hi < len(idx.texts) && strings.HasPrefix(idx.texts[hi].words, q) {
		hi++
	}
	return idx.texts[lo:hi]
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
