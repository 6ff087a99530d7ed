package enrich

import (
	"math"
	"sort"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// DefaultSimilar is how many similar articles each article lists by default.
const DefaultSimilar = 5

// authorWeight scales the weight of a shared author against a shared tag of the same rarity.
const authorWeight = 0.4

// subjectFloor is the relevance floor of a similar article: the subjects (tags) it shares
// must weigh at least this share of what the closest article shares. Below it, a list stays
// shorter rather than show a page a reader would find unrelated.
const subjectFloor = 0.5

// Similar fills the Similar list of every article, over the corpus they form, by the tags and
// authors they share: at most k paths each (DefaultSimilar when k <= 0). Unlike Corpus, it
// leaves everything else as it is, so it suits pages read back from a site. Every article must
// have its Page.
func Similar(articles []*article.Article, k int) {
	if k <= 0 {
		k = DefaultSimilar
	}
	want := make(map[*article.Article]bool, len(articles))
	for _, a := range articles {
		want[a] = true
	}
	similarity(articles, want, k)
}

// similarity fills Similar for the articles in want, over the whole corpus all, with an
// inverted index from each tag and author to the articles bearing it. An article is similar
// only through shared subjects, its tags (the people, places and organisations its text
// names): a shared author adds weight to a shared subject but never makes a link alone, so
// that a default byline ("La rédaction") links nothing. Subjects worth less than subjectFloor
// of the closest article's are left out. A feature borne by more than maxPosting articles (a
// tag on every page) says little and would make the cost quadratic: it is skipped. Cost is
// about the sum of the postings walked.
func similarity(all []*article.Article, want map[*article.Article]bool, k int) {
	n := len(all)
	if k <= 0 || n < 2 {
		return
	}
	maxPosting := max(50, n/20)
	index := map[string]*feature{}
	feats := make([][]*feature, n)
	add := func(i int, name string, w float64) {
		f := index[name]
		if f == nil {
			f = &feature{weight: w, subject: name[0] == 't'}
			index[name] = f
		}
		if l := len(f.posting); l > 0 && f.posting[l-1] == int32(i) {
			return
		}
		f.posting = append(f.posting, int32(i))
		feats[i] = append(feats[i], f)
	}
	for i, a := range all {
		for _, t := range a.Tags {
			add(i, "t\x00"+key(t), 1)
		}
		for _, au := range a.Authors {
			add(i, "a\x00"+key(au), authorWeight)
		}
	}
	for _, f := range index {
		f.weight *= math.Log(float64(n)/float64(len(f.posting))) + 1
	}
	pages := pageIDs(all)
	// Each article's list is its own: the articles are spread over the cores, each part with
	// its own scores.
	eachPart(n, func(lo, hi int) {
		sc := &scorer{all: all, pages: pages, feats: feats, maxPosting: maxPosting, scores: make([]float64, n), subjects: make([]float64, n)}
		for i := lo; i < hi; i++ {
			if want[all[i]] {
				all[i].Similar = sc.similar(i, k)
			}
		}
	})
}

// pageIDs numbers the pages of all: articles of one page share its number, articles without
// a page have -1. Scoring compares numbers where it would compare paths, once per article of
// every posting walked.
func pageIDs(all []*article.Article) []int32 {
	ids := make([]int32, len(all))
	seen := make(map[string]int32, len(all))
	for i, a := range all {
		if a.Page == "" {
			ids[i] = -1
			continue
		}
		id, ok := seen[a.Page]
		if !ok {
			id = int32(len(seen))
			seen[a.Page] = id
		}
		ids[i] = id
	}
	return ids
}

// feature is a tag or an author of the corpus, with the articles bearing it.
type feature struct {
	posting []int32
	weight  float64
	subject bool
}

// scorer scores the articles of a corpus against one article at a time.
type scorer struct {
	all        []*article.Article
	pages      []int32      // each article's page (pageIDs)
	feats      [][]*feature // each article's features
	maxPosting int
	scores     []float64
	subjects   []float64 // the part of scores that shared subjects make
	touched    []int32
}

// similar returns the pages of the (at most k) articles most similar to all[i].
func (sc *scorer) similar(i, k int) []string {
	all, scores, subjects, pages, self := sc.all, sc.scores, sc.subjects, sc.pages, sc.pages[i]
	touched := sc.touched[:0]
	for _, f := range sc.feats[i] {
		if len(f.posting) > sc.maxPosting {
			continue
		}
		for _, j := range f.posting {
			if p := pages[j]; p < 0 || p == self { // no page, or the article's own (itself)
				continue
			}
			if scores[j] == 0 {
				touched = append(touched, j)
			}
			scores[j] += f.weight
			if f.subject {
				subjects[j] += f.weight
			}
		}
	}
	best := 0.0
	for _, j := range touched {
		best = max(best, subjects[j])
	}
	var out []string
	for _, j := range topSimilar(touched, scores, subjects, subjectFloor*best, k, all) {
		out = append(out, all[j].Page)
	}
	for _, j := range touched {
		scores[j], subjects[j] = 0, 0
	}
	sc.touched = touched
	return out
}

// topSimilar returns, best first, the k articles of touched closest by score (then the most
// recent, then by page path) among those whose shared subjects weigh at least floor (and more
// than nothing). It keeps the k best in a sorted list as it goes rather than sorting every
// article touched: a popular subject touches thousands, of which five are listed.
func topSimilar(touched []int32, scores, subjects []float64, floor float64, k int, all []*article.Article) []int32 {
	before := func(x, y int32) bool {
		if scores[x] != scores[y] {
			return scores[x] > scores[y]
		}
		p, q := all[x], all[y]
		if !p.Date.Equal(q.Date) {
			return p.Date.After(q.Date)
		}
		return p.Page < q.Page
	}
	top := make([]int32, 0, k)
	for _, j := range touched {
		if subjects[j] <= 0 || subjects[j] < floor {
			continue
		}
		if len(top) == k && !before(j, top[k-1]) {
			continue
		}
		at := sort.Search(len(top), func(m int) bool { return before(j, top[m]) })
		if len(top) < k {
			top = append(top, 0)
		}
		copy(top[at+1:], top[at:len(top)-1])
		top[at] = j
	}
	return top
}
