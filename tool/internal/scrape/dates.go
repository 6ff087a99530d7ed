package scrape

import (
	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"github.com/kiosque-dev/kiosque/tool/internal/names"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dates printed without a time zone are read as UTC: the scrape rarely says where it was
// written, and a fixed zone keeps the parse reproducible.

// monthAlt and weekdayAlt match the month and day names of every language table, folded or
// with their accents, an abbreviation perhaps followed by its period.
var (
	monthAlt   = namesAlt(lang.MonthNames())
	weekdayAlt = namesAlt(lang.WeekdayNames())
)

var (
	isoDateRe     = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b`)
	numericDateRe = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`)
	// dashedDateRe matches a day, month and year in figures separated by hyphens, the year in
	// four: "21-08-2024" (with two, "10-12-18" is as often a score or a range).
	dashedDateRe = regexp.MustCompile(`\b(\d{1,2})-(\d{1,2})-(\d{4})\b`)
	// dayMonthRe matches "12 mars 2023", "Monday 3rd March 2021", "04 - Janvier - 2021".
	dayMonthRe = regexp.MustCompile(`(?i)(?:\b(?:` + weekdayAlt + `),?\s+)?\b(1er|\d{1,2})(?:st|nd|rd|th|\.)?(?:\s+|\s+[-–]\s+)(` + monthAlt + `)(?:\s+|\s+[-–]\s+)(\d{4})\b`)
	monthDayRe = regexp.MustCompile(`(?i)(?:\b(?:` + weekdayAlt + `),?\s+)?\b(` + monthAlt + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	// dayYearRe matches the end of every date monthDayRe matches, the day's last figure to
	// the year, under the same flag: a quick test that spares the long pattern the lines
	// whose dates put the day first ("14 avril 2015").
	dayYearRe = regexp.MustCompile(`(?i)\d(?:st|nd|rd|th)?,?\s+\d{4}\b`)
	timeRe    = regexp.MustCompile(`(?i)^\s*(?:,\s*)?(?:(?:à|a|at|-|–|—)\s*)?(\d{1,2})\s*(?:(h|:)\s*(\d{2})?)?\s*([ap]\.?m\.?)?`)
)

// dateHit is a date found in a line, with its byte span.
type dateHit struct {
	t          time.Time
	start, end int
}

// scanDates finds the dates printed in s, in order, without overlaps. code ("fr", "en" or
// "") decides how an ambiguous numeric date such as 03/04/2021 reads.
func scanDates(s, code string) []dateHit {
	if !strings.ContainsAny(s, "0123456789") {
		return nil // every date form has digits
	}
	var hits []dateHit
	taken := func(a, b int) bool {
		for _, h := range hits {
			if a < h.end && b > h.start {
				return true
			}
		}
		return false
	}
	add := func(h dateHit) {
		if taken(h.start, h.end) {
			return
		}
		h.end = withTime(s, h.end, &h.t)
		hits = append(hits, h)
	}
	dashed := strings.IndexByte(s, '-') >= 0 // isoDateRe and dashedDateRe need one
	for _, m := range findAll(dashed, isoDateRe, s) {
		g := groups(s, m)
		y, mo, d := atoi(g[1]), atoi(g[2]), atoi(g[3])
		t, ok := makeDate(y, mo, d)
		if !ok {
			continue
		}
		if g[4] != "" {
			loc := time.UTC
			if z := g[7]; z != "" && z != "Z" {
				z = strings.ReplaceAll(z, ":", "")
				off := (atoi(z[1:3])*60 + atoi(z[3:5])) * 60
				if z[0] == '-' {
					off = -off
				}
				loc = time.FixedZone("", off)
			}
			t = time.Date(y, time.Month(mo), d, atoi(g[4]), atoi(g[5]), atoi(g[6]), 0, loc)
			hits = append(hits, dateHit{t, m[0], m[1]})
			continue
		}
		add(dateHit{t, m[0], m[1]})
	}
	named := hasYear(s) && hasMonthName(s)
	for _, m := range findAll(named, dayMonthRe, s) {
		g := groups(s, m)
		d := 1
		if !strings.EqualFold(g[1], "1er") {
			d = atoi(g[1])
		}
		if t, ok := makeDate(atoi(g[3]), int(month(g[2])), d); ok {
			add(dateHit{t, m[0], m[1]})
		}
	}
	for _, m := range findAll(named && dayYearRe.MatchString(s), monthDayRe, s) {
		g := groups(s, m)
		if t, ok := makeDate(atoi(g[3]), int(month(g[1])), atoi(g[2])); ok {
			add(dateHit{t, m[0], m[1]})
		}
	}
	numeric := findAll(strings.ContainsAny(s, "/."), numericDateRe, s)
	for _, m := range append(numeric, findAll(dashed, dashedDateRe, s)...) {
		g := groups(s, m)
		a, b, y := atoi(g[1]), atoi(g[2]), atoi(g[3])
		if len(g[3]) == 2 {
			y += 2000 // "24/11/18"
		}
		d, mo := a, b
		if a <= 12 && (b > 12 || code == "en" && b <= 12) {
			d, mo = b, a
		}
		if t, ok := makeDate(y, mo, d); ok {
			add(dateHit{t, m[0], m[1]})
		}
	}
	// Order by position.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].start < hits[j-1].start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	return hits
}

// hasYear reports whether s holds a year as dayMonthRe and monthDayRe end with one: white
// space (\s), four digits, then a word boundary (\b).
func hasYear(s string) bool {
	for i := 0; i+5 <= len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			continue
		}
		if isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) && isDigit(s[i+4]) && (i+5 == len(s) || !isRegexpWord(s[i+5])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isRegexpWord reports a byte of a word as \b sees it: an ASCII letter, digit or underscore.
func isRegexpWord(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// hasMonthName reports whether s holds a month's name or abbreviation: a quick test that
// spares most lines the long patterns of named dates.
func hasMonthName(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != utf8.RuneError }) {
		if len(w) >= 3 && lang.Month(w) != 0 {
			return true
		}
	}
	return false
}

// findAll returns the matches of re in s with their groups, or none when ok, a quick test
// that s may hold one, is false.
func findAll(ok bool, re *regexp.Regexp, s string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// withTime extends a date ending at end with the time of day that follows it ("à 10h15",
// "at 3:40 pm"), setting it on t, and returns the new end.
func withTime(s string, end int, t *time.Time) int {
	m := timeRe.FindStringSubmatchIndex(s[end:])
	if m == nil {
		return end
	}
	g := groups(s[end:], m)
	sep, ampm := g[2], strings.ToLower(strings.ReplaceAll(g[4], ".", ""))
	if sep == "" && ampm == "" {
		return end
	}
	h, min := atoi(g[1]), atoi(g[3])
	switch ampm {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 || min > 59 {
		return end
	}
	*t = time.Date(t.Year(), t.Month(), t.Day(), h, min, 0, 0, time.UTC)
	return end + m[1]
}

func groups(s string, m []int) []string {
	g := make([]string, len(m)/2)
	for i := range g {
		if m[2*i] >= 0 {
			g[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return g
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func month(name string) time.Month {
	return lang.Month(name)
}

// makeDate returns the calendar date, or false when it does not exist or lies outside the
// years news can have.
func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

// dateLine reads a line that only prints dates, with their usual words ("Publié le 12 mars
// 2023 à 10h15, mis à jour le 13 mars"). It returns the publication and update dates it
// names (either may be zero), and, for "Posted on March 3, 2021 by X", the names after.
func dateLine(line, code string) (published, updated time.Time, writers []string, ok bool) {
	return dateLineBy(line, code, func(s string) []dateHit { return scanDates(s, code) })
}

// dateLineBy is dateLine with scan, scanDates of a string in the language code, given: a
// parse passes its copy that reads each of its lines once.
func dateLineBy(line, code string, scan func(string) []dateHit) (published, updated time.Time, writers []string, ok bool) {
	// scanDates finds nothing without a digit, and trimDatePrefix returns a part of the line:
	// a line without one is no date line, whatever its prefix.
	if runesOver(line, 160) || !strings.ContainsAny(line, "0123456789") {
		return published, updated, nil, false
	}
	line = strings.TrimSuffix(trimDatePrefix(line), ".") // "… Updated: 8:32 am, Fri Oct 7, 2011."
	if !mayStartDateLine(line) {
		return published, updated, nil, false
	}
	hits := scan(line)
	if len(hits) == 0 {
		return published, updated, nil, false
	}
	tail := line[hits[len(hits)-1].end:]
	if sm := trailingByRe.FindStringSubmatch(tail); sm != nil {
		// "… par Ann Roe 1", "… par Ann Roe1": the count of comments after the name.
		n, ok := parseNames(strings.TrimRight(sm[1], "0123456789 "), true)
		if !ok {
			return published, updated, nil, false
		}
		writers = n
		tail = ""
	} else if sm := trailingNameRe.FindStringSubmatch(tail); sm != nil && names.IsPerson(sm[1]) {
		writers, tail = []string{names.Normalize(sm[1])}, "" // "Publié le 9 avril 2015 - Ann Roe"
	}
	tail = trimDateTail(tail)
	prev := 0
	for _, h := range hits {
		raw := line[prev:h.start]
		if sm := timeFirstRe.FindStringSubmatchIndex(raw); sm != nil {
			// "Published 7:05 p.m. ET Nov. 14, 2023", "| Updated: 8:32 am, Friday, Oct. 7,
			// 2011": the time comes first.
			t := h.t
			if withTime(raw, sm[0], &t) > sm[0] {
				h.t = t
				raw = raw[:sm[0]] + raw[sm[1]:]
			}
		}
		before := foldText(raw)
		if !onlyDateWords(before) {
			return time.Time{}, time.Time{}, nil, false
		}
		isUpdate := false
		for _, w := range lang.UpdateWords() {
			if strings.Contains(before, w) {
				isUpdate = true
			}
		}
		switch {
		case isUpdate && updated.IsZero():
			updated = h.t
		case !isUpdate && published.IsZero():
			published = h.t
		}
		prev = h.end
	}
	if !onlyDateWords(foldText(tail)) {
		return time.Time{}, time.Time{}, nil, false
	}
	return published, updated, writers, true
}

// mayStartDateLine is a quick test that spares the date patterns most lines: a date line
// starts with a digit, a month or weekday name, or a word that introduces a date.
func mayStartDateLine(line string) bool {
	first, _, _ := strings.Cut(strings.TrimLeft(line, " ,;:|()[]-–—·•"), " ")
	if first == "" {
		return false
	}
	if first[0] >= '0' && first[0] <= '9' {
		return true
	}
	w := strings.Trim(first, ",.:;")
	return lang.DateWords().Has(w) || lang.Weekdays().Has(w) || lang.Month(w) != 0
}

// clockPattern spells a time of day in hours and minutes: "14h00", "7:30", "8 h 15". The
// date readers' timeRe and timeFirstRe take more (an hour alone, wider spacing) as they read
// a time where a date said there is one.
const clockPattern = `\d{1,2}\s?[h:]\s?\d{2}`

// timeFirstRe finds a time of day printed before the date.
var timeFirstRe = regexp.MustCompile(`(?i)\b\d{1,2}(?:\s*[h:]\s*\d{2})?\s*(?:[ap]\.?m\.?)?`)

var (
	trailingByRe = regexp.MustCompile(`(?i)^\s*[,|–—-]?\s*(?:by|par)\s+(\S.*)$`)
	// trailingNameRe matches a writer's name after a dash or a bar at the end of a date line.
	trailingNameRe = regexp.MustCompile(`^\s*[|–—-]\s+(\p{Lu}[\p{L}'’. -]{2,50}?)\s*$`)
	// emptyByRe matches a byline word before the first word of a date line, the writer's name
	// left out: "By on 17 août 2016".
	emptyByRe = regexp.MustCompile(`(?i)^(?:` + bylineWordsAlt() + `)\s+(\S+)\s`)
	// emptyByBarRe matches a byline word with no name before the bar of the next field.
	emptyByBarRe = regexp.MustCompile(`^(?:` + bylineWordsAlt() + `)\s*\|\s*`)
	// outletDashRe matches a newsroom's name printed before the date: "Le Réveil - 15 juil.".
	outletDashRe = regexp.MustCompile(`^(\p{Lu}[^|–—-]{1,40}?)\s+[|–—-]\s+(\S.*)$`)
)

// trimDatePrefix removes what a date line may print before its dates: a byline left
// without its name ("By on 17 août 2016") or the newsroom's name ("Le Réveil de Brévenne -
// 15 juil. 2019").
func trimDatePrefix(line string) string {
	if m := emptyByRe.FindStringSubmatchIndex(line); m != nil && lang.DateWords().Has(line[m[2]:m[3]]) {
		return line[m[2]:]
	}
	if m := emptyByBarRe.FindStringIndex(line); m != nil {
		return line[m[1]:] // "By | February 26th, 2020|General news|": a theme's byline left empty
	}
	if !containsAny(line, "|–—-") {
		return line // outletDashRe needs a separator
	}
	if sm := outletDashRe.FindStringSubmatch(line); sm != nil && names.IsName(sm[1]) && mayStartDateLine(sm[2]) {
		return sm[2]
	}
	return line
}

// maxCategoryRunes bounds the category a blog prints after a date: " in Uncategorized".
const maxCategoryRunes = 45

// trimDateTail removes what a date line may print after its last date that is no date
// word: a blog's category (" in Uncategorized", as bylines name it: see inCategoryRe) or a
// reading-time label after a separator ("- Temps de lecture :", "| 3 min read").
func trimDateTail(tail string) string {
	tail = trimAgeTail(tail)
	if loc := inCategoryRe.FindStringIndex(tail); loc != nil && loc[0] == 0 && utf8.RuneCountInString(tail) <= maxCategoryRunes && !strings.ContainsAny(tail, ".!?;:|") {
		return ""
	}
	if i := strings.LastIndexAny(tail, "|–—-"); i >= 0 {
		_, n := utf8.DecodeRuneInString(tail[i:])
		if isReadingTime(tail[i+n:]) {
			return tail[:i]
		}
	}
	if barredCategory(tail) || isReadingTime(tail) || dateExtras(tail) {
		return "" // " 7 min read", "  •  1 hour ago  •  1 minute read  •  Join the conversation"
	}
	return tail
}

// dateExtras reports a tail of parts after bullets or bars that each give the story's age,
// its reading time, or a link to its comments.
func dateExtras(tail string) bool {
	parts := strings.FieldsFunc(tail, func(r rune) bool { return r == '•' || r == '·' || r == '|' })
	if len(parts) == 0 || strings.TrimSpace(tail) == "" {
		return false
	}
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" || relativeTimeRe.MatchString(part) || isReadingTime(part) {
			continue
		}
		if reason, ok := defaultMatcher().furnitureReason(part); !ok || reason != ReasonComments {
			return false
		}
	}
	return true
}

// trimAgeTail cuts the age a page prints after a date: "… 12:00 pm Updated 3 minutes ago".
func trimAgeTail(tail string) string {
	// Every age relativeTimeRe reads holds a digit, "ago" or "il y a": most tails hold none.
	if !strings.ContainsAny(tail, "0123456789") && !strings.Contains(tail, "ago") && !strings.Contains(tail, "il y a") {
		return tail
	}
	for i := 1; i < len(tail); i++ {
		if tail[i-1] == ' ' && tail[i] != ' ' && relativeTimeRe.MatchString(tail[i:]) {
			return tail[:i]
		}
	}
	return tail
}

// barredCategory reports the categories a theme prints between bars after a date:
// "|General news|", "| News, Sport |".
func barredCategory(tail string) bool {
	t := strings.TrimSpace(tail)
	if !strings.HasPrefix(t, "|") || utf8.RuneCountInString(t) > maxCategoryRunes || strings.ContainsAny(t, ".!?;:") {
		return false
	}
	for _, part := range strings.Split(strings.Trim(t, "| "), "|") {
		if wordCount(part) > 4 {
			return false
		}
	}
	return true
}

// readingTimePrefixes are the reading-time cues of every language, folded as foldCue folds.
var readingTimePrefixes = sync.OnceValue(func() []string {
	var out []string
	for _, p := range lang.AllCues().Prefixes[lang.ReadingTime] {
		out = append(out, foldCue(p))
	}
	return out
})

// isReadingTime reports a reading-time label, with or without its minutes: "3 min read",
// "Temps de lecture :".
func isReadingTime(s string) bool {
	f := foldCue(strings.TrimSpace(s))
	if f == "" {
		return false
	}
	if readingTimeRe.MatchString(f) {
		return true
	}
	for _, p := range readingTimePrefixes() {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// clockTokenRe matches a time of day written as one word: "09h30", "7:05", or the hour
// alone, "14h".
var clockTokenRe = regexp.MustCompile(`^(?:` + clockPattern + `|\d{1,2}h)$`)

// onlyDateWords reports a folded text made only of date words, figures, month names and
// times of day: "publie le 12 mars 2023 a 09h30".
func onlyDateWords(s string) bool {
	// The words one at a time (the fields of FieldsFunc, in order): the first that is no
	// date word ends the test, and most lines open with one.
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return strings.ContainsRune(" ,;:|()[]/-–—·•'", r)
	}) {
		if !lang.DateWords().Has(w) && !isAllDigits(w) && lang.Month(w) == 0 && !clockTokenRe.MatchString(w) {
			return false
		}
	}
	return true
}

// parseDateValue reads a date given by a crawler: RFC 3339, ISO date with or without time,
// a 14-digit crawl stamp (20230312101500), Unix seconds, or a date as a page prints it.
func parseDateValue(s, code string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02", "20060102150405", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 10 {
		return time.Unix(n, 0).UTC(), true
	}
	if hits := scanDates(s, code); len(hits) > 0 {
		return hits[0].t, true
	}
	return time.Time{}, false
}

// namesAlt is a regexp alternation of folded names that also matches their accented
// spelling ("fevr" matches "févr") and an abbreviation's period.
func namesAlt(names []string) string {
	// An accented letter may have become the replacement character in a wrong decoding.
	accents := map[rune]string{'a': "[aàâä\uFFFD]", 'e': "[eéèêë\uFFFD]", 'i': "[iîïí\uFFFD]", 'o': "[oôöó\uFFFD]", 'u': "[uûùüú\uFFFD]", 'c': "[cç\uFFFD]", 'n': "[nñ\uFFFD]"}
	alts := make([]string, 0, len(names))
	for _, n := range names {
		var b strings.Builder
		for _, r := range n {
			if a, ok := accents[r]; ok {
				b.WriteString(a)
			} else {
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		if len([]rune(n)) <= 5 {
			b.WriteString(`\.?`)
		}
		alts = append(alts, b.String())
	}
	return strings.Join(alts, "|")
}
