package scrape

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A guardedRe is a pattern with a cheap test that every string the pattern matches passes.
// Go's matcher costs in proportion to the line and the pattern, and most lines a reader tries
// a pattern on are prose that cannot match it: the test turns them away first.
type guardedRe struct {
	re  *regexp.Regexp
	may func(string) bool
}

// guard pairs a pattern with its test.
func guard(re *regexp.Regexp, may func(string) bool) guardedRe {
	return guardedRe{re, may}
}

// MatchString reports whether s holds a match of the pattern.
func (g guardedRe) MatchString(s string) bool {
	return g.may(s) && g.re.MatchString(s)
}

// FindStringSubmatchIndex is the pattern's FindStringSubmatchIndex.
func (g guardedRe) FindStringSubmatchIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringSubmatchIndex(s)
}

// FindStringIndex is the pattern's FindStringIndex.
func (g guardedRe) FindStringIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringIndex(s)
}

// FindStringSubmatch is the pattern's FindStringSubmatch.
func (g guardedRe) FindStringSubmatch(s string) []string {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringSubmatch(s)
}

// holdsAny is a test passed by the strings that hold one of subs.
func holdsAny(subs ...string) func(string) bool {
	return func(s string) bool {
		for _, sub := range subs {
			if strings.Contains(s, sub) {
				return true
			}
		}
		return false
	}
}

// runesOver reports whether s holds more than n runes, utf8.RuneCountInString(s) > n,
// counting no further than the rune past n: a rune takes one to utf8.UTFMax bytes, so a
// string of n bytes or fewer holds n runes at most, and one of more than utf8.UTFMax*n
// bytes more than n. A range over s counts an invalid byte as one rune, as the count does.
func runesOver(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	if len(s) > utf8.UTFMax*n {
		return true
	}
	k := 0
	for range s {
		if k++; k > n {
			return true
		}
	}
	return false
}

// endsWith is a test passed by the strings that end with suffix.
func endsWith(suffix string) func(string) bool {
	return func(s string) bool { return strings.HasSuffix(s, suffix) }
}

// startsFold is a test passed by the strings that start with one of prefixes, whatever
// their case (the simple case folding of the (?i) flag), after any of the runes in skip.
func startsFold(skip string, prefixes ...string) func(string) bool {
	return func(s string) bool {
		s = strings.TrimLeft(s, skip)
		for _, p := range prefixes {
			if hasPrefixFold(s, p) {
				return true
			}
		}
		return false
	}
}

// hasPrefixFold reports whether s starts with p under simple case folding: as many runes
// of s as p has, folded, equal p.
func hasPrefixFold(s, p string) bool {
	n := utf8.RuneCountInString(p)
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n == 0 && strings.EqualFold(s[:i], p)
}

// startsUpper is a test passed by the strings whose first rune is an upper-case letter
// (\p{Lu}).
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// both is a test passed by the strings that pass a and b.
func both(a, b func(string) bool) func(string) bool {
	return func(s string) bool { return a(s) && b(s) }
}
