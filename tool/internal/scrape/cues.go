package scrape

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// Reasons recorded for dropped lines. The furniture reasons are those of the language
// tables (package lang); the others name what the reader itself recognised.
const (
	ReasonShare          = lang.Share
	ReasonLike           = lang.Like
	ReasonComments       = lang.Comments
	ReasonNewsletter     = lang.Newsletter
	ReasonCookies        = lang.Cookies
	ReasonNavigation     = lang.Navigation
	ReasonPhotoCredit    = lang.PhotoCredit
	ReasonCopyright      = lang.Copyright
	ReasonAd             = lang.Ad
	ReasonReadingTime    = lang.ReadingTime
	ReasonSection        = lang.Section
	ReasonLogin          = lang.Login
	ReasonPaywall        = lang.Paywall
	ReasonTicker         = lang.Ticker
	ReasonTruncation     = lang.Truncation
	ReasonSource         = lang.Source
	ReasonWidget         = lang.Widget
	ReasonAgency         = lang.Agency
	ReasonRelatedHeading = "related-heading"
	ReasonByline         = "byline"
	ReasonAttachment     = "attachment"
	ReasonAuthorBio      = "author-bio"
	ReasonTeaserDate     = "teaser-date"
	ReasonTeaserCategory = "teaser-category"
	ReasonTeaserExcerpt  = "teaser-excerpt"
	ReasonMenu           = "menu"
	ReasonCaption        = "caption"
	ReasonImageName      = "image-name"
	ReasonTags           = "tags"
	ReasonDate           = lang.Date
	ReasonOtherArticle   = "other-article"
	ReasonShort          = "short"
	ReasonBeforeBody     = "before-body"
	ReasonAfterBody      = "after-body"
	ReasonTemplate       = "template"
	ReasonRepeated       = "repeated"
	ReasonTagline        = "tagline"
	ReasonEmbed          = "embed"
	ReasonSeparator      = "separator"
)

// Cues lists the lines that mark page furniture and related blocks (see lang.Cues).
type Cues = lang.Cues

// LanguageCues returns the built-in cue table of each supported language, by language code.
func LanguageCues() map[string]Cues {
	out := map[string]Cues{}
	for _, t := range lang.Tables() {
		out[t.Code] = t.Cues
	}
	return out
}

// DefaultCues returns the built-in cues of every supported language, merged: cues of all
// languages apply to every article, so mixed sites work.
func DefaultCues() Cues {
	return lang.AllCues()
}

// CuesFromConfig reads extra cues from a site configuration value, the table
// `[params.kiosque.cues]`: keys `related`, `inline`, `postLinks` and `commentVerbs` (lists of lines), and
// `furniture` and `prefixes` (tables mapping a reason to a list of lines). A nil value gives no cues.
func CuesFromConfig(v any) (Cues, error) {
	var c Cues
	if v == nil {
		return c, nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return c, fmt.Errorf("failed to read the cues: %w", err)
	}
	var raw struct {
		Related      []string
		Inline       []string
		PostLinks    []string
		Furniture    map[string][]string
		Prefixes     map[string][]string
		CommentVerbs []string
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return c, fmt.Errorf("failed to read the cues: want lists of lines: %w", err)
	}
	return Cues{RelatedHeadings: raw.Related, InlineRelated: raw.Inline, PostLinks: raw.PostLinks, Furniture: raw.Furniture, Prefixes: raw.Prefixes, CommentVerbs: raw.CommentVerbs}, nil
}

// matcher answers, for a line, which cue it is.
type matcher struct {
	related   map[string]bool
	relatedAt []string // folded related-heading prefixes
	inline    []string
	postLinks []string // folded post-link labels
	// postStarts holds the first rune of each of postLinks, gluedStarts that of each inline
	// cue of two words or more (see gluedTeaser).
	postStarts, gluedStarts map[rune]bool
	furniture               map[string]string
	furnitureStarts         map[string]bool // the first word of each furniture cue
	prefixes                []prefixCue
	prefixesBy              map[byte][]prefixCue // prefixes by their first byte, in order
	said                    []string             // folded comment verbs, each after a space
}

type prefixCue struct{ prefix, reason string }

func newMatcher(c Cues) *matcher {
	m := &matcher{related: map[string]bool{}, furniture: map[string]string{}, furnitureStarts: map[string]bool{}, postStarts: map[rune]bool{}, gluedStarts: map[rune]bool{}}
	for _, l := range c.RelatedPrefixes {
		if f := foldText(l); f != "" {
			m.relatedAt = append(m.relatedAt, f+" ")
		}
	}
	for _, l := range c.RelatedHeadings {
		m.related[foldCue(l)] = true
	}
	for _, l := range c.InlineRelated {
		if f := foldCue(l); f != "" {
			m.inline = append(m.inline, f)
			if wordCount(f) >= 2 {
				first, _ := utf8.DecodeRuneInString(f)
				m.gluedStarts[first] = true
			}
		}
	}
	for _, l := range c.PostLinks {
		if f := foldCue(l); f != "" {
			m.postLinks = append(m.postLinks, f)
			first, _ := utf8.DecodeRuneInString(f)
			m.postStarts[first] = true
			m.furniture[f] = ReasonNavigation
		}
	}
	for _, reason := range slices.Sorted(maps.Keys(c.Furniture)) {
		for _, l := range c.Furniture[reason] {
			if f := foldCue(l); f != "" {
				if _, taken := m.furniture[f]; !taken {
					m.furniture[f] = reason
				}
			}
		}
	}
	for f := range m.furniture {
		first, _, _ := strings.Cut(f, " ")
		m.furnitureStarts[first] = true
	}
	for _, reason := range slices.Sorted(maps.Keys(c.Prefixes)) {
		for _, p := range c.Prefixes[reason] {
			if f := foldText(p); f != "" {
				m.prefixes = append(m.prefixes, prefixCue{f, reason})
			}
		}
	}
	for _, v := range c.CommentVerbs {
		if f := foldText(v); f != "" {
			m.said = append(m.said, " "+f)
		}
	}
	// Longest prefixes first, so the most specific cue names the reason.
	sort.SliceStable(m.prefixes, func(i, j int) bool { return len(m.prefixes[i].prefix) > len(m.prefixes[j].prefix) })
	m.prefixesBy = map[byte][]prefixCue{}
	for _, p := range m.prefixes {
		m.prefixesBy[p.prefix[0]] = append(m.prefixesBy[p.prefix[0]], p)
	}
	return m
}

// isRelatedHeading reports a heading that opens a block of teasers: a related cue, or a
// short line opening with a related prefix ("More articles on capital projects:").
func (m *matcher) isRelatedHeading(line string) bool {
	return m.isRelatedHeadingFolded(foldCue(line))
}

// isRelatedHeadingFolded is isRelatedHeading on the line's foldCue.
func (m *matcher) isRelatedHeadingFolded(f string) bool {
	if m.related[f] {
		return true
	}
	if wordsUpTo(f, 10) > 10 || strings.ContainsAny(f, ".!?") {
		return false
	}
	for _, p := range m.relatedAt {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return m.related[trimCue(sectionedHead(f))]
}

// maxHeadingSectionWords bounds the section a related heading names after a dash or a bar.
const maxHeadingSectionWords = 3

// sectionedHead returns the heading of a folded line that names its section after a dash or
// a bar ("les plus lus – politique" gives "les plus lus"), or "" when it names none.
func sectionedHead(f string) string {
	for _, sep := range []string{" – ", " - ", " | ", " — "} {
		if head, tail, ok := strings.Cut(f, sep); ok && wordsUpTo(tail, maxHeadingSectionWords) <= maxHeadingSectionWords {
			return head
		}
	}
	return ""
}

// inlineTeaser returns the title of an inline related line such as "Lire aussi : Le titre",
// or of a link to the previous or next post ("Previous articleThe title").
func (m *matcher) inlineTeaser(line string) (string, bool) {
	if title, ok := m.postLink(line); ok {
		return title, true
	}
	line = teaserTitle(line) // "• A lire aussi. Le titre"
	if colon := strings.IndexAny(line, ":|"); colon >= 0 {
		cue := foldCue(line[:colon])
		if rest := strings.TrimSpace(line[colon+1:]); wordCount(rest) >= 2 && slices.Contains(m.inline, cue) {
			return rest, true
		}
	}
	return m.gluedTeaser(line)
}

// minGluedTeaserWords and maxGluedTeaserWords bound the words of a headline printed after
// an inline cue with no separator.
const minGluedTeaserWords, maxGluedTeaserWords = 3, 25

// gluedTeaser returns the title of an inline related line that prints no separator after
// its cue, or a period: "Lire aussi Le club recrute un gardien", "A lire aussi. Le club
// recrute". The cue must hold two words or more, and the title read as a headline that
// starts with a capital, so that prose such as "Voir aussi les comptes" stays prose.
func (m *matcher) gluedTeaser(line string) (string, bool) {
	if r, ok := firstFolded(line); ok && !m.gluedStarts[r] || strings.HasSuffix(line, ".") {
		return "", false // no cue folds to a text that starts as the line's does
	}
	words := strings.Fields(line)
	folded := foldText(line)
	for _, c := range m.inline {
		if !strings.HasPrefix(folded, c) {
			continue // the cheap test first: the line folds to a text that starts with the cue
		}
		n := wordCount(c)
		if n < 2 || len(words) < n+minGluedTeaserWords || foldCue(strings.Join(words[:n], " ")) != c {
			continue
		}
		title := strings.Join(words[n:], " ")
		if first, _ := utf8.DecodeRuneInString(title); unicode.IsUpper(first) && isTitleLike(title) && len(words)-n <= maxGluedTeaserWords {
			return title, true
		}
	}
	return "", false
}

// isPostLink reports a folded line that is a post-link label alone: "Next article".
func (m *matcher) isPostLink(folded string) bool { return slices.Contains(m.postLinks, folded) }

// postLink returns the title after a post-link label, glued to it or after a separator.
func (m *matcher) postLink(line string) (string, bool) {
	if r, ok := firstFolded(line); ok && !m.postStarts[r] {
		return "", false // no label folds to a text that starts as the line's does
	}
	for _, label := range m.postLinks {
		head := runePrefix(line, utf8.RuneCountInString(label))
		cut := len(head)
		if foldCue(head) != label {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(line[cut:]); unicode.IsLower(r) {
			continue // "Next articles in this series…": a word that goes on
		}
		title := strings.TrimLeft(line[cut:], " :|»›>–—-")
		if wordCount(title) >= 2 {
			return title, true
		}
	}
	return "", false
}

// firstFolded returns the first rune of lang.Fold(s), as Fold folds it, when it can tell it
// from the first rune of s that is not a space: false for a mark (which Fold drops) or an
// ellipsis (which it spells out).
func firstFolded(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case unicode.Is(unicode.Mn, r) || r == '…':
			return 0, false
		}
		return lang.FoldRune(r), true
	}
	return 0, false
}

// runePrefix returns the first n runes of s, or s when it is shorter.
func runePrefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// Patterns of furniture that word lists cannot spell out.
var (
	commentCountRe = regexp.MustCompile(`(?i)^(?:\(?(?:\d+|aucun|no|un|one)\)?\s+(?:commentaires?(?:\(s\))?|comments?|réactions?|reactions?|responses?|réponses?)|(?:commentaires?|comments?|réactions?|reactions?)\s*\(?\d+\)?)$`)
	// commentsOnRe matches the heading of a post's comments, which repeats its title: "177
	// comments on The title", "12 réflexions sur « Le titre »".
	// A headline may open with "10 thoughts on": those need the quoted title. The count is
	// in figures, or one in words ("One thought on “…”"), and the line ends as a headline
	// does (see furnitureFolded).
	commentsOnRe = regexp.MustCompile(`(?i)^(?:\d+|one|une?)\s+(?:(?:` + tablesAlt(func(t *lang.Table) []string { return t.CommentNouns }) +
		`)\s+(?:` + tablesAlt(func(t *lang.Table) []string { return t.CommentLinks }) + `)\s+\S|(?:` +
		tablesAlt(func(t *lang.Table) []string { return t.ThoughtNouns }) + `)\s+(?:` +
		tablesAlt(func(t *lang.Table) []string { return t.ThoughtLinks }) + `)\s+["“«])`)
	// attachmentRe matches a link to a file with its type and size: "Le programme - PDF - 1,2 Mo".
	attachmentRe    = regexp.MustCompile(`(?i)^(?:.{0,120}\s[-–—]\s)?\(?(?:jpe?g|png|gif|webp|pdf|docx?|xlsx?|odt|mp3|mp4|zip)\s*[-–—,]\s*\d+(?:[.,]\d+)?\s*(?:o|ko|mo|go|b|kb|mb|gb|kio|mio)\)?$`)
	readingTimeRe   = regexp.MustCompile(`(?i)^[·•|]?\s*(?:temps de lecture\s*:?\s*)?\d+\s*(?:min(?:utes?)?|mn)\.?(?:\s+(?:de lecture|read|reading))?$`)
	copyrightYearRe = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*|\(c\)\s*)?(?:19|20)\d\d\b`)
	breadcrumbRe    = regexp.MustCompile(`\s(?:>|›|»|/)\s`)
	homeRe          = regexp.MustCompile(`(?i)^\s*(?:accueil|home|inicio|portada)\s*$`)
	navSplitRe      = regexp.MustCompile(`\s*(?:\||·|•)\s*`)
	dashCrumbRe     = regexp.MustCompile(`\s[-–]\s`)
	// listingPageRe matches the name of a listing's page after a separator: "Politique -
	// Page 73", "Archives | Page 2 of 40".
	listingPageRe = regexp.MustCompile(`(?i)\s[-–—|:]\s*(?:` + tablesAlt(func(t *lang.Table) []string { return t.PageWords }) +
		`)\s+\d+(?:\s*(?:/|\p{L}{1,4})\s*\d+)?$`)
)

// tablesAlt returns the words a field of every language's table holds, as a regexp
// alternation.
func tablesAlt(field func(*lang.Table) []string) string {
	var alt []string
	for _, w := range tablesWords(field) {
		alt = append(alt, regexp.QuoteMeta(w))
	}
	return strings.Join(alt, "|")
}

// tablesWords returns the words of one field of every language's table.
func tablesWords(field func(*lang.Table) []string) []string {
	var words []string
	for _, t := range lang.Tables() {
		words = append(words, field(t)...)
	}
	return words
}

// furnitureReason returns why a line is page furniture, if it is.
func (m *matcher) furnitureReason(line string) (string, bool) {
	return m.furnitureFolded(line, foldText(line))
}

// furnitureFolded is furnitureReason on a line and its foldText, ft, for a reader that folds
// each line once.
func (m *matcher) furnitureFolded(line, ft string) (string, bool) {
	f := trimCue(ft)
	if r, ok := m.furniture[f]; ok {
		return r, true
	}
	if item, ok := strings.CutPrefix(f, "• "); ok {
		if r, ok := m.furniture[item]; ok {
			return r, true // "• Print": a button the theme set as a list's item
		}
	}
	if rest := strings.TrimLeft(ft, ".…"); len(rest) < len(ft) && rest != "" {
		return m.furnitureFolded(strings.TrimLeft(line, ".… "), strings.TrimLeft(rest, " ")) // "...pour lire la suite, rejoignez…": the cut story's dots first
	}
	// A line starts with a prefix only if it starts with its first byte: the cues of that
	// byte are the only ones to try, in the order of m.prefixes.
	for _, p := range m.prefixesBy[firstByte(ft)] {
		if strings.HasPrefix(ft, p.prefix) && (len(ft) == len(p.prefix) || !isWordByte(ft[len(p.prefix)]) || !isWordByte(p.prefix[len(p.prefix)-1])) {
			return p.reason, true
		}
	}
	switch {
	case m.isCommentHeading(ft): // foldText of the line trimmed is ft
		return ReasonComments, true
	case commentCountRe.MatchString(f), commentsOnRe.MatchString(line) && !strings.HasSuffix(line, "."):
		return ReasonComments, true
	case isAttachment(line):
		return ReasonAttachment, true
	case readingTimeRe.MatchString(f):
		return ReasonReadingTime, true
	case copyrightYearRe.MatchString(line):
		return ReasonCopyright, true
	case strings.HasPrefix(line, "©") || strings.HasPrefix(f, "(c) "):
		if strings.Contains(f, "droits reserves") || strings.Contains(f, "rights reserved") || copyrightYearRe.MatchString(line) {
			return ReasonCopyright, true
		}
		return ReasonPhotoCredit, true
	case isNavigationBar(line), m.isCueRun(f):
		return ReasonNavigation, true
	}
	return "", false
}

// A run of cues holds minRunCues cues or more, in maxRunWords words at most.
const minRunCues, maxRunWords = 3, 12

// isCueRun reports a folded line made of furniture cues run together with no separator, a
// tool bar flattened: "accueil envoyer a un ami version imprimable partager". One of them at
// least has two words or more: "Accueil Partager Retour" may be a festival's name.
func (m *matcher) isCueRun(f string) bool {
	// The cheap tests first, on the line as it is: wordsUpTo counts strings.Fields(f) up to
	// the bound, and firstField is its first field.
	if n := wordsUpTo(f, maxRunWords); n < minRunCues || n > maxRunWords || !m.furnitureStarts[firstField(f)] {
		return false
	}
	words := strings.Fields(f)
	// cues[k] is the most cues words[:k] splits into, or -1 when it does not.
	cues := make([]int, len(words)+1)
	for k := 1; k <= len(words); k++ {
		cues[k] = -1
		for j := max(0, k-5); j < k; j++ {
			if cues[j] >= 0 && cues[j]+1 > cues[k] && m.furniture[strings.Join(words[j:k], " ")] != "" {
				cues[k] = cues[j] + 1
			}
		}
	}
	n := cues[len(words)]
	return n >= minRunCues && n < len(words) // one cue of two words at least: three words alone may be a name
}

// commentStampRe matches the time and the platform's name that an old Blogger template
// prints before the commenter's name, folded: "at 8:26 am , blogger" in "At 8:26 AM ,
// Blogger Donna said...".
var commentStampRe = regexp.MustCompile(`^(?:at\s+)?\d{1,2}:\d\d\s*(?:am|pm)?\s*,?\s*(?:blogger\s+)?`)

// maxCommenterWords bounds the name before a comment verb ("Kev and Chels said...").
const maxCommenterWords = 4

// isAttachment reports a link to a file with its type and size (see attachmentRe), which
// cannot be longer than the pattern allows: a paragraph is not read through. Every unit of
// the pattern ends in "o" or "b" (any case), which ends the line or comes before its closing
// parenthesis: a quick test spares the pattern the lines that end otherwise, most of them.
func isAttachment(line string) bool {
	line = strings.TrimSpace(line)
	end := strings.TrimSuffix(line, ")")
	if end == "" || !strings.ContainsRune("oObB", rune(end[len(end)-1])) {
		return false
	}
	return !runesOver(line, 160) && attachmentRe.MatchString(line)
}

// isCommentHeading reports the line that opens a reader's comment: a commenter's name, then
// a comment verb ending the line ("Jenn said...", "Barbara Steger says"). A name opening with
// a function word, an honorific or a title ("The mayor said...", "Mr Hale says") is a
// sentence of the article, not a commenter. It takes the line's foldText, f.
func (m *matcher) isCommentHeading(f string) bool {
	// The pattern is anchored and opens with "at" or a digit: a line that opens otherwise
	// keeps all of itself.
	if c := firstByte(f); c == 'a' || c >= '0' && c <= '9' {
		f = commentStampRe.ReplaceAllString(f, "")
	}
	for _, v := range m.said {
		name, ok := strings.CutSuffix(f, v)
		if !ok {
			continue
		}
		words := strings.Fields(name)
		if len(words) == 0 || len(words) > maxCommenterWords || strings.ContainsAny(name, ",;.!?\"«»()") {
			return false
		}
		first := words[0]
		return !lang.StopWords().Has(first) && !lang.Honorifics().Has(first) && !lang.Titles().Has(first)
	}
	return false
}

// firstByte returns the first byte of s, 0 when s is empty.
func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

// firstField returns the first of strings.Fields(s), "" when there is none.
func firstField(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// isNavigationBar reports a menu or breadcrumb flattened onto one line: three or more short
// items separated by "|", "·", "•" or ">", none of them a sentence.
func isNavigationBar(line string) bool {
	if !containsAny(line, "|·•>›»/-–") {
		return false
	}
	parts, crumbs := crumbParts(line)
	if !crumbs {
		if !containsAny(line, "|·•") {
			return false // one part
		}
		parts = navSplitRe.Split(line, -1)
	}
	if len(parts) < 3 {
		return false
	}
	if crumbs && homeRe.MatchString(parts[0]) {
		parts = parts[:len(parts)-1] // "Accueil » Blog » <the article's title>"
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || wordCount(p) > 4 || strings.ContainsAny(p, ".!?,;:") {
			return false
		}
		if r := []rune(p)[0]; !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// crumbParts splits a breadcrumb into its parts: "Accueil > Actualité > Le titre", or with
// dashes when it starts at the home page ("Accueil - Sorties du club - Le titre").
func crumbParts(line string) ([]string, bool) {
	if containsAny(line, ">›»/") && breadcrumbRe.MatchString(line) {
		return breadcrumbRe.Split(line, -1), true
	}
	// The home page first: the line up to its first dash is all that needs reading, and it
	// opens, after its spaces (\s), with a home word's first letter (or a letter beyond
	// ASCII, which might fold to one).
	if !mayOpenHome(line) {
		return nil, false
	}
	if loc := dashCrumbRe.FindStringIndex(line); loc != nil && homeRe.MatchString(line[:loc[0]]) {
		if parts := dashCrumbRe.Split(line, -1); len(parts) >= 3 {
			return parts, true
		}
	}
	return nil, false
}

// mayOpenHome reports a line that may open with a word homeRe matches: after the spaces
// the pattern's \s skips, its first byte is one of the first letters of the home words, in
// either case, or opens a rune beyond ASCII.
func mayOpenHome(line string) bool {
	line = strings.TrimLeft(line, "\t\n\f\r ")
	c := firstByte(line) | 0x20 // ASCII lower case
	return c == 'a' || c == 'h' || c == 'i' || c == 'p' || firstByte(line) >= utf8.RuneSelf
}

// lastCrumb returns the last part of a breadcrumb that starts at the home page: the page's
// own title, often.
func lastCrumb(line string) (string, bool) {
	parts, ok := crumbParts(line)
	if !ok || len(parts) < 2 || !homeRe.MatchString(parts[0]) {
		return "", false
	}
	return strings.TrimSpace(parts[len(parts)-1]), true
}

// foldCue folds case, accents, apostrophes, spacing and trailing punctuation of a line for
// cue lookups.
func foldCue(s string) string {
	return trimCue(lang.Fold(s))
}

// trimCue trims the trailing punctuation of a folded line: foldCue(s) is
// trimCue(foldText(s)).
func trimCue(f string) string {
	return strings.TrimRight(f, " :.!»«-–—>›|·•")
}

// foldText folds case, accents, apostrophes and spacing; "Photo :" and "Photo:" fold alike.
func foldText(s string) string {
	return lang.Fold(s)
}

// containsAny is strings.ContainsAny(s, chars), rune by rune of chars rather than of s:
// s holds one of the runes iff it holds one of them (strings.ContainsRune, which looks for
// a rune's bytes and takes utf8.RuneError as ContainsAny does), and a few quick byte
// searches beat decoding a line when the set holds runes beyond ASCII.
func containsAny(s, chars string) bool {
	for _, r := range chars {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
