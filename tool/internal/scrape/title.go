package scrape

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"github.com/kiosque-dev/kiosque/tool/internal/names"
)

// The title is chosen in relation to the body: the headline-like line before it that scores
// best (near the body, printed twice on the page, matching the address, followed by its
// byline), else a headline printed just after the body (as in the seed). A sidecar's or
// record's title wins: the line that repeats it is taken, and no other.

// bylineStartRe matches a line that opens as a byline does; it is never a headline.
var bylineStartRe = regexp.MustCompile(`(?i)^(?:by|par|auteur|auteure|author|written by|posted by|publié par|écrit par)\b`)

// clockRe matches a time of day: "14h00", "7:30".
var clockRe = regexp.MustCompile(`\b` + clockPattern + `\b`)

// minTitleScore is the score a line before the body needs to be the title.
const minTitleScore = 1.5

// chooseTitle takes the title from the lines before or after the body, or from its first
// line, drops the other lines before the body, and returns the body and the lines after it
// left to place.
func (p *textParse) chooseTitle(before, body, after []int) ([]int, []int) {
	if p.meta.title != "" {
		p.takeSidecarTitle(before, after)
		p.dropBefore(before, -1)
		return body, after
	}
	p.crumbTitles = p.lastCrumbs(before)
	best, bestScore := -1, minTitleScore
	listed := -1 // an item's headline marked as a list item: the title when no other is
	for k, i := range before {
		if p.fates[i] != 0 || !p.isTitleCandidate(i) && !p.itemHead[i] {
			continue
		}
		if _, ok := p.listedHeading(i); ok && p.itemHead[i] {
			listed = k
			continue
		}
		if s := p.titleScore(before, k); s > bestScore || s == bestScore && best >= 0 {
			best, bestScore = k, s
		}
	}
	if best < 0 && listed >= 0 {
		i := before[listed]
		p.a.Title = teaserTitle(p.lines[i])
		p.set(i, fateTitle, "title: the first item's headline")
		p.dropBefore(before, listed)
		return body, after
	}
	if listed >= 0 {
		// The page's headline over the first item's: the item's opens the body.
		body = append([]int{before[listed]}, body...)
		before = slices.Delete(slices.Clone(before), listed, listed+1)
	}
	if i, ok := p.repeatedHeadline(body); ok && (best < 0 || before[best] > i && p.feat[before[best]].words < minFullHeadlineWords) {
		p.undrop(i)
		p.a.Title = withoutKicker(p.lines[i])
		p.set(i, fateTitle, "title: headline printed again above the body")
		p.dropBefore(before, -1)
		return body, after
	}
	before, body, best = p.headingOpensBody(before, body, best)
	if best >= 0 && best < len(before)-1 && len(body) > 1 && !p.datedHeadline(before[best]) && p.opensWithHeadline(body) {
		// A headline opens the prose, nearer than the best line above it: a site's or a
		// section's name.
		best = -1
	}
	if best >= 0 {
		if k, ok := p.titleAgain(before, best); ok {
			// "Junie's Place: Memorial service" over "Memorial service": the page's title, then
			// the post's.
			p.drop(before[best], ReasonSection)
			best = k
		}
		i := before[best]
		p.a.Title = withoutKicker(p.lines[i])
		p.set(i, fateTitle, fmt.Sprintf("title: headline before the body (score %.1f)", bestScore))
		p.nameUnderTitle(before[best+1:])
		p.takeDeck(before[best:])
		p.nameOverBody(before[best+1:])
		if n := len(before); n > best+1 && p.opensBody(before[n-1]) && !p.itemHead[before[n-1]] {
			body = append([]int{before[n-1]}, body...)
			before = before[:n-1]
		}
		p.dropBefore(before, best)
		return body, after
	}
	opening := "" // why the body's first line is the headline
	switch {
	case len(body) > 2 && p.taglineOverHeadline(body):
		p.drop(body[0], ReasonTagline)
		body, opening = body[1:], "title: headline over its byline, under the site's tagline"
	case len(body) > 1 && p.opensWithHeadline(body):
		opening = "title: headline opening the prose"
	case len(body) > 1 && p.printedAgainUnder(body[0]):
		opening = "title: headline printed twice over the prose"
	}
	if opening != "" {
		p.a.Title = withoutKicker(p.lines[body[0]])
		p.set(body[0], fateTitle, opening)
		p.dropBefore(before, len(before))
		return p.nameUnderTitle(body[1:]), after
	}
	p.nameOverBody(before) // "Nathan Thompson" over the body of a page that prints no headline
	p.dropBefore(before, -1)
	if len(body) == 0 {
		return body, after
	}
	rest := after
	last := body[len(body)-1]
	if len(rest) > 0 && isSignature(p.lines[rest[0]]) {
		// "— Anne Delorme" under the body, the headline perhaps after it.
		names, _ := signature(p.lines[rest[0]])
		p.addAuthors(names)
		p.set(rest[0], fateMeta, "signature")
		last, rest = rest[0], rest[1:]
	}
	// The headline follows the body right away: after furniture, a line is the page's.
	if len(rest) > 0 && rest[0] == last+1 && isTitleLike(p.lines[rest[0]]) && !isSignature(p.lines[rest[0]]) {
		p.a.Title = p.lines[rest[0]]
		p.set(rest[0], fateTitle, "title: headline after the body")
		rest = rest[1:]
	}
	return body, rest
}

// repeatedHeadline returns the line of a headline the page prints two or more times at its
// top, each copy dropped as a repeat or a caption ("10 Things to Know…" over the site's
// town, then twice again), with nothing but furniture and dates above it.
func (p *textParse) repeatedHeadline(body []int) (int, bool) {
	if len(body) == 0 {
		return -1, false
	}
	halves := map[string]bool{}
	for i := range body[0] {
		if p.fates[i] != fateDropped {
			if p.fates[i] != fateMeta {
				return -1, false
			}
			continue
		}
		if half := p.halfOfDoubled(i); half != "" {
			halves[half] = true
		}
		if p.why[i] != ReasonRepeated && p.why[i] != ReasonCaption || !p.headlineShaped(i) {
			continue
		}
		if p.seen[p.cue(i)] > 1 || halves[p.keys[i]] {
			return i, true
		}
	}
	return -1, false
}

// headlineShaped reports a line of a whole headline's length and shape with no credit of a
// caption in it.
func (p *textParse) headlineShaped(i int) bool {
	l, f := p.lines[i], p.feat[i]
	return f.words >= minFullHeadlineWords && f.words <= 20 && isTitleLike(l) && !isCaption(l) && !creditInsideRe.MatchString(l) && !gluedAgency(l)
}

// maxEllipsedHeadlineWords bounds a headline that ends with an ellipsis.
const maxEllipsedHeadlineWords = 15

// printedAgainUnder reports a short line, a headline or one that trails off ("Comment le club
// a redressé la tête..."), printed again right under itself, the copy dropped as a repeat.
func (p *textParse) printedAgainUnder(i int) bool {
	next := i + 1
	l := p.lines[i]
	return next < len(p.lines) && p.fates[next] == fateDropped && p.why[next] == ReasonRepeated && p.keys[next] == p.keys[i] &&
		p.feat[i].words <= maxEllipsedHeadlineWords && (isTitleLike(l) || isEllipsed(l))
}

// nameOverBody reads the writer's bare name or initials as the last line above the body, when
// no byline named one: "R. C." under the pictures' captions.
func (p *textParse) nameOverBody(above []int) {
	n := len(above)
	if n == 0 || len(p.a.Authors) > 0 || p.fates[above[n-1]] != 0 {
		return
	}
	if names, ok := signature(p.lines[above[n-1]]); ok {
		p.addAuthors(names)
		p.set(above[n-1], fateMeta, "name over the body")
	}
}

// maxCrumbWords bounds the breadcrumb printed before a headline on its line.
const maxCrumbWords = 4

// isCrumbHead reports the start of a breadcrumb glued to the headline it ends with:
// "Home Faits Divers " in "Home Faits Divers la traque des gendarmes…".
func isCrumbHead(head string) bool {
	words := strings.Fields(head)
	return len(words) > 0 && len(words) <= maxCrumbWords && strings.HasSuffix(head, " ") && allStartUpper(words)
}

// allStartUpper reports words that all open with a capital.
func allStartUpper(words []string) bool {
	return !slices.ContainsFunc(words, func(w string) bool { return !startsUpper(w) })
}

// titleAgain returns the index in before of the line under the headline at before[best]
// that repeats the headline's part before or after a separator: the post's title under the
// page's ("Site name: The post's title", "The post's title - Site name").
func (p *textParse) titleAgain(before []int, best int) (int, bool) {
	l := p.lines[before[best]]
	for k := best + 1; k < len(before) && k <= best+2; k++ {
		i := before[k]
		if p.fates[i] != 0 && p.fates[i] != fateMeta || p.feat[i].words < 2 {
			continue
		}
		if head, ok := strings.CutSuffix(l, p.lines[i]); ok && (endsWithTitleSep(head) || isCrumbHead(head)) {
			return k, true
		}
		if tail, ok := strings.CutPrefix(l, p.lines[i]); ok && isSiteTail(tail) && wordCount(tail) <= maxSiteTailWords {
			return k, true // "The post's title - Site name", then the post's title
		}
	}
	return 0, false
}

// maxSiteTailWords bounds the site's name after a page title's separator, the separator
// counted: " - Modern Farmer".
const maxSiteTailWords = 5

// endsWithTitleSep reports a page title's head that ends with the separator before the
// post's title: a colon, or one of the separators of a <title> (titleSepRe).
func endsWithTitleSep(head string) bool {
	if strings.HasSuffix(head, ": ") {
		return true
	}
	seps := titleSepRe.FindAllStringIndex(head, -1)
	return len(seps) > 0 && seps[len(seps)-1][1] == len(head)
}

// lastCrumbs returns the last parts of the breadcrumbs above the lines before the body,
// folded for cue lookups.
func (p *textParse) lastCrumbs(before []int) map[string]bool {
	if len(before) == 0 {
		return nil
	}
	crumbs := map[string]bool{}
	for i := range before[len(before)-1] {
		if p.why[i] != ReasonNavigation {
			continue
		}
		if c, ok := lastCrumb(p.lines[i]); ok {
			crumbs[foldCue(c)] = true
		}
	}
	return crumbs
}

// opensBody reports a short line between the headline and the body that the body begins
// with: a sentence, an exclamation or the heading of what follows ("Victoire 2 à 0.", "It's
// game time Eagles!", "Présents :").
func (p *textParse) opensBody(i int) bool {
	l := p.lines[i]
	last, _ := utf8.DecodeLastRuneInString(l)
	return p.fates[i] == 0 && p.feat[i].words >= 2 && strings.ContainsRune(".!:", last) &&
		!strings.HasSuffix(l, "..") && !isSignature(l) && !listItemRe.MatchString(l)
}

// headingOpensBody gives the body the best line right over it when that line is the first of
// the body's headings, not the title: the first section's ("Fusion des communes" under
// "Séance du 12 février"), or a roundup's first brief's ("Valdorie – santé – vaccination"). It
// returns the lines left before the body, the body, and the index in before of the title
// then (-1 for none), or its arguments unchanged.
func (p *textParse) headingOpensBody(before, body []int, best int) ([]int, []int, int) {
	if k, ok := p.titleOverSections(before, best, body); ok {
		before, body, best = before[:best], append([]int{before[best]}, body...), k
	}
	if best >= 0 && best == len(before)-1 && p.roundupHeading(before[best], body) {
		before, body, best = before[:best], append([]int{before[best]}, body...), -1
	}
	return before, body, best
}

// titleOverSections returns the index in before of the headline above the best line, when
// the best line sits right over a body cut into sections by two or more headings of its own
// kind: the best line is then the first section's heading.
func (p *textParse) titleOverSections(before []int, best int, body []int) (int, bool) {
	if best < 1 || best != len(before)-1 || !isHeading(p.lines[before[best]]) || p.bodyHeadings(body) < 2 {
		return 0, false
	}
	if p.seen[p.cue(before[best])] > 1 {
		return 0, false // printed twice, as the headline and its picture's alternative text
	}
	above, score := -1, minTitleScore
	for k, i := range before[:best] {
		if p.fates[i] != 0 || !p.isTitleCandidate(i) {
			continue
		}
		if s := p.titleScore(before[:best], k); s > score {
			above, score = k, s
		}
	}
	return above, above >= 0
}

// bodyHeadings counts the headings between the paragraphs of the body.
func (p *textParse) bodyHeadings(body []int) int {
	n := 0
	for k := 1; k+1 < len(body); k++ {
		if isHeading(p.lines[body[k]]) && p.feat[body[k+1]].class >= proseMedium {
			n++
		}
	}
	return n
}

// roundupHeading reports whether line i, over the body, is the first of a roundup's brief
// headings, places and topics joined by dashes ("Valdorie – Montarenne – frontière"): at least
// two lines of the body have that shape too.
func (p *textParse) roundupHeading(i int, body []int) bool {
	if !isDashedHeading(p.lines[i]) {
		return false
	}
	n := 0
	for _, j := range body {
		if isDashedHeading(p.lines[j]) {
			n++
		}
	}
	return n >= 2
}

// isDashedHeading reports a short line of two or more short parts joined by dashes, none
// ending a sentence.
func isDashedHeading(l string) bool {
	parts := roundupDashRe.Split(l, -1)
	if len(parts) < 2 || wordCount(l) > 12 || strings.ContainsAny(l, ".!?:;,") {
		return false
	}
	for _, part := range parts {
		if w := wordCount(part); w == 0 || w > 5 {
			return false
		}
	}
	return true
}

// roundupDashRe matches the dash between the parts of a brief's heading.
var roundupDashRe = regexp.MustCompile(`\s[-–—]\s`)

// opensWithHeadline reports a body whose first line is a headline the prose run took in: a
// question or exclamation, a quotation, or a line ending with a full stop that reads little as
// prose or has its date or byline under it, shorter than the paragraph under it.
func (p *textParse) opensWithHeadline(body []int) bool {
	next := body[1]
	for _, j := range body[1:] {
		_, furniture := p.furnitureShape(j)
		if _, name := nameWithRole(p.lines[j]); !furniture && !name {
			next = j // not an image's name, a caption or the writer's name between them
			break
		}
	}
	first, second := p.feat[body[0]], p.feat[next]
	l := p.lines[body[0]]
	last, _ := utf8.DecodeLastRuneInString(l)
	if first.words >= 3 && first.words <= maxLongHeadlineWords && last != '.' && p.metaBelow(body[0]) && !listItemRe.MatchString(l) {
		return true // a long headline over its date: "Vidéo. Sénégal: un lutteur … \"Roi des arènes\"", "Le 29/07/2019 à 13h30"
	}
	if first.words < 3 || first.words > 20 || listItemRe.MatchString(l) {
		return false
	}
	if p.metaUnder(body[0]) && strings.ContainsRune("?!»”", last) {
		return true // "Pas d'implantation dans la ZAC en 2012 ?" over "Publié le 31 décembre 2011"
	}
	if 2*second.words < 3*first.words {
		return false
	}
	if isEllipsed(l) {
		// "Pour la beauté du geste...": a headline trails off; a sentence that does is prose.
		return first.class < proseGood
	}
	return strings.ContainsRune("?!»”", last) || last == '.' && (first.class < proseGood || p.metaUnder(body[0])) && !shoutedLede(l)
}

// maxLongHeadlineWords bounds a headline that a page prints over its date or byline.
const maxLongHeadlineWords = 45

// metaBelow reports whether the first line under line i that is not dropped (a picture's
// credit, say) was read as its byline or date.
func (p *textParse) metaBelow(i int) bool {
	for j := i + 1; j < len(p.lines); j++ {
		if p.fates[j] != fateDropped {
			return p.fates[j] == fateMeta
		}
	}
	return false
}

// shoutedLede reports a first paragraph that opens on a word in capitals, as British
// papers print their ledes: "SENIOR Labour Party colleagues today paid tribute."
func shoutedLede(l string) bool {
	first, _, _ := strings.Cut(l, " ")
	return utf8.RuneCountInString(first) >= 3 && strings.ToUpper(first) == first && strings.ContainsFunc(first, unicode.IsLetter)
}

// isEllipsed reports a line that ends with an ellipsis: "..", "...", "…".
func isEllipsed(l string) bool { return strings.HasSuffix(l, "..") || strings.HasSuffix(l, "…") }

// maxTaglineWords bounds a site's tagline.
const maxTaglineWords = 12

// taglineOverHeadline reports a body that opens with a short sentence speaking to the
// readers, then a headline with its byline or date under it: the site's tagline over the
// article ("Bientôt ou déjà parents, on vous accompagne !" over "Tracteurs, ânes : les
// initiatives…" over "Publié le par X").
func (p *textParse) taglineOverHeadline(body []int) bool {
	first, second := body[0], body[1]
	return second == first+1 && p.metaUnder(second) && !p.metaUnder(first) && p.feat[first].sentence &&
		p.feat[first].words <= maxTaglineWords && addressesReaders(p.lines[first]) &&
		p.feat[second].words >= 4 && isTitleLike(p.lines[second])
}

// addressesReaders reports a line holding a word a site speaks to its readers with.
func addressesReaders(l string) bool { return holdsWordOf(l, lang.Addressing()) }

// holdsWordOf reports a line holding a word of one of sets.
func holdsWordOf(l string, sets ...lang.Set) bool {
	for w := range strings.FieldsFuncSeq(l, func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, set := range sets {
			if set.Has(w) {
				return true
			}
		}
	}
	return false
}

// takeSidecarTitle marks the line that prints the sidecar's title.
func (p *textParse) takeSidecarTitle(before, after []int) {
	want := foldCue(p.meta.title)
	for _, lines := range [][]int{before, after} {
		for _, i := range lines {
			if p.fates[i] == 0 && p.cue(i) == want {
				p.a.Title = p.lines[i]
				p.set(i, fateTitle, "title: the sidecar's title")
				return
			}
		}
	}
}

// titleScore weighs the line before[k] as the title.
func (p *textParse) titleScore(before []int, k int) float64 {
	i := before[k]
	l, f := p.lines[i], p.feat[i]
	nearer := 0 // headline-like lines between this one and the body
	for _, j := range before[k+1:] {
		if p.fates[j] == 0 && p.isTitleCandidate(j) && !p.isMinorLine(j) {
			nearer++
		}
	}
	s := 1.0 + float64(3-min(nearer, 3))
	captioned := p.captioned(i)
	if p.itemHead[i] {
		s += 2 // the heading of the first of several items
	}
	switch {
	case p.crumbTitles[p.cue(i)]:
		s += 3 // the last part of the breadcrumb above it: the page's own title
	case p.seen[p.cue(i)] > 1 && !captioned:
		s += 2 // printed twice: in the page's head and as its headline (a caption, as its picture's alternative text too)
	}
	if p.slugShare(l) >= 0.6 {
		s += 4
	}
	switch {
	case f.words >= 4:
		s++
	case f.words == 1:
		s -= 2.5
	case f.words == 2:
		s -= 0.5
	}
	if strings.ToUpper(l) == l && f.words <= 3 {
		s -= 1.5
	}
	if f.capitals >= 0.9 && f.stop == 0 && f.words >= 6 && !p.metaUnder(i) {
		s -= 3 // a menu of capitalised words; a headline in title case has its date under it
	}
	if f.words >= 5 && !strings.ContainsFunc(l, unicode.IsUpper) {
		s -= 3 // an image's keywords in lower case: "top 14 paris et brive l'emportent rugby"
	}
	if !isTitleLike(l) && !strings.HasSuffix(l, "!") {
		s -= 1.5 // a headline ending with a full stop, or a caption
	}
	if f.words > 20 {
		s -= 2 // a menu or a sentence run together
	}
	if strings.Count(l, " • ")+strings.Count(l, " | ") >= 2 {
		s -= 3 // parts of a meta line: "Juniors • Friendly • Sun 1st Oct"
	}
	if roleRe.MatchString(l) || k > 0 && isSignature(l) {
		s -= 3 // a byline's name or job under the headline
	}
	if hits := p.datesIn(i, l); len(hits) > 0 && f.words <= 10 && !isHeadingBefore(l[:hits[0].start]) || onlyDays(l) {
		s -= 4 // a date with a name or tags ("admin - January 9, 2013"), or days only
	}
	if p.metaUnder(i) || p.nameUnder(i) {
		s += 1.5 // its byline or date follows
	}
	if p.overDeck(i) {
		s += 3 // a headline over its deck or standfirst, the byline or date under them
	} else if p.overLongerDeck(i) {
		s += 3 // a headline over a longer deck, the story under them
	}
	if p.droppedElsewhere(i) {
		s -= 4 // the site's name, printed again: "The Courier" under each copy of its tagline
	}
	if i+1 < len(p.lines) && p.fates[i+1] == fateDropped && p.why[i+1] == ReasonPhotoCredit {
		s -= 3 // a picture's caption over its credit: "Crédit photo : Ann Roe"
	}
	if captioned {
		s -= 3 // a picture's caption under the headline: "Ann Roe, CNU Photograph Dara Quill/Press 9"
	}
	if p.byCaption(i) && k > 0 {
		s -= 1.5 // a picture's alt text over its caption, or a gallery's heading under it
	}
	return s
}

// metaUnder reports whether the line under line i was read as its byline or date, or as
// the agency's credit that stands for a byline ("The Associated Press").
func (p *textParse) metaUnder(i int) bool {
	next := i + 1
	return next < len(p.lines) && (p.fates[next] == fateMeta || p.fates[next] == fateDropped && p.why[next] == ReasonAgency)
}

// metaUnderCaption reports a picture's caption under line i with the byline or date under
// it: the deck, its picture, then the byline.
func (p *textParse) metaUnderCaption(i int) bool {
	return i+1 < len(p.lines) && p.captioned(i+1) && p.metaUnder(i+1)
}

// isMinorLine reports a line under a headline that never competes with it: a label of one
// or two words, a photo's credit, a person's name.
func (p *textParse) isMinorLine(i int) bool {
	l := p.lines[i]
	return p.feat[i].words <= 2 || isPhotoCredit(l) || p.feat[i].words <= 4 && names.IsPerson(l)
}

// minFullHeadlineWords is the least number of words of a headline that its date under it,
// or a deck under it, makes the page's: a site's name is shorter.
const minFullHeadlineWords = 5

// datedHeadline reports a headline of some length with its byline or date under it, which
// no line opening the prose overrules.
func (p *textParse) datedHeadline(i int) bool {
	return p.feat[i].words >= minFullHeadlineWords && p.metaUnder(i)
}

// nameUnder reports a line with a person's name alone under it, the writer's: "Nicolas
// Parant" under "Top 14 : Toulouse s'impose".
func (p *textParse) nameUnder(i int) bool {
	next := i + 1
	if next >= len(p.lines) || p.feat[next].words > 4 || p.fates[next] != 0 && p.why[next] != ReasonSection {
		return false
	}
	l := p.lines[next]
	return names.TrimByline(l) == l && !isPhotoCredit(l) && names.IsPerson(l)
}

// overDeck reports a headline of five words or more right over a deck, a second headline,
// or a standfirst of one or two sentences, with the byline or date right under that:
// "56 to lose jobs with plant closing" over "Hubbard workers ready to negotiate" over the
// newspaper's credit.
func (p *textParse) overDeck(i int) bool {
	next := i + 1
	if next >= len(p.lines) || p.fates[next] != 0 || !isTitleLike(p.lines[i]) || !p.metaUnder(next) && !p.metaUnderCaption(next) {
		return false
	}
	l, f := p.lines[next], p.feat[next]
	if p.feat[i].words < minFullHeadlineWords || strings.Contains(p.lines[i], "://") {
		return false // a site's name over its headline, a ticker's line with its link
	}
	if rest, ok := strings.CutPrefix(p.keys[i], p.keys[next]); ok && isSiteTail(rest) {
		return false // the page's title, "Headline | Site", over the headline alone
	}
	deck := f.words >= 4 && isTitleLike(l)
	standfirst := f.sentence && f.words >= 8 && f.runes <= maxStandfirstRunes && p.sentencesIn(next) <= 1
	return (deck || standfirst) && !p.captioned(next) // a picture's caption is neither
}

// takeDeck makes the headline-like line right under the headline, the first of the lines
// above the body, its subtitle when it reads as the headline's deck (no date or meta line).
func (p *textParse) takeDeck(above []int) {
	if len(above) < 2 || above[1] != above[0]+1 {
		return
	}
	i, deck := above[0], above[1]
	l := p.lines[deck]
	if p.fates[deck] != 0 || !isTitleLike(l) || p.feat[deck].words < minDeckWords || len(p.datesIn(deck, l)) > 0 || strings.ContainsAny(l, "•|") {
		return
	}
	if _, furniture := p.furnitureShape(deck); furniture || p.captioned(deck) {
		return // a picture's caption: "A driver at the depot on TuesdayPA Media"
	}
	if p.overDeck(i) || p.overLongerDeck(i) {
		p.a.Subtitle = p.lines[deck]
		p.set(deck, fateMeta, "deck: under the headline")
	}
}

// A headline of minLongHeadlineWords or more is a whole headline over a deck of
// minDeckWords or more, however short: "She's been ordered to pay £484".
const (
	minLongHeadlineWords = 10
	minDeckWords         = 4
)

// overLongerDeck reports a headline over its deck with no byline or date, under nothing but
// furniture: a longer headline-like line right under it, and a paragraph right under that ("Co Offaly community
// says goodbye to ‘dearly loved’ farmer", "Kieran Byrne (58) died after being wounded…").
func (p *textParse) overLongerDeck(i int) bool {
	deck, story := i+1, i+2
	if story >= len(p.lines) || p.fates[deck] != 0 || !isTitleLike(p.lines[i]) || !isTitleLike(p.lines[deck]) {
		return false
	}
	for j := range i {
		if p.fates[j] != fateDropped && p.fates[j] != fateMeta {
			return false // a site's name, then its tagline over the headline
		}
	}
	long := p.feat[i].words >= minLongHeadlineWords && p.feat[deck].words >= minDeckWords
	return p.feat[i].words >= minFullHeadlineWords && (long || p.feat[deck].words > p.feat[i].words) && !addressesReaders(p.lines[i]) &&
		p.feat[story].class >= proseGood && p.feat[story].sentence
}

// isSiteTail reports the end of a page's title after its headline: the site's name after a
// bar or a dash (" | Inquirer News", " - Le Courrier").
func isSiteTail(rest string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(rest))
	return strings.ContainsRune("|-–—·", r)
}

// droppedElsewhere reports whether a line with the text of line i was dropped as page
// furniture.
func (p *textParse) droppedElsewhere(i int) bool {
	for _, j := range p.droppedAt {
		// A headline printed again as its picture's caption is no site's name.
		if j != i && p.keys[j] == p.keys[i] && p.why[j] != ReasonRepeated && p.why[j] != ReasonCaption {
			return true
		}
	}
	return false
}

// creditInsideRe matches a photographer's credit run into the end of a caption, with no
// punctuation before it, a colon after the credit's word or the outlet after a slash (a
// headline in title case has neither): "Ellen Marsh, CNU Photograph Dara Quill/Press 9",
// "… at the fair Picture: Dara Quill".
var creditInsideRe = guard(regexp.MustCompile(`\s(?:Photograph|Photo|Picture|Pic)s?(?::\s*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}(?:\s*/\s*[^/]{1,30})?|\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}\s*/\s*[^/]{1,30})$`),
	holdsAny("Photo", "Pic"))

// sourceCreditRe matches the source a caption credits after its sentence: "… was vacant.
// (Source: Harlow Fire Department)".
var sourceCreditRe = regexp.MustCompile(`[.!?]\s*\((?i:source|courtesy|credit):\s*[^()]{2,60}\)$`)

// captioned reports a line that reads as a picture's caption: one with its credit, one glued
// to its agency's name ("A driver at the depot on TuesdayPA Media"), or one under the
// alternative text it begins with, dropped as repeated.
func (p *textParse) captioned(i int) bool {
	l := p.lines[i]
	if isCaption(l) || creditInsideRe.MatchString(l) || gluedAgency(l) || strings.HasSuffix(l, ")") && sourceCreditRe.MatchString(l) {
		return true
	}
	return i > 0 && p.fates[i-1] == fateDropped && p.why[i-1] == ReasonRepeated && strings.HasPrefix(p.keys[i], p.keys[i-1])
}

// gluedAgency reports a line ending with a news agency's name glued to the last word before
// it: "on TuesdayPA Media", "lundiAFP".
func gluedAgency(l string) bool {
	prev := rune(0)
	for j, r := range l {
		if unicode.IsLower(prev) && unicode.IsUpper(r) && lang.IsAgency(l[j:]) {
			return true
		}
		prev = r
	}
	return false
}

// byCaption reports whether a line next to line i was dropped as a caption.
func (p *textParse) byCaption(i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(p.lines) && p.fates[j] == fateDropped && p.why[j] == ReasonCaption {
			return true
		}
	}
	return false
}

// isTitleCandidate reports whether line i may be a headline: title-like, or a short line
// ending with a full stop; never a list item.
func (p *textParse) isTitleCandidate(i int) bool {
	l := p.lines[i]
	if listItemRe.MatchString(l) || strings.HasPrefix(l, "•") || strings.Contains(l, "@") || bylineStartRe.MatchString(l) {
		return false
	}
	if _, ok := bylineWithRole(l); ok {
		return false // "Taylor Watson, Editor in Chief": a byline with its role
	}
	if strings.HasPrefix(l, "(") && strings.HasSuffix(l, ")") {
		return false // "(Nancy Mullane)": a credit; a headline is never in parentheses
	}
	if listingPageRe.MatchString(l) {
		return false // "Politique - Page 73": a page of a listing, not an article
	}
	if p.feat[i].words <= 4 && clockRe.MatchString(l) {
		return false // "durée 14h00", "Doors 7:30 pm": a schedule's label
	}
	if isTitleLike(l) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune("!»”", last) && p.feat[i].words <= 14 && p.feat[i].words >= 2 ||
		last == '.' && !strings.HasSuffix(l, "..") && p.feat[i].words <= 8 && p.feat[i].words >= 2
}

// slugShare returns the share of the address's slug words that line l holds.
func (p *textParse) slugShare(l string) float64 {
	if len(p.slug) == 0 {
		return 0
	}
	words := lang.NewSet(l)
	n, total := 0, 0
	for w := range p.slug {
		if strings.Contains(w, " ") {
			continue
		}
		total++
		if words[w] {
			n++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

// dropBefore drops the lines before the body other than the title at before[title]: a
// short label just above the title is its section, the rest the page's head.
func (p *textParse) dropBefore(before []int, title int) {
	labels := title // the labels just above the title
	for labels > 0 && isLabel(p.lines[before[labels-1]]) {
		labels--
	}
	for k, i := range before {
		if p.fates[i] != 0 {
			continue
		}
		switch {
		case title >= 0 && k >= labels && k < title:
			p.drop(i, ReasonSection)
		case listItemRe.MatchString(p.lines[i]) && p.feat[i].class < proseMedium:
			p.drop(i, ReasonMenu)
		default:
			p.drop(i, ReasonBeforeBody)
		}
	}
}

// onlyDays reports a line of days and nothing else: weekdays, months, numbers and function
// words, as an event's dates over its report ("SAMEDI 7 ET DIMANCHE 8 OCTOBRE 2006").
func onlyDays(l string) bool {
	days := 0
	for _, w := range lang.Words(l) {
		switch {
		case lang.Month(w) != 0 || lang.Weekdays().Has(w):
			days++
		case strings.ContainsFunc(w, unicode.IsDigit) || lang.StopWords().Has(w):
		default:
			return false
		}
	}
	return days > 0
}

// maxStandfirstRunes bounds a standfirst: one or two sentences.
const maxStandfirstRunes = 300

// takeStandfirst makes the body's first line the subtitle when it is a standfirst: a
// sentence or two under the headline, parted from the story by its byline or date
// ("Headline", "One sentence.", "By Ann Roe", "Wednesday, 10th March", "The story..."), or,
// where the language's press prints one as a rule, printed again in the story or opened by a
// kicker. Length alone tells nothing: on real pages a short first paragraph was as often
// the story's lede as a standfirst.
func (p *textParse) takeStandfirst(body []int) []int {
	if len(body) < 3 || p.a.Subtitle != "" || len(p.itemHead) > 0 {
		// On a page of several stories, each story's standfirst stays its first line.
		return body
	}
	first := body[0]
	l := p.lines[first]
	kicked := p.kickedStandfirst(first)
	if !p.underTitle(first) || p.feat[first].words < 6 || p.feat[first].runes > maxStandfirstRunes || shoutedLede(l) && !kicked {
		return body
	}
	switch {
	case p.sentencesIn(first) <= 1 && p.datedBetween(first, body[1]):
		p.set(first, fateMeta, "standfirst: between the headline and the byline")
	case p.printedBelow(first, body):
		p.set(first, fateMeta, "standfirst: its first sentences printed again in the story")
	case kicked:
		p.set(first, fateMeta, "standfirst: opens with a kicker in capitals")
	default:
		return body
	}
	p.a.Subtitle = l
	return body[1:]
}

// printedBelow reports a first line whose first sentences the story prints again as one of
// its paragraphs, where the language's press prints a standfirst as a rule: the standfirst
// was made from the story's opening. A paragraph printed again whole is as often a pull
// quote (see repeats).
func (p *textParse) printedBelow(first int, body []int) bool {
	key := p.keys[first]
	if !p.printsStandfirsts() {
		return false
	}
	for _, k := range body[1:] {
		if len(p.keys[k]) >= minRepeatedLeadBytes && len(p.keys[k]) < len(key) && opensWithSentences(key, p.keys[k]) {
			return true
		}
	}
	return false
}

// opensWithSentences reports a folded line that begins with the sentences of lead, whole:
// "la ville. le parti" opens with "la ville", not with "la vil" or "la".
func opensWithSentences(line, lead string) bool {
	if !strings.HasPrefix(line, lead) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(line[len(lead):])
	return next == '.' || next == '!' || next == '?'
}

// minRepeatedLeadBytes is the shortest key of a standfirst's first sentences printed again.
const minRepeatedLeadBytes = 2 * minRepeatedKeyBytes

// minRepeatedKeyBytes is the shortest key of a line that counts as printed twice.
const minRepeatedKeyBytes = 30

// kickerStandfirstRe matches a standfirst opened by a kicker of two words or more in
// capitals (figures too) and a dash: "GRÈVE SURPRISE - Un mouvement social…",
// "PRÉSIDENTIELLE 2027 - …". A place or a name so printed is the dateline of wire copy
// ("LE HAVRE - …", "PARIS - …"), the story's own first words: see kickedStandfirst.
var kickerStandfirstRe = regexp.MustCompile(`^(\p{Lu}[\p{Lu}'’-]+(?:\s+[\p{Lu}\p{N}][\p{Lu}\p{N}'’-]*)+)\s+[-–—]\s+\p{Lu}`)

// kickedStandfirst reports line i opening with a kicker in capitals and a dash, where the
// language's press prints a standfirst as a rule.
func (p *textParse) kickedStandfirst(i int) bool {
	if !p.printsStandfirsts() || !p.feat[i].sentence {
		return false
	}
	sm := kickerStandfirstRe.FindStringSubmatch(p.lines[i])
	return sm != nil && !isDateline(sm[1])
}

// isDateline reports a kicker in capitals that reads as a place, as datelines print them: it
// opens with an article or a saint's name ("LE HAVRE", "SAINT MARTIN DE RÉ", "LES
// SABLES-D'OLONNE"), or it holds a hyphen ("SAINT-NAZAIRE"). A person's name in capitals
// cannot be told from a kicker's words ("JEAN MORVAN", "GRÈVE SURPRISE").
func isDateline(kicker string) bool {
	first := strings.ToLower(strings.Fields(kicker)[0])
	return strings.Contains(kicker, "-") || lang.Determiners().Has(first) || lang.NameParticles().Has(first) || first == "saint" || first == "sainte"
}

// printsStandfirsts reports a language whose press prints a standfirst as a rule (lang's
// Standfirsts).
func (p *textParse) printsStandfirsts() bool { return p.table != nil && p.table.Standfirsts }

// datedBetween reports a byline or date read between lines i and j, or a date label dropped
// there ("Ce contenu a été publié le", whose date was lost); figures alone ("1 / 3", a
// gallery's counter) are no label.
func (p *textParse) datedBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if p.fates[k] == fateMeta || p.fates[k] == fateDropped && p.why[k] == ReasonDate && strings.ContainsFunc(p.lines[k], unicode.IsLetter) {
			return true
		}
	}
	return false
}

// underTitle reports a line under the title with only metadata and furniture between them.
func (p *textParse) underTitle(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch p.fates[j] {
		case fateTitle:
			return true
		case fateMeta, fateDropped:
		default:
			return false
		}
	}
	return false
}

// maxKickerWords bounds the kicker a page prints on its headline's line.
const maxKickerWords = 3

// kickerGapRe matches the run of spaces that parts a kicker from the headline on one line.
var kickerGapRe = regexp.MustCompile(`\S(\s{2,}|\t)\S`)

// withoutKicker returns a headline without the section label printed before it on the same
// line, parted by a run of spaces: "Football  National : le club l'emporte" gives "National :
// le club l'emporte". The kicker's words and the headline start with capitals, and the
// headline holds four words or more.
func withoutKicker(l string) string {
	loc := kickerGapRe.FindStringSubmatchIndex(l)
	if loc == nil {
		return l
	}
	kicker, rest := l[:loc[2]], l[loc[3]:]
	if wordCount(kicker) > maxKickerWords || wordCount(rest) < 4 || strings.ContainsAny(kicker, ".!?:,;") {
		return l
	}
	if !allStartUpper(append(strings.Fields(kicker), rest)) {
		return l // "Le maire  démissionne": a double space inside the headline
	}
	if measure(rest, nil).capitals >= titleCaseShare {
		return l // "Council Approves  New Car Park": a headline in title case, spaced twice
	}
	return rest
}

// titleCaseShare is the share of capitalised words of a headline in title case.
const titleCaseShare = 0.6
