package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldedLatin holds FoldRune of every rune below its length: the Latin letters with accents
// are most of what the readers fold, and decomposing each one costs an allocation.
var foldedLatin = func() []rune {
	t := make([]rune, 0x250) // up to the end of Latin Extended-B
	for r := range t {
		t[r] = foldRune(rune(r))
	}
	return t
}()

// asciiFolded, asciiSpace and asciiWord hold, for each ASCII byte, FoldRune, unicode.IsSpace
// and whether it is a letter or a digit: Fold and Key read ASCII a byte at a time.
var asciiFolded, asciiSpace, asciiWord = func() (folded [utf8.RuneSelf]byte, space, word [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		r := rune(c)
		folded[c] = byte(foldRune(r))
		space[c] = unicode.IsSpace(r)
		word[c] = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return folded, space, word
}()

// FoldRune returns r lower-cased and without its accent: 'É' gives 'e', 'œ' gives 'o'.
func FoldRune(r rune) rune {
	if r >= 0 && int(r) < len(foldedLatin) {
		return foldedLatin[r]
	}
	return foldRune(r)
}

// foldRune is FoldRune, computed.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return unicode.ToLower(r)
	}
	switch r {
	case 'œ', 'Œ':
		return 'o'
	case 'æ', 'Æ':
		return 'a'
	case 'ß':
		return 's'
	case '’', '‘', 'ʼ', '′':
		return '\''
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	base, _ := utf8.DecodeRune(norm.NFD.Bytes(buf[:n]))
	return unicode.ToLower(base)
}

// Fold folds case, accents, apostrophes and spacing of s, keeping its punctuation:
// "À lire  aussi :" gives "a lire aussi:". The space before a colon, semicolon, question or
// exclamation mark goes, so French and English spellings of a cue fold alike, and "…"
// becomes "...".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII, most of a text: no decoding, no tables
			i++
			if asciiSpace[c] {
				space = true
				continue
			}
			writeASCII(&b, space && c != ':' && c != ';' && c != '?' && c != '!', c)
			space = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '…':
			b.WriteString("...")
			space = false
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(FoldRune(r))
	}
	return b.String()
}

// writeASCII writes the ASCII byte c folded to b, after one space when gap is set and b
// holds a word already: the ASCII step of Fold and Key.
func writeASCII(b *strings.Builder, gap bool, c byte) {
	if gap && b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteByte(asciiFolded[c])
}

// Key folds s for matching words: letters and digits only, lower case, without accents;
// every other run of characters (spaces, punctuation, apostrophes) becomes one space.
func Key(s string) string {
	if isKey(s) {
		return s // a word in lower case already, the most common case: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII: no decoding, no tables
			i++
			if !asciiWord[c] {
				space = true
				continue
			}
			writeASCII(&b, space, c)
			space = false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(FoldRune(r))
		case unicode.Is(unicode.Mn, r):
		default:
			space = true
		}
	}
	return b.String()
}

// isKey reports whether s is its own Key: ASCII lower-case letters and digits only.
func isKey(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// Words returns the folded words of s (see Key).
func Words(s string) []string {
	return strings.Fields(Key(s))
}
