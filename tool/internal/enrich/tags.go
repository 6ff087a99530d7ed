package enrich

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"github.com/kiosque-dev/kiosque/tool/internal/names"
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
	toks := make([]token, 0, strings.Count(s, " ")+1) // about a word a space
	word := wordBuf{src: s}
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
			// "Mme", "Dr", "Mgr" are written without a period in French.
			t.honorific = honorifics[t.key] && !t.acronym
		}
		afterDet = determiners[t.key]
		toks = append(toks, t)
		initial, brk = false, false
	}
	flush := func() string {
		w := strings.Trim(word.String(), "-‐")
		word.reset()
		if w != "" {
			emit(w)
		}
		return w
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		at := i
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			word.add(r, at, size)
		case r == '-' || r == '‐':
			word.add(r, at, size)
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘':
			next, _ := utf8.DecodeRuneInString(s[i:])
			letterNext := i < len(s) && unicode.IsLetter(next)
			if elisions[key(word.String())] && letterNext {
				w := word.String()
				word.reset()
				emit(w + "'")
				toks[len(toks)-1].function = true
				continue
			}
			if len(word.buf) > 0 && letterNext {
				word.add('\'', at, size) // O'Brien, aujourd'hui
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
			if next, _ := utf8.DecodeRuneInString(s[i:]); i < len(s) && unicode.IsDigit(next) {
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
	if len(toks) == 0 {
		return nil
	}
	return toks
}

// wordBuf gathers the runes of a word as tokenize reads them, and gives the word as a part of
// the text while its bytes are the text's own (no apostrophe changed, no invalid byte).
type wordBuf struct {
	src   string
	start int
	buf   []byte
	same  bool // buf is src[start : start+len(buf)]
}

// add appends r, read at byte at of the text where it takes size bytes.
func (w *wordBuf) add(r rune, at, size int) {
	n := len(w.buf)
	if n == 0 {
		w.start, w.same = at, true
	}
	w.buf = utf8.AppendRune(w.buf, r)
	// r is written as read unless it replaces another rune ('’' -> '\'') or an invalid
	// byte (utf8.RuneError), whose lengths differ.
	w.same = w.same && at == w.start+n && utf8.RuneLen(r) == size
}

// String returns the word gathered.
func (w *wordBuf) String() string {
	if w.same && len(w.buf) > 0 {
		return w.src[w.start : w.start+len(w.buf)]
	}
	return string(w.buf)
}

// reset empties the word, keeping its buffer.
func (w *wordBuf) reset() { w.buf = w.buf[:0] }

func isSingleCapital(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// phrase is one proper-noun phrase found in a text.
type phrase struct {
	words []string
	keys  []string
	// before holds the folded words just before the phrase in its sentence, nearest last,
	// so that "groupe de Minsk" can be told from "Minsk" alone.
	before []string
	// generic marks a phrase made of head nouns only ("Cour", "Haute Autorité"): it may
	// abbreviate a longer name of the article but names nothing by itself.
	generic bool
}

func (p phrase) text() string { return strings.Join(p.words, " ") }

// properWord reports whether t may be a word of a name.
func properWord(t token) bool {
	if !t.cap || t.honorific || t.function {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t.text)
	return !unicode.IsDigit(first) && utf8.RuneCountInString(t.text) > 1
}

// lowerNoun reports whether t may be the noun of a complement in lower case inside a name:
// "comptes" in "Cour des comptes".
func lowerNoun(t token) bool {
	if t.cap || t.function || t.honorific || stopWords[t.key] || connectors[t.key] || utf8.RuneCountInString(t.text) < 2 {
		return false
	}
	return !strings.ContainsFunc(t.text, unicode.IsDigit)
}

// The kinds of the last word of a name being read.
const (
	capWord  = iota // a capitalised word
	adjWord         // an adjective in lower case
	nounWord        // the noun of a complement in lower case
)

// maxNameTokens bounds the words of one name, connectors included.
const maxNameTokens = 16

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

// isTitle reports whether toks[i] is a role printed before a name ("Président Hugo Martel"),
// to be left out of it.
func isTitle(toks []token, i int, g *lang.NameWords) bool {
	return g.Titles[toks[i].key] && i+1 < len(toks) && !toks[i+1].brk && properWord(toks[i+1])
}

// phrases returns the proper-noun phrases of a tokenized paragraph, read with the name words
// of its language.
func (l *lexicon) phrases(toks []token, g *lang.NameWords) []phrase {
	var out []phrase
	for i := 0; i < len(toks); {
		if !l.opensName(toks, i) || isTitle(toks, i, g) {
			i++
			continue
		}
		start := lowerHeadBefore(toks, i, g)
		end := nameEnd(toks, start, i, g)
		parts := toks[start:end]
		var before []string
		for m := start - 1; m >= 0 && m >= start-4 && !toks[m+1].brk; m-- {
			before = append([]string{toks[m].key}, before...)
		}
		lowerHead := start < i
		i = end
		if !lowerHead && len(parts) > 1 && parts[0].afterDet && isDemonym(parts[0].key) {
			parts = parts[1:]
		}
		if capitals(parts) > 6 || allInitials(parts) {
			continue // a run of capitals this long is a headline in title case, not a name
		}
		p := makePhrase(parts, g)
		p.before = before
		p.generic = allHeads(parts, g)
		out = append(out, p)
	}
	return out
}

// lowerHeadBefore returns where a name opening at toks[i] really starts: at the head in lower
// case that the connectors before it follow ("ministère" in "ministère de l’Intérieur"), or at i.
func lowerHeadBefore(toks []token, i int, g *lang.NameWords) int {
	m := i - 1
	for m >= 0 && i-m <= 2 && !toks[m+1].brk && !toks[m].cap && connectors[toks[m].key] {
		m--
	}
	if m < 0 || m == i-1 || toks[m+1].brk || toks[m].cap {
		return i
	}
	if _, ok := g.LowerHeads[toks[m].key]; !ok {
		return i
	}
	return m
}

// nameEnd returns the end of the name that opens at toks[i] (or at the lower-case head
// toks[start]): capitalised words; adjectives in lower case ("Banque centrale européenne");
// connectors before a capitalised word ("Conseil d’État") but never before an acronym, which
// stands alone; and, once a head noun is read, complements in lower case ("Cour des comptes",
// "Chambre de commerce et d’industrie").
func nameEnd(toks []token, start, i int, g *lang.NameWords) int {
	head := start < i || g.Heads[toks[i].key]
	last := capWord
	j := i + 1
	for j < len(toks) && j-start < maxNameTokens {
		u := toks[j]
		if u.brk {
			break
		}
		if properWord(u) {
			if last != capWord {
				break // after "européenne", a capital opens another name
			}
			head = head || g.Heads[u.key]
			j++
			continue
		}
		// An adjective follows a head ("Assemblée nationale"), another adjective, or a name of
		// one word ("Europe centrale"), never a person's name or an acronym.
		if !u.cap && g.Adjectives[u.key] && (head || last != capWord || j == i+1) && !(last == capWord && toks[j-1].acronym) {
			last = adjWord
			j++
			continue
		}
		k, kind := link(toks, j, head, last, g)
		if k == j {
			break
		}
		head = head || kind == capWord && g.Heads[toks[k-1].key]
		last = kind
		j = k
	}
	return j
}

// link reads the connectors at toks[j] and the word they lead to, and returns the index after
// that word and its kind, or j when they do not continue the name. A conjunction continues a
// name that holds a head noun only before a complement ("et d’industrie", "et consignations"),
// never before another name ("et la Cour").
func link(toks []token, j int, head bool, last int, g *lang.NameWords) (int, int) {
	k := j
	conj := head && g.Conjunctions[toks[k].key] && !toks[k].cap
	if conj {
		k++
	}
	c := k
	for k < len(toks) && k-c < 2 && !toks[k].brk && !toks[k].cap && connectors[toks[k].key] {
		k++
	}
	if k >= len(toks) || toks[k].brk {
		return j, 0
	}
	opens := k > c && g.Complements[toks[c].key]
	switch {
	case conj && !opens:
		if k == c && last == nounWord && lowerNoun(toks[k]) {
			return k + 1, nounWord
		}
	case k > c && properWord(toks[k]) && !toks[k].acronym:
		return k + 1, capWord
	case head && opens && lowerNoun(toks[k]):
		return k + 1, nounWord
	}
	return j, 0
}

// capitals counts the capitalised words of a name.
func capitals(parts []token) int {
	n := 0
	for _, p := range parts {
		if p.cap && !p.function {
			n++
		}
	}
	return n
}

// allHeads reports whether a name is made of head nouns only: "Cour", "Haute Autorité".
func allHeads(parts []token, g *lang.NameWords) bool {
	for _, p := range parts {
		if !p.cap || !g.Heads[p.key] {
			return false
		}
	}
	return true
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
// ("Nicolas DARAGON" -> "Nicolas Daragon") and the elided article's apostrophe, and filing a
// name headed by a title under its institution ("ministre de la Culture" -> "ministère de la
// Culture").
func makePhrase(parts []token, g *lang.NameWords) phrase {
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
			w = names.TitleWord(w)
		}
		if head, ok := g.LowerHeads[t.key]; ok && i == 0 && len(parts) > 1 {
			if t.cap {
				head = names.TitleWord(head)
			}
			w, t.key = head, key(head)
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

// candidates gathers the names of one article. A single word is counted as a mention of a
// longer name of the article when it abbreviates it: the last name of a person ("Poutine" for
// "Vladimir Poutine", "Mme Delorme" for "Anne Delorme"), the last part of a compound
// ("Karabakh" for "Haut-Karabakh"), or the end of a name whose other words precede it in lower
// case ("groupe de Minsk" for "Groupe de Minsk"); never "Valmont" for "Union des Commerçants
// de Valmont".
func (l *lexicon) candidates(title []token, body [][]token, g *lang.NameWords, vocab *Vocabulary) map[string]*candidate {
	type mention struct {
		p       phrase
		text    string
		inTitle bool
	}
	var mentions []mention
	collect := func(toks []token, inTitle bool) {
		for _, p := range l.phrases(toks, g) {
			text := p.text()
			if c, ok := vocab.Canonical(text); ok {
				text = c
				p.keys = words(c, -1)
				p.words = strings.Fields(c)
				p.generic = false
			}
			if key(text) == "" || vocab.Banned(text) {
				continue
			}
			mentions = append(mentions, mention{p: p, text: text, inTitle: inTitle})
		}
	}
	collect(title, true)
	for _, para := range body {
		collect(para, false)
	}

	// The longer names, and how often each is mentioned in full.
	type long struct {
		count    int
		first    int
		person   bool // capitalised words only: a person's first and last names
		compound bool // one hyphenated word: "Haut-Karabakh"
	}
	longs := map[string]*long{}
	for pos, m := range mentions {
		k := key(m.text)
		if !strings.Contains(k, " ") || m.p.generic {
			continue
		}
		lg := longs[k]
		if lg == nil {
			lg = &long{
				first:    pos,
				person:   len(m.p.words) == len(m.p.keys) && len(m.p.words) >= 2 && len(m.p.words) <= 4,
				compound: len(m.p.words) == 1 && strings.ContainsAny(m.p.words[0], "-‐"),
			}
			for _, w := range m.p.words {
				if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
					lg.person = false
				}
			}
			longs[k] = lg
		}
		lg.count++
	}
	longKeys := make([]string, 0, len(longs))
	for k := range longs {
		longKeys = append(longKeys, k)
	}
	sort.Strings(longKeys)
	expand := func(m mention) string {
		k := key(m.text)
		if m.p.generic {
			w := widest(k, longKeys, func(k2 string) (int, int) { return longs[k2].count, longs[k2].first })
			if w == "" && strings.Contains(k, " ") {
				return k // two heads that abbreviate nothing name something: "State Department"
			}
			return w
		}
		if len(m.p.keys) != 1 || len(m.p.words) != 1 || strings.Contains(k, " ") {
			return k
		}
		for n := len(m.p.before); n >= 1; n-- {
			k2 := strings.Join(m.p.before[len(m.p.before)-n:], " ") + " " + k
			if _, ok := longs[k2]; ok {
				return k2
			}
		}
		best := ""
		for _, k2 := range longKeys {
			lg := longs[k2]
			if !strings.HasSuffix(k2, " "+k) {
				continue
			}
			if !lg.person && !lg.compound {
				continue
			}
			if best == "" || lg.count > longs[best].count {
				best = k2
			}
		}
		if best != "" {
			return best
		}
		return k
	}

	cands := map[string]*candidate{}
	for pos, m := range mentions {
		k := expand(m)
		if k == "" {
			continue // a head noun alone that abbreviates nothing: "la Cour", "the Council"
		}
		c := cands[k]
		if c == nil {
			c = &candidate{key: k, forms: map[string]int{}, first: pos, words: len(m.p.keys)}
			cands[k] = c
		}
		if m.inTitle {
			c.inTitle = true
			if c.titleForm == "" && k == key(m.text) {
				c.titleForm = m.text
			}
			continue
		}
		c.count++
		if k == key(m.text) {
			c.forms[m.text]++
		}
	}
	for k, c := range cands {
		if c.display() == "" {
			delete(cands, k) // only ever seen abbreviated in the title
		}
	}
	return cands
}

// widest returns the name among keys that holds the words of the head nouns k ("cour" in
// "cour des comptes", "council" in "valmont city council"): the most mentioned, the first
// mentioned on ties; or "" when none does.
func widest(k string, keys []string, seen func(string) (count, first int)) string {
	best, bestN, bestFirst := "", 0, 0
	for _, k2 := range keys {
		if k2 == k || !strings.Contains(" "+k2+" ", " "+k+" ") {
			continue
		}
		n, first := seen(k2)
		if best == "" || n > bestN || n == bestN && first < bestFirst {
			best, bestN, bestFirst = k2, n, first
		}
	}
	return best
}

func sortedCandidateKeys(m map[string]*candidate) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// salience weighs how much an article is about a name: the logarithm of its mentions (a tenth
// mention adds less than a second), more when the title names it.
func salience(c *candidate) float64 {
	s := 0.0
	if c.count > 0 {
		s = 1 + math.Log(float64(c.count))
	}
	if c.inTitle {
		s++
	}
	return s
}

// strong reports whether a name is mentioned enough to tag the article on its own merits.
func strong(c *candidate) bool { return c.count >= 2 || c.inTitle }

// selectTags picks up to max tags from candidates ranked best first: names mentioned twice or
// in the title, then names mentioned once, these only up to MinTags.
func selectTags(ranked []*candidate, max int) []*candidate {
	var out []*candidate
	for pass := 0; pass < 2; pass++ {
		for _, c := range ranked {
			if len(out) >= max || pass == 1 && len(out) >= MinTags {
				break
			}
			if pass == 0 && strong(c) || pass == 1 && !strong(c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// idf is the rarity of a name present in df of n articles.
func idf(n, df int) float64 {
	return math.Log(float64(n+1)/float64(df+1)) + 1
}

// nameWordsOf returns the name words of the article's language, or of every language when
// the article's is unknown.
func nameWordsOf(a *article.Article) *lang.NameWords {
	if t := lang.Get(a.Lang); t != nil {
		return t.NameWords()
	}
	return lang.AllNameWords()
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
