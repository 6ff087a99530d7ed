package scrape

import "strings"

// stopWords are frequent function words; a vote over them tells French from English.
var stopWords = map[string]map[string]bool{
	"fr": set("le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "qui", "que", "sur", "pas", "avec", "au", "aux", "ont", "sont", "ce", "il", "elle", "nous", "leur", "par"),
	"en": set("the", "and", "of", "to", "is", "in", "that", "for", "on", "with", "was", "are", "it", "this", "by", "from", "has", "have", "be", "at", "an", "they", "which"),
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// detectLang returns "fr" or "en" by a stop-word vote over the title and body, or "" when
// neither language has a vote.
func detectLang(title string, body []string) string {
	votes := map[string]int{}
	count := func(s string) {
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'à' && r <= 'ÿ')
		}) {
			for lang, words := range stopWords {
				if words[w] {
					votes[lang]++
				}
			}
		}
	}
	count(title)
	for _, b := range body {
		count(b)
	}
	switch {
	case votes["fr"] == 0 && votes["en"] == 0:
		return ""
	case votes["fr"] >= votes["en"]:
		return "fr"
	}
	return "en"
}
