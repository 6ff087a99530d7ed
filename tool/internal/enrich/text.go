package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns r lower-cased and without its accent, for matching ("É" -> 'e').
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		return unicode.ToLower(r)
	}
	switch r {
	case 'à', 'â', 'ä', 'á', 'ã', 'À', 'Â', 'Ä', 'Á':
		return 'a'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		return 'e'
	case 'î', 'ï', 'í', 'Î', 'Ï':
		return 'i'
	case 'ô', 'ö', 'ó', 'Ô', 'Ö':
		return 'o'
	case 'ù', 'û', 'ü', 'ú', 'Ù', 'Û', 'Ü':
		return 'u'
	case 'ç', 'Ç':
		return 'c'
	case 'œ', 'Œ':
		return 'o' // followed by nothing: "œ" folds to "o" only, consistently everywhere
	case 'æ', 'Æ':
		return 'a'
	case 'ß':
		return 's'
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Bytes(buf[:n])
	base, _ := utf8.DecodeRune(d)
	return unicode.ToLower(base)
}

// key folds s for matching: letters and digits, lower case, without accents; every other run
// of characters (spaces, punctuation, apostrophes of any style) becomes one space.
func key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(fold(r))
		case unicode.Is(unicode.Mn, r):
		default:
			space = true
		}
	}
	return b.String()
}

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
			b.WriteRune(fold(r))
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
