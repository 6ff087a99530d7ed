package enrich

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// Tag counts bound what an article gets.
const (
	MinTags = 3
	MaxTags = 8
)

// token is one word of a text, with what the words around it say about it.
type token struct {
	text      string // the word as printed, without an elided article ("OSCE" in "l’OSCE")
	key       string // folded
	cap       bool   // starts with a capital letter
	acronym   bool   // two letters or more, all capitals
	initial   bool   // opens a sentence or a quotation
	brk       bool   // punctuation stands between this word and the one before
	afterDet  bool   // follows a determiner ("l’", "le", "un", ...)
	honorific bool   // "M.", "Mme", "Dr"
	function  bool   // an elided article or a connector-like small word in lower case
}

// tokenize splits a paragraph into words, marking sentence openings and punctuation breaks.
func tokenize(s string) []token {
	var toks []token
	var word strings.Builder
	initial, brk := true, true
	afterDet := false
	emit := func(text string) {
		t := token{text: text, key: key(text), initial: initial, brk: brk, afterDet: afterDet}
		first, _ := utf8.DecodeRuneInString(text)
		t.cap = unicode.IsUpper(first)
		if t.cap {
			letters, upper := 0, 0
			for _, r := range text {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						upper++
					}
				}
			}
			t.acronym = letters >= 2 && upper == letters
		}
		afterDet = determiners[t.key]
		toks = append(toks, t)
		initial, brk = false, false
	}
	flush := func() string {
		w := strings.Trim(word.String(), "-‐")
		word.Reset()
		if w != "" {
			emit(w)
		}
		return w
	}
	runes := []rune(s)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			word.WriteRune(r)
		case r == '-' || r == '‐':
			word.WriteRune(r)
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘':
			if elisions[key(word.String())] && i+1 < len(runes) && unicode.IsLetter(runes[i+1]) {
				w := word.String()
				word.Reset()
				emit(w + "'")
				toks[len(toks)-1].function = true
				continue
			}
			if word.Len() > 0 && i+1 < len(runes) && unicode.IsLetter(runes[i+1]) {
				word.WriteRune('\'') // O'Brien, aujourd'hui
				continue
			}
			flush()
			brk = true
		case r == '.':
			w := flush()
			k := key(w)
			if w != "" && (honorifics[k] || isSingleCapital(w)) {
				toks[len(toks)-1].honorific = honorifics[k]
				if !honorifics[k] {
					toks[len(toks)-1].text += "."
				}
				continue
			}
			if i+1 < len(runes) && unicode.IsDigit(runes[i+1]) {
				continue
			}
			initial, brk = true, true
		case r == '!' || r == '?' || r == '…' || r == ':' || r == '«' || r == '“' || r == '"':
			flush()
			initial, brk = true, true
		case unicode.IsSpace(r):
			flush()
		default:
			flush()
			brk = true
			afterDet = false
		}
	}
	flush()
	return toks
}

func isSingleCapital(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// phrase is one proper-noun phrase found in a text.
type phrase struct {
	words []string
	keys  []string
}

func (p phrase) text() string { return strings.Join(p.words, " ") }
func (p phrase) key() string  { return strings.Join(p.keys, " ") }

// properWord reports whether t may be a word of a name.
func properWord(t token) bool {
	if !t.cap || t.honorific || t.function {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t.text)
	return !unicode.IsDigit(first) && utf8.RuneCountInString(t.text) > 1
}

// lexicon is what the whole corpus says about words: those seen in lower case, and those
// seen with a capital in the middle of a sentence.
type lexicon struct {
	lower  map[string]bool
	midCap map[string]bool
}

func newLexicon() *lexicon {
	return &lexicon{lower: map[string]bool{}, midCap: map[string]bool{}}
}

// learn records the words of a tokenized text.
func (l *lexicon) learn(toks []token) {
	for _, t := range toks {
		switch {
		case t.function:
		case !t.cap:
			l.lower[t.key] = true
		case !t.initial:
			l.midCap[t.key] = true
		}
	}
}

// opensName reports whether the word at toks[i] may open a name. A capitalised word at the
// start of a sentence opens one only when it is no common word: not a stop word, never seen in
// lower case, and either seen capitalised mid-sentence or followed by another name word.
func (l *lexicon) opensName(toks []token, i int) bool {
	t := toks[i]
	if !properWord(t) {
		return false
	}
	if t.acronym {
		return true
	}
	next := i+1 < len(toks) && !toks[i+1].brk && properWord(toks[i+1])
	if t.initial {
		if stopWords[t.key] || l.lower[t.key] {
			return false
		}
		return l.midCap[t.key] || next
	}
	if stopWords[t.key] {
		return next // "La Haye", "Les Verts"
	}
	return true
}

// phrases returns the proper-noun phrases of a tokenized paragraph.
func (l *lexicon) phrases(toks []token) []phrase {
	var out []phrase
	for i := 0; i < len(toks); {
		if !l.opensName(toks, i) {
			i++
			continue
		}
		parts := []token{toks[i]}
		j := i + 1
		for j < len(toks) && len(parts) < 8 {
			u := toks[j]
			if u.brk {
				break
			}
			if properWord(u) {
				parts = append(parts, u)
				j++
				continue
			}
			// Connectors join two names ("Groupe de Minsk", "Conseil d’État") but never an
			// acronym, which stands alone ("Minsk de l’OSCE" is two names).
			k := j
			for k < len(toks) && k-j < 2 && !toks[k].brk && !toks[k].cap && connectors[toks[k].key] {
				k++
			}
			if k > j && k < len(toks) && !toks[k].brk && properWord(toks[k]) && !toks[k].acronym {
				parts = append(parts, toks[j:k+1]...)
				j = k + 1
				continue
			}
			break
		}
		i = j
		if len(parts) > 1 && parts[0].afterDet && isDemonym(parts[0].key) {
			parts = parts[1:]
		}
		if len(parts) > 6 || allInitials(parts) {
			continue // a run of capitals this long is a headline in title case, not a name
		}
		out = append(out, makePhrase(parts))
	}
	return out
}

func allInitials(parts []token) bool {
	for _, p := range parts {
		if !strings.HasSuffix(p.text, ".") {
			return false
		}
	}
	return true
}

func isDemonym(k string) bool {
	for _, s := range demonymSuffixes {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}

// makePhrase joins the words of a name, restoring the case of shouted surnames
// ("Nicolas DARAGON" -> "Nicolas Daragon") and the elided article's apostrophe.
func makePhrase(parts []token) phrase {
	var p phrase
	mixed := false
	for _, t := range parts {
		if t.cap && !t.acronym {
			mixed = true
		}
	}
	for i := 0; i < len(parts); i++ {
		t := parts[i]
		w := t.text
		if mixed && t.acronym && utf8.RuneCountInString(w) >= 5 {
			w = titleWord(w)
		}
		if t.function && i+1 < len(parts) {
			w = strings.TrimSuffix(w, "'") + "’" + parts[i+1].text
			p.words = append(p.words, w)
			p.keys = append(p.keys, t.key, parts[i+1].key)
			i++
			continue
		}
		p.words = append(p.words, w)
		p.keys = append(p.keys, t.key)
	}
	return p
}

// titleWord returns w with a capital first letter and the rest in lower case, hyphen parts
// included ("JEAN-PIERRE" -> "Jean-Pierre").
func titleWord(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '\'' || r == '’'
	}
	return b.String()
}

// candidate is one name found in an article, with every form it took.
type candidate struct {
	key       string
	forms     map[string]int
	titleForm string
	count     int
	first     int // position of the first mention
	words     int
	inTitle   bool
	score     float64
}

// display returns the form to print: the most frequent in the body, the first in alphabetical
// order on ties, else the title's.
func (c *candidate) display() string {
	best, bestN := c.titleForm, 0
	forms := make([]string, 0, len(c.forms))
	for f := range c.forms {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		if n := c.forms[f]; n > bestN {
			best, bestN = f, n
		}
	}
	return best
}

// candidates gathers the names of one article, merging short mentions into the longer name
// they abbreviate ("Poutine" into "Vladimir Poutine", "Karabakh" into "Haut-Karabakh",
// "Minsk" into "Groupe de Minsk").
func (l *lexicon) candidates(title []token, body [][]token, vocab *Vocabulary) map[string]*candidate {
	cands := map[string]*candidate{}
	pos := 0
	add := func(p phrase, inTitle bool) {
		text := p.text()
		n := len(p.keys)
		if c, ok := vocab.Canonical(text); ok {
			text, n = c, len(words(c, -1))
		}
		k := key(text)
		if k == "" || vocab.Banned(text) {
			return
		}
		c := cands[k]
		if c == nil {
			c = &candidate{key: k, forms: map[string]int{}, first: pos, words: n}
			cands[k] = c
		}
		pos++
		if inTitle {
			c.inTitle = true
			if c.titleForm == "" {
				c.titleForm = text
			}
			return
		}
		c.forms[text]++
		c.count++
	}
	for _, p := range l.phrases(title) {
		add(p, true)
	}
	for _, para := range body {
		for _, p := range l.phrases(para) {
			add(p, false)
		}
	}
	keys := sortedCandidateKeys(cands)
	for _, k := range keys {
		c := cands[k]
		if c.words != 1 || strings.Contains(k, " ") {
			continue
		}
		var into *candidate
		for _, k2 := range keys {
			c2, ok := cands[k2]
			if !ok || c2 == c || c2.words < 2 && !strings.Contains(k2, " ") {
				continue
			}
			if strings.HasSuffix(k2, " "+k) && (into == nil || c2.count > into.count) {
				into = c2
			}
		}
		if into == nil {
			continue
		}
		into.count += c.count
		into.inTitle = into.inTitle || c.inTitle
		into.first = min(into.first, c.first)
		delete(cands, k)
	}
	return cands
}

func sortedCandidateKeys(m map[string]*candidate) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// salience weighs how much an article is about a name: its mentions, more when in the title.
func salience(c *candidate) float64 {
	s := float64(c.count)
	if c.inTitle {
		s += 2
	}
	return s
}

// selectTags picks an article's tags from its scored candidates: the best, up to MaxTags; names
// mentioned once only fill up to MinTags.
func selectTags(cands []*candidate) []string {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		if cands[i].first != cands[j].first {
			return cands[i].first < cands[j].first
		}
		return cands[i].key < cands[j].key
	})
	var tags []string
	seen := map[string]bool{}
	for pass := 0; pass < 2; pass++ {
		for _, c := range cands {
			if len(tags) >= MaxTags || pass == 1 && len(tags) >= MinTags {
				break
			}
			strong := salience(c) >= 2
			if pass == 0 && !strong || pass == 1 && strong {
				continue
			}
			d := c.display()
			if d == "" || seen[key(d)] {
				continue
			}
			seen[key(d)] = true
			tags = append(tags, d)
		}
	}
	return tags
}

// idf is the rarity of a name present in df of n articles.
func idf(n, df int) float64 {
	return math.Log(float64(n+1)/float64(df+1)) + 1
}

// bodyTokens tokenizes the text blocks of an article's body.
func bodyTokens(a *article.Article) [][]token {
	out := make([][]token, 0, len(a.Body))
	for _, b := range a.Body {
		if b.Kind == article.Image {
			continue
		}
		out = append(out, tokenize(b.Text))
	}
	return out
}
