package scrape

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// A line's prose score says how much it reads as a paragraph of an article, in the manner
// of jusText and boilerpipe's shallow text features: long lines, dense in the function
// words of their language, ending as sentences end, are prose; short lines, lines of
// capitalised words and lines without function words are page furniture or headlines.

// Prose classes of a content line.
const (
	proseShort  = iota // too short or too bare to be a paragraph by itself
	proseMedium        // a paragraph if its neighbours are
	proseGood          // a paragraph wherever it stands
)

// features are what the reader measures of one line.
type features struct {
	words    int
	runes    int
	stop     float64 // share of words that are function words of the page's language
	capitals float64 // share of words that start with a capital letter
	sentence bool    // ends as a sentence ends
	score    float64
	class    int
}

// minCutProseWords is the least number of words of a line cut off in a sentence that still
// reads as prose.
const minCutProseWords = 12

// measure returns the features of line l in the language table t (nil: every language).
func measure(l string, t *lang.Table) features {
	f := features{runes: utf8.RuneCountInString(l)}
	stop, caps := 0, 0
	for w := range strings.FieldsSeq(l) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && utf8.RuneCountInString(w) == 1 {
			continue // a dash or bullet
		}
		f.words++
		if unicode.IsUpper(r) {
			caps++
		}
		for k := range strings.FieldsSeq(lang.Key(w)) { // lang.Words, without the list
			if t != nil && t.IsStopWord(k) || t == nil && lang.StopWords()[k] {
				stop++
				break
			}
		}
	}
	if f.words > 0 {
		f.stop = float64(stop) / float64(f.words)
		f.capitals = float64(caps) / float64(f.words)
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(l, " )]"))
	// A long line with a sentence ending inside it is prose though its end was cut off:
	// "… was taken to hospital. He later t".
	f.sentence = strings.ContainsRune(".!?»”\"…", last) || f.words >= minCutProseWords && cutAfterSentence(l)
	f.score = proseScore(f)
	switch {
	case f.score >= 0.65:
		f.class = proseGood
	case f.score >= 0.4:
		f.class = proseMedium
	}
	return f
}

// proseScore weighs the features into a score between 0 and 1.
func proseScore(f features) float64 {
	s := 0.0
	if f.sentence {
		s += 0.3
	}
	switch {
	case f.words >= 25:
		s += 0.4
	case f.words >= 12:
		s += 0.3
	case f.words >= 7:
		s += 0.15
	}
	switch {
	case f.stop >= 0.3:
		s += 0.3
	case f.stop >= 0.18:
		s += 0.2
	case f.stop >= 0.1:
		s += 0.05
	}
	if f.words >= 4 && f.capitals > 0.6 {
		s -= 0.4 // a menu or a headline in title case
	}
	if f.words < 4 {
		s -= 0.3
	}
	return max(0, min(1, s))
}

// wordsUpTo returns wordCount(s) when it is n or less, and n+1 otherwise: it stops counting
// there, for the tests that only compare the count with n or less.
func wordsUpTo(s string, n int) int {
	count, in := 0, false
	for i := 0; i < len(s) && count <= n; {
		c, size := rune(s[i]), 1
		space := c == ' ' || '\t' <= c && c <= '\r' // unicode.IsSpace of an ASCII rune
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(c)
		}
		i += size
		if space {
			in = false
		} else if !in {
			in, count = true, count+1
		}
	}
	return min(count, n+1)
}

// wordCount returns len(strings.Fields(s)), the number of words of s between white space,
// without making the list: s holds len(s) words at most, so wordsUpTo counts them all.
func wordCount(s string) int { return wordsUpTo(s, len(s)) }
