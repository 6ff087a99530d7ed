package enrich

import (
	"maps"
	"sort"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// SharedTagsFrom is the size of corpus from which derived tags must be shared: from this many
// articles on (imported and already in the site), an article keeps the names it shares with
// another article, and a name of its own only when it shares none, for a tag page that lists
// one article serves no reader. A smaller corpus, such as a first handful of scrapes, keeps
// each article's best names.
const SharedTagsFrom = 50

// tagCorpus derives the tags of the articles: the names each mentions, weighed by salience in
// the article and rarity in the corpus (TF-IDF over names), shared with other articles, and
// printed in the form the corpus uses most. Tags an article already carries (given by its
// scrape) come first, mapped through the vocabulary.
func tagCorpus(articles, existing []*article.Article, vocab *Vocabulary) {
	cands, df := corpusCandidates(articles, vocab)
	uses := map[string]int{}
	for _, e := range existing {
		for _, t := range e.Tags {
			df[key(t)]++
			uses[key(t)]++
		}
	}
	n := len(articles) + len(existing)
	given := make([][]string, len(articles))
	lists := make([][]*candidate, len(articles))
	chosen := make([][]*candidate, len(articles))
	for i, a := range articles {
		given[i] = givenTags(a, vocab)
		lists[i] = ranked(cands[i], n, df)
		eligible := lists[i]
		if n >= SharedTagsFrom {
			eligible = sharedOnly(lists[i], df)
		}
		chosen[i] = selectTags(eligible, MaxTags-len(given[i]))
		if len(chosen[i]) == 0 && len(given[i]) == 0 {
			chosen[i] = selectTags(lists[i], 1) // its best name rather than none
		}
	}
	if n >= SharedTagsFrom {
		shareTags(lists, chosen, given, uses)
	}
	forms := corpusForms(cands)
	for i, a := range articles {
		tags := given[i]
		for _, c := range chosen[i] {
			tags = append(tags, forms[c.key])
		}
		a.Tags = dedupeNames(tags)
	}
}

// corpusCandidates returns the names each article mentions, and in how many articles each
// name is (its document frequency). Tokenizing and reading the names of each article are
// spread over the cores: the lexicon of the whole corpus, which names are read with, is the
// union of what each part learns. Between the two, each part keeps its articles' tokens
// packed (see packedText): a corpus holds millions of them.
func corpusCandidates(articles []*article.Article, vocab *Vocabulary) ([]map[string]*candidate, map[string]int) {
	docs := make([]packedText, len(articles))
	parts := inParts(len(articles), func(lo, hi int) *lexicon {
		lex, words := newLexicon(), newWordTable()
		for i := lo; i < hi; i++ {
			title, body := tokenize(articles[i].Title), bodyTokens(articles[i])
			lex.learn(title)
			for _, p := range body {
				lex.learn(p)
			}
			docs[i] = words.pack(title, body)
		}
		return lex
	})
	lex := newLexicon()
	for _, l := range parts {
		maps.Copy(lex.lower, l.lower)
		maps.Copy(lex.midCap, l.midCap)
	}
	cands := make([]map[string]*candidate, len(articles))
	eachPart(len(articles), func(lo, hi int) {
		var u unpacker
		for i := lo; i < hi; i++ {
			title, body := u.unpack(docs[i])
			cands[i] = lex.candidates(title, body, nameWordsOf(articles[i]), vocab)
			docs[i] = packedText{}
		}
	})
	df := map[string]int{}
	for i := range articles {
		for k := range cands[i] {
			df[k]++
		}
	}
	return cands, df
}

// givenTags returns the tags an article's scrape gave it, mapped through the vocabulary.
func givenTags(a *article.Article, vocab *Vocabulary) []string {
	var tags []string
	for _, t := range a.Tags {
		if c, ok := vocab.Canonical(t); ok {
			t = c
		}
		if t = squash(t); t != "" && !vocab.Banned(t) {
			tags = append(tags, t)
		}
	}
	return dedupeNames(tags)
}

// ranked returns an article's candidates scored and best first.
func ranked(cands map[string]*candidate, n int, df map[string]int) []*candidate {
	list := make([]*candidate, 0, len(cands))
	for _, k := range sortedCandidateKeys(cands) {
		c := cands[k]
		c.score = salience(c) * idf(n, df[k])
		list = append(list, c)
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		if list[i].first != list[j].first {
			return list[i].first < list[j].first
		}
		return list[i].key < list[j].key
	})
	return list
}

// sharedOnly keeps the candidates another article of the corpus names too.
func sharedOnly(list []*candidate, df map[string]int) []*candidate {
	var out []*candidate
	for _, c := range list {
		if df[c.key] >= 2 {
			out = append(out, c)
		}
	}
	return out
}

// shareTags makes the chosen tags shared. An article first takes the names it mentions that
// exactly one other article carries, so that their tag page lists two (a profile's subject,
// named once in another article), and others that another article carries, until it has
// MinTags shared tags; never more than MaxTags. Then it drops the tags no other article
// carries, unless that would leave it none (it keeps its best). uses counts the articles that
// carry each tag, the site's existing pages included.
func shareTags(lists, chosen [][]*candidate, given [][]string, uses map[string]int) {
	carried := make([]map[string]bool, len(chosen))
	for i := range chosen {
		carried[i] = map[string]bool{}
		for _, t := range given[i] {
			carried[i][key(t)] = true
		}
		for _, c := range chosen[i] {
			carried[i][c.key] = true
		}
		for k := range carried[i] {
			uses[k]++
		}
	}
	for i := range chosen {
		shared := 0
		for k := range carried[i] {
			if uses[k] >= 2 {
				shared++
			}
		}
		for _, c := range lists[i] {
			if len(carried[i]) >= MaxTags {
				break
			}
			if !carried[i][c.key] && (uses[c.key] == 1 || shared < MinTags && uses[c.key] >= 1) {
				chosen[i] = append(chosen[i], c)
				carried[i][c.key] = true
				uses[c.key]++
				shared++
			}
		}
	}
	for i := range chosen {
		var keep []*candidate
		for _, c := range chosen[i] {
			if uses[c.key] >= 2 {
				keep = append(keep, c)
			}
		}
		if len(keep) == 0 && len(given[i]) == 0 && len(chosen[i]) > 0 {
			keep = chosen[i][:1]
		}
		chosen[i] = keep
	}
}

// corpusForms returns the form to print for every name of the corpus: the one its articles use
// most, the first in alphabetical order on ties, so that "Cour des comptes" and "Cour des
// Comptes" are one tag printed one way.
func corpusForms(cands []map[string]*candidate) map[string]string {
	counts := map[string]map[string]int{}
	for _, m := range cands {
		for k, c := range m {
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			for f, n := range c.forms {
				counts[k][f] += n
			}
			if len(c.forms) == 0 {
				counts[k][c.display()]++
			}
		}
	}
	forms := make(map[string]string, len(counts))
	for k, fs := range counts {
		best, bestN := "", 0
		for f, n := range fs {
			if n > bestN || n == bestN && f < best {
				best, bestN = f, n
			}
		}
		forms[k] = best
	}
	return forms
}
