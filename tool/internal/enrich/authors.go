package enrich

import (
	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylinePrefixRe matches what precedes a name on a byline: "Par", "By", "- by", "De".
var bylinePrefixRe = regexp.MustCompile(`(?i)^[\s\-–—•·:]*(?:(?:par|by|written by|écrit par)\s+)?`)

// authorSplitRe splits a byline holding several names: "X et Y", "X and Y", "X & Y", "X, Y".
var authorSplitRe = regexp.MustCompile(`(?i)\s*(?:,|;|\s&\s|\set\s|\sand\s|\s/\s)\s*`)

// nameParticles stay in lower case inside a name ("Charles de Gaulle").
var nameParticles = lang.NameParticles()

// SplitAuthors returns the names of a byline, each normalised: "Par ANNE DELORME et léo marc"
// -> ["Anne Delorme", "Léo Marc"]. The vocabulary maps aliases ("A. Delorme") to names.
func SplitAuthors(byline string, vocab *Vocabulary) []string {
	byline = squash(byline)
	if c, ok := vocab.Canonical(byline); ok {
		return []string{c} // a whole byline listed as an alias, such as "Anne et Léo Marc"
	}
	byline = bylinePrefixRe.ReplaceAllString(byline, "")
	var out []string
	for _, part := range authorSplitRe.Split(byline, -1) {
		name := NormalizeAuthor(part, vocab)
		if name != "" && !vocab.Banned(name) {
			out = append(out, name)
		}
	}
	return dedupeNames(out)
}

// NormalizeAuthor returns one name in its canonical form: spacing collapsed, the "Par"/"By"
// prefix and surrounding punctuation removed, names printed all in capitals or all in lower
// case given their usual case, and aliases mapped through the vocabulary.
func NormalizeAuthor(name string, vocab *Vocabulary) string {
	name = squash(bylinePrefixRe.ReplaceAllString(squash(name), ""))
	name = strings.TrimFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != ')'
	})
	name = strings.TrimRight(name, ".,;:")
	if strings.Count(name, "(") != strings.Count(name, ")") {
		name = strings.TrimRight(name, ")")
	}
	if name == "" {
		return ""
	}
	if c, ok := vocab.Canonical(name); ok {
		return c
	}
	if upper, lower := caseOf(name); upper || lower {
		name = nameCase(name)
	} else {
		// A surname in capitals after a first name: "Krikor AMIRZAL".
		fields := strings.Fields(name)
		for i, f := range fields {
			if up, _ := caseOf(f); up && utf8.RuneCountInString(f) > 3 {
				fields[i] = titleWord(f)
			}
		}
		name = strings.Join(fields, " ")
	}
	if c, ok := vocab.Canonical(name); ok {
		return c
	}
	return name
}

// caseOf reports whether every letter of s is upper case, or lower case.
func caseOf(s string) (allUpper, allLower bool) {
	allUpper, allLower = true, true
	letters := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			allLower = false
		} else if unicode.IsLower(r) {
			allUpper = false
		}
	}
	if letters < 2 {
		return false, false
	}
	return allUpper, allLower
}

// nameCase gives a name its usual case: "JEAN-PIERRE DE LA TOUR" -> "Jean-Pierre de la Tour".
func nameCase(name string) string {
	fields := strings.Fields(name)
	for i, f := range fields {
		if i > 0 && i < len(fields)-1 && nameParticles[key(f)] {
			fields[i] = strings.ToLower(f)
			continue
		}
		fields[i] = titleWord(f)
	}
	return strings.Join(fields, " ")
}

func dedupeNames(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		if k := key(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// initialIndex maps "k amirzayan" (a first initial and a last name, folded) to the full names
// of the corpus, so that "K. Amirzayan" can be completed when one name only fits.
type initialIndex map[string][]string

func newInitialIndex(names []string) initialIndex {
	idx := initialIndex{}
	sort.Strings(names)
	for _, n := range dedupeNames(names) {
		ws := words(n, -1)
		first := strings.Fields(n)
		if len(ws) < 2 || len(first) < 2 || isInitial(first[0]) {
			continue
		}
		k := ws[0][:firstRuneLen(ws[0])] + " " + strings.Join(ws[1:], " ")
		idx[k] = append(idx[k], n)
	}
	return idx
}

// complete returns the full name of an abbreviated one ("K. Amirzayan"), when the corpus holds
// exactly one name that fits.
func (idx initialIndex) complete(name string) string {
	fields := strings.Fields(name)
	if len(fields) < 2 || !isInitial(fields[0]) {
		return name
	}
	if full := idx[key(name)]; len(full) == 1 {
		return full[0]
	}
	return name
}

func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return utf8.RuneCountInString(w) == 1
}

func firstRuneLen(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return n
}
