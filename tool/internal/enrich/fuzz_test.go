package enrich

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// FuzzTags derives tags from any text: no panic, at most MaxTags, and never a stop word or an
// honorific (acronyms aside), an empty tag, or a name that ends on a connector.
func FuzzTags(f *testing.F) {
	for _, s := range []string{
		"Le président russe Vladimir Poutine et M. Macron ont parlé du groupe de Minsk de l’OSCE.",
		"« Nous tiendrons », a dit Mme Delorme. Dans la salle, l’UCV de Valmont.",
		"L’ L' de de de La Le A. B. C. ... - -- « » É",
		strings.Repeat("Grand ", 20) + "Valmont.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		a := newArticle("/a", "Un titre", strings.Split(text, "\n")...)
		Corpus([]*article.Article{a}, nil, Options{})
		if len(a.Tags) > MaxTags {
			t.Errorf("%d tags", len(a.Tags))
		}
		for _, tag := range a.Tags {
			k := key(tag)
			fields := strings.Fields(tag)
			last := fields[len(fields)-1]
			acronym := strings.ToUpper(tag) == tag
			if k == "" || !acronym && (stopWords[k] || honorifics[k]) || len(fields) > 1 && connectors[last] {
				t.Errorf("tag %q from %q", tag, text)
			}
		}
	})
}
