package scrape

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Reasons recorded for dropped lines.
const (
	ReasonShare          = "share"
	ReasonRelatedHeading = "related-heading"
	ReasonByline         = "byline"
)

// Cues lists the whole lines that mark page furniture and related blocks. Lines are compared
// after folding case, accents and trailing punctuation, so "A lire aussi" matches "À lire aussi :".
type Cues struct {
	// RelatedHeadings open a block of teasers ("La rédaction vous conseille").
	RelatedHeadings []string
	// Furniture maps a reason ("share") to the lines dropped for it.
	Furniture map[string][]string
}

// DefaultCues returns the built-in cues of every supported language, merged: cues of all
// languages apply to every article, so mixed sites work.
func DefaultCues() Cues {
	c := Cues{Furniture: map[string][]string{}}
	for _, lang := range []Cues{frenchCues, englishCues} {
		c.Merge(lang)
	}
	return c
}

// Merge adds the cues of o to c.
func (c *Cues) Merge(o Cues) {
	c.RelatedHeadings = append(c.RelatedHeadings, o.RelatedHeadings...)
	if c.Furniture == nil {
		c.Furniture = map[string][]string{}
	}
	for reason, lines := range o.Furniture {
		c.Furniture[reason] = append(c.Furniture[reason], lines...)
	}
}

var frenchCues = Cues{
	RelatedHeadings: []string{"La rédaction vous conseille", "A lire aussi", "Lire aussi", "Sur le même sujet", "Voir également", "Voir aussi"},
	Furniture: map[string][]string{
		ReasonShare: {"Se Propager", "Partager", "Partager cet article", "Partager sur Facebook", "Partager sur Twitter"},
	},
}

var englishCues = Cues{
	RelatedHeadings: []string{"Related", "Related Articles", "Related Posts", "You may also like", "Read more", "Read also"},
	Furniture: map[string][]string{
		ReasonShare: {"Share", "Share this", "Share this article", "Facebook", "Twitter", "LinkedIn", "WhatsApp", "Email", "Print"},
	},
}

// matcher answers, for a line, which cue it is.
type matcher struct {
	related   map[string]bool
	furniture map[string]string
}

func newMatcher(c Cues) *matcher {
	m := &matcher{related: map[string]bool{}, furniture: map[string]string{}}
	for _, l := range c.RelatedHeadings {
		m.related[foldCue(l)] = true
	}
	for reason, lines := range c.Furniture {
		for _, l := range lines {
			m.furniture[foldCue(l)] = reason
		}
	}
	return m
}

func (m *matcher) isRelatedHeading(line string) bool { return m.related[foldCue(line)] }

func (m *matcher) furnitureReason(line string) (string, bool) {
	r, ok := m.furniture[foldCue(line)]
	return r, ok
}

var accentFolder = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// foldCue folds case, accents, spacing and trailing punctuation of a line for cue lookups.
func foldCue(s string) string {
	folded, _, err := transform.String(accentFolder, s)
	if err != nil {
		folded = s
	}
	folded = strings.ToLower(strings.Join(strings.Fields(folded), " "))
	return strings.TrimRight(folded, " :.!…»«-–—")
}
