package scrape

import (
	"strings"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// set returns the set of the words, folded (see lang.Key).
func set(words ...string) lang.Set {
	return lang.NewSet(strings.Join(words, " "))
}

// detectLang returns the language of the title and body by a stop-word vote (lang.Detect),
// or "" when no language has a vote.
func detectLang(title string, body []string) string {
	return lang.Detect(append([]string{title}, body...)...)
}
