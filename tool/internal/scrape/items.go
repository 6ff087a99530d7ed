package scrape

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// A page of several items (a club's reports of its walks, a tag page of summaries) prints
// each item under the same kind of opening: "Randonnée du Dimanche 25 Juin 2017 :" over the
// first report and "Randonnée du Dimanche 18 Juin 2017 :" over the next, or "from", the
// outlet and "1 month ago" over each summary. A short line inside the body that repeats
// the shape of a line of the article's opening, with prose under it, opens the next item.

// openingLines is how many lines above the body make the article's opening.
const openingLines = 4

// maxOpeningWords bounds the words of a line that may repeat an opening.
const maxOpeningWords = 12

// cutRepeatedOpening ends the body where the next item opens, and drops that item and
// everything under it as another article. The lines that open the next item before its
// prose tell how many open the first: those the body took in go back before it, as the
// item's heading. It returns the lines before the body, the body and the lines after it.
func (p *textParse) cutRepeatedOpening(before, body, after []int) ([]int, []int, []int) {
	if len(body) < 2 {
		return before, body, after
	}
	opening := p.openingShapes(body[0])
	for k := 1; k < len(body) && len(opening) > 0; k++ {
		i, o, ok := p.opensLikeFirst(body[k-1], body[k], opening)
		if !ok || !p.hasProseAfter(body[k+1:min(k+5, len(body))]) {
			continue
		}
		heads := p.headLines(body[k:])
		p.dropFrom(i, ReasonOtherArticle)
		p.itemHead = map[int]bool{}
		for _, j := range before {
			p.itemHead[j] = j >= o
		}
		body = body[:k]
		for n := 0; n < heads && len(body) > 1; n++ {
			if body[0] > o && p.feat[body[0]].class < proseMedium {
				p.itemHead[body[0]] = true
				before, body = append(before, body[0]), body[1:]
			}
		}
		return before, body, nil
	}
	return before, body, after
}

// headLines returns how many lines open an item before its first paragraph, not counting
// the first line.
func (p *textParse) headLines(item []int) int {
	for n, i := range item[1:] {
		if p.feat[i].class >= proseMedium {
			return n
		}
	}
	return 0
}

// openingShapes returns the shapes of the lines above line first, the body's first line,
// each with the index of its line.
func (p *textParse) openingShapes(first int) map[string]int {
	shapes := map[string]int{}
	for i, n := first-1, 0; i >= 0 && n < openingLines; i-- {
		if strings.TrimSpace(p.lines[i]) == "" {
			continue
		}
		n++
		if p.fates[i] != 0 && p.fates[i] != fateMeta || p.feat[i].words > maxOpeningWords {
			continue
		}
		if s := p.shapeOf(i); s != "" {
			shapes[s] = i
		}
	}
	return shapes
}

// opensLikeFirst returns the line from line prev (excluded) to the body's line next that
// repeats a line of the opening, and that line of the opening: the body's line, or a
// metadata line above it (the date over a blog's next post).
func (p *textParse) opensLikeFirst(prev, next int, opening map[string]int) (int, int, bool) {
	for i := prev + 1; i <= next; i++ {
		if i < next && p.fates[i] != fateMeta {
			continue
		}
		if o, ok := p.repeatsOpening(i, opening); ok {
			return i, o, true
		}
	}
	return 0, 0, false
}

// repeatsOpening returns the line of the opening whose shape a short line of the body
// repeats. The headline printed again is not another item.
func (p *textParse) repeatsOpening(i int, opening map[string]int) (int, bool) {
	if p.fates[i] != 0 && p.fates[i] != fateMeta || p.feat[i].words > maxOpeningWords || p.feat[i].class >= proseGood {
		return 0, false
	}
	o, ok := opening[p.shapeOf(i)]
	if !ok || p.lines[o] == p.lines[i] && p.feat[i].words >= 3 {
		return 0, false
	}
	return o, true
}

// datedHeading is the shape of every headline that ends with its date, whatever its words:
// "Le lac clair, mardi 30 janvier 2018" and "Sortie au moulin - 4 mars 2018".
const datedHeading = "<heading> <date>"

// dateAlone is the shape of a line that is a date and nothing else: a blog's date header
// over each post ("mardi 21 juillet 2009").
const dateAlone = "<date>"

// shapeOf returns the shape of line i: dateAlone, datedHeading, or its lineShape.
func (p *textParse) shapeOf(i int) string {
	l := p.lines[i]
	if hits := p.datesIn(i, l); len(hits) > 0 {
		h := hits[len(hits)-1]
		lead, rest := strings.TrimSpace(l[:hits[0].start]), strings.Trim(l[h.end:], " .:;!)")
		if rest == "" && (lead == "" || onlyDateWords(foldText(lead))) {
			return dateAlone
		}
		if strings.Trim(l[h.end:], " .:;!)") == "" && isHeadingBefore(trimDateWords(l[:h.start])) && !bylineStartRe.MatchString(l) {
			return datedHeading
		}
	}
	return lineShape(l)
}

// lineShape returns a line's words folded, with numbers, months and weekdays replaced by
// their kind, so that two items' openings that differ by their dates share one shape. A
// line of no word has none.
func lineShape(l string) string {
	words := lang.Words(l)
	letters := false
	for k, w := range words {
		switch {
		case strings.ContainsFunc(w, unicode.IsDigit):
			words[k] = "#"
		case lang.Month(w) != 0:
			words[k] = "<month>"
		case lang.Weekdays().Has(w):
			words[k] = "<weekday>"
		default:
			letters = true
		}
	}
	if !letters {
		return ""
	}
	return strings.Join(words, " ")
}

// cutAfterSignature ends the body at a signature dated under a paragraph ("Alain Roux /
// 26.03.2023") or a wire story's sign ("ppy/mpm", "jpm/ats") when prose follows it: on a
// blog's page of posts or a page of wire stories, the next one. What follows is dropped as
// another article; the signature stays the article's credit.
func (p *textParse) cutAfterSignature(body, after []int) ([]int, []int) {
	for k := 1; k < len(body); k++ {
		if p.feat[body[k-1]].class < proseMedium || !p.hasProseAfter(body[k:min(k+4, len(body))]) {
			continue
		}
		for i := body[k-1] + 1; i < body[k]; i++ {
			if p.closesStory(i) {
				p.dropFrom(body[k], ReasonOtherArticle)
				return body[:k], nil
			}
		}
	}
	return body, after
}

// cutAtComments ends the body at the date of the first of the readers' comments: a bare date
// line between two of its paragraphs, followed within maxCommentLines lines by a comment's
// furniture ("Signaler ce commentaire", "Reply"), then by the next comment's date (one date
// and one link may be an events box: "12 juillet", "Château de Valmont", "Site web"). The
// dates, the comments and what follows are the comments, dropped.
func (p *textParse) cutAtComments(body []int) []int {
	for k := 1; k < len(body); k++ {
		for d := body[k-1] + 1; d < body[k]; d++ {
			if c, ok := p.commentFollows(d); ok && p.isCommentStamp(d) && p.stampAfter(c) {
				p.dropFrom(d, ReasonComments)
				return body[:k]
			}
		}
	}
	return body
}

// cutAtCommentButtons ends the body above the first of the readers' comments on a blog that
// prints its buttons under each comment, run together ("ReplyDeleteGreat picture!"): the
// body line over the first buttons is that comment. It, the buttons and what follows are
// the comments, dropped.
func (p *textParse) cutAtCommentButtons(body []int) []int {
	if len(body) == 0 {
		return body
	}
	b := p.commentButtonsFrom(body[0])
	k := slices.Index(body, b-1) // the first comment, right over its buttons
	if b == len(p.lines) || k < 1 {
		return body // no buttons, no comment right over them, or nothing of the story above it
	}
	p.dropFrom(body[k], ReasonComments)
	return body[:k]
}

// commentButtonsFrom returns the first line from i on that opens with a comment's buttons,
// or len(p.lines).
func (p *textParse) commentButtonsFrom(i int) int {
	for ; i < len(p.lines); i++ {
		for _, b := range lang.CommentButtons() {
			if strings.HasPrefix(p.folds[i], b) {
				return i
			}
		}
	}
	return len(p.lines)
}

// isCommentStamp reports a line read as a bare publication date, as comments are stamped: no
// name, no update ("Mis à jour le …" inside a story is the story's).
func (p *textParse) isCommentStamp(d int) bool {
	if p.fates[d] != fateMeta || p.why[d] != "date" {
		return false
	}
	for _, pm := range p.pending {
		if pm.i == d {
			return !pm.pub.IsZero() && pm.upd.IsZero() && len(pm.names) == 0
		}
	}
	return false
}

// maxCommentLines bounds the lines of a comment between its date and its furniture.
const maxCommentLines = 3

// commentFollows returns the line of a comment's furniture, dropped as such, within
// maxCommentLines lines under line d.
func (p *textParse) commentFollows(d int) (int, bool) {
	for j := d + 1; j <= d+maxCommentLines+1 && j < len(p.lines); j++ {
		if p.fates[j] == fateDropped && p.why[j] == ReasonComments {
			return j, true
		}
	}
	return 0, false
}

// maxStampWords bounds a comment's date line: "22 février 2016 à 11 h 18", "March 3, 2024 at
// 9:12 am".
const maxStampWords = 8

// stampAfter reports a comment's date line, a short line holding a date, within
// maxCommentLines lines under line c.
func (p *textParse) stampAfter(c int) bool {
	for j := c + 1; j <= c+maxCommentLines && j < len(p.lines); j++ {
		if p.feat[j].words <= maxStampWords && len(p.datesIn(j, p.lines[j])) > 0 {
			return true
		}
	}
	return false
}

// maxAppealLines bounds the lines of an appeal between its opening and closing cues.
const maxAppealLines = 4

// dropAppeals drops, of content, the lines of a site's appeal for support or a subscription:
// those between two of its cues a few lines apart, one line at least, each speaking as the
// site or to its readers (see speaksAsOutlet) ("Your support helps us
// to tell the story", two paragraphs about the newsroom, "Your support makes all the
// difference."). Where the story goes on under the appeal, the appeal does not end the
// article as a paywall does. It returns the lines left.
func (p *textParse) dropAppeals(content []int) []int {
	open := -1
	for i := range p.lines {
		if p.fates[i] != fateDropped || p.why[i] != ReasonPaywall {
			continue
		}
		if open >= 0 && i-open > 1 && i-open <= maxAppealLines+1 && p.speaksAsOutlet(open+1, i) {
			goesOn := p.isProse(i + 1)
			if goesOn && p.appeal == nil {
				p.appeal = map[int]bool{}
			}
			for j := open; j <= i; j++ {
				if p.fates[j] == 0 {
					p.drop(j, ReasonPaywall)
				}
				if goesOn {
					p.appeal[j] = true // the story goes on under it
				}
			}
		}
		open = i
	}
	return slices.DeleteFunc(content, func(i int) bool { return p.fates[i] == fateDropped })
}

// speaksAsOutlet reports lines a to b-1 each holding a word a site speaks as itself or to its
// readers with ("we", "our", "your", "notre", "vous"): the paragraphs of an appeal, not of
// the story.
func (p *textParse) speaksAsOutlet(a, b int) bool {
	for j := a; j < b; j++ {
		if p.fates[j] == 0 && !holdsWordOf(p.folds[j], lang.OutletWords(), lang.Addressing()) {
			return false
		}
	}
	return true
}

// cutPromoTail drops the sentences of the site's own promotion that end the body ("Keep up to
// date with all the latest news on our website, or follow us on Twitter"), last first.
func (p *textParse) cutPromoTail(body []int) []int {
	for len(body) > 1 && isPromo(p.lines[body[len(body)-1]], p.folds[body[len(body)-1]]) {
		p.drop(body[len(body)-1], ReasonNewsletter)
		body = body[:len(body)-1]
	}
	return body
}

// cutPromoHead drops the site's own promotion that opens the body, above the story: "I write
// a newsletter … Sign up to receive it first via email".
func (p *textParse) cutPromoHead(body []int) []int {
	for len(body) > 1 && isPromo(p.lines[body[0]], p.folds[body[0]]) {
		p.drop(body[0], ReasonNewsletter)
		body = body[1:]
	}
	return body
}

// maxPromoWords bounds a sentence of a site's promotion.
const maxPromoWords = 50

// isPromo reports a sentence in which a site speaks of itself and of where it sends its
// readers: one of its phrases ("our website", "suivez-nous") and another, or the name of a
// channel ("Facebook", "newsletter") outside them. A quotation, an interview's answer ("A:")
// or a line of dialogue ("— …") is someone else's words.
func isPromo(l, folded string) bool {
	if wordCount(l) > maxPromoWords || strings.ContainsAny(l, "\"“”«»‘’‹›„") || spokenLineRe.MatchString(l) {
		return false
	}
	hits := 0
	for _, phrase := range lang.OutletPhrases() {
		if holdsWords(folded, phrase) {
			hits++
			folded = strings.ReplaceAll(folded, phrase, " ")
		}
	}
	if hits == 0 {
		return false
	}
	for _, w := range strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if lang.Channels().Has(w) {
			hits++
		}
	}
	return hits >= 2
}

// spokenLineRe matches the opening of a line of dialogue or of an interview's question or
// answer: "— ", "Q: ", "A: ", "R : ".
var spokenLineRe = regexp.MustCompile(`^(?:[—–-]\s|[QAR]\s?:\s)`)

// holdsWords reports whether the folded text s holds phrase as whole words.
func holdsWords(s, phrase string) bool {
	for at := 0; ; {
		i := strings.Index(s[at:], phrase)
		if i < 0 {
			return false
		}
		start, end := at+i, at+i+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		at = start + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// closesStory reports a line that ends a story: a dated signature read as its credit, or a
// wire story's sign.
func (p *textParse) closesStory(i int) bool {
	if p.fates[i] == fateMeta && p.why[i] == "credit" {
		_, _, ok := datedSignature(p.lines[i], p.lang)
		return ok
	}
	return p.why[i] == ReasonAgency && isAgencySign(strings.TrimSpace(p.lines[i]))
}

// maxItemHead bounds the lines that open an item above its byline: a kicker, the headline
// and a standfirst.
const maxItemHead = 3

// cutAtNextByline ends the body where the next item of a page of several opens, when each
// item prints its byline in the same form under its headline ("Rik Stevens, The Associated
// Press" under the first, "John Seewer, The Associated Press" under the next): the lines
// that open the second item above its byline and everything under them are another article.
// As many lines open the first item above its own byline; the first of them goes back
// before the body as the item's heading, its standfirst stays the body's first line.
func (p *textParse) cutAtNextByline(before, body, after []int) ([]int, []int, []int) {
	bylines := p.itemBylines(before, body)
	if len(bylines) < 2 {
		return before, body, after
	}
	first, next := bylines[0], bylines[1]
	top, head := p.itemHeadAbove(next, first)
	k := slices.Index(body, top)
	if head == 0 || k < 1 || !p.hasProseAfter(body[k:min(k+head+3, len(body))]) {
		return before, body, after
	}
	p.dropFrom(body[k], ReasonOtherArticle)
	before, body = p.splitItemHead(before, body[:k], first, head)
	return before, body, nil
}

// splitItemHead moves the boundary between the lines before the body and the body to the
// head of the first item, the head lines above its byline at line first: all but the last
// of them go before the body as the item's heading (the one, when there is only one), the
// last, its standfirst, opens the body.
func (p *textParse) splitItemHead(before, body []int, first, head int) ([]int, []int) {
	var heads []int
	for j := first - 1; j >= 0 && len(heads) < head; j-- {
		if strings.TrimSpace(p.lines[j]) != "" {
			heads = append([]int{j}, heads...)
		}
	}
	titles := heads[:max(len(heads)-1, 1)]
	p.itemHead = map[int]bool{}
	for _, j := range titles {
		p.itemHead[j] = true
	}
	cut := titles[len(titles)-1] + 1
	all := append(slices.Clone(before), body...)
	k, _ := slices.BinarySearch(all, cut)
	if k >= len(all) {
		return before, body
	}
	return all[:k], all[k:]
}

// itemBylines returns the credit lines around the body that share one form once their
// names are taken out, the first two of them with prose between them.
func (p *textParse) itemBylines(before, body []int) []int {
	if len(body) < 3 {
		return nil
	}
	from := body[0] - maxItemHead - 1
	if n := len(before); n > 0 {
		from = max(from, before[0])
	}
	var out []int
	form := ""
	for _, pm := range p.pending {
		i := pm.i
		if i < from || i > body[len(body)-1] || p.why[i] != "credit" || len(pm.names) == 0 {
			continue
		}
		f := bylineForm(p.lines[i], pm.names)
		switch {
		case len(out) == 0:
			out, form = []int{i}, f
		case f == form && p.proseBetween(out[len(out)-1], i):
			return append(out, i)
		}
	}
	return nil
}

// bylineForm returns a byline without its names, folded: "Rik Stevens, The Associated
// Press" gives ", the associated press".
func bylineForm(l string, names []string) string {
	for _, n := range names {
		l = strings.Replace(l, n, "", 1)
	}
	return strings.Join(strings.Fields(foldText(l)), " ")
}

// proseBetween reports whether a paragraph lies between lines i and j.
func (p *textParse) proseBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if p.fates[k] == 0 && p.feat[k].class >= proseMedium {
			return true
		}
	}
	return false
}

// itemHeadAbove returns the first line of those that open an item above its byline at line
// i, after the line floor, and how many they are: the lines that do not end as a paragraph
// does, up to maxItemHead.
func (p *textParse) itemHeadAbove(i, floor int) (top, n int) {
	top = i
	for j := i - 1; j > floor && n < maxItemHead; j-- {
		l := strings.TrimSpace(p.lines[j])
		if l == "" {
			continue
		}
		if p.fates[j] != 0 || strings.HasSuffix(l, ".") || p.feat[j].words > maxOpeningWords+8 {
			break
		}
		top, n = j, n+1
	}
	return top, n
}

// cutAtListedHead ends the body at the next item of a page that marks each item's headline
// as a list item ("• Fugitive arrested at restaurant" over a wire brief, "• Et hop, je suis
// parti" over a blog's post): when the line right above the body is such a headline, a line
// of the body marked and shaped the same, with prose under it, opens another article. The
// first headline becomes the item's heading, a title candidate (see chooseTitle).
func (p *textParse) cutAtListedHead(before, body, after []int) ([]int, []int, []int) {
	if len(before) == 0 || len(body) < 2 {
		return before, body, after
	}
	head := before[len(before)-1]
	marker, ok := p.listedHeading(head)
	if !ok || p.fates[head] != 0 {
		return before, body, after
	}
	for k := 1; k < len(body); k++ {
		m, ok := p.listedHeading(body[k])
		if !ok || m != marker || !p.hasProseAfter(body[k+1:min(k+3, len(body))]) {
			continue
		}
		p.dropFrom(body[k], ReasonOtherArticle)
		p.itemHead = map[int]bool{head: true}
		return before, body[:k], nil
	}
	return before, body, after
}

// listedHeading returns the list marker of line i when the line is a headline marked as a
// list item: a few words after the marker, not ending as a sentence does.
func (p *textParse) listedHeading(i int) (string, bool) {
	sm := listItemRe.FindStringSubmatch(p.lines[i])
	if sm == nil || sm[1] == "" || p.feat[i].words < 3 || p.feat[i].words > maxOpeningWords {
		return "", false
	}
	return sm[1], isTitleLike(sm[3])
}
