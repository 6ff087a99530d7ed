package scrape

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"github.com/kiosque-dev/kiosque/tool/internal/names"
)

var (
	// teaserBylineRe matches the author line that follows a teaser: "- by Jean Eckian", "par X".
	teaserBylineRe = regexp.MustCompile(`(?i)^[-–—•]?\s*(?:by|par)\s+(\S.*)$`)
	// articleBylineRe matches a byline of the article itself: "Par X et Y", "By X".
	// The first group holds the name after an elided word, tried first: "Texte d'Ann Roe".
	articleBylineRe = guard(regexp.MustCompile(`^(?:(?:`+elidedBylineWordsAlt()+`)(\p{Lu}.*)|(?:`+bylineWordsAlt()+`)\s*[:,]?\s+(\S.*))$`),
		opensLike(bylineStarts()))
	// authorBoxRe matches an author box line: "Author: X", "Auteur : X".
	authorBoxRe = regexp.MustCompile(`(?i)^(?:author|authors|auteur|auteure|autrice|auteurs|journaliste|reporter)\s*:\s*(\S.*)$`)
	// aboutAuthorRe matches the heading of an author box whose name is on the next line.
	aboutAuthorRe = regexp.MustCompile(`(?i)^(?:about the author|à propos de l['’]auteur(?:e|rice)?|a propos de l['’]auteur(?:e|rice)?|l['’]auteur|the author)\s*:?$`)
	// bylineSepRe separates the parts of a byline line: "By X | March 3, 2021".
	bylineSepRe = regexp.MustCompile(`\s+[|·•–—-]\s+|\s*\|\s*|\s*--\s*`)
	// signatureMarkRe is the dash or word that may open a signature line.
	signatureMarkRe = regexp.MustCompile(`^(?:[-–—]+\s*|(?:Par|By)\s+)`)
)

// bylineWordsAlt returns the byline words of every language's table ("Par", "By", "Von", "A
// cura di") as a regexp alternation, longest first, as printed: a byline opens with a capital
// (see articleByline for one in parentheses), and an apostrophe is either one ("D’un").
func bylineWordsAlt() string {
	var alt []string
	for _, w := range lang.BylineWords() {
		alt = append(alt, strings.ReplaceAll(regexp.QuoteMeta(strings.TrimRight(w, ": ")), "'", "['’]"))
	}
	slices.SortStableFunc(alt, func(a, b string) int { return len(b) - len(a) })
	return strings.Join(alt, "|")
}

// elidedBylineWordsAlt is the alternation of the byline words that end with an elided
// "de" and run into the name: "Texte original d'" in "Texte original d'Esther Hardy".
func elidedBylineWordsAlt() string {
	var alt []string
	for _, w := range lang.BylineWords() {
		if strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’") {
			alt = append(alt, regexp.QuoteMeta(w))
		}
	}
	if len(alt) == 0 {
		return "$^" // matches nothing
	}
	return strings.Join(alt, "|")
}

// bylineStarts returns the byline words as articleBylineRe spells them at the start of a
// line: each trimmed of its colon and spaces (the elided words kept whole, which only adds
// starts), and with both apostrophes where it opens with one.
func bylineStarts() []string {
	var starts []string
	for _, w := range lang.BylineWords() {
		for _, s := range []string{w, strings.TrimRight(w, ": ")} {
			starts = append(starts, s, strings.ReplaceAll(s, "'", "’"), strings.ReplaceAll(s, "’", "'"))
		}
	}
	return starts
}

// opensLike is a test passed by the strings whose first byte opens one of words, or by every
// string when one of them is empty: a pattern anchored at the start on an alternation of the
// words (and of spellings of them that open with the same byte) passes it.
func opensLike(words []string) func(string) bool {
	var first [256]bool
	for _, w := range words {
		if w == "" {
			return func(string) bool { return true }
		}
		first[w[0]] = true
	}
	return func(s string) bool { return s != "" && first[s[0]] }
}

// byline is what a byline line says: names and perhaps dates.
type byline struct {
	names              []string
	published, updated time.Time
}

// articleByline reads a byline line such as "Par Anne Dupuis et Léo Marc", "By X | March 3,
// 2021", "Par X, publié le 12 mars 2023", or one in parentheses.
func articleByline(line, code string) (byline, bool) {
	if inner, ok := strings.CutPrefix(line, "("); ok && strings.HasSuffix(inner, ")") {
		// "(de notre envoyé spécial Ann Roe)": in parentheses, a byline may open in lower case.
		line = firstUpper(strings.TrimSuffix(inner, ")"))
	}
	if runesOver(line, maxStationsBylineRunes) {
		return byline{}, false
	}
	line = strings.TrimRight(line, " —–-|·•") // "By Matthew Keck —": the date it announced is gone
	sm := articleBylineRe.FindStringSubmatch(line)
	if sm == nil {
		return byline{}, false
	}
	if sm[1] == "" {
		sm[1] = sm[2]
	}
	if !runesOver(line, maxBylineRunes) {
		if b, ok := bylineParts(sm[1], code); ok {
			return b, true
		}
	}
	return stationsByline(sm[1], code)
}

// maxBylineRunes bounds a byline line; maxStationsBylineRunes bounds a radio network's, which
// lists every station that aired the story (see stationsByline).
const maxBylineRunes, maxStationsBylineRunes = 160, 320

// bylineParts reads what follows a byline word: the names, then dates, reading times or
// outlets after separators.
func bylineParts(s, code string) (byline, bool) {
	var b byline
	parts := bylineSepRe.Split(outletSuffixRe.ReplaceAllString(s, ""), -1)
	namesPart := parts[0]
	// "Par X, publié le 12 mars 2023": the date shares the first part.
	if hits := scanDates(namesPart, code); len(hits) > 0 {
		rest := namesPart[hits[0].start:]
		namesPart = trimDateWords(namesPart[:hits[0].start])
		parts = append([]string{namesPart, rest}, parts[1:]...)
	}
	namesPart = withoutSlashOutlet(strings.TrimSpace(bylineStartRe.ReplaceAllString(namesPart, ""))) // "By By X / American Press"
	namesPart = withoutRank(namesPart)
	names, ok := parseNames(namesPart, false)
	if !ok {
		names, ok = nameBeforeQuality(namesPart)
	}
	if !ok && !newsroomStaff(namesPart) {
		return b, false
	}
	b.names = names
	for _, p := range parts[1:] {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if pub, upd, _, ok := dateLine(p, code); ok {
			if b.published.IsZero() {
				b.published = pub
			}
			if b.updated.IsZero() {
				b.updated = upd
			}
			continue
		}
		if isReadingTime(p) || isOutlet(p) || opensWithUpdate(p) {
			continue
		}
		return byline{}, false
	}
	return b, true
}

// sourcedByline reads a byline, or one printed after its source's name and a bar:
// "ReefScience.org | By Ann Roe | May 6, 2021".
func sourcedByline(l, code string) (byline, bool) {
	if b, ok := articleByline(l, code); ok {
		return b, true
	}
	source, rest, ok := strings.Cut(l, " | ")
	source, withAgency := withoutAgency(source) // "Le Monde.fr avec AFP | 10.12.2013 à 19h40"
	if !ok || wordCount(source) > 3 || strings.ContainsAny(source, ",;:!?") {
		return byline{}, false
	}
	if b, ok := articleByline(rest, code); ok {
		return b, true
	}
	if pub, upd, _, ok := dateLine(rest, code); ok && !pub.IsZero() && (withAgency || !names.IsPerson(source)) {
		return byline{published: pub, updated: upd}, true // the outlet, then the dates
	}
	return byline{}, false
}

// withoutAgency removes the agency a source names after a co-writer's word ("avec AFP",
// "with Reuters"), and reports whether it did.
func withoutAgency(source string) (string, bool) {
	words := strings.Fields(source)
	for k := 1; k < len(words)-1; k++ {
		if lang.CoWriters().Has(words[k]) && lang.IsAgency(strings.Join(words[k+1:], " ")) {
			return strings.Join(words[:k], " "), true
		}
	}
	return source, false
}

// nameBeforeQuality reads the name that opens the names part of a byline when what follows
// it, with no comma, is how the writer describes himself: "Ann Roe Observatrice avertie". The
// name is two or three words; the rest opens with a capital and holds a lower-case word.
func nameBeforeQuality(s string) ([]string, bool) {
	name, ok := leadingPerson(strings.Fields(s), [2]int{3, 2}, func(rest []string) bool {
		return startsUpper(rest[0]) && slices.ContainsFunc(rest, isLowerWord)
	})
	if !ok {
		return nil, false
	}
	return []string{name}, true
}

// leadingPerson returns the person's name, of as many words as the first of sizes that fits,
// that opens words when the words after it pass follows.
func leadingPerson(words []string, sizes [2]int, follows func(rest []string) bool) (string, bool) {
	for _, n := range sizes {
		if n >= len(words) || !follows(words[n:]) {
			continue
		}
		if name := strings.Join(words[:n], " "); names.IsPerson(name) {
			return name, true
		}
	}
	return "", false
}

// firstUpper returns s with its first letter in upper case.
func firstUpper(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// isLowerWord reports whether the word w opens with a lower-case letter.
func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// stationsByline reads the names of a byline (after its byline word) that lists, after the
// writer, the stations or editions that carried the story and then the day: "Ann Roe, Radio
// Nord, Radio Sud et Radio Est mercredi 20 janvier 2016 à 17:44". The outlets share their
// first word; the writer's does not.
func stationsByline(s, code string) (byline, bool) {
	hits := scanDates(s, code)
	if len(hits) == 0 {
		return byline{}, false
	}
	parts := names.Split(trimDateWords(s[:hits[0].start]))
	if len(parts) < 3 || !names.IsPerson(parts[0]) {
		return byline{}, false
	}
	first := func(n string) string { return strings.Fields(n)[0] }
	for _, p := range parts[1:] {
		if !names.IsName(p) || first(p) != first(parts[1]) || first(p) == first(parts[0]) {
			return byline{}, false
		}
	}
	return byline{names: parts[:1], published: hits[0].t}, true
}

// footnoteRe matches a footnote mark after a name: "Marie Dupin [1]".
var footnoteRe = regexp.MustCompile(`\s*\[\d{1,2}\]$`)

// outletSuffixRe matches the outlet a byline names after the writer: "from the Associated
// Press", "pour Le Courrier".
var outletSuffixRe = regexp.MustCompile(`\s+(?:from|for|pour)\s+(?:the\s+|l['’]|la\s+|le\s+)?\p{Lu}[^|]{0,40}$`)

// opensWithUpdate reports a byline's part that gives the update's time in a form the date
// patterns do not read, with no year: "Updated March 18 at 6:29 AM".
func opensWithUpdate(part string) bool {
	folded := foldText(part)
	opens := slices.ContainsFunc(lang.UpdateWords(), func(w string) bool { return strings.HasPrefix(folded, w+" ") })
	return opens && strings.ContainsAny(part, "0123456789") && wordCount(part) <= 8
}

// withoutRank removes the rank or title a byline gives before the name with its article:
// "la capitaine Sophie Bernard" gives "Sophie Bernard".
func withoutRank(s string) string {
	words := strings.Fields(s)
	if len(words) < 4 || !lang.Determiners().Has(words[0]) || !lang.Titles().Has(strings.TrimSuffix(words[1], ".")) {
		return s
	}
	return strings.Join(words[2:], " ")
}

// newsroomStaff reports a byline that credits the newsroom's staff, not a writer: "KOLD News
// 13 Staff", "Ledger staff".
func newsroomStaff(s string) bool {
	words := strings.Fields(s)
	return len(words) >= 2 && len(words) <= 6 && lang.Accounts().Has(words[len(words)-1])
}

// slashOutletRe matches the last part of a byline after a slash with spaces around it.
var slashOutletRe = regexp.MustCompile(`\s+/\s+([^/]{2,40})$`)

// withoutSlashOutlet removes the outlet a byline names after a slash ("Ann Roe / American
// Press", "Léa Roux / Le Courrier"); a second writer after it stays ("Ann Roe / Tom Bell").
func withoutSlashOutlet(s string) string {
	sm := slashOutletRe.FindStringSubmatchIndex(s)
	if sm == nil {
		return s
	}
	outlet := strings.Fields(s[sm[2]:sm[3]])
	if len(outlet) > 4 || !startsUpper(outlet[0]) {
		return s
	}
	for _, w := range outlet {
		if lang.Mastheads().Has(w) || lang.Determiners().Has(w) {
			return s[:sm[0]]
		}
	}
	return s
}

// isOutlet reports a short byline part that names the outlet: "Trend:", "AFP".
func isOutlet(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ":")
	return s != "" && wordCount(s) <= 3 && names.IsName(s)
}

// trimDateWords removes from the end of s the words that introduce a date ("publié le", ",").
func trimDateWords(s string) string {
	fields := strings.Fields(s)
	for len(fields) > 0 {
		last := strings.Trim(fields[len(fields)-1], ",;:|–—-")
		if last != "" && !lang.DateWords().Has(last) {
			fields[len(fields)-1] = strings.TrimRight(fields[len(fields)-1], ",;:|–—-")
			break
		}
		fields = fields[:len(fields)-1]
	}
	return strings.Join(fields, " ")
}

// parseNames splits "Anne Delorme et Marc Tellier" into names, by the rules enrich files
// authors with (package names). With strict, every part must read as a name (a signature
// line); otherwise a role after the names is allowed ("Anne Delorme, envoyée spéciale").
func parseNames(s string, strict bool) ([]string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 120 {
		return nil, false
	}
	if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(".!?:;,", last) && !endsWithInitial(s) {
		return nil, false
	}
	var out []string
	for _, n := range names.Split(s) {
		if !names.IsName(n) || len(out) > 0 && roleRe.MatchString(n) {
			if strict || len(out) == 0 || wordCount(n) > 6 {
				return nil, false
			}
			break // a role: "envoyée spéciale à Valmont"
		}
		out = append(out, n)
	}
	return out, len(out) > 0
}

func endsWithInitial(s string) bool {
	f := strings.Fields(s)
	last := f[len(f)-1]
	return utf8.RuneCountInString(last) <= 3 && strings.HasSuffix(last, ".") || initialsRe.MatchString(last)
}

// initialsRe matches a name given by its initials: "P.G.", "J.-M.".
var initialsRe = regexp.MustCompile(`^(?:\p{Lu}\.-?){2,3}$`)

// nameDateRe splits a line that opens with a name or initials, then a dash or a bar.
var nameDateRe = regexp.MustCompile(`^([^|–—]{2,40}?)\s+[|–—-]\s+(.+)$`)

// nameBeforeDate reads a byline that gives the writer's name or initials, a dash or a bar,
// then the dates: "Y.C. – 16 juillet 2020, 12h03 | MAJ : 16 juillet 2020, 12h03".
func nameBeforeDate(l, code string, scan func(string) []dateHit) (byline, bool) {
	sm := nameDateRe.FindStringSubmatch(l)
	if sm == nil || !strings.ContainsAny(sm[2], "0123456789") {
		return byline{}, false
	}
	name := sm[1]
	initials := isInitials(name)
	if !initials && (!names.IsPerson(name) || wordCount(name) < 2) {
		return byline{}, false
	}
	pub, upd, _, ok := dateLineBy(sm[2], code, scan)
	if !ok || pub.IsZero() && upd.IsZero() {
		return byline{}, false
	}
	if !initials {
		name = names.Normalize(name)
	}
	return byline{names: []string{name}, published: pub, updated: upd}, true
}

// markedInitials reads a correspondent's initials alone after a dash: "- G.L.", "— J.-M. R.".
func markedInitials(l string) ([]string, bool) {
	rest := strings.TrimLeft(l, "-–—")
	marked := len(rest) < len(l)
	rest = strings.TrimSpace(rest)
	if !marked || !isInitials(rest) {
		return nil, false
	}
	return []string{rest}, true
}

// isInitials reports a correspondent's initials, spaced or not ("Y.C.", "R. C."), that are no
// abbreviation of the language tables ("U.S.").
func isInitials(s string) bool {
	return initialsRe.MatchString(strings.ReplaceAll(s, " ", "")) && !lang.Abbreviations().Has(s)
}

// signature reads a signature line at the end of a body: "Anne Delorme", "— A. Delorme".
func signature(line string) ([]string, bool) {
	if runesOver(line, 80) {
		return nil, false
	}
	if strings.HasSuffix(line, "]") { // footnoteRe ends the line with its bracket
		line = footnoteRe.ReplaceAllString(line, "")
	}
	if name, role, ok := strings.Cut(line, ", "); ok && isRole(role) {
		line = name // "Sue Marsh, Library Director"
	}
	marked := signatureMarkRe.MatchString(line)
	rest := line
	if marked { // unmarked, the line has nothing to replace
		rest = signatureMarkRe.ReplaceAllString(line, "")
	}
	if initialsRe.MatchString(rest) && !lang.Abbreviations().Has(rest) {
		return []string{rest}, true // a correspondent signs with initials: "B.G."
	}
	names, ok := parseNames(rest, true)
	if !ok {
		return nil, false
	}
	if !marked {
		// A bare line must look like names, not like a two-word heading.
		for _, n := range names {
			if wordCount(n) < 2 || wordCount(n) > 4 {
				return nil, false
			}
		}
	}
	return names, true
}

// maxPlaceWords bounds the place a correspondent signs from.
const maxPlaceWords = 3

// placedSignature reads the signature of a correspondent with the place she writes from,
// under the body: "Awa Koné, Abidjan", "Jean Roux, à Genève".
func placedSignature(line string) ([]string, bool) {
	name, place, ok := strings.Cut(line, ", ")
	if !ok {
		return nil, false
	}
	words := strings.Fields(strings.TrimRight(place, "."))
	if len(words) > 0 && lang.Connectors().Has(words[0]) || len(words) > 0 && strings.ToLower(words[0]) == words[0] && len(words[0]) <= 2 {
		words = words[1:] // "à Genève", "in Lagos"
	}
	if len(words) == 0 || len(words) > maxPlaceWords {
		return nil, false
	}
	if !allStartUpper(words) {
		return nil, false
	}
	ns, ok := parseNames(name, true)
	return ns, ok && len(ns) == 1 && names.IsPerson(ns[0])
}

// firstNameWithRole reads the sign-off of a post signed with a first name and the writer's
// job: "Michele, Children's Librarian".
func firstNameWithRole(l string) (string, bool) {
	name, role, ok := strings.Cut(l, ", ")
	if !ok || strings.Contains(name, " ") || !isRole(strings.TrimSuffix(role, ".")) || !names.IsName(name) {
		return "", false
	}
	return name, true
}

// isRole reports a job printed after a signer's name: one to four capitalised words ending
// with a title of the language tables ("Library Director", "Fire Chief").
func isRole(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return lang.Titles().Has(words[len(words)-1])
}

// teaserAuthor cleans the author of a teaser byline: "X | March 3, 2021" gives "X".
func teaserAuthor(s string) string {
	s = strings.TrimSpace(bylineSepRe.Split(s, 2)[0])
	if hits := scanDates(s, ""); len(hits) > 0 && hits[0].start > 0 {
		s = trimDateWords(s[:hits[0].start])
	}
	return nameBeforeExcerpt(s)
}

// nameBeforeExcerpt returns the name that opens s when the teaser's excerpt runs on after
// it, opening on a capitalised stop word: "Ann Roe The Governor of Imo State, …" gives "Ann
// Roe". Else it returns s.
func nameBeforeExcerpt(s string) string {
	name, ok := leadingPerson(strings.Fields(s), [2]int{2, 3}, func(rest []string) bool {
		return !isLowerWord(rest[0]) && lang.StopWords().Has(strings.ToLower(rest[0]))
	})
	if !ok {
		return s
	}
	return name
}
