package enrich

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"github.com/kiosque-dev/kiosque/tool/internal/names"
)

// SplitAuthors returns the names of a byline, each normalised: "Par ANNE DELORME et léo marc"
// -> ["Anne Delorme", "Léo Marc"]. The byline is split by the rules the readers use (package
// names); a part after the first name that reads as no name ends the list, as a role does
// ("Anne Delorme, envoyée spéciale"). The vocabulary maps aliases ("A. Delorme") to names.
func SplitAuthors(byline string, vocab *Vocabulary) []string {
	byline = squash(byline)
	if c, ok := vocab.Canonical(byline); ok {
		return []string{c} // a whole byline listed as an alias, such as "Anne et Léo Marc"
	}
	var out []string
	for _, part := range names.Split(names.TrimByline(byline)) {
		name := NormalizeAuthor(part, vocab)
		if name == "" || vocab.Banned(name) {
			continue
		}
		if len(out) > 0 && lang.IsAgency(part) {
			continue // "Ann Roe avec AFP": the agency is no co-writer
		}
		if len(out) > 0 && !names.IsName(name) {
			break
		}
		out = append(out, name)
	}
	return dedupeNames(out)
}

// NormalizeAuthor returns one name in its canonical form: spacing collapsed, the "Par"/"By"
// prefix and surrounding punctuation removed, names printed all in capitals or all in lower
// case given their usual case (see names.Normalize), and aliases mapped through the vocabulary.
func NormalizeAuthor(name string, vocab *Vocabulary) string {
	name = names.Clean(name)
	if name == "" {
		return ""
	}
	if c, ok := vocab.Canonical(name); ok {
		return c
	}
	name = names.Normalize(name)
	if c, ok := vocab.Canonical(name); ok {
		return c
	}
	return name
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
