package scrape

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// Minutes, letters and speeches end with a sign-off over the signer's name: "Respectfully
// submitted," then "PP Dana Whitcombe", or "Votre curé, P. Jean-Luc MARTEL" on one line.
// The signer is the author.

// maxSignerWords bounds the words of a signer's line: a name, perhaps a title before it and
// a role after it.
const maxSignerWords = 8

// readSignOff reads, among the lines after the body, a sign-off and the signer under it or
// after it, when no byline named the author. It returns the lines after the body left to
// place.
func (p *textParse) readSignOff(after []int) []int {
	if len(p.a.Authors) > 0 {
		return after
	}
	for k, i := range after {
		if p.fates[i] != 0 {
			continue
		}
		rest, ok := signOffRest(p.lines[i])
		if !ok {
			continue
		}
		at := i // the signer's line
		if rest == "" {
			if k+1 >= len(after) || p.fates[after[k+1]] != 0 {
				continue
			}
			at, rest = after[k+1], p.lines[after[k+1]]
		}
		names, ok := signer(rest)
		if !ok {
			continue
		}
		p.addAuthors(names)
		p.set(i, fateMeta, "sign-off")
		p.set(at, fateMeta, "signature")
		return slices.DeleteFunc(slices.Clone(after), func(j int) bool { return j == i || j == at })
	}
	return after
}

// signOffRest returns what follows a sign-off on line l: nothing when the sign-off fills
// the line ("Respectfully submitted,"), the signer after its comma ("Votre curé, P. X").
func signOffRest(l string) (string, bool) {
	if lang.IsSignOff(trimCue(strings.TrimRight(foldText(l), ","))) {
		return "", true
	}
	head, rest, ok := strings.Cut(l, ",")
	if !ok || !lang.IsSignOff(foldText(strings.TrimSpace(head))) {
		return "", false
	}
	return strings.TrimSpace(rest), strings.TrimSpace(rest) != ""
}

// signer reads a signer's line: the name, without the title or rank before it ("PP", "P.")
// and the role after a comma ("Town Clerk").
func signer(l string) ([]string, bool) {
	if wordCount(l) > maxSignerWords || strings.ContainsAny(l, ".!?;:") && !strings.Contains(l, ". ") {
		return nil, false
	}
	name, _, _ := strings.Cut(l, ",")
	words := strings.Fields(name)
	for len(words) > 2 && isRank(words[0]) {
		words = words[1:]
	}
	return signature(strings.Join(words, " "))
}

// isRank reports a short title before a signer's name: an abbreviation in capitals or with
// a full stop ("PP", "P.", "Fr."), or an honorific.
func isRank(w string) bool {
	if lang.Honorifics().Has(w) {
		return true
	}
	letters := strings.TrimSuffix(w, ".")
	if len([]rune(letters)) > 3 || letters == "" {
		return false
	}
	return strings.HasSuffix(w, ".") || !strings.ContainsFunc(letters, unicode.IsLower)
}
