package scrape

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"github.com/kiosque-dev/kiosque/tool/internal/names"
)

// The body is the best-scoring coherent run of prose among the content lines: runs of good
// paragraphs joined across short gaps (subheadings, list items, a caption), never across
// the header of another article; then widened to the medium lines at its edges.

// Bounds of a gap that one run of prose may span.
const (
	maxGapLines      = 6 // content lines between two paragraphs
	maxGapFurniture  = 8 // furniture lines between two paragraphs
	minRunRunes      = 250
	earlierRunWeight = 0.4 // an earlier run at least this share of the best is the article
	shortRunShare    = 0.8 // ... and, when the runs are short, at least this share
)

// run is a stretch of content lines, by index into the content list.
type run struct {
	first, last int
	score       int
}

// findBody returns the span [start, end) of the content lines that holds the body.
func (p *textParse) findBody(content []int) (int, int) {
	if len(content) == 0 {
		return 0, 0
	}
	p.namedHeads = len(content) >= 3 && isTitleLike(p.lines[content[0]]) && isSignature(p.lines[content[1]])
	runs := p.proseRuns(content, proseGood)
	if len(runs) == 0 {
		runs = p.proseRuns(content, proseMedium)
	}
	if len(runs) == 0 {
		// No paragraph at all: a brief, or a page of short lines under a headline.
		if len(content) > 1 && isTitleLike(p.lines[content[0]]) {
			return 1, len(content)
		}
		return 0, len(content)
	}
	r := chooseRun(runs)
	return p.widen(content, r)
}

// proseRuns groups the content lines of at least class min into runs.
func (p *textParse) proseRuns(content []int, min int) []run {
	var runs []run
	for k, i := range content {
		if p.feat[i].class < min {
			continue
		}
		n := p.feat[i].runes
		if len(runs) > 0 && p.joinable(content, runs[len(runs)-1].last, k) {
			runs[len(runs)-1].last = k
			runs[len(runs)-1].score += n
			continue
		}
		runs = append(runs, run{first: k, last: k, score: n})
	}
	return runs
}

// joinable reports whether the paragraphs at content indexes a and b belong to one run.
func (p *textParse) joinable(content []int, a, b int) bool {
	if b-a-1 > maxGapLines && !p.announcedList(content, a, b) {
		return false
	}
	furniture := 0
	for i := content[a] + 1; i < content[b]; i++ {
		if p.fates[i] == fateDropped && !p.appeal[i] { // an appeal is a block of its own
			furniture++
		}
		if p.isHeader(i) || p.endsArticle(i) {
			return false
		}
	}
	return furniture <= maxGapFurniture
}

// maxListItems bounds the items of a list that the body announces and runs on after.
const maxListItems = 30

// announcedList reports a gap between the paragraphs at content indexes a and b that holds
// a list the body announces: a line ending with ":", then short list items only.
func (p *textParse) announcedList(content []int, a, b int) bool {
	k := a + 1
	if !announces(p.lines[content[a]]) {
		if !announces(p.lines[content[k]]) {
			return false
		}
		k++ // "Strategies and policies include:" over its items
	}
	if b-k > maxListItems {
		return false
	}
	for ; k < b; k++ {
		i := content[k]
		if !listItemRe.MatchString(p.lines[i]) || p.feat[i].words > maxItemWords {
			return false
		}
	}
	return true
}

// endsArticle reports a line after which the page holds no more of the article: the
// comments section, a copyright line, a widget heading, a "Read more" that cuts a teaser
// (what follows, on a listing page, is another article), a paywall but for an appeal
// between two paragraphs (see dropAppeals).
func (p *textParse) endsArticle(i int) bool {
	if p.fates[i] != fateDropped || p.appeal[i] {
		return false
	}
	switch p.why[i] {
	case ReasonComments, ReasonCopyright, ReasonWidget, ReasonPaywall, ReasonLogin, ReasonTruncation:
		return true
	case ReasonNavigation:
		return p.m.isPostLink(p.cue(i)) // "Next Article": the next post follows
	}
	return false
}

// crossesEnd reports whether a line between content lines a and b ends the article.
func (p *textParse) crossesEnd(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if p.endsArticle(i) {
			return true
		}
	}
	return false
}

// isHeader reports whether line i opens another article: a headline followed by its byline,
// date or agency credit, or by a bare name when the page's first article opens so.
func (p *textParse) isHeader(i int) bool {
	if p.fates[i] != 0 || !isTitleLike(p.lines[i]) {
		return false
	}
	if next := i + 1; p.namedHeads && next+1 < len(p.lines) && p.fates[next] == 0 && isSignature(p.lines[next]) && p.feat[next+1].class >= proseMedium {
		return true // "Cut Football, Too", "Jimmy Fowler", then prose
	}
	for next := i + 1; next < len(p.lines) && p.fates[next] != 0; next++ {
		switch {
		case p.fates[next] == fateMeta && (p.why[next] == "byline" || p.why[next] == "date"):
			return true
		case p.fates[next] == fateDropped && (p.why[next] == ReasonAgency || p.why[next] == ReasonByline):
			return true
		case p.fates[next] != fateDropped:
			return false
		}
	}
	return false
}

// chooseRun picks the article's run: the earliest one that weighs at least half the best,
// so that a tag page gives its first whole article, not its longest.
func chooseRun(runs []run) run {
	best := runs[0]
	for _, r := range runs {
		if r.score > best.score {
			best = r
		}
	}
	// Among short runs, an earlier one must weigh nearly as much as the best: a brief under a
	// teaser, not the teaser.
	floor := float64(minRunRunes)
	if best.score < minRunRunes {
		floor = shortRunShare * float64(best.score)
	}
	for _, r := range runs {
		if float64(r.score) >= earlierRunWeight*float64(best.score) && float64(r.score) >= floor {
			return r
		}
	}
	return best
}

// widen extends a run to the medium lines at its edges: a standfirst or a short last
// paragraph. A headline never joins the body.
func (p *textParse) widen(content []int, r run) (int, int) {
	start := r.first
	for start > 0 {
		switch {
		case p.leadsBody(content[start-1]):
			start--
		case start > 1 && numberedHeadRe.MatchString(p.lines[content[start-1]]) && p.leadsBody(content[start-2]):
			start -= 2 // "2. Indiana hospital opens", a listicle's item over its paragraph
		case start > 1 && p.subheadingOver(content[start-1]) && p.leadsBody(content[start-2]) && p.feat[content[start-2]].class >= proseGood:
			start -= 2 // the standfirst, then a subheading over the story's first paragraph
		default:
			return p.widenEnd(content, start, r.last+1)
		}
	}
	return p.widenEnd(content, start, r.last+1)
}

// maxSubheadingWords bounds a subheading inside the body.
const maxSubheadingWords = 8

// subheadingOver reports a short headline-like line right over the line after it, with no
// byline or date under it: a subheading, not the page's headline.
func (p *textParse) subheadingOver(i int) bool {
	return isTitleLike(p.lines[i]) && p.feat[i].words <= maxSubheadingWords && p.feat[i].words >= 2 && !p.metaUnder(i) && i+1 < len(p.lines) && p.fates[i+1] == 0
}

// numberedHeadRe matches a listicle's numbered subheading: "3. Lehigh Valley plans a hospital".
var numberedHeadRe = regexp.MustCompile(`^\d{1,2}\.\s+\p{Lu}`)

// widenEnd extends the end of a run to the medium lines, lists and subheadings after it.
func (p *textParse) widenEnd(content []int, start, end int) (int, int) {
	list := false // in the items of a list a line ending with ":" announced
	for end < len(content) && !p.crossesEnd(content[end-1], content[end]) {
		i := content[end]
		switch {
		case p.endsBody(i) || p.closesBody(content[end-1], i) || p.cutAtEnd(content[end-1], i):
			list = false
			end++
		case (list || announces(p.lines[content[end-1]])) && p.feat[i].words <= maxItemWords && !p.isHeader(i):
			list = true
			end++ // the items of a list the body announced: "Pour la pâte :", "250 g de farine"
		case p.opensList(content, end):
			end++ // "Pour la crème :" over its items
		case end+1 < len(content) && p.feat[content[end+1]].class >= proseMedium && p.feat[content[end+1]].sentence &&
			!p.isHeader(i) && !p.crossesEnd(i, content[end+1]):
			list = false
			end += 2 // a short line between two paragraphs: a subheading
		default:
			return start, end
		}
	}
	return start, end
}

// maxItemWords bounds the words of a list item that widens the body.
const maxItemWords = 15

// opensList reports a short line ending with ":" over a short item: the heading of a list
// inside the body ("Pour la pâte :", "250 g de farine").
func (p *textParse) opensList(content []int, k int) bool {
	i := content[k]
	return announces(p.lines[i]) && p.feat[i].words <= 8 && k+1 < len(content) &&
		p.feat[content[k+1]].words <= maxItemWords && !p.isHeader(i) && !p.crossesEnd(i, content[k+1])
}

// salutationRe matches the greeting that opens a letter or a post: "Dear editor:".
var salutationRe = regexp.MustCompile(`(?i)^["«“]?\s*(?:dear|hello|hi|bonjour|bonsoir|chers?|chères?|madame|monsieur|querid[oa]s?|hola)\b.{0,30}[,:!]$`)

// leadsBody reports a line before the run that reads as its first paragraph: a standfirst,
// a first short paragraph, a letter's greeting.
func (p *textParse) leadsBody(i int) bool {
	f := p.feat[i]
	last, _ := utf8.DecodeLastRuneInString(p.lines[i])
	return f.class >= proseMedium && strings.ContainsRune(".»”…:", last) && f.words >= 4 || salutationRe.MatchString(p.lines[i])
}

// cutAtEnd reports the page's last line right under the body's line prev, prose that stops
// in a word: the crawler cut the page there ("… from the governing part").
func (p *textParse) cutAtEnd(prev, i int) bool {
	last, _ := utf8.DecodeLastRuneInString(p.lines[i])
	return i == prev+1 && i == len(p.lines)-1 && p.feat[i].class >= proseMedium && p.feat[i].words >= minCutProseWords && unicode.IsLetter(last)
}

// endsBody reports a line after the run that reads as its last paragraph, or as the text
// the crawler cut short at the page's end.
func (p *textParse) endsBody(i int) bool {
	f := p.feat[i]
	return f.class >= proseMedium && (f.sentence || announces(p.lines[i])) ||
		f.sentence && f.words >= 4 && !isTitleLike(p.lines[i]) && f.stop > 0
}

// closesBody reports a short last sentence printed right under the body: "More later.",
// "À l’année prochaine !".
func (p *textParse) closesBody(prev, i int) bool {
	f := p.feat[i]
	l := p.lines[i]
	return i == prev+1 && f.sentence && (f.words >= 2 || p.signedUnder(i)) && !isTitleLike(l) && !strings.HasSuffix(l, "...") &&
		!isSignature(strings.TrimSuffix(l, ".")) // "Nathalie Clément.": the writer signs
}

// signedUnder reports a line the writer's signature follows: a last word of one ("Chapeau.",
// then "Martine Bernier") closes the post.
func (p *textParse) signedUnder(i int) bool {
	return i+1 < len(p.lines) && isSignature(p.lines[i+1])
}

// maxDateExtras bounds the words a date line may carry besides its date: "Apr 2, 2024
// #Gaza", "June 27, 2013 · 0 Comments", "bill-swift - January 9, 2013".
const maxDateExtras = 4

// looseDateLine reads a short line that opens or ends with a date and says little else,
// its dates found by scan (scanDates in the page's language).
func (p *textParse) looseDateLine(l string, scan func(string) []dateHit) (time.Time, bool) {
	if runesOver(l, 100) {
		return time.Time{}, false
	}
	hits := scan(l)
	if len(hits) == 0 {
		return time.Time{}, false
	}
	h := hits[0]
	rest := strings.TrimSpace(l[:h.start] + " " + l[h.end:])
	inside := h.start > 0 && strings.TrimSpace(l[h.end:]) != ""
	if inside || wordCount(rest) > maxDateExtras || strings.HasSuffix(rest, ".") || isHeadingBefore(l[:h.start]) {
		return time.Time{}, false
	}
	return h.t, true
}

// isHeadingBefore reports the words before a date that make the line a headline about that
// day: "Assemblée Générale : 23 janvier 2016", "Revue hebdo du 11 mars 2019".
func isHeadingBefore(s string) bool {
	words := strings.Fields(strings.Trim(s, " :-–—|,"))
	if len(words) < 2 {
		return false
	}
	if lang.DateWords().Has(words[0]) && !(lang.Determiners().Has(words[0]) && !lang.DateWords().Has(words[1])) {
		return false // "Publié le", "Mis à jour le", "Posted on"; not "Le boudin du club"
	}
	r, _ := utf8.DecodeRuneInString(words[0])
	return unicode.IsUpper(r)
}

// continueNumbering takes back into the body the lines after it that go on with its numbered
// headings: "2. They know who needs to hear it" after a body holding "1. Local partners bring
// credibility", and the prose under it, up to the first line that is neither.
func (p *textParse) continueNumbering(body, after []int) ([]int, []int) {
	last := 0
	for _, i := range body {
		if n, ok := numberedHeading(p.lines[i]); ok {
			last = n
		}
	}
	k := 0
	for ; last > 0 && k < len(after) && p.fates[after[k]] == 0; k++ {
		i := after[k]
		if n, ok := numberedHeading(p.lines[i]); ok && n == last+1 {
			last = n
		} else if k == 0 || p.feat[i].class < proseMedium {
			break
		}
	}
	return append(body[:len(body):len(body)], after[:k]...), after[k:]
}

// numberedHeadingRe matches a numbered heading: "2. They know who needs to hear it".
var numberedHeadingRe = regexp.MustCompile(`^(\d{1,2})[.)]\s+(\p{Lu}.*)$`)

// numberedHeading returns the number of a numbered heading.
func numberedHeading(l string) (int, bool) {
	sm := numberedHeadingRe.FindStringSubmatch(strings.TrimSpace(l))
	if sm == nil || !isHeading(sm[2]) {
		return 0, false
	}
	return atoi(sm[1]), true
}

// cutOtherArticles drops, from the lines after the body, another article and everything
// under it: a headline with its own byline or date, followed by prose.
func (p *textParse) cutOtherArticles(after []int) []int {
	for k, i := range after {
		if !p.isHeader(i) || !p.hasProseAfter(after[k+1:]) {
			continue
		}
		p.dropFrom(i, ReasonOtherArticle)
		return after[:k]
	}
	return after
}

// dropFrom drops line i and every line under it not placed yet, for one reason.
func (p *textParse) dropFrom(i int, reason string) {
	for j := i; j < len(p.lines); j++ {
		if p.fates[j] == 0 || p.fates[j] == fateMeta {
			p.drop(j, reason)
		}
	}
}

func (p *textParse) hasProseAfter(lines []int) bool {
	for _, i := range lines {
		if p.feat[i].class >= proseMedium {
			return true
		}
	}
	return false
}

// minExcerptRun is the number of lines in a row, excerpts cut short of maxExcerptWords
// words or fewer and headlines, that end the body as a list of teasers, with the headlines
// after the body; all but one of them are excerpts or headlines after the body.
const minExcerptRun = 3

// cutExcerptTeasers reads, at the body's end, a run of short lines that each stop on an
// ellipsis as teasers: the openings of other stories ("On n'a pas tous les jours 80 ans et
// c'est un rendez-vous…"), which a page lists with no heading, and the headlines the list
// goes on with after the body. It returns the body and the lines after it left.
func (p *textParse) cutExcerptTeasers(body, after []int) ([]int, []int) {
	n, cut := p.excerptRun(body)
	more := 0 // the list goes on after the body with headlines
	for more < len(after) && p.isTeaserHeadline(after[more]) {
		more++
	}
	// Excerpts, or headlines the list of headlines after the body goes on from.
	if cut == 0 && more < minTeaserRun || n == len(body) || n+more < minExcerptRun || cut+more < minExcerptRun-1 {
		return body, after
	}
	for _, i := range body[len(body)-n:] {
		p.a.Related = append(p.a.Related, teaserOf(p.lines[i]))
		p.set(i, fateTeaser, "teaser: an excerpt in a list after the body")
	}
	if n == 0 || more >= minTeaserRun {
		return body[:len(body)-n], after // unlabelledTeasers reads a list of headlines
	}
	for _, i := range after[:more] { // too few to be read as a list of their own
		p.a.Related = append(p.a.Related, teaserOf(p.lines[i]))
		p.set(i, fateTeaser, "teaser: a headline in a list after the body")
	}
	return body[:len(body)-n], after[more:]
}

// writerLineRe matches the line naming a teaser's writer under its headline: "de Ann Roe",
// "- by Tom Bell", "par Léa Marin".
var writerLineRe = regexp.MustCompile(`^(?:[-–—•]\s*)?(?i:by|par|de)\s+(\p{Lu}.*)$`)

// cutBylinedTeasers reads, at the body's end, a list of other stories' headlines each over
// its writer's line ("Le titre", "de Ann Roe"), two or more of them, as teasers with their
// authors, the list going on after the body perhaps. It returns the body and the lines after
// it left.
func (p *textParse) cutBylinedTeasers(body, after []int) ([]int, []int) {
	seq := append(slices.Clone(body), after...)
	for k := 1; k < len(body); k++ {
		var writers [][]string
		for j := k; j+1 < len(seq); j += 2 {
			names, ok := p.bylinedTeaser(seq[j], seq[j+1])
			if !ok {
				break
			}
			writers = append(writers, names)
		}
		n := len(writers)
		if n < minTeaserRun || k+2*n < len(body) {
			continue
		}
		for w, j := 0, k; w < n; w, j = w+1, j+2 {
			p.a.Related = append(p.a.Related, article.Teaser{Title: teaserTitle(p.lines[seq[j]]), Author: strings.Join(writers[w], ", ")})
			p.set(seq[j], fateTeaser, "teaser: a headline over its writer's name")
			p.set(seq[j+1], fateTeaser, "teaser byline")
		}
		if h := body[k-1]; k > 1 && p.feat[h].words <= maxListHeadingWords && !p.feat[h].sentence {
			p.drop(h, ReasonRelatedHeading) // the list's own heading: "L'actu en Suisse c'est par ici"
			k--
		}
		return body[:k], seq[k+2*n:]
	}
	return body, after
}

// maxListHeadingWords bounds the heading over a list of teasers.
const maxListHeadingWords = 8

// bylinedTeaser returns the writers of a teaser whose headline is on line i and its
// writer's line on line j, right under it.
func (p *textParse) bylinedTeaser(i, j int) ([]string, bool) {
	if j != i+1 || p.feat[i].words < 3 || p.feat[i].words > 25 || p.sentencesIn(i) > 0 {
		return nil, false
	}
	sm := writerLineRe.FindStringSubmatch(p.lines[j])
	if sm == nil {
		return nil, false
	}
	return parseNames(sm[1], true)
}

// cardLookahead is how many lines under a numbered headline may print it again.
const cardLookahead = 3

// cutNumberedCards reads, after the body's first lines, a numbered list of other stories'
// cards as teasers: each card numbers the story's headline ("1. Kwiatkowski s'impose…"),
// then prints its section, the headline again and its opening, which are dropped. It
// returns the body left.
func (p *textParse) cutNumberedCards(body []int) []int {
	for k := 1; k < len(body); k++ {
		if _, ok := p.numberedCard(body, k); !ok {
			continue
		}
		for j, i := range body[k:] {
			if title, ok := p.numberedCard(body, k+j); ok {
				p.a.Related = append(p.a.Related, teaserOf(title))
				p.set(i, fateTeaser, "teaser: a numbered card after the body")
			} else if sm := listItemRe.FindStringSubmatch(p.lines[i]); sm != nil && sm[2] != "" && j == len(body)-k-1 {
				p.a.Related = append(p.a.Related, teaserOf(sm[3])) // the last card, cut short
				p.set(i, fateTeaser, "teaser: a numbered card after the body")
			} else {
				p.drop(i, ReasonTeaserExcerpt)
			}
		}
		return body[:k]
	}
	return body
}

// numberedCard returns the headline of body[k] when it is a numbered card's: "1. Title",
// with the title printed again within the next few lines.
func (p *textParse) numberedCard(body []int, k int) (string, bool) {
	sm := listItemRe.FindStringSubmatch(p.lines[body[k]])
	if sm == nil || sm[2] == "" || wordCount(sm[3]) < 4 {
		return "", false
	}
	key := foldCue(sm[3])
	for _, i := range body[k+1 : min(len(body), k+1+cardLookahead)] {
		if p.cue(i) == key {
			return sm[3], true
		}
	}
	return "", false
}

// excerptRun returns how many lines at the body's end are cut excerpts or headlines, and
// how many of them are excerpts.
func (p *textParse) excerptRun(body []int) (n, cut int) {
	for ; n < len(body); n++ {
		i := body[len(body)-1-n]
		l := p.lines[i]
		switch {
		case isEllipsed(l) && p.feat[i].words <= maxExcerptWords:
			cut++
		case p.isTeaserHeadline(i) && !closesSentence(l) && !isPhotoCredit(l) && !isCaption(l):
		default:
			return n, cut
		}
	}
	return n, cut
}

// finalMark returns the last rune of a line's text inside its closing quotes and brackets:
// '.' for "… on 101."".
func finalMark(l string) rune {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(l, " \"'”’»)]"))
	return last
}

// closesSentence reports a line whose text ends with a full stop, a question or an
// exclamation mark, or an ellipsis, perhaps inside closing quotes: "… on 101."" does.
func closesSentence(l string) bool { return strings.ContainsRune(".!?…", finalMark(l)) }

// minInlineTeaserRun is the number of headlines in a row, inside the body, that make a
// widget of other stories rather than subheadings.
const minInlineTeaserRun = 3

// cutInlineTeasers reads, inside the body or at its end, runs of headlines that end no
// sentence as teasers: a widget of other stories printed among the paragraphs. A run that a line
// ending with a colon announces is the story's list ("Pour la pâte :"). It returns the
// body left.
func (p *textParse) cutInlineTeasers(body []int) []int {
	var kept []int
	for k := 0; k < len(body); {
		n := 0
		for k+n < len(body) && p.inlineTeaser(body, k+n) {
			n++
		}
		if n < minInlineTeaserRun || k == 0 || p.announced(body[k]) {
			kept = append(kept, body[k:k+max(n, 1)]...)
			k += max(n, 1)
			continue
		}
		for _, i := range body[k : k+n] {
			p.a.Related = append(p.a.Related, teaserOf(p.lines[i]))
			p.set(i, fateTeaser, "teaser: a headline in a run inside the body")
		}
		k += n
	}
	return kept
}

// inlineTeaser reports body[k] as a headline of a run: it reads as one, ends no sentence
// but perhaps with a question, is no list item, and follows the line before it.
func (p *textParse) inlineTeaser(body []int, k int) bool {
	i, l := body[k], p.lines[body[k]]
	mark := finalMark(l) // a question may end a headline: "Who's in the running?"
	return p.feat[i].words >= minInlineTeaserWords && (mark == '?' || !strings.ContainsRune(".!…", mark)) &&
		!listItemRe.MatchString(l) && (k == 0 || body[k-1] == i-1) && p.isTeaserHeadline(i)
}

// minInlineTeaserWords is the least number of words of a headline in a run inside the body:
// a recipe's ingredients are shorter ("30 g de sucre").
const minInlineTeaserWords = 5

// minTeaserRun is the number of headlines in a row after the body that make a list of
// teasers with no heading.
const minTeaserRun = 2

// unlabelledTeasers reads, after the body, lists of headlines with no heading above them as
// teasers: the editors' picks or latest stories of a page that prints no "Lire aussi", and
// the lists that go on under a few tags or links. It returns the lines after the body left
// to place.
func (p *textParse) unlabelledTeasers(after []int) []int {
	var left []int
	listEnd := -1 // the line of the last teaser of the list read so far
	for k := 0; k < len(after); k++ {
		if listEnd >= 0 && after[k]-listEnd > maxListBreakLines {
			return append(left, after[k:]...) // the page's footer, far under the list
		}
		if !p.isTeaserHeadline(after[k]) {
			left = append(left, after[k])
			continue
		}
		end, scanned := p.teaserRunEnd(after, k)
		if p.countTeaserHeadlines(after[k:end]) < minTeaserRun || listEnd >= 0 && p.meanWords(after[k:end]) < minLaterListWords {
			left = append(left, after[k:scanned]...) // no other headline before the line that ended the list
			k = scanned - 1
			continue
		}
		for _, i := range after[k:end] {
			p.a.Related = append(p.a.Related, teaserOf(p.lines[i]))
			p.set(i, fateTeaser, "teaser: a headline in a list after the body")
		}
		k, listEnd = end-1, after[end-1]
	}
	return left
}

// minLaterListWords is the least mean number of words of the headlines of a list that goes
// on under a few tags or links: a site's footer links are shorter ("Terms And Conditions Of
// Use").
const minLaterListWords = 6

// meanWords returns the mean number of words of the lines.
func (p *textParse) meanWords(lines []int) float64 {
	n := 0
	for _, i := range lines {
		n += p.feat[i].words
	}
	return float64(n) / float64(max(len(lines), 1))
}

// maxListBreakLines bounds the lines (tags, links) between two parts of one list of
// teasers.
const maxListBreakLines = 4

// maxTeaserSentenceWords bounds a teaser printed as one sentence inside a list of teasers.
const maxTeaserSentenceWords = 20

// teaserRunEnd returns where a list of teasers that goes on at after[k] ends. Inside the
// list, short headline-like lines and one-sentence headlines are teasers too ("Musica Nova
// March Concert", "Commissioner revealed to be billing costs to taxpayer."); the list ends
// on a headline, or, at the page's end, on the line after it, a headline cut short.
// scanned is where the lines that may stand in a list stop.
func (p *textParse) teaserRunEnd(after []int, k int) (end, scanned int) {
	end = k
	for end < len(after) && p.inTeaserList(after[end]) {
		end++
	}
	scanned = max(end, k+1)
	cut := end == len(after) // the list runs to the page's end
	for end > k && !p.isTeaserHeadline(after[end-1]) {
		end--
	}
	if cut && end == len(after)-1 {
		end++ // the last headline, cut short: "Council su"
	}
	return end, scanned
}

// countTeaserHeadlines returns how many of the lines read as another article's headline.
func (p *textParse) countTeaserHeadlines(lines []int) int {
	n := 0
	for _, i := range lines {
		if p.isTeaserHeadline(i) {
			n++
		}
	}
	return n
}

// inTeaserList reports a line that may stand in a list of teasers.
func (p *textParse) inTeaserList(i int) bool {
	l, f := p.lines[i], p.feat[i]
	switch {
	case p.fates[i] != 0:
		return false
	case p.isTeaserHeadline(i), f.words >= 2 && isTitleLike(l):
		return true
	}
	return f.words >= 4 && f.words <= maxTeaserSentenceWords && strings.HasSuffix(l, ".") && p.sentencesIn(i) == 0
}

// isTeaserHeadline reports a line that reads as another article's headline.
func (p *textParse) isTeaserHeadline(i int) bool {
	l, f := p.lines[i], p.feat[i]
	if p.fates[i] != 0 || f.words < 4 || f.words > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	// "… au centre hospitalier. Plus t": a paragraph cut short, no headline. The cheap tests
	// of how the line ends come before the signature and role patterns: all must pass.
	return (isTitleLike(l) || strings.ContainsRune("»”?!", last)) && p.sentencesIn(i) == 0 &&
		!isSignature(l) && !roleRe.MatchString(l)
}

// teasersAbove reports a list of teasers between line i and the body above it (one inline
// "Lire aussi" between the story and its signature is no list).
func (p *textParse) teasersAbove(i int) bool {
	n := 0
	for j := i - 1; j >= 0 && p.fates[j] != fateBody; j-- {
		if p.fates[j] == fateTeaser {
			n++
		}
	}
	return n >= minTeaserRun
}

// readTail reads the lines right after the body: a signature gives the authors, a bio
// under it is dropped. A list of teasers ends the tail: a name under it signs nothing.
func (p *textParse) readTail(after []int) {
	for _, i := range after {
		if p.fates[i] != 0 {
			continue
		}
		if p.teasersAbove(i) {
			return
		}
		l := p.lines[i]
		if _, ok := signature(l); !ok {
			l = strings.TrimSuffix(l, ".") // "Nathalie Clément.", but "S.S."
		}
		if names, ok := signature(l); ok && len(p.a.Authors) == 0 {
			p.addAuthors(names)
			p.set(i, fateMeta, "signature")
			continue
		}
		if names, ok := placedSignature(l); ok && len(p.a.Authors) == 0 {
			p.addAuthors(names)
			p.set(i, fateMeta, "signature with the place")
			continue
		}
		if name, ok := firstNameWithRole(l); ok && len(p.a.Authors) == 0 {
			p.addAuthors([]string{name})
			p.set(i, fateMeta, "signature with the job")
			continue
		}
		if p.isBio(l) {
			p.drop(i, ReasonAuthorBio)
			continue
		}
		return
	}
}

// dropLeftovers drops every line that went nowhere, saying where it stood.
func (p *textParse) dropLeftovers(after []int) {
	for _, i := range after {
		if p.fates[i] == 0 {
			p.drop(i, ReasonAfterBody)
		}
	}
	for i := range p.lines {
		if p.fates[i] == 0 {
			p.drop(i, ReasonBeforeBody)
		}
	}
}

var (
	// captionRe matches a photo caption or credit: "Le maire, lundi. Photo: AP/Jane Roe",
	// "Cattle near the creek.(Tom Reddan)", "Une agence, le 3 mai. ( AFP / JEAN MORVAN )".
	captionRe = regexp.MustCompile(`(?:[./]|\s[-–—])\s*(?i:photos?)\s+\p{Lu}[\p{L}\d.'’&-]*(?:\s+[\p{L}\d.'’&-]+){0,4}$|\(\p{Lu}[\p{L}.'’ -]{1,40}/\p{Lu}[\p{L}.'’ -]{1,40}\)\.?$|\(\s\p{Lu}[\p{Lu}.'’ -]{1,40}/\s\p{Lu}[\p{Lu}.'’ -]{1,40}\s\)$|[.!?]\((?:\p{Lu}[\p{L} ]{1,30}:\s*)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\)$|(?i:\((?:courtesy|submitted|file|staff|contributed)\s+photos?\)|\(\(?(?:ph|photos?)\.?\s+\p{Lu}[^()]{1,40}\)\)?|\(photo courtesy[^)]{0,60}\)|voir en grand cette image)\.?$|\b(?:` + strings.Join(captionAgencies, "|") + `)(?:/[^.!?]{1,60})?$|(?i)(?:^|[\s(\[])(?:photos?|crédits?(?: photo)?|credits?|images?|illustration|fotos?|pictured|(?-i:Pics?))\s*(?::|©|/)\s*[^.!?]{1,60}[)\]]?\.?$|©\s*(?:\p{Lu}\.\s*)*(?:[^.!?]|(?-i:\p{Lu})\.\s){1,60}$`)
	// parenCreditRe matches a short caption's credit in parentheses: "… anniversary. (AN)".
	parenCreditRe = regexp.MustCompile(`\((?:[A-Z]{2,8}|AFP|Reuters)(?: [Pp]hotos?)?\)+\.?$`)
	// relativeTimeRe matches a date printed as an age or a time of today: "9 days ago", "il y
	// a 3 heures", "Publié à 8h00".
	relativeTimeRe = regexp.MustCompile(`(?i)^(?:(?:posted|updated|publié|mis à jour)\s+)?(?:(?:à|at)\s+` + clockPattern + `(?:\s?[ap]\.?m\.?)?|(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|il y a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?|années?))\.?$`)
	// emptyBylineRe matches a byline left without a name: "By  |", "Par", "Author:".
	emptyBylineRe = regexp.MustCompile(`(?i)^(?:by|par|posted by|publié par|author|auteur)\s*[|,:·•–—-]*\s*$`)
	// spacedMenuRe splits a menu flattened with runs of spaces or tabs.
	spacedMenuRe = regexp.MustCompile(`\s{3,}|\t+`)
	// reportingRe matches a wire credit: "(Reporting by X and Y; editing by Z)".
	reportingRe = guard(regexp.MustCompile(`(?i)^\(?(?:reporting|reported|writing) by ([^;)]+)(?:;[^)]*)?\)?\.?$`),
		startsFold("(", "report", "writing"))
	// frCreditRe matches a French wire credit: "(X, avec Y; version française Z)".
	frCreditRe = guard(regexp.MustCompile(`(?i)^\(([^;()]+);\s*(?:version française|édité par|édition|traduction|adaptation)[^)]*\)\.?$`),
		both(startsFold("", "("), holdsAny(";")))
	// signedRe matches "Une chronique signée X.", "Un article rédigé par X", "Un sujet de X.".
	signedRe = guard(regexp.MustCompile(`(?i)^(?:une?\s+)?(?:chronique|tribune|analyse|billet|article|enquête|reportage|éditorial|sujet|column|story)\s+(?:signée?|rédigée?|écrite?|written|by|de)\s+(?:par\s+|by\s+)?(.+?)\.?$`),
		startsFold("", "un", "chronique", "tribune", "analyse", "billet", "article", "enquête", "reportage", "éditorial", "sujet", "column", "story"))
	// forOutletRe matches "Anne Delorme pour ABP le 24/11/18 17:24".
	forOutletRe = guard(regexp.MustCompile(`^(\p{Lu}[^,;:]{2,50}?)\s+(?:pour|for)\s+(?:l['’]|le\s+|la\s+|the\s+)?\p{Lu}[\p{L}\d .'’-]{0,40}?(?:,?\s+(?:le|on)\s+(.{6,40}))?$`),
		both(startsUpper, holdsAny("pour", "for")))
	// parenSignatureRe matches a signature and its date in parentheses: "(Ann Roe, le 8 mars
	// 2008)".
	parenSignatureRe = guard(regexp.MustCompile(`^\((\p{Lu}[^,()]{2,50}),\s*([^()]{6,40})\)\.?$`),
		startsFold("", "("))
	// datedSignatureRe matches a signature and the day it was written, after a separator:
	// "Alain Roux / 26.03.2023", "Marie Dupin - 3 mars 2021".
	datedSignatureRe = guard(regexp.MustCompile(`^(\p{Lu}[^/|,;()–—-]{2,50}?)\s*(?:/|\||,|–|—|\s-)\s*(\S.{5,30})$`),
		both(startsUpper, holdsAny("/", "|", ",", "–", "—", "-")))
	// postedByRe matches "posté à 11h29, par JBB", "Posted at 9:00 by Jane Roe".
	postedByRe = guard(regexp.MustCompile(`(?i)^(?:posté|postée|publié|publiée|posted|published|écrit|written)(\s.{0,50}?)?[,\s]+(?:par|by)\s+(\S.{0,120})$`),
		startsFold("", "post", "publi", "écrit", "writt"))
	// emailCreditRe matches a writer's name with the address to write to: "Ann Roe ann@x.com".
	emailCreditRe = guard(regexp.MustCompile(`^(\p{Lu}[\p{L}'’. -]{2,50}?)\s+\S+@\S+\.\p{L}{2,}$`),
		both(startsUpper, holdsAny("@")))
	// reachedRe matches "(Ann Roe can be reached at ...)".
	reachedRe = guard(regexp.MustCompile(`(?i)^\(?(\p{Lu}[\p{L}'’. -]{2,50}?)\s+(?:can|may) be reached\b.*$`),
		func(s string) bool { return strings.Contains(strings.ToLower(s), "reached") })
	// endByRe matches a line that ends with its writer: "Article publié sur x.org le par
	// Olivier Meyer".
	endByRe = guard(regexp.MustCompile(`\s(?:par|by|Par|By)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})$`),
		holdsAny("par", "by", "Par", "By"))
	// inCategoryRe matches the categories a WordPress byline names after the writer: " in
	// News, Sport".
	inCategoryRe = regexp.MustCompile(`\s+(?:in|dans)\s+\p{Lu}`)
	// bySiteRe matches "Par X/Le Site": a name, then the outlet.
	bySiteRe = guard(regexp.MustCompile(`^(?:Par|By|PAR|BY)\s+([^/|]+?)\s*/\s*\S.{0,60}$`),
		holdsAny("/"))
)

// captionTail is how far from the end of a line a caption's credit can start: every form
// of captionRe ends the line within it.
const captionTail = 100

// isCaption reports a photo caption or credit line.
func isCaption(l string) bool {
	if runesOver(l, 400) {
		return false
	}
	if strings.ContainsRune(l, '<') {
		l = plainText(l) // a caption kept with its links' markup
	}
	if licensedPhotoRe.MatchString(l) || agencyCreditRe.MatchString(l) && wordCount(l) <= maxCaptionSentenceWords {
		return true
	}
	if len(l) > captionTail {
		// Match the end only, from a word's start: the patterns are anchored there.
		tail := l[len(l)-captionTail:]
		if sp := strings.IndexByte(tail, ' '); sp >= 0 {
			l = tail[sp:]
		}
	}
	if parenCreditRe.MatchString(l) && wordCount(l) <= 16 && strings.Contains(l, ". (") {
		return true // "… celebrates its anniversary. (AN)", not "… des Commerçants (UCV)."
	}
	return mayBeCaption(l) && captionRe.MatchString(l)
}

// loneCreditRe matches a photo's credit alone in parentheses: "(Photo Le Quotidien, Anne
// Roy)", "(Crédit : Marc Petit)".
var loneCreditRe = regexp.MustCompile(`(?i)^\((?:(?:photos?|crédits?(?: photo)?|credits?|image)\b|ph\.)[^()]{1,60}\)$`)

// overLoneCredit reports a caption of one sentence over its photo's credit alone in
// parentheses, under no paragraph (a paragraph's last sentence may credit a picture so).
func (p *textParse) overLoneCredit(i int) bool {
	// The credit's pattern first: it reads the line under from its opening parenthesis.
	return i+1 < len(p.lines) && strings.HasPrefix(p.lines[i+1], "(") && loneCreditRe.MatchString(p.lines[i+1]) &&
		p.feat[i].words <= maxCaptionSentenceWords && !p.afterProse(i) && p.sentencesIn(i) <= 1
}

// agencyCaption reports a caption of one sentence followed by the agency's name alone,
// between two paragraphs: "Passengers at the station on Wednesday morning. PA". A paragraph
// of several sentences signed so, or the story's first or last, is wire copy.
func (p *textParse) agencyCaption(i int) bool {
	return p.afterProse(i) && p.isProse(i+1) && agencyAfterSentence(p.lines[i])
}

// agencyAfterSentence reports a line of one sentence followed by an agency's name alone.
func agencyAfterSentence(l string) bool {
	at := strings.LastIndexAny(l, ".!?")
	if at < 0 || at+2 > len(l) || l[at+1] != ' ' || !lang.IsAgency(l[at+2:]) {
		return false
	}
	return sentenceEnds(l[:at+1]) <= 1 && wordCount(l) <= maxCaptionSentenceWords
}

// maxCaptionSentenceWords bounds a caption of one sentence.
const maxCaptionSentenceWords = 40

// sketchTitleRe matches the title an icon drawn in the Sketch application keeps, which
// crawlers print as a line of text: "separateurCreated with Sketch.".
var sketchTitleRe = regexp.MustCompile(`^\S*Created with Sketch\.?$`)

// screenshotRe matches the name a computer gives a screenshot, left as a picture's title:
// "Capture d’écran, le 2023-05-07 à 10.16.12", "Screenshot 2024-01-09 at 14.02.11".
var screenshotRe = regexp.MustCompile(`^(?:Capture d[’']écran|Screenshot|Screen Shot)[ ,]+(?:le |du )?\d{4}-\d{2}-\d{2}`)

// licensedPhotoRe matches the credit of a picture taken from a photo library, after a bar:
// "… | Dorfun via Flickr CC License by".
var licensedPhotoRe = guard(regexp.MustCompile(`\s\|\s[^|]{1,60}\svia\s(?:Flickr|Wikimedia Commons|Unsplash|Pixabay)(?:\s.{0,30})?$`),
	holdsAny("via"))

// A photo's credit line holds maxPhotoCreditWords words, or maxLongCreditWords when it
// ends on no sentence's end.
const maxPhotoCreditWords, maxLongCreditWords = 5, 12

// maxNewsletterNameWords bounds the name of a newsletter over its pitch.
const maxNewsletterNameWords = 3

// namesNewsletter reports a newsletter's name right over its pitch: "La Matinale." over
// "Chaque matin, recevez les 10 informations clés…".
func (p *textParse) namesNewsletter(i int) bool {
	if i+1 >= len(p.lines) || p.feat[i].words > maxNewsletterNameWords || isSignature(p.lines[i]) {
		return false // the writer's name, over the site's newsletter
	}
	reason, ok := p.furnitureCue(i + 1)
	return ok && reason == ReasonNewsletter
}

// minAltWords is the least number of words of a picture's alternative text printed over
// its caption: a subheading is shorter.
const minAltWords = 10

// altOverCaption reports a picture's alternative text right over its caption, under prose:
// a long line with no final punctuation ("A view of the tall, beige city hall as seen from
// an angle. The stone building has a large clock tower in the centre"). A headline over the
// picture has no prose over it.
func (p *textParse) altOverCaption(i int) bool {
	last, _ := utf8.DecodeLastRuneInString(p.lines[i])
	return i > 0 && i+1 < len(p.lines) && p.feat[i].words >= minAltWords && p.feat[i-1].class >= proseMedium && (unicode.IsLetter(last) || unicode.IsDigit(last)) &&
		isCaption(p.lines[i+1])
}

// isPhotoCredit reports a short line that opens with a caption word and a capitalised name,
// the picture's source: "Photo Icon Sport", "Photos Claire MARTIN – classement du comité".
func isPhotoCredit(l string) bool {
	first, rest, _ := strings.Cut(l, " ")
	if by, ok := strings.CutPrefix(rest, "by "); ok {
		rest = by // "Photo by Daniel Buttrey"
	}
	if !startsUpper(rest) || !slices.Contains(captionWords, strings.ToLower(strings.TrimRight(first, "s:"))) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	n := wordCount(l)
	return n <= maxPhotoCreditWords || n <= maxLongCreditWords && !strings.ContainsRune(".!?»”", last)
}

// maxDatedCaptionWords bounds a caption that ends with its picture's date.
const maxDatedCaptionWords = 40

// datedCaption reports a caption of one sentence that ends with its picture's full date,
// weekday and year, and says what the picture shows in the present tense, or stands next to
// another such line: "Matthew Romain performs at the market on Saturday, April 2, 2022."
func (p *textParse) datedCaption(i int) bool {
	if !p.datedShape(i) {
		return false
	}
	return holdsWordOf(p.folds[i], lang.CaptionVerbs()) || p.datedShape(i-1) || p.datedShape(i+1)
}

// datedShape reports a line of one sentence that ends with a full date, weekday and year.
func (p *textParse) datedShape(i int) bool {
	if i < 0 || i >= len(p.lines) || !strings.HasSuffix(p.lines[i], ".") || p.feat[i].words > maxDatedCaptionWords || p.feat[i].words < 6 || p.sentencesIn(i) > 0 {
		return false
	}
	l := p.lines[i]
	hits := p.datesIn(i, l)
	if len(hits) == 0 {
		return false
	}
	h := hits[len(hits)-1]
	if h.end < len(l)-2 || !yearRe.MatchString(l[h.start:h.end]) {
		return false
	}
	words := strings.Fields(l[max(0, h.start-12):h.end])
	return slices.ContainsFunc(words, func(w string) bool { return lang.Weekdays().Has(strings.Trim(w, ",.")) })
}

// yearRe matches a year of four digits.
var yearRe = regexp.MustCompile(`\b(?:19|20)\d\d\b`)

// maxCaptionUnderCreditWords bounds the caption a paper prints under its picture's credit.
const maxCaptionUnderCreditWords = 25

// underShoutedCredit reports the caption of one sentence that a paper prints under its
// picture's credit in capitals: "PHOTO ANN ROE, AGENCE FRANCE-PRESSE", then "Le coureur
// belge a terminé deuxième de l'étape."
func (p *textParse) underShoutedCredit(i int) bool {
	if i == 0 || p.feat[i].words > maxCaptionUnderCreditWords || p.sentencesIn(i) > 0 || !p.feat[i].sentence {
		return false
	}
	credit := p.lines[i-1]
	return isPhotoCredit(credit) && strings.ToUpper(credit) == credit
}

// captionWords are, in lower case, the words of captionRe before a colon: "photo", "crédit",
// "credit", "image", "illustration", "foto", "pictured", "pic".
var captionWords = []string{"photo", "crédit", "credit", "image", "illustration", "foto", "pictured", "pic"}

// captionAgencies are the credits captionRe accepts at the very end of a line, with nothing
// else to mark the caption.
var captionAgencies = []string{"REUTERS", "AFP", "AP Photo", "Getty Images", "EPA", "SIPA", "MAXPPP", "KEYSTONE", "Adobe Stock", "Shutterstock", "iStock", "Alamy", "Unsplash"}

// captionCell reports a picture's caption printed as a cell of its table, which a crawler
// flattens between bars: "|", then "Le plus gros poisson trouvé ce matin. |".
func (p *textParse) captionCell(i int) bool {
	return i > 0 && p.lines[i-1] == "|" && strings.HasSuffix(p.lines[i], " |") && p.feat[i].words <= maxCaptionWords
}

// mayBeCaption is a quick test that captionRe cannot match l: every caption it knows holds a
// parenthesis, a slash, "©" or "photo", or a colon after one of the words that name a
// picture ("Crédit : …"), or ends with an agency's name or "image". Most lines hold none of
// these, and the pattern, unanchored at the start, is costly on long lines.
func mayBeCaption(l string) bool {
	if containsAny(l, ")/©") || strings.Contains(l, "hoto") || strings.Contains(l, "HOTO") {
		return true
	}
	if strings.ContainsRune(l, ':') {
		low := strings.ReplaceAll(strings.ToLower(l), "ſ", "s") // the pattern's (?i) takes "ſ" for "s"
		for _, w := range captionWords {
			if strings.Contains(low, w) {
				return true
			}
		}
	}
	l = strings.TrimSuffix(l, ".")
	if len(l) >= 5 && strings.EqualFold(l[len(l)-5:], "image") {
		return true
	}
	for _, a := range captionAgencies {
		if strings.HasSuffix(l, a) {
			return true
		}
	}
	return false
}

// datedSignature reads a signature and the day it was written: "Alain ROUX / 26.03.2023"
// gives "Alain Roux" and that day.
func datedSignature(l, code string) (string, time.Time, bool) {
	sm := datedSignatureRe.FindStringSubmatch(l)
	if sm == nil || !names.IsPerson(sm[1]) {
		return "", time.Time{}, false
	}
	hits := scanDates(sm[2], code)
	if len(hits) != 1 || hits[0].start != 0 || strings.TrimSpace(sm[2][hits[0].end:]) != "" {
		return "", time.Time{}, false
	}
	return unshout(sm[1]), hits[0].t, true
}

// maxNameThenDateRunes bounds a line of a writer's name and a date.
const maxNameThenDateRunes = 60

// nameThenDate reads a writer's name run into a date with no separator: "Shamsul Islam May
// 26, 2012". The date alone is looked for after the name, so that the name's last word is
// not read as the month.
func nameThenDate(l, code string) (string, time.Time, bool) {
	if runesOver(l, maxNameThenDateRunes) || !strings.ContainsAny(l, "0123456789") || strings.ContainsAny(l, ";:") || strings.HasSuffix(l, ".") {
		return "", time.Time{}, false
	}
	words := strings.Fields(l)
	for k := 2; k <= 4 && k < len(words); k++ {
		name, rest := strings.Join(words[:k], " "), strings.Join(words[k:], " ")
		if !startsUpper(words[k-1]) || strings.ContainsAny(name, "0123456789,") || !names.IsPerson(name) {
			continue // "Cérémonie du 11 novembre": a name ends on a capital's word
		}
		if hits := scanDates(rest, code); len(hits) == 1 && hits[0].start == 0 && hits[0].end == len(rest) {
			return unshout(name), hits[0].t, true
		}
	}
	return "", time.Time{}, false
}

// forOutlet reads "Anne Delorme pour ABP le 24/11/18 17:24": the writers, and the date if
// the line prints one.
func forOutlet(l, code string) ([]string, time.Time, bool) {
	sm := forOutletRe.FindStringSubmatch(l)
	if sm == nil {
		return nil, time.Time{}, false
	}
	names, ok := parseNames(strings.TrimSpace(sm[1]), true)
	if !ok || !allPersons(names) {
		return nil, time.Time{}, false
	}
	return names, firstDate(sm[2], code), true
}

// creditLine reads the credit lines newsrooms print instead of a byline: wire credits,
// "Une chronique signée X.", "Par X/Le Site", "X pour ABP le 24/11/18", "posté à 11h29,
// par X". It returns the writers it names and the date it prints, if any.
func creditLine(l, code string) ([]string, time.Time, bool) {
	if runesOver(l, 160) || isPhotoCredit(l) { // "PHOTO ANN ROE, AGENCE FRANCE-PRESSE": the picture's
		return nil, time.Time{}, false
	}
	if sm := postedByRe.FindStringSubmatch(l); sm != nil {
		// "Posted on May 2nd, by Kevin Aldous in News, Sport | 4 comments"
		by, when := sm[2], sm[1]
		if hits := scanDates(by, code); len(hits) > 0 && hits[0].start > 0 && names.IsPerson(trimDateWords(by[:hits[0].start])) {
			// "Posted by Ann Roe on May 13, 2019": a person's name, then the date. An embedded
			// post names its page there ("Posted by Ono Grill on …"), never a writer.
			by, when = trimDateWords(by[:hits[0].start]), by[hits[0].start:]
		}
		who := bylineSepRe.Split(by, 2)[0]
		if loc := inCategoryRe.FindStringIndex(who); loc != nil {
			who = who[:loc[0]]
		}
		if names, ok := parseNames(strings.TrimSpace(who), false); ok {
			return names, firstDate(when, code), true
		}
	}
	if names, pub, ok := forOutlet(l, code); ok && !pub.IsZero() {
		return names, pub, true // undated, the line may be a headline: see textParse.metaLine
	}
	if sm := parenSignatureRe.FindStringSubmatch(l); sm != nil {
		// "(Pascal Landrein, le 8 mars 2008)"
		if pub := firstDate(sm[2], code); !pub.IsZero() && names.IsPerson(sm[1]) {
			return []string{sm[1]}, pub, true
		}
	}
	if name, pub, ok := datedSignature(l, code); ok {
		return []string{name}, pub, true
	}
	if n := len(l); n%2 == 0 && n >= 8 && l[:n/2] == l[n/2:] {
		// "Andy NealAndy Neal": a byline printed twice, run together.
		if names, ok := parseNames(l[:n/2], true); ok {
			return names, time.Time{}, true
		}
	}
	if name, day, found := cutBylineTail(l); found && day != "" {
		// "Ann Roe reported this story on Wednesday, May 12, 2021"
		if names, ok := signature(name); ok {
			return names, firstDate(day, code), true
		}
	}
	for _, credit := range []func(string) ([]string, bool){agencyCredit, bylineWithRole, siteCredit, acronymCredit} {
		if names, ok := credit(l); ok {
			return names, time.Time{}, true
		}
	}
	if sm := emailCreditRe.FindStringSubmatch(l); sm != nil {
		if names, ok := parseNames(sm[1], true); ok {
			return names, time.Time{}, true
		}
	}
	if !runesOver(l, 100) { // before the pattern, which reads the whole line
		if sm := endByRe.FindStringSubmatch(l); sm != nil {
			if names, ok := parseNames(sm[1], true); ok {
				return names, firstDate(l, code), true
			}
		}
	}
	for _, re := range []guardedRe{reportingRe, frCreditRe, signedRe, bySiteRe, reachedRe} {
		if sm := re.FindStringSubmatch(l); sm != nil {
			if names, ok := parseNames(strings.TrimSpace(sm[1]), false); ok {
				return names, time.Time{}, true
			}
		}
	}
	return nil, time.Time{}, false
}

// acronymsTailRe matches the outlets' acronyms that follow a writer's name after dashes or
// bars: " - CKRV - IJL" in "Ann Roe - CKRV - IJL", " - RDA 66".
var acronymsTailRe = guard(regexp.MustCompile(`(?:\s+[-–—|]\s+\p{Lu}[\p{Lu}\d&]{1,7}(?:\s\d{1,3})?)+$`),
	holdsAny("-", "–", "—", "|"))

// acronymCredit reads a writer's name followed by the acronyms of the outlets she writes
// for: "Ann Roe - CKRV - IJL", "Ann Roe - RDA 66". One bare acronym is not enough: "Real
// Madrid - PSG" is a fixture, "Jean Dupont - PDG" a role.
func acronymCredit(l string) ([]string, bool) {
	loc := acronymsTailRe.FindStringIndex(l)
	if loc == nil || loc[0] == 0 {
		return nil, false
	}
	tail := l[loc[0]:]
	acronyms := len(strings.Fields(tail)) / 2 // " - CKRV - IJL": a separator and an acronym each
	if acronyms < 2 && !strings.ContainsFunc(tail, unicode.IsDigit) {
		return nil, false
	}
	return signature(l[:loc[0]])
}

// agencyCredit reads a wire story's byline, its writers and then their agency after a comma:
// "Rik Stevens, The Associated Press", "Anne Roy et Paul Gis, AFP".
func agencyCredit(l string) ([]string, bool) {
	i := strings.LastIndex(l, ", ")
	if i < 0 {
		return nil, false
	}
	agency := strings.TrimPrefix(strings.TrimSpace(l[i+2:]), "The ")
	if !lang.IsAgency(agency) {
		return nil, false
	}
	if names, ok := parseNames(l[:i], true); ok && allPersons(names) {
		return names, true
	}
	return nil, false
}

// allPersons reports whether every name of a credit reads as a person's ("Anne Delorme pour
// ABP"), not as a headline in title case ("Mayor Accepts Budget for Fiscal Year 2016").
func allPersons(ns []string) bool {
	for _, n := range ns {
		if !names.IsPerson(withoutTitles(n)) {
			return false
		}
	}
	return true
}

// boxNames reads the names of an author box: "Anne Delorme", or "la capitaine Marine
// Rabasté - publié le 2 mars", the capitalised words before the first separator.
func boxNames(s string) ([]string, bool) {
	if names, ok := parseNames(s, false); ok {
		return names, true
	}
	return parseNames(capitalisedTail(bylineSepRe.Split(s, 2)[0]), false)
}

// withoutTitles removes the roles printed before a name: "Fire Chief Dana Whitcomb" gives
// "Dana Whitcomb"; a name left with fewer than two words keeps them.
func withoutTitles(name string) string {
	words := strings.Fields(name)
	k := 0
	for k < len(words)-2 && lang.Titles().Has(words[k]) {
		k++
	}
	return strings.Join(words[k:], " ")
}

// capitalisedTail returns s from its first capitalised word on: "la capitaine Marine
// Rabasté" gives "Marine Rabasté".
func capitalisedTail(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return strings.Join(words[i:], " ")
		}
	}
	return ""
}

// firstDate returns the first date printed in s, or the zero time.
func firstDate(s, code string) time.Time {
	if hits := scanDates(s, code); len(hits) > 0 {
		return hits[0].t
	}
	return time.Time{}
}

// furnitureShape returns why line i is page furniture by its shape, when no cue names it:
// an empty byline, a menu of capitalised words, a line of capitals without function words,
// or a line that opens with a furniture cue and a colon ("Urgent : ...").
func (p *textParse) furnitureShape(i int) (string, bool) {
	l := p.lines[i]
	switch {
	case emptyBylineRe.MatchString(l):
		return ReasonByline, true
	case isGluedRole(l):
		return ReasonByline, true
	case postedByRe.MatchString(l) && !runesOver(l, 100):
		// "Publié le par kara-cuisine.over-blog.com": no writer's name, no date.
		return ReasonByline, true
	case isCaption(l) || p.placesPeople(i) || p.watermarked(i) || p.agencyCaption(i) || p.overLoneCredit(i) || p.altOverCaption(i):
		return ReasonCaption, true
	case isSeparator(l), l == "|":
		return ReasonSeparator, true // "|": the cell's edge of a picture's table, flattened
	case p.captionCell(i):
		return ReasonCaption, true
	case isFileName(l), sketchTitleRe.MatchString(l), screenshotRe.MatchString(l):
		return ReasonImageName, true
	case p.underFileName(i), p.isGalleryTitle(i), i > 0 && p.isGalleryTitle(i-1) && p.feat[i].words <= maxCaptionWords:
		return ReasonCaption, true
	case relativeTimeRe.MatchString(l), p.onlyDateWords(i):
		return ReasonDate, true
	case isTemplateJunk(l):
		return ReasonTemplate, true
	case embedCreditRe.MatchString(l), strings.Contains(l, "pic.twitter.com/") && p.feat[i].words <= maxEmbedWords:
		return ReasonEmbed, true
	case !runesOver(l, 100) && printedInRe.MatchString(l): // the pattern reads the whole line
		return ReasonSource, true
	case p.captionAround(i) || p.captionAround(i-2) || p.shortensCaption(i) || p.printedTwice(i) || p.printedTwice(i-1):
		return ReasonCaption, true
	case p.captionAround(i - 1), isPhotoCredit(l):
		return ReasonPhotoCredit, true
	case p.datedCaption(i), p.underShoutedCredit(i):
		return ReasonCaption, true
	case p.repeats(i), p.leadOfNext(i), isDoubled(p.folds[i]) && !p.announced(i):
		return ReasonRepeated, true
	case i > 0 && p.fates[i-1] == fateDropped && p.halfOfDoubled(i-1) == p.keys[i]:
		return ReasonCaption, true // "La Twingo… - La Twingo…", then "La Twingo…" again
	case isAgencyLabel(l):
		return ReasonAgency, true
	case p.namesNewsletter(i):
		return ReasonNewsletter, true
	case isSpacedMenu(l):
		return ReasonMenu, true
	case p.isShoutedMenu(i):
		return ReasonMenu, true
	}
	if head, _, ok := strings.Cut(l, ":"); ok && len(head) < 40 {
		if r, ok := p.m.furnitureReason(head); ok && (r == ReasonTicker || r == ReasonLogin || r == ReasonPaywall) {
			return r, true
		}
	}
	return "", false
}

// maxEmbedWords bounds the text of a social post a page embeds.
const maxEmbedWords = 60

// embedCreditRe matches the credit line of a social post a page embeds: "— Ann Roe
// (@annroe) October 3, 2019".
var embedCreditRe = regexp.MustCompile(`^[—–-]\s*\p{Lu}[^()]{0,60}\(@\w{1,30}\)(?:\s+\S.{0,40})?$`)

// maxWatermarkWords bounds the words of a photo's title signed with the site's name.
const maxWatermarkWords = 14

// watermarked reports a photo's title signed the way photo sites watermark pictures, the
// picture's name, " @ " and the site's name ("Cousins @ Mt. Hope Chronicles"), when another
// short line of the page carries the same signature.
func (p *textParse) watermarked(i int) bool {
	tail, ok := watermark(p.lines[i])
	return ok && p.feat[i].words <= maxWatermarkWords && p.watermarks[tail] >= 2
}

// watermark returns what follows the last " @ " of l, when it is a name of one to six
// words that does not end a sentence.
func watermark(l string) (string, bool) {
	k := strings.LastIndex(l, " @ ")
	if k <= 0 {
		return "", false
	}
	tail := strings.TrimSpace(l[k+3:])
	if n := wordCount(tail); n == 0 || n > 6 || strings.ContainsAny(tail[len(tail)-1:], ".!?:") {
		return "", false
	}
	return tail, true
}

// maxPlacingWords bounds the words of a caption that places the people it shows.
const maxPlacingWords = 80

// maxOpenedCaptionWords bounds the words of a caption that opens with a caption opener.
const maxOpenedCaptionWords = 40

// placesPeople reports a line holding a caption cue as whole words, "The winners at the
// awards dinner (L to R): …", or opening with a caption opener ("Pictured above: …").
func (p *textParse) placesPeople(i int) bool {
	if p.feat[i].words > maxPlacingWords {
		return false
	}
	f := p.folds[i]
	if p.feat[i].words <= maxOpenedCaptionWords {
		for _, c := range lang.CaptionOpeners() {
			if strings.HasPrefix(f, c) && wordEdge(f, len(c)) {
				return true // "Sur cette photo, les dix équipes du club"
			}
		}
	}
	for _, c := range lang.CaptionCues() {
		for at := 0; ; {
			k := strings.Index(f[at:], c)
			if k < 0 {
				break
			}
			k += at
			if wordEdge(f, k-1) && wordEdge(f, k+len(c)) {
				return true
			}
			at = k + 1
		}
	}
	return false
}

// wordEdge reports whether byte k of s is outside a word: before or after s, or not a
// letter or digit.
func wordEdge(s string, k int) bool {
	if k < 0 || k >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// onlyDateWords reports a line of date words with their dates missing: "Publié le Mis à
// jour".
func (p *textParse) onlyDateWords(i int) bool {
	return p.feat[i].words >= 2 && onlyDateWords(p.folds[i])
}

// announces reports a line ending with a colon, which announces what follows it: "Un seul
// chant a couvert les klaxons :", "Pour la pâte :".
func announces(l string) bool { return strings.HasSuffix(l, ":") }

// announced reports a line that the line above it announces: "Un seul chant a couvert les
// klaxons :" over "On est en Ligue 2 ! On est en Ligue 2 !".
func (p *textParse) announced(i int) bool { return i > 0 && announces(p.lines[i-1]) }

// minDoubledWords is the least number of words of a text a banner prints twice on a line.
const minDoubledWords = 3

// isDoubled reports a folded line that holds the same text twice, as a scrolling banner or
// a picture's caption glued to its alternative text prints it: "Soutenez-nous ! Soutenez-nous
// !", "La voiture, mercredi. - La voiture, mercredi.", with three words or more.
func isDoubled(f string) bool {
	_, ok := doubledHalf(f)
	return ok
}

// doubledHalf returns the text a doubled folded line holds twice.
func doubledHalf(f string) (string, bool) {
	if n := len(f) / 2; len(f)%2 == 0 && n >= minGluedCopyBytes && f[:n] == f[n:] {
		return f[:n], true // "the a64 outside york.the a64 outside york."
	}
	words := strings.Fields(f)
	if len(words)%2 == 1 && len(words) > 1 && strings.ContainsAny(words[len(words)/2], "-–—|") && len(words[len(words)/2]) <= 3 {
		words = slices.Delete(slices.Clone(words), len(words)/2, len(words)/2+1) // the separator between the copies
	}
	n := len(words) / 2
	if len(words)%2 == 1 || n < minDoubledWords || !slices.Equal(words[:n], words[n:]) {
		return "", false
	}
	return strings.Join(words[:n], " "), true
}

// minGluedCopyBytes is the least length of a text printed twice with nothing between.
const minGluedCopyBytes = 12

// halfOfDoubled returns, trimmed as a line's key, the text line i holds twice, or "".
func (p *textParse) halfOfDoubled(i int) string {
	half, ok := doubledHalf(p.folds[i])
	if !ok {
		return ""
	}
	return trimCue(half)
}

// repeats reports a line that prints again, but for a list marker, a line above it: a
// standfirst or headline the page shows twice.
func (p *textParse) repeats(i int) bool {
	key := p.keys[i]
	return len(key) >= minRepeatedKeyBytes && p.firstAt[key] < i
}

// leadOfNext reports a line that the next one opens with, whole: the first sentence
// printed as the post's summary over the paragraph that starts with it.
func (p *textParse) leadOfNext(i int) bool {
	if i+1 >= len(p.lines) || len(p.keys[i]) < minRepeatedKeyBytes {
		return false
	}
	next, ok := strings.CutPrefix(p.keys[i+1], p.keys[i])
	return ok && wordCount(next) >= 3
}

// captionAround reports a photo's caption printed twice around its credit, lines i to i+2:
// "Senior Zoe Bowen stands in the batter's box", "Peyton Kuschmeider", the caption again
// (the image's alternative text, then its caption).
func (p *textParse) captionAround(i int) bool {
	if i < 0 || i+2 >= len(p.lines) || len(p.keys[i]) < minRepeatedKeyBytes || p.keys[i+2] != p.keys[i] {
		return false
	}
	credit, _ := p.furniture(i + 1)
	return isSignature(p.lines[i+1]) || credit == ReasonPhotoCredit
}

// isFileName reports a line that is an image's file name or path printed as its alternative
// text: one word of three or more parts joined by "-" or "_" ("vigilance-meteo-france",
// "Manifestation_27_09_14_Nantes_4", "photo-1024x680.jpg"), two long lower-case parts
// ("barque-seine"), or a path to an image ("/image%2F1484042%2Fob_66.jpg)").
func isFileName(l string) bool {
	if strings.ContainsAny(l, " \t") {
		return false
	}
	n := utf8.RuneCountInString(l)
	if n < 9 {
		return false
	}
	if strings.ContainsAny(l, "/:") {
		return !strings.Contains(l, "://") && (strings.Contains(l, "%2F") || imageExtRe.MatchString(strings.TrimRight(l, ")")))
	}
	if imageExtRe.MatchString(l) {
		return true // "GN201110306159991AR.jpg"
	}
	parts := strings.FieldsFunc(l, func(r rune) bool { return r == '-' || r == '_' })
	return len(parts) >= 3 && n >= 12 || len(parts) == 2 && wordPart(parts[0]) && wordPart(parts[1]) && lowerASCII(l)
}

// wordPart reports a part of a file name that is a word of four letters or more.
func wordPart(s string) bool {
	return len(s) >= 4 && 'a' <= s[0] && s[0] <= 'z'
}

// lowerASCII reports a word of lower-case ASCII letters, digits and joiners only.
func lowerASCII(w string) bool {
	for _, r := range w {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// maxCaptionWords bounds a caption under an image's file name.
const maxCaptionWords = 16

// underFileName reports a short line under an image's file name, shorter than the line
// under it: that image's caption ("barque-seine" / "La Seine, sur les quais de Tomery").
func (p *textParse) underFileName(i int) bool {
	if i == 0 || i+1 >= len(p.lines) || p.feat[i].words > maxCaptionWords || !isFileName(p.lines[i-1]) {
		return false
	}
	return p.feat[i+1].words > 2*p.feat[i].words || isFileName(p.lines[i+1])
}

// minGalleryTitles is how many photos' titles of a gallery open alike.
const minGalleryTitles = 3

// galleryHead returns the opening that a photo's title in a gallery shares with the others,
// the words before its colon: "Fete du Port: the parade" gives "Fete du Port". The opening
// has three words or more, and what follows it eight at most, with no full stop.
func galleryHead(l string) (string, bool) {
	head, rest, ok := strings.Cut(l, ": ")
	rest = strings.TrimSpace(rest)
	if !ok || rest == "" || wordCount(head) < 3 || wordCount(head) > 8 || wordCount(rest) > 8 || strings.ContainsAny(rest, ".!?:") {
		return "", false
	}
	return head, true
}

// isGalleryTitle reports a photo's title in a gallery: a line whose galleryHead opens at
// least two more lines of the page. The short line under it is the photo's caption.
func (p *textParse) isGalleryTitle(i int) bool {
	head, ok := galleryHead(p.lines[i])
	return ok && p.galleryHeads[head] >= minGalleryTitles
}

// imageExtRe matches the extension of an image file name.
var imageExtRe = regexp.MustCompile(`(?i)\.(?:jpe?g|png|gif|webp|avif|svg)$`)

// shortensCaption reports a line that the caption under it repeats and goes on from: the
// image's alternative text, then its caption ("Un homme marche dans une rue.", "Un homme
// marche dans une rue de Boston, samedi. AFP / Jane Roe"), perhaps with the viewer's label
// between them ("Plein écran").
func (p *textParse) shortensCaption(i int) bool {
	next := i + 1
	if next+1 < len(p.lines) && p.feat[next].words <= maxGapLabelWords && !isCaption(p.lines[next]) {
		next++ // "Plein écran" between the alternative text and the caption
	}
	if next >= len(p.lines) || len(p.keys[i]) < 20 || !isCaption(p.lines[next]) {
		return false
	}
	return strings.HasPrefix(p.keys[next], strings.TrimRight(p.keys[i], ".!?"))
}

// maxGapLabelWords bounds a viewer's label between a picture's alternative text and its
// caption ("Plein écran", "Enlarge").
const maxGapLabelWords = 3

// maxCreditWords bounds the credit a caption adds to the alternative text it repeats.
const maxCreditWords = 4

// printedTwice reports lines i and i+1 printing one caption twice, the second perhaps with a
// short credit after it: an image's alternative text, then its caption ("Le ministre,
// lundi.", "Le ministre, lundi. LP/F.G."). With no credit, a headline printed twice is no
// caption unless the copies lie under a paragraph and over a picture's credit; a summary
// cut with dots over the paragraph it begins is no caption either.
func (p *textParse) printedTwice(i int) bool {
	if i < 0 || i+1 >= len(p.lines) || len(p.keys[i]) < minRepeatedKeyBytes {
		return false
	}
	// The cheap test first: most lines do not open the next one's key, and the tests it
	// spares (isEllipsed, isParagraph) have no effect but their answer.
	credit, ok := strings.CutPrefix(p.keys[i+1], p.keys[i])
	if !ok || isEllipsed(p.lines[i]) || p.isParagraph(i) {
		return false
	}
	if credit == "" {
		return !isTitleLike(p.lines[i]) || p.afterProse(i) && p.photoCreditAt(i+2)
	}
	return wordCount(credit) <= maxCreditWords && !strings.ContainsAny(credit, ",;")
}

// isParagraph reports a line too long for a caption: three sentences or more, or more words
// than a caption of one sentence holds. Printed twice, it is the story's.
func (p *textParse) isParagraph(i int) bool {
	return p.feat[i].words > maxCaptionSentenceWords || p.sentencesIn(i) >= 3
}

// afterProse reports a line under a paragraph of prose: between two paragraphs, a line
// printed twice over a picture's credit is its caption; under the page's menu, the headline.
func (p *textParse) afterProse(i int) bool { return p.isProse(i - 1) }

// isProse reports a line of prose: a sentence of minProseWords words or more.
func (p *textParse) isProse(i int) bool {
	return i >= 0 && i < len(p.lines) && p.feat[i].sentence && p.feat[i].words >= minProseWords
}

// minProseWords is the least number of words of a paragraph of prose around a caption.
const minProseWords = 12

// photoCreditAt reports a picture's credit on line i: "(Image: Tom Arden)".
func (p *textParse) photoCreditAt(i int) bool {
	if i >= len(p.lines) {
		return false
	}
	reason, _ := p.furniture(i)
	return reason == ReasonPhotoCredit || isPhotoCredit(p.lines[i])
}

// printedInRe matches the reference of the printed issue an archived article comes from:
// "Le Vigneron - n°214 - août 2019 - page 12".
var printedInRe = regexp.MustCompile(`(?i)\bn[°º]\s*\d+\b.*[-–—|,]\s*(?:page|p\.)\s*\d+\s*$`)

// templateRe matches a page template's placeholder left unrendered: "[[$index + 1]]".
var templateRe = regexp.MustCompile(`\[\[[^\]]*\]\]|\{\{[^}]*\}\}`)

// isTemplateJunk reports a line that is little more than unrendered template placeholders;
// a sentence that quotes one ("{{< youtube >}} reste du texte") is text.
func isTemplateJunk(l string) bool {
	if !strings.Contains(l, "[[") && !strings.Contains(l, "{{") {
		return false
	}
	// A form's messages between the tags of its sections ("{{ #verifyErrors }} Something
	// went wrong … {{ /verifyErrors }}") are the template's too.
	return len(sectionTagRe.FindAllStringIndex(l, minSectionTags)) >= minSectionTags || wordCount(templateRe.ReplaceAllString(l, " ")) <= 2
}

// sectionTagRe matches a tag that opens or closes a section of a Mustache template.
var sectionTagRe = regexp.MustCompile(`\{\{\s*[#/^][^}]*\}\}`)

// minSectionTags is the number of section tags that make a line the template's, whatever
// words it holds besides.
const minSectionTags = 2

// isAgencyLabel reports a short line naming a news agency: "AFP World", "Reuters Staff",
// or the agency's sign with its journalists' initials ("zd, ats", "mk/dpa").
func isAgencyLabel(l string) bool {
	if wordsUpTo(l, 3) > 3 {
		return false
	}
	if isAgencySign(l) {
		return true
	}
	for _, a := range lang.Agencies() {
		if rest, ok := strings.CutPrefix(l, a+" "); ok && !strings.ContainsAny(rest, ".,;:!?") {
			return true
		}
	}
	return false
}

// maxInitials bounds the letters of a journalist's initials in an agency's sign.
const maxInitials = 4

// isAgencySign reports a wire story's sign: the initials of its journalists in lower case
// and its agencies, separated by commas or slashes ("zd, ats", "jpm/ats/afp").
func isAgencySign(l string) bool {
	agency := false
	for _, part := range strings.FieldsFunc(l, func(r rune) bool { return r == ',' || r == '/' || r == ' ' }) {
		switch {
		case lang.IsAgency(part):
			agency = true
		case len(part) > maxInitials || strings.ToLower(part) != part || strings.ContainsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) }):
			return false
		}
	}
	return agency && strings.ContainsAny(l, ",/") || isDeskSign(l)
}

// isDeskSign reports the sign of a wire story's writer and editor, their initials in lower
// case between slashes: "ppy/mpm".
func isDeskSign(l string) bool {
	parts := strings.Split(l, "/")
	if len(parts) < 2 {
		return false
	}
	for _, part := range parts {
		if len(part) < 2 || len(part) > maxInitials || strings.ContainsFunc(part, func(r rune) bool { return r < 'a' || r > 'z' }) {
			return false
		}
	}
	return true
}

// isSpacedMenu reports a menu flattened with runs of spaces: three or more short items.
func isSpacedMenu(l string) bool {
	if !hasSpacedRun(l) {
		return false // no separator of spacedMenuRe: one part, and a paragraph is not split
	}
	parts := spacedMenuRe.Split(l, -1)
	if len(parts) < 3 {
		return false
	}
	for _, part := range parts {
		if wordCount(part) > 4 || strings.ContainsAny(part, ".!?") {
			return false
		}
	}
	return true
}

// hasSpacedRun reports whether l holds a separator of spacedMenuRe: a tab, or three white
// space characters (\s: tab, newline, form feed, carriage return, space) in a row.
func hasSpacedRun(l string) bool {
	run := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\t':
			return true
		case '\n', '\f', '\r', ' ':
			if run++; run == 3 {
				return true
			}
		default:
			run = 0
		}
	}
	return false
}

// isShoutedMenu reports a line of three or more words in capitals with no function word and
// no sentence: "ACCUEIL ACTUALITE FORUMS REDACTEURS".
func (p *textParse) isShoutedMenu(i int) bool {
	l, f := p.lines[i], p.feat[i]
	if f.words < 4 || f.stop > 0 || f.sentence || f.capitals < 1 {
		return false
	}
	return strings.ToUpper(l) == l && strings.ContainsFunc(l, unicode.IsLetter) && !p.overByline(i)
}

// overByline reports a line right above a byline: a headline, in capitals or not, rather
// than a menu ("COMMISSIONERS APPROVE ROAD PROJECTS" over "Diane M. Robinson, BonifayNow.com").
func (p *textParse) overByline(i int) bool {
	for j := i + 1; j < len(p.lines); j++ {
		if l := strings.TrimSpace(p.lines[j]); l != "" {
			_, byline := articleByline(l, p.lang)
			_, _, credit := creditLine(l, p.lang)
			_, _, dated := nameThenDate(l, p.lang)
			return byline || credit || dated
		}
	}
	return false
}

// isAccount reports a name that is a site's account, its newsroom or an agency's desk
// rather than a writer: "admin", "Reuters Staff", "The Newsroom", "La rédaction", "Staff
// Writer".
func isAccount(name string) bool {
	if lang.Accounts().Has(name) {
		return true
	}
	if words := strings.Fields(name); len(words) > 0 && len(words) <= 3 &&
		(lang.NewsroomNouns().Has(words[len(words)-1]) || len(words) == 2 && lang.Accounts().Has(words[0])) {
		return true
	}
	for _, a := range lang.Agencies() {
		if rest, ok := strings.CutPrefix(name, a); ok && (rest == "" || lang.Accounts().Has(rest)) {
			return true
		}
	}
	return false
}
