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

// squash collapses runs of white space into single spaces and trims s.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
