package enrich

import (
	"strings"
	"unicode"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// key folds s for matching (see lang.Key).
func key(s string) string { return lang.Key(s) }

// words returns the folded words of s (see key), at most max of them when max >= 0.
func words(s string, max int) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		if max >= 0 && len(out) >= max {
			return out
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(lang.FoldRune(r))
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		flush()
	}
	flush()
	if max >= 0 && len(out) > max {
		out = out[:max]
	}
	return out
}

// joinedWords returns strings.Join(words(s, max), " ") and how many words it joins, without
// a string for each word.
func joinedWords(s string, max int) (string, int) {
	var b strings.Builder
	n, in := 0, false // the words ended, and whether one is being read
	for _, r := range s {
		if max >= 0 && n >= max {
			return b.String(), n
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in && n > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(lang.FoldRune(r))
			in = true
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if in {
			n, in = n+1, false
		}
	}
	if in {
		n++
	}
	return b.String(), n
}

// squash collapses runs of white space into single spaces and trims s.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
