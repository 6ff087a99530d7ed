package scrape

import (
	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"github.com/kiosque-dev/kiosque/tool/internal/names"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A crawler that hard-wraps text prints a paragraph over several lines of about the same
// width. reflow finds that width and joins such lines back into their paragraph.

// minWrapLines is the number of full-width lines that show a page is hard-wrapped.
const minWrapLines = 5

// splitBlocks splits text into its blocks: trimmed non-empty lines, with hard-wrapped
// paragraphs joined into one block each.
func splitBlocks(text string) []string {
	raw := strings.Split(text, "\n")
	for i := range raw {
		raw[i] = strings.TrimSpace(raw[i])
	}
	raw = joinLoneBullets(raw)
	width := wrapWidth(raw)
	var out []string
	if sm := crawlerStampRe.FindStringSubmatch(firstLine(raw)); sm != nil {
		// "date 2018-05-16 Le titre": a crawler's stamp glued to the first line.
		out = append(out, sm[1])
		raw = append([]string(nil), raw...)
		raw[firstIndex(raw)] = sm[2]
	}
	gapped := gapBreaks(raw) >= minGapBreaks
	for i := 0; i < len(raw); i++ {
		l := raw[i]
		if l == "" {
			continue
		}
		// Whether a line goes on is read from the last line joined, not from the paragraph so
		// far: "of him." ends a paragraph however long the lines above it.
		for i+1 < len(raw) {
			if width > 0 && (continues(raw[i], raw[i+1], width) || raggedBreak(raw[i], raw[i+1])) || brokenSentence(l, raw[i+1]) {
				i++
			} else if gapped && gapBreakAt(raw, i) {
				i += 2
			} else {
				break
			}
			l = joinWrapped(l, raw[i])
		}
		out = append(out, splitGlued(l)...)
	}
	return out
}

// The list markers: loneBullets open a list item (listItemRe), or stand on a line of their
// own above the item they mark; sceneBreaks, all but the dashes, also make a line of a
// scene break.
const (
	sceneBreaks = "*•▪●◦·"
	loneBullets = "-–" + sceneBreaks
)

// joinLoneBullets sets each list marker alone on its line before the line it marks, as a
// flattened list of links prints them ("-", then "Le titre", "-", then "Un autre"): "- Le
// titre". It does so only when the page holds two such markers or more, each over an item,
// and every item reads as a headline: a scene break in a story ("*") marks prose.
func joinLoneBullets(raw []string) []string {
	var at []int
	for i := 0; i+1 < len(raw); i++ {
		if !isLoneBullet(raw[i]) || raw[i+1] == "" || isLoneBullet(raw[i+1]) {
			continue
		}
		if item := raw[i+1]; wordCount(item) > maxBulletItemWords || strings.HasSuffix(item, ".") && !strings.HasSuffix(item, "...") {
			return raw
		}
		at = append(at, i)
	}
	if len(at) < 2 {
		return raw
	}
	raw = append([]string(nil), raw...)
	for _, i := range at {
		raw[i], raw[i+1] = raw[i]+" "+raw[i+1], ""
	}
	return raw
}

// maxBulletItemWords bounds an item a lone list marker stands over.
const maxBulletItemWords = 20

// isSeparator reports a line of stars or dots alone, a break between a story's scenes or
// sections: "*", "* * *", "•". A line of dashes is the writer's text (a Markdown rule).
func isSeparator(l string) bool {
	return l != "" && strings.Trim(l, sceneBreaks+" ") == ""
}

func isLoneBullet(l string) bool {
	r, size := utf8.DecodeRuneInString(l)
	return size > 0 && size == len(l) && strings.ContainsRune(loneBullets, r)
}

var (
	// gluedFileRe matches an image's file name glued to the text after it:
	// "pere-noel-saHier l’actualité…".
	gluedFileRe = regexp.MustCompile(`^([a-z0-9][a-z0-9_.]*-[a-z0-9_.-]*?)(\p{Lu}\p{Ll})`)
	// leadingFileRe matches an image's file name, with its extension, before the paragraph:
	// "Paris_passe__Lyon_trepasse__.jpg Il n'y a…".
	leadingFileRe = regexp.MustCompile(`(?i)^(\S+\.(?:jpe?g|png|gif|webp|avif))\s+\S`)
	// gluedNameRe matches a writer's name run onto the end of a paragraph: "… les jours à
	// venirMarion L'Hour".
	gluedNameRe = regexp.MustCompile(`\p{Ll}{3}(\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})$`)
	// stopGluedNameRe matches a writer's name of two words run onto a paragraph's last
	// sentence, after a word of four letters or more and its full stop: "… au
	// rectorat.Guillaume Frouin" (not "Prof.Anne Roe", "vs.Real Madrid").
	stopGluedNameRe = regexp.MustCompile(`\p{Ll}{4}[.!?](\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’-]+)$`)
	// gluedBylineRe matches a byline run into the first paragraph: "Par Anne Delorme Le maire
	// a…", the name ending before the capitalised word that opens the sentence.
	gluedBylineRe = regexp.MustCompile(`^((?:Par|By)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})\s+(\p{Lu}[\p{L}'’-]*\s+\p{Ll}.{40,})$`)
	// gluedBylineNoSpaceRe matches a byline run into the first paragraph with no space: "By
	// Lori EhdeThe county fair…", the name's last word greedy up to the capital that opens the
	// sentence.
	gluedBylineNoSpaceRe = regexp.MustCompile(`^(?:Par|By)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]*\p{Ll}){1,2})(\p{Lu}[\p{L}'’-]*\s.{40,})$`)
	// pipedNameRe matches a writer's name set before the first paragraph with a bar:
	// "Anne Delorme | La rentrée, c'est pour tout le monde…".
	pipedNameRe = regexp.MustCompile(`^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})\s+\|\s+(\p{Lu}.{40,})$`)
	// gluedCaptionRe matches a photo's caption and credit run into the first paragraph,
	// the credit ending with the agency's initials: "Mayor Ann Roe. Picture Tom Bell /Coast
	// News Agency (CNA) Dunmore - The mayor…".
	// The credit names its kind in a case the pattern keeps (no (?i)): a line without
	// "Picture", "Photo" or "Image" cannot match.
	gluedCaptionRe = guard(regexp.MustCompile(`^([^.!?]{3,160}`+agencyCreditPattern+`)\s+(\p{Lu}.{40,})$`),
		holdsAny("Picture", "Photo", "Image"))
	// agencyCreditRe matches a caption ending with such a credit. Its match ends the text
	// with the initials' closing parenthesis, so a line that does not end with ")" cannot
	// match.
	agencyCreditRe = guard(regexp.MustCompile(agencyCreditPattern+`$`), endsWith(")"))
)

// agencyCreditPattern is a photo's credit after its caption's sentence, ending with the
// agency's initials: ". Picture Tom Bell /Coast News Agency (CNA)".
const agencyCreditPattern = `[.!?]\s+(?:Pictures?|Photos?|Image):?\s+\p{Lu}[^.!?()]{2,80}\([A-Z]{2,6}\)`

// splitGlued splits a block that a crawler ran together from two: an image's file name and
// the paragraph after it, a byline (or a name and a bar), or a photo's caption and credit,
// and the first paragraph.
func splitGlued(l string) []string {
	// leadingFileRe's name is the line's first word (\S+ up to the \s after its extension),
	// and holds a period.
	if strings.Contains(firstRegexpWord(l), ".") {
		if m := leadingFileRe.FindStringSubmatchIndex(l); m != nil {
			return []string{l[:m[3]], strings.TrimSpace(l[m[3]:])}
		}
	}
	if m := gluedFileRe.FindStringSubmatchIndex(l); m != nil {
		return []string{l[:m[3]], l[m[3]:]}
	}
	if m := gluedBylineRe.FindStringSubmatchIndex(l); m != nil {
		return []string{l[:m[3]], l[m[4]:]}
	}
	if strings.HasPrefix(l, "By ") || strings.HasPrefix(l, "Par ") {
		if m := gluedBylineNoSpaceRe.FindStringSubmatchIndex(l); m != nil && names.IsPerson(l[m[2]:m[3]]) {
			return []string{l[:m[3]], l[m[4]:]}
		}
	}
	if m := gluedCaptionRe.FindStringSubmatchIndex(l); m != nil {
		return []string{l[:m[3]], l[m[4]:]}
	}
	// pipedNameRe needs the bar.
	if strings.Contains(l, "|") {
		if m := pipedNameRe.FindStringSubmatchIndex(l); m != nil && names.IsPerson(l[:m[3]]) && !strings.Contains(l[m[4]:], " | ") {
			return []string{strings.TrimSpace(l[:m[4]]), l[m[4]:]} // "Anne Delorme |" keeps its bar
		}
	}
	tail, at := lineTail(l, gluedNameTail)
	if !lowerThenUpper(tail) || isGluedRole(l) {
		// gluedNameRe needs a capital glued to a lower-case letter; a byline box whose job
		// ran into the masthead ("Staff ReporterHills Gazette") stays whole, as furniture.
		return []string{l}
	}
	if m := gluedNameRe.FindStringSubmatchIndex(tail); m != nil && names.IsPerson(tail[m[2]:]) {
		return []string{l[:at+m[2]], l[at+m[2]:]}
	}
	if m := stopGluedNameRe.FindStringSubmatchIndex(tail); m != nil && wordCount(l) >= minProseWords && names.IsPerson(tail[m[2]:]) {
		return []string{l[:at+m[2]], l[at+m[2]:]} // a paragraph's, not a headline's
	}
	return []string{l}
}

// lowerThenUpper reports whether s holds an upper-case letter (\p{Lu}) right after a
// lower-case one (\p{Ll}), or after a full stop that follows one, as a name run onto a
// paragraph does: "venirMarion", "rectorat.Guillaume".
func lowerThenUpper(s string) bool {
	lower, stop := false, false
	for _, r := range s {
		// An ASCII letter is \p{Lu} or \p{Ll} as it is A-Z or a-z: no table to read.
		up, low := 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z'
		if r >= utf8.RuneSelf {
			up, low = unicode.Is(unicode.Lu, r), unicode.Is(unicode.Ll, r)
		}
		if (lower || stop) && up {
			return true
		}
		stop = lower && (r == '.' || r == '!' || r == '?')
		lower = low
	}
	return false
}

// firstRegexpWord returns s up to its first white space as a pattern's \s sees it (an ASCII
// space, tab, line feed, form feed or carriage return).
func firstRegexpWord(s string) string {
	if i := strings.IndexAny(s, " \t\n\f\r"); i >= 0 {
		return s[:i]
	}
	return s
}

// gluedNameTail is how far from the end of a block a name run onto it can start, its last
// lower-case letters included.
const gluedNameTail = 120

// lineTail returns the last n bytes of l or a little less, starting at a character, and
// where they start in l: the patterns anchored at a line's end need read no more of it.
func lineTail(l string, n int) (string, int) {
	if len(l) <= n {
		return l, 0
	}
	at := len(l) - n
	for at < len(l) && !utf8.RuneStart(l[at]) {
		at++
	}
	return l[at:], at
}

// crawlerStampRe matches the date stamp some crawlers glue to a page's first line.
var crawlerStampRe = regexp.MustCompile(`^(date \d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)?)\s+(\S.*)$`)

func firstIndex(lines []string) int {
	for i, l := range lines {
		if l != "" {
			return i
		}
	}
	return 0
}

func firstLine(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[firstIndex(lines)]
}

// wrapWidth returns the width a hard-wrapped page was cut at, or 0 when the page is not
// hard-wrapped: many lines end within a few characters of one width, and no line is much
// longer.
func wrapWidth(lines []string) int {
	var lens []int
	for _, l := range lines {
		if l != "" {
			lens = append(lens, utf8.RuneCountInString(l))
		}
	}
	if len(lens) < minWrapLines {
		return 0
	}
	sorted := slices.Clone(lens)
	slices.Sort(sorted)
	width := sorted[len(sorted)*19/20]
	if width < 50 || width > 100 {
		return 0
	}
	full := 0
	for _, n := range lens {
		if n >= width-12 && n <= width+2 {
			full++
		}
	}
	if full < minWrapLines || full*4 < len(lens) {
		return 0
	}
	return width + 2
}

// A print view breaks its sentences where the printed columns ended, each piece a line of
// its own with a blank line between ("… there are a", "", "number of reasons …");
// minGapBreaks such breaks show a page that does.
const minGapBreaks = 2

// gapBreaks counts the lines of raw cut in the middle of a sentence whose rest follows a
// blank line.
func gapBreaks(raw []string) int {
	n := 0
	for i := range raw {
		if gapBreakAt(raw, i) {
			n++
		}
	}
	return n
}

// gapBreakAt reports a line raw[i] of three words or more that stops on a word or a comma,
// the rest of its sentence in lower case after one blank line.
func gapBreakAt(raw []string, i int) bool {
	if i+2 >= len(raw) || raw[i] == "" || raw[i+1] != "" || raw[i+2] == "" || wordsUpTo(raw[i], 3) < 3 {
		return false
	}
	next := raw[i+2]
	if listItemRe.MatchString(next) || bylineStartRe.MatchString(next) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(raw[i])
	r, _ := utf8.DecodeRuneInString(next)
	return (unicode.IsLetter(last) || last == ',') && unicode.IsLower(r)
}

// continues reports whether next carries on the hard-wrapped line l: l fills the width,
// and next is not a new list item or a line of its own.
func continues(l, next string, width int) bool {
	if next == "" || utf8.RuneCountInString(l) < width-14 || listItemRe.MatchString(next) || bylineStartRe.MatchString(next) {
		return false
	}
	if n := wordCount(next); n <= 8 && len(scanDates(next, "")) > 0 && !strings.HasSuffix(next, ".") {
		return false // a date line under a headline
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("«“\"'(", r)
}

// raggedBreak reports, on a hard-wrapped page, a short line cut in the middle of its
// sentence: it ends on a word and the next line goes on in lower case ("Hernandez, 25, who
// had been considered" / "one of the top tight ends").
func raggedBreak(l, next string) bool {
	if next == "" || wordCount(l) < 2 || listItemRe.MatchString(next) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	r, _ := utf8.DecodeRuneInString(next)
	return (unicode.IsLetter(last) || last == ',') && unicode.IsLower(r)
}

// brokenSentence reports a line cut in the middle of a sentence after a small word or a
// comma, the rest on the next line in lower case: "… des dizaines de" / "planteurs …".
func brokenSentence(l, next string) bool {
	if next == "" || l == "" || listItemRe.MatchString(next) || bylineStartRe.MatchString(next) {
		return false
	}
	first, _, _ := strings.Cut(next, " ")
	if strings.ContainsFunc(first, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' }) {
		return false // an address, a number: not the rest of a sentence
	}
	r, _ := utf8.DecodeRuneInString(next)
	words := wordsUpTo(l, 8) // len(strings.Fields(l)), without the fields, as far as the tests below read it
	lastWord := lastField(l)
	// A line never ends on "de", "the" or a comma but where a sentence was cut; a headline
	// wrapped after its first word ("Une" / "kermesse d’hiver réussie") neither.
	if unicode.IsLower(r) && (strings.HasSuffix(lastWord, ",") && words >= 6 || lang.StopWords().Has(lastWord) && len(lastWord) <= 4) {
		return true
	}
	// Nor does a line of prose that ends a sentence inside it, then stops on a word: "… on
	// Sunday. I wish" / "I could keep it".
	last, _ := utf8.DecodeLastRuneInString(l)
	return words >= 8 && unicode.IsLetter(last) && sentenceEnds(l) > 0 && (unicode.IsLower(r) || first == "I")
}

// maxCutFragmentWords bounds the words left of a paragraph cut off in its last sentence.
const maxCutFragmentWords = 5

// cutAfterSentence reports a line cut off a few words into a sentence that follows a full
// one: "… was taken to hospital. He later t".
func cutAfterSentence(l string) bool {
	n, at := lastSentenceEnd(l)
	// ". He later t": the period, then the fragment.
	return n > 0 && wordCount(l[at:])-1 <= maxCutFragmentWords
}

// lastField returns the last of strings.Fields(l), "" when there is none.
func lastField(l string) string {
	l = strings.TrimRightFunc(l, unicode.IsSpace)
	i := strings.LastIndexFunc(l, unicode.IsSpace)
	if i < 0 {
		return l
	}
	_, size := utf8.DecodeRuneInString(l[i:])
	return l[i+size:]
}

// sentenceEndRe matches where a sentence ends inside a line and the next starts.
var sentenceEndRe = regexp.MustCompile(`[.!?…]["»”’)]?\s+["«“]?\p{Lu}`)

// sentenceEnds returns how many sentences end inside l with another after them: "… à
// Brive. Plus t" holds one. The period of an initial, an honorific or a short form with
// periods inside ("M. Roux", "Dr. Patel", "U.S. Senate") ends none.
func sentenceEnds(l string) int {
	n, _ := lastSentenceEnd(l)
	return n
}

// lastSentenceEnd returns how many sentences end inside l, as sentenceEnds counts them, and
// where the pattern last matched, an initial's period included (-1 when it did not).
func lastSentenceEnd(l string) (n, at int) {
	at = -1
	if !containsAny(l, ".!?…") {
		return 0, at // most headlines and labels: no pattern to run
	}
	for _, loc := range sentenceEndRe.FindAllStringIndex(l, -1) {
		at = loc[0]
		word := lastField(l[:loc[0]])
		if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) || lang.Honorifics().Has(word) || strings.Contains(word, ".") {
			continue // "M. Roux", "Dr. Patel", "U.S. Senate", "7 p.m. Friday"
		}
		n++
	}
	return n, at
}

// joinWrapped joins two parts of a hard-wrapped paragraph; a word cut after its hyphen
// ("porte-" / "parole") is joined whole.
func joinWrapped(l, next string) string {
	if strings.HasSuffix(l, "-") && !strings.HasSuffix(l, " -") {
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsLower(r) {
			return l + next
		}
	}
	return l + " " + next
}
