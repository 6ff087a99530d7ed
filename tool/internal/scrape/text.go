package scrape

import (
	"fmt"
	"github.com/kiosque-dev/kiosque/tool/internal/lang"
	"github.com/kiosque-dev/kiosque/tool/internal/names"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// maxTitleRunes bounds what may be taken for a title line.
const maxTitleRunes = 200

// maxHeadingRunes bounds what may be taken for a subheading inside the body.
const maxHeadingRunes = 100

// fate says where one input line went: every line goes somewhere.
type fate int

const (
	fateBody fate = iota + 1
	fateTitle
	fateMeta
	fateTeaser
	fateDropped
)

// tagsLineRe matches a tags line: "Tags : a, b", "Mots-clés : a, b".
var tagsLineRe = regexp.MustCompile(`(?i)^(?:tags|tagged(?: in| with)?|labels|libell[eé]s|mots[- ]cl[eé]s|[eé]tiquettes|th[eè]mes|sujets|topics|keywords)\s*:\s*(\S.*)$`)

// categoryLineRe matches a WordPress category line under a teaser: In "Local News".
var categoryLineRe = regexp.MustCompile(`^(?:In|Dans|Posted in|Publié dans|Catégorie\s*:|Category\s*:)\s*["“«]?.{1,80}?["”»]?$`)

// bareURLRe matches a line that is one address.
var bareURLRe = regexp.MustCompile(`^https?://\S+$`)

// textParse holds the state of one text parse.
type textParse struct {
	a     article.Article
	m     *matcher
	meta  *meta
	lang  string      // the language guessed over all lines, for ambiguous dates
	table *lang.Table // its words, or nil
	lines []string
	folds []string // each line's foldText, folded once for the many cues read on it
	fates []fate
	why   []string    // the reason of each line's fate, for --explain
	feat  []features  // each line's prose features
	cues  []lineCue   // each line's furniture cue, read once (see furniture)
	ends  []int       // each line's sentenceEnds, -1 until counted (see sentencesIn)
	dates []lineDates // each line's dates, scanned once (see datesIn)
	// pending holds what metadata lines say, applied once the article's extent is known.
	pending []pendingMeta
	// droppedAt holds the line index of each entry of a.Dropped, to keep them in page order.
	droppedAt []int
	// appeal marks the lines of an appeal for support (see dropAppeals): dropped, they do not
	// end the article as a paywall does, nor part the paragraphs around them.
	appeal  map[int]bool
	slug    lang.Set // the words of the address's last path segment
	seen    map[string]int
	keys    []string       // each line folded, without its list marker
	firstAt map[string]int // the first line of each key
	// namedHeads is set when the page's first article opens with its headline over a bare
	// name: on such a page (a blog's tag archive), the same pair opens each other article.
	namedHeads bool
	// itemHead holds the lines that open the first item of a page of several, set when the
	// next item opens the same way: its headline is among them.
	itemHead map[int]bool
	// crumbTitles holds the last parts of the breadcrumbs above the body, folded.
	crumbTitles map[string]bool
	// galleryHeads counts the lines opening with each galleryHead.
	galleryHeads map[string]int
	// watermarks counts the short lines signed with each watermark.
	watermarks map[string]int
	// cardBlocks holds the related headings over blocks of cards (see cardsFollow).
	cardBlocks map[int]bool
}

// pendingMeta is what one metadata line says: authors, dates or tags.
type pendingMeta struct {
	i        int
	names    []string
	pub, upd time.Time
	tags     []string
}

// parseText reads a flattened page, one block per line, into an Article (p.a). meta, when
// not nil, carries what a sidecar or record knew and wins over guesses from the text. The
// parse keeps the page's blocks and where each went.
func parseText(text string, m *matcher, md *meta) *textParse {
	p := newTextParse(text, m, md)
	page, related := p.splitRelated()
	content := p.dropAppeals(p.readCues(page))
	start, end := p.findBody(content)
	before, body, after := content[:start], content[start:end], content[end:]
	body, after = p.continueNumbering(body, after)
	after = p.cutOtherArticles(after)
	before, body, after = p.cutRepeatedOpening(before, body, after)
	before, body, after = p.cutAtNextByline(before, body, after)
	before, body, after = p.cutAtListedHead(before, body, after)
	body, after = p.cutAfterSignature(body, after)
	body = p.cutAtComments(body)
	body = p.cutAtCommentButtons(body)
	body = p.cutPromoHead(p.cutPromoTail(body))
	body, after = p.cutBylinedTeasers(body, after)
	body, after = p.cutExcerptTeasers(body, after)
	body = p.cutNumberedCards(body)
	body = p.cutInlineTeasers(body)
	p.applyPending(body)
	after = p.unlabelledTeasers(after)
	after = p.readSignOff(after)
	body, after = p.chooseTitle(before, body, after)
	body = p.nameUnderStandfirst(body)
	body = p.takeStandfirst(body)
	p.readBody(body)
	p.datelineDate()
	p.ledeByline()
	p.readTail(after)
	p.readTeasers(related)
	p.dropLeftovers(after)
	p.applyMeta()
	sort.Stable(byLine{p.a.Dropped, p.droppedAt})
	return p
}

func newTextParse(text string, m *matcher, md *meta) *textParse {
	p := &textParse{m: m, meta: md}
	if p.meta == nil {
		p.meta = &meta{}
	}
	p.lines = splitBlocks(text)
	p.fates = make([]fate, len(p.lines))
	p.why = make([]string, len(p.lines))
	p.lang = detectLang("", p.lines)
	p.table = lang.Get(p.lang)
	p.feat = make([]features, len(p.lines))
	p.seen = map[string]int{}
	p.keys = make([]string, len(p.lines))
	p.folds = make([]string, len(p.lines))
	p.cues = make([]lineCue, len(p.lines))
	p.ends = make([]int, len(p.lines))
	p.dates = make([]lineDates, len(p.lines))
	p.firstAt = map[string]int{}
	p.galleryHeads = map[string]int{}
	p.watermarks = map[string]int{}
	for i, l := range p.lines {
		p.ends[i] = -1
		p.feat[i] = measure(l, p.table)
		p.folds[i] = foldText(l)
		p.seen[p.cue(i)]++
		p.keys[i] = p.cue(i) // foldCue(l), folded already, for a line with no list marker to trim
		if item := strings.TrimLeft(l, "-–•*· "); len(item) < len(l) {
			p.keys[i] = foldCue(item)
		}
		if _, ok := p.firstAt[p.keys[i]]; !ok {
			p.firstAt[p.keys[i]] = i
		}
		if head, ok := galleryHead(l); ok {
			p.galleryHeads[head]++
		}
		if tail, ok := watermark(l); ok && p.feat[i].words <= maxWatermarkWords {
			p.watermarks[tail]++
		}
	}
	p.markEnumerations()
	p.slug = lang.NewSet(titleFromURL(p.meta.url))
	return p
}

// minEnumerationItems is the number of list items that make a sentence's enumeration.
const minEnumerationItems = 3

// markEnumerations gives the class of good prose to the list items of one sentence and to
// the line that announces them: after a line that ends with a colon, items that end with a
// comma or a semicolon but the last, which ends with a full stop ("Ordre du jour :", "•
// Bilan moral,", …, "• Questions diverses."). However short, they are the text, not a menu.
func (p *textParse) markEnumerations() {
	for i := 0; i < len(p.lines); i++ {
		if !announces(p.lines[i]) {
			continue
		}
		j := i + 1
		for j < len(p.lines) && listItemRe.MatchString(p.lines[j]) && (strings.HasSuffix(p.lines[j], ",") || strings.HasSuffix(p.lines[j], ";")) {
			j++
		}
		if j-i < minEnumerationItems || j >= len(p.lines) || !listItemRe.MatchString(p.lines[j]) || !strings.HasSuffix(p.lines[j], ".") {
			continue
		}
		for k := i; k <= j; k++ {
			p.feat[k].class = proseGood
		}
		i = j
	}
}

// sentencesIn returns sentenceEnds of line i, counted once: the count depends on the line
// alone, and the parse asks it of a line several times.
func (p *textParse) sentencesIn(i int) int {
	if p.ends[i] < 0 {
		p.ends[i] = sentenceEnds(p.lines[i])
	}
	return p.ends[i]
}

// lineDates is what scanDates found in a line, once asked.
type lineDates struct {
	hits []dateHit
	read bool
}

// datesIn returns scanDates of s in the page's language, scanned once for line i when s is
// that line as it is: the hits depend on the string alone, and the parse reads a line's
// dates several times (no caller changes the hits it is given).
func (p *textParse) datesIn(i int, s string) []dateHit {
	if s != p.lines[i] {
		return scanDates(s, p.lang)
	}
	d := &p.dates[i]
	if !d.read {
		d.hits, d.read = scanDates(s, p.lang), true
	}
	return d.hits
}

// cue returns line i folded for cue lookups (foldCue).
func (p *textParse) cue(i int) string { return trimCue(p.folds[i]) }

// lineCue is what the matcher said of a line's furniture cue, once asked.
type lineCue struct {
	reason      string
	found, read bool
}

// furnitureCue returns matcher.furnitureFolded of line i, read once: the answer depends on
// the line alone, and the parse asks it of a line several times.
func (p *textParse) furnitureCue(i int) (string, bool) {
	c := &p.cues[i]
	if !c.read {
		c.reason, c.found = p.m.furnitureFolded(p.lines[i], p.folds[i])
		c.read = true
	}
	return c.reason, c.found
}

// furniture returns why line i is page furniture, if it is (matcher.furnitureReason).
func (p *textParse) furniture(i int) (string, bool) {
	if reason, ok := p.furnitureCue(i); ok {
		return reason, true
	}
	if i > 0 && p.fates[i-1] == fateDropped && gluedCopy(p.lines[i], p.lines[i-1]) {
		return p.why[i-1], true // "Contactez-nousEnvie d'afficher…" under "Envie d'afficher…"
	}
	return "", false
}

// Bounds of a glued copy: the line copied holds minCopiedRunes or more, glued to at most
// maxGluedWords words.
const (
	minCopiedRunes = 12
	maxGluedWords  = 2
)

// gluedCopy reports a line that prints the line above again, glued to a word or two of
// furniture as a flattened widget prints it: "Contactez-nousEnvie d'afficher votre
// publicité ?" under "Envie d'afficher votre publicité ?".
func gluedCopy(l, above string) bool {
	if len(l) <= len(above) || utf8.RuneCountInString(above) < minCopiedRunes {
		return false
	}
	head, ok := strings.CutSuffix(l, above)
	return ok && wordCount(head) <= maxGluedWords
}

func (p *textParse) drop(i int, reason string) {
	p.a.Dropped = append(p.a.Dropped, article.Dropped{Line: p.lines[i], Reason: reason})
	p.droppedAt = append(p.droppedAt, i)
	p.fates[i] = fateDropped
	p.why[i] = reason
}

// undrop takes line i, dropped earlier, back from the dropped lines: the title chooser found
// it to be the page's headline.
func (p *textParse) undrop(i int) {
	for k, at := range p.droppedAt {
		if at == i {
			p.a.Dropped = slices.Delete(p.a.Dropped, k, k+1)
			p.droppedAt = slices.Delete(p.droppedAt, k, k+1)
			break
		}
	}
	p.fates[i], p.why[i] = 0, ""
}

// set gives line i its fate and the reason for it.
func (p *textParse) set(i int, f fate, why string) {
	p.fates[i], p.why[i] = f, why
}

// byLine sorts dropped lines by their place in the page.
type byLine struct {
	d  []article.Dropped
	at []int
}

func (b byLine) Len() int           { return len(b.d) }
func (b byLine) Less(i, j int) bool { return b.at[i] < b.at[j] }
func (b byLine) Swap(i, j int) {
	b.d[i], b.d[j] = b.d[j], b.d[i]
	b.at[i], b.at[j] = b.at[j], b.at[i]
}

// splitRelated returns the indexes of the page's own lines and of the lines in related
// blocks. A block opens at a related heading and runs to the end, unless a line that reads
// as a paragraph of the body (a long sentence, not under a list marker, with no teaser byline under it) follows a
// teaser: then the body resumes, as when "Lire aussi" sits between two paragraphs, unless
// headlines and their summaries alternate from there to the page's end (cards). The last
// line of a list in the page's footer (under furniture or another heading) whose teasers are
// signed ("- by X") is its unsigned teaser, not the body.
func (p *textParse) splitRelated() (page, related []int) {
	in, footer, teasers, signed := false, false, 0, 0
	cards, heading := false, -1 // the block is a list of cards to the page's end; its heading
	for i, l := range p.lines {
		if p.m.isRelatedHeadingFolded(p.cue(i)) {
			if !in {
				_, footer = p.furniture(max(i-1, 0))
				footer = footer && i > 0
			}
			in, teasers, signed, heading = true, 0, 0, i
			related = append(related, i)
			continue
		}
		if in && teasers > 0 && resumesBody(l) && !isLoneBullet(p.lines[i-1]) && !p.teaserFollows(i) && !(footer && signed >= 2 && p.lastContent(i)) {
			if !cards && p.cardsFollow(i) {
				cards = true
				p.cardBlocks = map[int]bool{heading: true}
			}
			in = cards
		}
		if !in {
			page = append(page, i)
			continue
		}
		related = append(related, i)
		if teaserBylineRe.MatchString(l) {
			signed++
		} else if _, furniture := p.furniture(i); !furniture {
			teasers++
		}
	}
	return page, related
}

// minMoreCards is how many more headlines a related block of cards shows from the line that
// would give the body back.
const minMoreCards = 2

// cardsFollow reports that from line i on, in a related block, the page's lines alternate to
// its end between other stories' headlines and their summaries, furniture and dates aside:
// cards ("Éghezée achète un terrain", "La commune d'Éghezée a récemment…"), not the body
// going on under an inline "Lire aussi". The page's last line may be either, cut short.
func (p *textParse) cardsFollow(i int) bool {
	var lines []int
	for j := i; j < len(p.lines); j++ {
		if _, ok := p.furniture(j); !ok && !p.onlyDateWords(j) {
			lines = append(lines, j)
		}
	}
	if len(lines) > 1 && lines[len(lines)-1] == len(p.lines)-1 {
		lines = lines[:len(lines)-1]
	}
	above := p.feat[i].words // the teaser's headline is above line i: its summary is longer
	if k := i - 1; k >= 0 {
		above = p.feat[k].words
	}
	return p.cardHeads(lines, false, above) >= minMoreCards || p.cardHeads(lines, true, 0) >= minMoreCards
}

// cardHeads returns how many headlines the lines hold when they alternate between headline
// and summary, a summary longer than its headline, the first a headline when head is set;
// -1 when they do not. above is the length in words of the headline over the first summary.
func (p *textParse) cardHeads(lines []int, head bool, above int) int {
	heads := 0
	for _, j := range lines {
		f := p.feat[j]
		switch {
		case head && f.words >= 2 && f.words <= maxCardHeadWords && p.sentencesIn(j) == 0:
			heads, above = heads+1, f.words
		case !head && p.isCardSummary(j, above):
		default:
			return -1
		}
		head = !head
	}
	return heads
}

// maxCardHeadWords bounds the headline of a card.
const maxCardHeadWords = 25

// teaserFollows reports a teaser byline on one of the two lines after line i: under it, or
// under the next teaser.
func (p *textParse) teaserFollows(i int) bool {
	for _, l := range p.lines[i+1 : min(i+3, len(p.lines))] {
		if teaserBylineRe.MatchString(l) {
			return true
		}
	}
	return false
}

// lastContent reports that only furniture follows line i.
func (p *textParse) lastContent(i int) bool {
	for j := i + 1; j < len(p.lines); j++ {
		if _, furniture := p.furniture(j); !furniture {
			return false
		}
	}
	return true
}

// unquoted returns a title without the quotation marks around it: "'Le titre'" gives "Le
// titre".
func unquoted(title string) string {
	open, size := utf8.DecodeRuneInString(title)
	end, endSize := utf8.DecodeLastRuneInString(title)
	if len(title) > size+endSize && strings.ContainsRune(`'"‘“«`, open) && strings.ContainsRune(`'"’”»`, end) {
		if inner := title[size : len(title)-endSize]; !strings.ContainsAny(inner, `"“”«»`) {
			return strings.TrimSpace(inner)
		}
	}
	return title
}

// resumesBody reports a line that reads as a body paragraph rather than a teaser: a long
// sentence ending with its full stop.
func resumesBody(l string) bool {
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?", last) && !strings.HasSuffix(l, "...") && wordCount(l) >= 15
}

// readCues sorts the page's own lines into furniture, metadata, inline teasers and
// content by their cues; it returns the indexes of the content lines.
func (p *textParse) readCues(page []int) []int {
	var content []int
	boxAt := -1 // the author box, when it follows the body
	for k := 0; k < len(page); k++ {
		i := page[k]
		l := p.lines[i]
		if reason, ok := p.furniture(i); ok {
			p.drop(i, reason)
			continue
		}
		if title, ok := p.m.inlineTeaser(l); ok {
			title = unquoted(title)
			p.a.Related = append(p.a.Related, article.Teaser{Title: title})
			p.set(i, fateTeaser, "inline related")
			if k+1 < len(page) && p.keys[page[k+1]] == foldCue(title) {
				k++ // the embed's title under its prompt: "Click to play video: 'X'", then "X"
				p.drop(page[k], ReasonRepeated)
			}
			continue
		}
		if sm := teaserBylineRe.FindStringSubmatch(l); sm != nil && i > 0 && p.fates[i-1] == fateTeaser {
			if t := &p.a.Related[len(p.a.Related)-1]; t.Author == "" {
				t.Author = teaserAuthor(sm[1])
				p.set(i, fateTeaser, "teaser byline")
				continue
			}
		}
		if reason, ok := p.metaLine(i); ok {
			p.why[i] = reason
			continue
		}
		if sm := authorBoxRe.FindStringSubmatch(l); sm != nil {
			if names, ok := boxNames(sm[1]); ok {
				p.addPending(pendingMeta{i: i, names: names}, "author box")
				if p.hasParagraph(content) {
					boxAt = i
				}
				continue
			}
		}
		if aboutAuthorRe.MatchString(l) && k+1 < len(page) {
			if names, ok := signature(p.lines[page[k+1]]); ok {
				p.addPending(pendingMeta{i: i}, "author box heading")
				p.addPending(pendingMeta{i: page[k+1], names: names}, "author box")
				boxAt = page[k+1]
				k++
				continue
			}
		}
		if boxAt >= 0 {
			// The author's bio, under the box that follows the body.
			p.drop(i, ReasonAuthorBio)
			continue
		}
		if reason, ok := p.furnitureShape(i); ok {
			p.drop(i, reason)
			continue
		}
		content = append(content, i)
	}
	return content
}

// boxBars replaces the bars of box drawing and full width some pages separate fields with.
var boxBars = strings.NewReplacer("│", "|", "｜", "|")

// metaLine reads line i when it is a tags line, a byline or a date line.
func (p *textParse) metaLine(i int) (string, bool) {
	l := p.lines[i]
	if strings.ContainsRune(l, '<') {
		l = plainText(l) // "Par <b>Claire</b> Fontanel"
	}
	l = strings.TrimPrefix(l, "• ") // "• Par la capitaine Ann Roe", "• Publié le 15 juin 2021": a theme's list
	if strings.ContainsAny(l, "│｜") {
		l = boxBars.Replace(l) // "Y.C. – 16 juillet 2020 │ MAJ : …": a bar drawn with a box's line
	}
	if sm := tagsLineRe.FindStringSubmatch(l); sm != nil {
		tags := splitList(sm[1])
		if len(tags) == 0 { // "Labels: , ,": a template's line with no label left in it
			p.drop(i, ReasonTags)
			return ReasonTags, true
		}
		p.addPending(pendingMeta{i: i, tags: tags}, "tags")
		return "tags", true
	}
	if b, ok := sourcedByline(l, p.lang); ok {
		p.addPending(pendingMeta{i: i, names: b.names, pub: b.published, upd: b.updated}, "byline")
		return "byline", true
	}
	scan := func(s string) []dateHit { return p.datesIn(i, s) }
	if b, ok := nameBeforeDate(l, p.lang, scan); ok {
		p.addPending(pendingMeta{i: i, names: b.names, pub: b.published, upd: b.updated}, "byline")
		return "byline", true
	}
	if pub, upd, names, ok := dateLineBy(l, p.lang, scan); ok {
		p.addPending(pendingMeta{i: i, names: names, pub: pub, upd: upd}, "date")
		return "date", true
	}
	if pub, ok := p.looseDateLine(l, scan); ok {
		p.addPending(pendingMeta{i: i, pub: pub}, "date")
		return "date", true
	}
	if names, pub, ok := creditLine(l, p.lang); ok {
		p.addPending(pendingMeta{i: i, names: names, pub: pub}, "credit")
		return "credit", true
	}
	if names, _, ok := forOutlet(l, p.lang); ok && p.headlineAbove(i) {
		p.addPending(pendingMeta{i: i, names: names}, "credit") // "Ann Roe for The Ledger" under the headline
		return "credit", true
	}
	if name, pub, ok := nameThenDate(l, p.lang); ok && p.keptAbove(i) {
		p.addPending(pendingMeta{i: i, names: []string{name}, pub: pub}, "credit")
		return "credit", true
	}
	return "", false
}

// headlineAbove reports whether the nearest line kept above line i reads as a headline: a
// credit with no date ("Ann Roe for The Ledger") is one under it, and a headline itself
// anywhere else ("Food Banks Starved for Holiday Donations").
func (p *textParse) headlineAbove(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if p.fates[j] == 0 {
			return isTitleLike(p.lines[j])
		}
	}
	return false
}

// keptAbove reports whether a line above line i was kept as content: a name run into a
// date under the headline is the writer's ("Shamsul Islam May 26, 2012"), and with none
// above it is the headline itself ("LIBRARY STATUS 21 DEC 2016").
func (p *textParse) keptAbove(i int) bool {
	return slices.Contains(p.fates[:i], 0)
}

func (p *textParse) addPending(pm pendingMeta, why string) {
	p.pending = append(p.pending, pm)
	p.set(pm.i, fateMeta, why)
}

// applyPending takes the authors, dates and tags of the metadata lines that belong to the
// article; those of other articles on the page were dropped with them.
func (p *textParse) applyPending(body []int) {
	if pm, ok := p.nearestHeadDate(body); ok {
		p.addDates(p.lines[pm.i], pm.pub, pm.upd)
	}
	var paragraphs []int // the body's paragraphs, in order, counted once for embedded
	for _, j := range body {
		if p.feat[j].class >= proseMedium && !isTitleLike(p.lines[j]) {
			paragraphs = append(paragraphs, j)
		}
	}
	for _, pm := range p.pending {
		if p.fates[pm.i] != fateMeta {
			continue
		}
		if p.why[pm.i] == "credit" && postedByRe.MatchString(p.lines[pm.i]) && embedded(paragraphs, pm.i) {
			p.drop(pm.i, ReasonByline) // a post embedded in the story: "Posted by Ono Grill on …"
			continue
		}
		if len(pm.names) > 0 && allAccounts(pm.names) && pm.pub.IsZero() && pm.upd.IsZero() && len(pm.tags) == 0 {
			p.drop(pm.i, ReasonByline) // "By The Newsroom": a credit that names no writer
			continue
		}
		p.addAuthors(pm.names)
		p.addDates(p.lines[pm.i], pm.pub, pm.upd)
		p.a.Tags = append(p.a.Tags, pm.tags...)
	}
}

// nearestHeadDate returns, of the date lines above the body, the nearest to it: the
// article's own date, under the headline, rather than today's date the site prints at the
// top of the page ("Dimanche, 14 décembre 2025", then the headline, then "Le 11 décembre
// 2023").
func (p *textParse) nearestHeadDate(body []int) (pendingMeta, bool) {
	var best pendingMeta
	found := false
	for _, pm := range p.pending {
		if len(body) > 0 && pm.i < body[0] && !pm.pub.IsZero() && p.fates[pm.i] == fateMeta {
			best, found = pm, true
		}
	}
	return best, found
}

// minEmbedParagraphs is how many paragraphs of the body come before a credit line that
// is an embedded post's, not the story's: a byline may follow a standfirst.
const minEmbedParagraphs = 2

// embedded reports a "Posted by" line i inside the body, with paragraphs of the story
// above and under it: the credit of a post the story embeds. paragraphs are the body's
// prose lines that do not read as headlines, in order.
func embedded(paragraphs []int, i int) bool {
	above, found := slices.BinarySearch(paragraphs, i)
	under := len(paragraphs) - above
	if found {
		under--
	}
	return above >= minEmbedParagraphs && under > 0
}

// allAccounts reports names that are all a site's accounts or newsroom credits.
func allAccounts(names []string) bool {
	return !slices.ContainsFunc(names, func(n string) bool { return !isAccount(n) })
}

// hasParagraph reports whether some of the content lines read as body text, not headlines.
func (p *textParse) hasParagraph(content []int) bool {
	for _, i := range content {
		l := p.lines[i]
		last, _ := utf8.DecodeLastRuneInString(l)
		if strings.ContainsRune(".!?»”\"", last) || wordCount(l) > 12 && !isTitleLike(l) {
			return true
		}
	}
	return false
}

func (p *textParse) addAuthors(names []string) {
	for _, n := range names {
		if isAccount(n) {
			continue
		}
		n = unshout(withoutTitles(n))
		dup := false
		for _, have := range p.a.Authors {
			if strings.EqualFold(have, n) {
				dup = true
			}
		}
		if !dup {
			p.a.Authors = append(p.a.Authors, n)
		}
	}
}

// datelineRe matches a wire dateline that carries the day, opening the first paragraph: the
// place in capitals, the date, the agency, then a dash: "LISBON, Sept. 30, 2025 (PRESS WIRE)
// -- ".
var datelineRe = regexp.MustCompile(`^` + datelinePlace + `,\s+([^()–—]{6,40}?)\s*(?:\([^)]{1,40}\))?\s*(?:--|[–—-])\s`)

// ledeBylineRe matches the writer's credit that closes a lede in the Irish and British
// manner, after a comma and a lede byline word: "…, writes Liam Heylin.".
var ledeBylineRe = sync.OnceValue(func() *regexp.Regexp {
	return ledePattern(`,\s+(?:%s)\s+(\p{Lu}[^,.!?]{2,60})\.$`)
})

// ledePrefixRe matches the writer named before the lede, with the job before the name:
// "Chronicle Managing Editor Ann Roe writes: Mayor …".
var ledePrefixRe = sync.OnceValue(func() *regexp.Regexp {
	return ledePattern(`^((?:\p{Lu}[\p{L}'’.-]*\s+){2,7}?)(?:%s):\s+(\p{Lu}.*)$`)
})

// ledePattern compiles the pattern with the lede byline words of every language in place of
// its %s, or a pattern that matches nothing when no table has any.
func ledePattern(pattern string) *regexp.Regexp {
	var words []string
	for _, w := range lang.LedeBylineWords() {
		words = append(words, regexp.QuoteMeta(w))
	}
	if len(words) == 0 {
		return regexp.MustCompile(`$^`)
	}
	return regexp.MustCompile(fmt.Sprintf(pattern, strings.Join(words, "|")))
}

// ledeByline takes the writer from the end of the first paragraph when no byline named one.
func (p *textParse) ledeByline() {
	if len(p.a.Authors) > 0 || len(p.a.Body) == 0 {
		return
	}
	if sm := ledePrefixRe().FindStringSubmatch(p.a.Body[0].Text); sm != nil {
		words := strings.Fields(sm[1])
		if name := strings.Join(words[len(words)-2:], " "); names.IsPerson(name) {
			p.addAuthors([]string{names.Normalize(name)})
			p.a.Body[0].Text = sm[2]
			return
		}
	}
	sm := ledeBylineRe().FindStringSubmatch(p.a.Body[0].Text)
	if sm == nil {
		return
	}
	if ns, ok := parseNames(sm[1], true); ok && allPersons(ns) {
		p.addAuthors(ns)
	}
}

// datelineDate dates an article that printed no date line by the dateline of its first
// paragraph, when it has one with a day.
func (p *textParse) datelineDate() {
	if !p.a.Date.IsZero() || len(p.a.Body) == 0 {
		return
	}
	first := p.a.Body[0].Text
	sm := datelineRe.FindStringSubmatch(first)
	if sm == nil {
		return
	}
	if hits := scanDates(sm[1], p.lang); len(hits) == 1 {
		p.addDates(first[:len(sm[0])], hits[0].t, time.Time{})
	}
}

func (p *textParse) addDates(line string, pub, upd time.Time) {
	if !pub.IsZero() && p.a.Date.IsZero() {
		p.a.Date, p.a.DateSource, p.a.DateFrom = pub, article.DatePublished, "text: "+line
	}
	if !upd.IsZero() && p.a.Updated.IsZero() {
		p.a.Updated = upd
		if p.a.Date.IsZero() {
			p.a.Date, p.a.DateSource, p.a.DateFrom = upd, article.DatePublished, "text: "+line
		}
	}
}

// unshout writes the words of a name printed in capitals in title case: "Marc TELLIER"
// gives "Marc Tellier", "JEAN-PIERRE" gives "Jean-Pierre"; initials stay as they are.
func unshout(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters < 3 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
			continue
		}
		parts := strings.Split(strings.ToLower(w), "-")
		for j, part := range parts {
			r, size := utf8.DecodeRuneInString(part)
			parts[j] = string(unicode.ToUpper(r)) + part[size:]
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// roleRe matches the job line printed under a byline: "Staff Writer", "Correspondante".
var roleRe = regexp.MustCompile(`(?i)^(?:senior |chief |special |associate )?(?:` + newsroomJobs + `)(?:\s.{0,40})?$`)

// newsroomJobs are the jobs of a byline's writer, as a pattern's alternation in lower case.
const newsroomJobs = `staff writer|staff reporter|reporter|correspondent|contributor|columnist|editor|writer|journaliste|correspondante?|envoyée? spéciale?|rédact(?:eur|rice)|chroniqueu(?:r|se)|pigiste`

// gluedRoleRe matches a byline box flattened without a space between the writer's job and
// the masthead or name after it: "Staff ReporterHills Gazette", "JournalisteLe Courrier".
var gluedRoleRe = regexp.MustCompile(`^(?:Senior |Chief )?(?i:` + newsroomJobs + `)\p{Lu}\S*(?:\s+\S+){0,6}$`)

// isGluedRole reports a line gluedRoleRe matches whose job is capitalised, as a byline box
// prints it.
func isGluedRole(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(r) && gluedRoleRe.MatchString(l)
}

// nameUnderTitle reads a bare byline printed on the line under a headline ("Daniel Price"),
// and the job line under it, from the lines that follow the title. When a credit with the
// writer's job ("Lea Park, Reporter", read with the metadata) lies under a bare name, the
// name is the photo's.
func (p *textParse) nameUnderTitle(content []int) []int {
	if len(content) < 1 {
		return content
	}
	if len(p.a.Authors) > 0 {
		if names, ok := signature(p.lines[content[0]]); ok && !slices.Contains(p.a.Authors, names[0]) && p.roleBylineBelow(content[0]) {
			p.drop(content[0], ReasonCaption) // "Ann Roe" over the photo credit and "Lea Park, Reporter"
		}
		return content
	}
	if isPhotoCredit(p.lines[content[0]]) {
		p.drop(content[0], ReasonPhotoCredit) // "Photo Icon Sport"
		return content[1:]
	}
	names, ok := nameWithRole(p.lines[content[0]])
	if !ok {
		return content
	}
	p.addAuthors(names)
	p.set(content[0], fateMeta, "name under the title")
	content = content[1:]
	if len(content) > 0 && roleRe.MatchString(p.lines[content[0]]) {
		p.drop(content[0], ReasonByline)
		content = content[1:]
	}
	return content
}

// nameUnderStandfirst reads the writer's bare name printed under the standfirst, and the
// outlet's name under it ("Un pied et demi en Pro B", a sentence, "Arnault Varanne",
// "Le7.info", the story), when no byline named one. It returns the body without them.
func (p *textParse) nameUnderStandfirst(body []int) []int {
	if len(body) < 3 || len(p.a.Authors) > 0 || !p.underTitle(body[0]) || body[1] != body[0]+1 || !p.feat[body[0]].sentence {
		return body
	}
	l := p.lines[body[1]]
	if p.feat[body[1]].words > 4 || !names.IsPerson(l) || isPhotoCredit(l) {
		return body
	}
	writers, ok := signature(l)
	if !ok {
		return body
	}
	p.addAuthors(writers)
	p.set(body[1], fateMeta, "name under the standfirst")
	story := body[2:]
	if next := story[0]; next == body[1]+1 && len(story) > 1 && p.feat[next].words <= 2 && isLabel(p.lines[next]) {
		p.drop(next, ReasonByline) // the outlet's name: "Le7.info"
		story = story[1:]
	}
	return append([]int{body[0]}, story...)
}

// roleBylineBelow reports a byline with its writer's job ("Lea Park, Reporter"), read as
// the credit, among the few lines under line i.
func (p *textParse) roleBylineBelow(i int) bool {
	for j, n := i+1, 0; j < len(p.lines) && n < openingLines; j++ {
		if strings.TrimSpace(p.lines[j]) == "" {
			continue
		}
		n++
		if _, ok := bylineWithRole(p.lines[j]); ok && p.fates[j] == fateMeta {
			return true
		}
	}
	return false
}

// bylineTailRe matches the words after a writer's name that make a byline of it (the tables'
// BylineTails), and the day that may follow them: " Reporting" in "Ann Roe Reporting", "
// reported this story on Wednesday, May 12, 2021".
var bylineTailRe = guard(regexp.MustCompile(`\s+(?:`+tablesAlt(bylineTails)+`)(?:\s+(?:on|le)\s+(\S.{5,40}))?$`),
	holdsAny(tablesWords(bylineTails)...))

// bylineTails is the tables' field of byline tails.
func bylineTails(t *lang.Table) []string { return t.BylineTails }

// cutBylineTail splits a line that ends with a byline tail into what precedes the tail (the
// writer's name, if it is a byline) and the words of the day after the tail, if any: "Ann Roe
// Reporting", "Ann Roe reported this story on Wednesday, May 12, 2021".
func cutBylineTail(l string) (name, day string, found bool) {
	m := bylineTailRe.FindStringSubmatchIndex(l)
	if m == nil {
		return "", "", false
	}
	if m[2] >= 0 {
		day = l[m[2]:m[3]]
	}
	return l[:m[0]], day, true
}

// nameWithRole reads a bare byline, alone, before a bar, before a byline tail or with its job
// after a comma: "Daniel Price", "Anne Delorme |", "Ann Roe Reporting", "Taylor Watson,
// Editor in Chief".
func nameWithRole(l string) ([]string, bool) {
	if name, ok := strings.CutSuffix(l, " |"); ok {
		return signature(name) // "Anne Delorme |" before the paragraph (see pipedNameRe)
	}
	if name, _, found := cutBylineTail(l); found {
		return signature(name) // "Ann Roe Reporting"
	}
	if names, ok := bylineWithRole(l); ok {
		return names, true
	}
	return signature(l)
}

// bylineWithRole reads a writer's name followed by a job after a comma: "Taylor Watson,
// Editor in Chief".
func bylineWithRole(l string) ([]string, bool) {
	name, role, ok := strings.Cut(l, ",")
	role = strings.TrimSpace(role)
	if !ok || !roleRe.MatchString(role) && !deskRoleRe.MatchString(role) {
		return nil, false
	}
	return signature(name)
}

// deskRoleRe matches a writer's job named with its desk: "Sports Editor in Chief", "News
// Reporter".
var deskRoleRe = regexp.MustCompile(`^\p{Lu}\p{L}+(?: \p{L}+)? (?i:` + newsroomJobs + `)(?:\s.{0,30})?$`)

// siteCredit reads a writer's name followed by the site she writes for: "Diane M. Robinson,
// BonifayNow.com".
func siteCredit(l string) ([]string, bool) {
	name, site, ok := strings.Cut(l, ",")
	if !ok || !siteNameRe.MatchString(strings.TrimSpace(site)) || !names.IsPerson(strings.TrimSpace(name)) {
		return nil, false
	}
	return []string{strings.TrimSpace(name)}, true
}

// siteNameRe matches a site's domain printed as its name: "BonifayNow.com".
var siteNameRe = regexp.MustCompile(`^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,6}$`)

// isBio reports a line that opens with an author's name and says who they are.
func (p *textParse) isBio(l string) bool {
	for _, name := range p.a.Authors {
		if rest, ok := strings.CutPrefix(l, name+" "); ok {
			first, _, _ := strings.Cut(rest, " ")
			if lang.BioVerbs().Has(first) && !runesOver(l, 400) {
				return true
			}
		}
	}
	return false
}

// maxContributorWords bounds the line that closes a column by saying who wrote it.
const maxContributorWords = 25

// contributorLine reads the line that closes a column by saying who wrote it, when no byline
// named them: "Ann Roe is a member of the Friends of the Library." It returns the name.
func contributorLine(l string) (string, bool) {
	words := strings.Fields(l)
	if len(words) > maxContributorWords || !strings.HasSuffix(l, ".") {
		return "", false
	}
	for n := 2; n <= 4 && n < len(words); n++ {
		if lang.BioVerbs().Has(words[n]) {
			name := strings.Join(words[:n], " ")
			// "The Courier writes that…" quotes a paper: a name does not open with a determiner.
			return name, names.IsPerson(name) && !lang.StopWords().Has(strings.ToLower(words[0]))
		}
	}
	return "", false
}

func isSignature(l string) bool {
	_, ok := signature(l)
	return ok
}

// isLabel reports a short line without final punctuation: a section or a newsroom name.
func isLabel(l string) bool {
	last, _ := utf8.DecodeLastRuneInString(l)
	return wordCount(l) <= 4 && !runesOver(l, 30) && !strings.ContainsRune(".!?;:…»,", last)
}

// isTitleLike reports whether a line reads as a headline: short, and not ending a sentence.
func isTitleLike(line string) bool {
	if runesOver(line, maxTitleRunes) || wordsUpTo(line, 2) < 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".!;:…»,", last)
}

// listItemRe matches a list item: "- ", "• ", "* ", "1. ", "2) ".
var listItemRe = regexp.MustCompile(`^(?:([` + loneBullets + `])|(\d{1,3})[.)])\s+(\S.*)$`)

// teaserTitle returns a teaser's line without its list marker: "- Le titre" gives "Le
// titre". A number is kept, as it may open the headline ("3. ").
func teaserTitle(l string) string {
	if sm := listItemRe.FindStringSubmatch(l); sm != nil && sm[1] != "" {
		return sm[3]
	}
	return l
}

// teaserStampRe matches what a list of teasers prints before each headline: a video's
// length ("01:29") or the day it was posted ("19 Dec:", "Dec 19 -").
var teaserStampRe = regexp.MustCompile(`^(?:\d{1,2}:\d{2}(?::\d{2})?|(?i:\d{1,2}\s+(?:` + monthAlt + `)|(?:` + monthAlt + `)\s+\d{1,2})\.?\s*[:–—-])\s+(\p{Lu}|\d)`)

// gluedRubricRe matches the time or day a list of teasers prints glued to the story's
// rubric, and the dash after the rubric: "07:20Monde - ", "31/10Sports - ".
var gluedRubricRe = regexp.MustCompile(`^(?:\d{1,2}[:h]\d{2}|\d{1,2}/\d{1,2})\p{Lu}[\p{L}'’]+(?:\s[\p{L}'’]+)?\s+[-–—]\s+(\p{Lu}|\d)`)

// minTeaserTitleWords is the least number of words a headline keeps in front of the name
// a teaser prints after it.
const minTeaserTitleWords = 3

// teaserOf reads a teaser's line: the headline without its list marker and stamp, and the
// writer a list prints after a dash ("19 Dec: Council approves new car park - Greta Holm").
func teaserOf(l string) article.Teaser {
	t := article.Teaser{Title: teaserTitle(l)}
	if loc := gluedRubricRe.FindStringSubmatchIndex(t.Title); loc != nil {
		t.Title = t.Title[loc[2]:]
	} else if loc := teaserStampRe.FindStringSubmatchIndex(t.Title); loc != nil {
		t.Title = t.Title[loc[2]:]
	}
	if i := strings.LastIndex(t.Title, " - "); i > 0 && wordCount(t.Title[:i]) >= minTeaserTitleWords {
		if name := strings.TrimSpace(t.Title[i+3:]); names.IsPerson(name) {
			t.Title, t.Author = strings.TrimSpace(t.Title[:i]), name
		}
	}
	return t
}

// readBody turns the body lines into blocks: a signature or a bio on the last line gives
// the authors; captions are dropped; list items, quotes and subheadings keep their kind.
func (p *textParse) readBody(body []int) {
	if n := len(body); n >= 2 && p.isBio(p.lines[body[n-1]]) {
		p.drop(body[n-1], ReasonAuthorBio)
		body = body[:n-1]
	}
	if n := len(body); n >= 2 && len(p.a.Authors) == 0 {
		if name, ok := contributorLine(p.lines[body[n-1]]); ok {
			p.addAuthors([]string{name})
			p.drop(body[n-1], ReasonAuthorBio)
			body = body[:n-1]
		}
	}
	if n := len(body); n >= 2 {
		if names, ok := signature(p.lines[body[n-1]]); ok {
			p.addAuthors(names)
			p.set(body[n-1], fateMeta, "signature")
			body = body[:n-1]
		}
	}
	for k, i := range body {
		l := p.lines[i]
		if names, ok := markedInitials(l); ok && len(p.a.Authors) == 0 {
			p.addAuthors(names) // "- G.L." under the standfirst of a printed page
			p.set(i, fateMeta, "initials in the body")
			continue
		}
		if isCaption(l) || isPhotoCredit(l) || k > 0 && k < len(body)-1 && isCastList(l) && !announces(p.lines[body[k-1]]) {
			p.drop(i, ReasonCaption)
			continue
		}
		p.set(i, fateBody, "in the prose run")
		b := article.Block{Kind: article.Paragraph, Text: l}
		switch sm := listItemRe.FindStringSubmatch(l); {
		case sm != nil && p.itemHead[i]: // the item's headline under the page's (cutAtListedHead)
			b = article.Block{Kind: article.Heading, Text: sm[3]}
		case sm != nil:
			b = article.Block{Kind: article.ListItem, Text: sm[3], Ordered: sm[2] != ""}
		case isQuote(l):
			b.Kind = article.Quote
			b.Text = strings.TrimSpace(strings.TrimPrefix(l, ">"))
		case (k > 0 || isDashedHeading(l)) && k < len(body)-1 && isHeading(l): // a roundup opens on its first brief's heading
			b.Kind = article.Heading
		}
		p.a.Body = append(p.a.Body, b)
	}
}

// isCastList reports a line that only names two people or more, as the caption of a
// picture of them does inside a review: "Philippe Robert, Adèle Reinhardt et Paul Roy".
func isCastList(l string) bool {
	ns, ok := parseNames(l, true)
	return ok && len(ns) >= 2 && allPersons(ns)
}

// isQuote reports a line that is one quotation: "« ... »", "“...”", or "> ...".
func isQuote(l string) bool {
	if strings.HasPrefix(l, "> ") {
		return true
	}
	first, _ := utf8.DecodeRuneInString(l)
	last, _ := utf8.DecodeLastRuneInString(l)
	switch first {
	case '«':
		return last == '»'
	case '“':
		return last == '”'
	case '"':
		return last == '"' && len(l) > 2
	}
	return false
}

// isHeading reports a subheading inside the body: a short line without final punctuation.
func isHeading(l string) bool {
	return isTitleLike(l) && !runesOver(l, maxHeadingRunes) && wordCount(l) <= 12
}

// readTeasers reads the related block from line start on: headings and furniture are
// dropped, a byline gives the author of the teaser above it, dates and category lines under
// a teaser are dropped, an address gives its URL, and every other line is a teaser.
func (p *textParse) readTeasers(related []int) {
	cur := -1                       // the teaser the lines below belong to
	headAt, summarised := -1, false // its headline's line; whether its summary was read
	cards := false                  // the block is a list of cards
	last := func() *article.Teaser {
		if cur < 0 {
			return nil
		}
		return &p.a.Related[cur]
	}
	for k, i := range related {
		l := p.lines[i]
		if p.m.isRelatedHeadingFolded(p.cue(i)) {
			p.drop(i, ReasonRelatedHeading)
			cur, cards = -1, cards || p.cardBlocks[i]
			continue
		}
		if reason, ok := p.furniture(i); ok {
			p.drop(i, reason)
			continue
		}
		if isLoneBullet(l) {
			p.drop(i, ReasonSeparator) // the marker of the item under it
			continue
		}
		if sm := teaserBylineRe.FindStringSubmatch(l); sm != nil {
			if t := last(); t != nil && t.Author == "" {
				t.Author = teaserAuthor(sm[1])
				p.set(i, fateTeaser, "teaser byline")
			} else {
				p.drop(i, ReasonByline)
			}
			continue
		}
		if t := last(); t != nil && bareURLRe.MatchString(l) && t.URL == "" {
			t.URL = l
			p.set(i, fateTeaser, "teaser address")
			continue
		}
		if _, _, _, ok := dateLineBy(l, p.lang, func(s string) []dateHit { return p.datesIn(i, s) }); ok && cur >= 0 || relativeTimeRe.MatchString(l) || p.onlyDateWords(i) {
			p.drop(i, ReasonTeaserDate)
			continue
		}
		// An excerpt under a teaser's byline belongs to that teaser, unless a byline follows
		// it too: then it is the next teaser, cut short ("Titre… / - by X").
		nextIsByline := k+1 < len(related) && teaserBylineRe.MatchString(p.lines[related[k+1]])
		if t := last(); t != nil && t.Author != "" && isExcerpt(l) && !nextIsByline && k > 0 && p.fates[related[k-1]] == fateTeaser {
			p.drop(i, ReasonTeaserExcerpt)
			continue
		}
		if categoryLineRe.MatchString(l) && cur >= 0 {
			p.drop(i, ReasonTeaserCategory)
			continue
		}
		if cards && cur >= 0 && !summarised && p.summarises(i, headAt) {
			p.drop(i, ReasonTeaserExcerpt) // a card's summary under its headline
			summarised = true
			continue
		}
		p.a.Related = append(p.a.Related, teaserOf(l))
		p.set(i, fateTeaser, "teaser")
		cur, headAt, summarised = len(p.a.Related)-1, i, false
	}
}

// summarises reports a line that reads as the summary of the teaser whose headline is on
// line head, a headline that is no excerpt itself.
func (p *textParse) summarises(i, head int) bool {
	if isExcerpt(p.lines[head]) || p.sentencesIn(head) > 0 {
		return false // "Le débat a repris. Les habitants…"
	}
	return p.isCardSummary(i, p.feat[head].words)
}

// isCardSummary reports a line that reads as the summary of a card whose headline holds
// headWords words: prose, and longer.
func (p *textParse) isCardSummary(i, headWords int) bool {
	return p.feat[i].class >= proseMedium && p.feat[i].words > headWords
}

// isExcerpt reports a teaser's cut-off excerpt: "Les habitants du quartier cultivent…".
func isExcerpt(l string) bool {
	return strings.HasSuffix(l, "…") || strings.HasSuffix(l, "...") || strings.HasSuffix(l, "[…]")
}

// splitList splits "a, b; c" into trimmed items.
func splitList(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}
