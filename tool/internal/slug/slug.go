package slug

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/gosimple/slug"
	"golang.org/x/text/unicode/norm"
)

// MaxLen bounds a slug's length in bytes; longer slugs are cut at a word boundary.
const MaxLen = 80

// Fallback is the slug of a title that has no letter or digit at all.
const Fallback = "article"

// Make returns the slug of title in language lang ("fr" folds "&" to "et"): lower case ASCII
// letters, digits and dashes only, so it can never name a path outside its folder.
func Make(title, lang string) string {
	// Apostrophes split words ("l’OSCE" -> "l-osce"), as French readers expect.
	// One form for accents, whether typed as one character or two (macOS writes the latter).
	title = norm.NFC.String(strings.ToValidUTF8(title, " "))
	title = strings.NewReplacer("’", " ", "'", " ", "\x00", " ").Replace(title)
	if lang == "" {
		lang = "fr"
	}
	// gosimple/slug keeps underscores: make them dashes, as the words they separate are.
	s := cut(strings.Join(strings.FieldsFunc(slug.MakeLang(title, lang), func(r rune) bool { return r == '-' || r == '_' }), "-"), MaxLen)
	if s == "" {
		return Fallback
	}
	return s
}

// cut shortens s to at most n bytes, at the last dash that keeps more than half of it, so
// that a word is never cut in two unless it is longer than half the room.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > n/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-_")
}

// Suffixed returns base with a short suffix derived from seed (such as the scrape's path), for
// a title whose slug is taken: the same seed always gets the same suffix, whatever order the
// articles are imported in. The result stays within MaxLen.
func Suffixed(base, seed string) string {
	sum := sha256.Sum256([]byte(seed))
	suffix := hex.EncodeToString(sum[:3])
	return cut(base, MaxLen-len(suffix)-1) + "-" + suffix
}
