package names

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// separatorRe separates the names of a list: commas, semicolons, ampersands, and slashes
// between spaces ("Anne Delorme / Paul Vernet"; "Anne Delorme/Le Courrier" is one credit).
var separatorRe = regexp.MustCompile(`\s*(?:[,;&]|\s/\s)\s*`)

// Split returns the names of a list, trimmed: "Anne Delorme et Léo Marc" gives "Anne Delorme"
// and "Léo Marc". Names are separated by commas, semicolons, ampersands, slashes between
// spaces and the conjunctions of every language ("et", "and", "y"), in lower case or in
// capitals ("ET"); a single capital is an initial, and a conjunction that is also a name
// particle stays inside a name before a single last name ("José Ortega y Gasset").
func Split(s string) []string {
	var out []string
	for _, part := range separatorRe.Split(s, -1) {
		fields := strings.Fields(part)
		start := 0
		for i, f := range fields {
			if !isConjunction(f) || lang.NameParticles().Has(f) && i > 0 && i == len(fields)-2 && isCapitalised(fields[i+1]) {
				continue
			}
			out = appendName(out, fields[start:i])
			start = i + 1
		}
		out = appendName(out, fields[start:])
	}
	return out
}

func appendName(out []string, fields []string) []string {
	if len(fields) == 0 {
		return out
	}
	return append(out, strings.Join(fields, " "))
}

// isConjunction reports whether the word w joins two names: a conjunction or a co-writer's
// word in lower case, or in capitals when longer than one letter (a single capital is an
// initial).
func isConjunction(w string) bool {
	if !lang.Conjunctions().Has(w) && !lang.CoWriters().Has(w) || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return false
	}
	return w == strings.ToLower(w) || utf8.RuneCountInString(w) > 1 && w == strings.ToUpper(w)
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// IsName reports whether s reads as the name of a person or a newsroom: one to five words and
// at most 60 characters, without digits, quotes, brackets, slashes or colons inside; the first word
// capitalised, the others capitalised, initials, name particles ("de", "van"), elided
// particles ("d’Arville") or newsroom nouns ("rédaction").
func IsName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || utf8.RuneCountInString(s) > 60 {
		return false
	}
	for i, w := range words {
		if strings.ContainsFunc(w, unicode.IsDigit) || strings.ContainsAny(w, "«»\"“”()[]/@#") {
			return false
		}
		if strings.Contains(w, ":") && (i < len(words)-1 || !strings.HasSuffix(w, ":") || strings.Count(w, ":") > 1) {
			return false // a label and its value: "Status: Open"
		}
		if isCapitalised(w) {
			continue
		}
		lw := strings.ToLower(w)
		if i > 0 && (lang.NameParticles().Has(lw) || lang.NewsroomNouns().Has(lw) || strings.HasPrefix(lw, "d’") || strings.HasPrefix(lw, "d'")) {
			continue
		}
		return false
	}
	return true
}

// IsPerson reports whether s reads as one person's name, stricter than IsName: two to four
// words, none of them the head of an institution's name ("Council", "Cour"). Headlines in
// title case pass IsName; few pass IsPerson.
func IsPerson(s string) bool {
	words := strings.Fields(s)
	if !IsName(s) || len(words) < 2 || len(words) > 4 || lang.Pronouns().Has(words[0]) {
		return false
	}
	for _, w := range words {
		if lang.NameHeads().Has(w) {
			return false
		}
	}
	return true
}

// bylineWords are the byline words of every language, longest first, so that "Written by"
// is tried before "By".
var bylineWords = sync.OnceValue(func() []string {
	words := lang.BylineWords()
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	return words
})

// TrimByline removes what precedes the names on a byline: dashes, bullets and colons, and a
// byline word of any language in any case ("Par", "- by", "Propos recueillis par", "Written
// by:").
func TrimByline(s string) string {
	s = strings.TrimLeft(s, " \t-–—•·:|")
	for _, w := range bylineWords() {
		if len(s) <= len(w) || !strings.EqualFold(s[:len(w)], w) {
			continue
		}
		if rest := s[len(w):]; rest[0] == ' ' || rest[0] == ':' || rest[0] == '\t' || strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’") {
			return strings.TrimLeft(rest, " \t:") // "Texte d'" runs into the name
		}
	}
	return s
}

// Clean returns a name without what surrounds it: spacing collapsed, the byline word, dashes
// and punctuation at either end, and a closing parenthesis left over from the line ("Lucie
// Varenne)"); periods of initials and balanced parentheses stay.
func Clean(s string) string {
	s = strings.Join(strings.Fields(TrimByline(strings.Join(strings.Fields(s), " "))), " ")
	s = strings.TrimFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != ')'
	})
	s = strings.TrimRight(s, ".,;:")
	if strings.Count(s, "(") != strings.Count(s, ")") {
		s = strings.TrimRight(s, ")")
	}
	return s
}

// Normalize gives a name its usual case: a name printed all in capitals or all in lower case
// is title-cased with its particles and newsroom nouns in lower case ("JEAN-PIERRE DE LA
// TOUR" gives "Jean-Pierre de la Tour", "LA RÉDACTION" gives "La rédaction"); a surname
// shouted after a first name is title-cased ("Krikor AMIRZAL" gives "Krikor Amirzal").
func Normalize(name string) string {
	fields := strings.Fields(name)
	if upper, lower := caseOf(name); upper || lower {
		for i, f := range fields {
			switch {
			case i > 0 && i < len(fields)-1 && lang.NameParticles().Has(f):
				fields[i] = strings.ToLower(f)
			case i > 0 && lang.NewsroomNouns().Has(f):
				fields[i] = strings.ToLower(f)
			default:
				fields[i] = TitleWord(f)
			}
		}
		return strings.Join(fields, " ")
	}
	for i, f := range fields {
		if up, _ := caseOf(f); up && utf8.RuneCountInString(f) > 3 {
			fields[i] = TitleWord(f)
		}
	}
	return strings.Join(fields, " ")
}

// caseOf reports whether every letter of s is upper case, or lower case; neither for fewer
// than two letters.
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

// TitleWord returns w with a capital first letter and the rest in lower case, hyphen and
// apostrophe parts included ("JEAN-PIERRE" gives "Jean-Pierre").
func TitleWord(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '\'' || r == '’'
	}
	return b.String()
}
