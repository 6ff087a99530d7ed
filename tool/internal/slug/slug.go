// Package slug turns article titles into the folder names of page bundles.
package slug

import (
	"strings"

	"github.com/gosimple/slug"
)

// MaxLen bounds a slug's length in bytes; longer slugs are cut at a word boundary.
const MaxLen = 80

// Fallback is the slug of a title that has no letter or digit at all.
const Fallback = "article"

// Make returns the slug of title in language lang ("fr" folds "&" to "et"): lower case ASCII
// letters, digits and dashes only, so it can never name a path outside its folder.
func Make(title, lang string) string {
	// Apostrophes split words ("l’OSCE" -> "l-osce"), as French readers expect.
	title = strings.NewReplacer("’", " ", "'", " ", "\x00", " ").Replace(title)
	if lang == "" {
		lang = "fr"
	}
	s := slug.MakeLang(title, lang)
	if len(s) > MaxLen {
		s = s[:MaxLen]
		if i := strings.LastIndexByte(s, '-'); i > MaxLen/2 {
			s = s[:i]
		}
		s = strings.Trim(s, "-_")
	}
	if s == "" {
		return Fallback
	}
	return s
}
