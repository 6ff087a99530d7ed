package scrape

import (
	"regexp"
	"sort"
	"strings"
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
var tagsLineRe = regexp.MustCompile(`(?i)^(?:tags|mots[- ]cl[eé]s|[eé]tiquettes|th[eè]mes|sujets|topics|keywords)\s*:\s*(\S.*)$`)

// categoryLineRe matches a WordPress category line under a teaser: In "Local News".
var categoryLineRe = regexp.MustCompile(`^(?:In|Dans|Posted in|Publié dans|Catégorie\s*:|Category\s*:)\s*["“«]?.{1,80}?["”»]?$`)

// bareURLRe matches a line that is one address.
var bareURLRe = regexp.MustCompile(`^https?://\S+$`)

// textParse holds the state of one text parse.
type textParse struct {
	a     article.Article
	m     *matcher
	meta  *meta
	lang  string // the language guessed over all lines, for ambiguous dates
	lines []string
	fates []fate
	// droppedAt holds the line index of each entry of a.Dropped, to keep them in page order.
	droppedAt []int
}

// parseText reads a flattened page, one block per line, into an Article. meta, when not
// nil, carries what a sidecar or record knew and wins over guesses from the text. It also
// returns where each non-empty line went.
func parseText(text string, m *matcher, md *meta) (article.Article, []string, []fate) {
	p := &textParse{m: m, meta: md}
	if p.meta == nil {
		p.meta = &meta{}
	}
	p.lines = nonEmptyLines(text)
	p.fates = make([]fate, len(p.lines))
	p.lang = detectLang("", p.lines)

	page, related := p.splitRelated()
	content := p.readHead(page)
	content = p.takeTitle(content)
	p.readBody(content)
	p.readTeasers(related)
	p.applyMeta()
	sort.Stable(byLine{p.a.Dropped, p.droppedAt})
	return p.a, p.lines, p.fates
}

func (p *textParse) drop(i int, reason string) {
	p.a.Dropped = append(p.a.Dropped, article.Dropped{Line: p.lines[i], Reason: reason})
	p.droppedAt = append(p.droppedAt, i)
	p.fates[i] = fateDropped
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
// as a paragraph of the body (a long sentence, with no teaser byline under it) follows a
// teaser: then the body resumes, as when "Lire aussi" sits between two paragraphs.
func (p *textParse) splitRelated() (page, related []int) {
	in, teasers := false, 0
	for i, l := range p.lines {
		if p.m.isRelatedHeading(l) {
			in, teasers = true, 0
			related = append(related, i)
			continue
		}
		if in && teasers > 0 && resumesBody(l) && (i+1 == len(p.lines) || !teaserBylineRe.MatchString(p.lines[i+1])) {
			in = false
		}
		if !in {
			page = append(page, i)
			continue
		}
		related = append(related, i)
		if _, furniture := p.m.furnitureReason(l); !furniture {
			teasers++
		}
	}
	return page, related
}

// resumesBody reports a line that reads as a body paragraph rather than a teaser: a long
// sentence ending with its full stop.
func resumesBody(l string) bool {
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?", last) && !strings.HasSuffix(l, "...") && len(strings.Fields(l)) >= 15
}

// readHead sorts the page's own lines into furniture, metadata, inline teasers and
// content; it returns the indexes of the content lines.
func (p *textParse) readHead(page []int) []int {
	var content []int
	boxAt := -1 // the author box, when it follows the body
	for k := 0; k < len(page); k++ {
		i := page[k]
		l := p.lines[i]
		if reason, ok := p.m.furnitureReason(l); ok {
			p.drop(i, reason)
			continue
		}
		if title, ok := p.m.inlineTeaser(l); ok {
			p.a.Related = append(p.a.Related, article.Teaser{Title: title})
			p.fates[i] = fateTeaser
			continue
		}
		if sm := teaserBylineRe.FindStringSubmatch(l); sm != nil && i > 0 && p.fates[i-1] == fateTeaser {
			if t := &p.a.Related[len(p.a.Related)-1]; t.Author == "" {
				t.Author = teaserAuthor(sm[1])
				p.fates[i] = fateTeaser
				continue
			}
		}
		if sm := tagsLineRe.FindStringSubmatch(l); sm != nil {
			p.a.Tags = append(p.a.Tags, splitList(sm[1])...)
			p.fates[i] = fateMeta
			continue
		}
		if b, ok := articleByline(l, p.lang); ok {
			p.addAuthors(b.names)
			p.addDates(l, b.published, b.updated)
			p.fates[i] = fateMeta
			continue
		}
		if pub, upd, names, ok := dateLine(l, p.lang); ok {
			p.addDates(l, pub, upd)
			p.addAuthors(names)
			p.fates[i] = fateMeta
			continue
		}
		if sm := authorBoxRe.FindStringSubmatch(l); sm != nil {
			if names, ok := parseNames(sm[1], false); ok {
				p.addAuthors(names)
				p.fates[i] = fateMeta
				if p.hasParagraph(content) {
					boxAt = i
				}
				continue
			}
		}
		if aboutAuthorRe.MatchString(l) && k+1 < len(page) {
			if names, ok := signature(p.lines[page[k+1]]); ok {
				p.addAuthors(names)
				p.fates[i], p.fates[page[k+1]] = fateMeta, fateMeta
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
		content = append(content, i)
	}
	return content
}

// hasParagraph reports whether some of the content lines read as body text, not headlines.
func (p *textParse) hasParagraph(content []int) bool {
	for _, i := range content {
		l := p.lines[i]
		last, _ := utf8.DecodeLastRuneInString(l)
		if strings.ContainsRune(".!?»”\"", last) || len(strings.Fields(l)) > 12 {
			return true
		}
	}
	return false
}

func (p *textParse) addAuthors(names []string) {
	for _, n := range names {
		n = unshout(n)
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

// takeTitle finds the title among the content lines and returns the others. The title is
// the first line when it reads as a headline; else the last one when it reads as a headline
// and follows the body (flattened pages that print the headline after the text, like the
// seed). A sidecar's title wins: the line that repeats it is taken, and no other.
func (p *textParse) takeTitle(content []int) []int {
	if len(content) == 0 {
		return content
	}
	if p.meta.title != "" {
		want := foldCue(p.meta.title)
		for _, k := range []int{0, len(content) - 1} {
			if foldCue(p.lines[content[k]]) == want {
				p.a.Title = p.lines[content[k]]
				p.fates[content[k]] = fateTitle
				return append(content[:k:k], content[k+1:]...)
			}
		}
		return content
	}
	// Short labels above the headline: a section ("Économie", "Faits divers") or the
	// newsroom's name.
	headline := func(k int) bool {
		return k < len(content)-1 && isTitleLike(p.lines[content[k]]) && len(strings.Fields(p.lines[content[k]])) >= 4 &&
			len(strings.Fields(p.lines[content[k]])) > len(strings.Fields(p.lines[content[0]]))
	}
	for len(content) > 2 && isLabel(p.lines[content[0]]) &&
		(headline(1) || isLabel(p.lines[content[1]]) && headline(2)) {
		p.drop(content[0], ReasonSection)
		content = content[1:]
	}
	n := len(content)
	line := func(k int) string { return p.lines[content[k]] }
	take := func(k int) []int {
		p.a.Title = line(k)
		p.fates[content[k]] = fateTitle
		rest := append(content[:k:k], content[k+1:]...)
		if k == 0 {
			rest = p.nameUnderTitle(rest)
		}
		return rest
	}
	switch {
	case isTitleLike(line(0)) && (n == 1 || !isTitleLike(line(1)) || n > 2 && isTitleLike(line(n-1))):
		return take(0)
	case n > 1 && isTitleLike(line(n-1)) && !isTitleLike(line(n-2)):
		return take(n - 1)
	case n > 2 && isTitleLike(line(n-1)) && isSignature(line(n-2)) && !isTitleLike(line(n-3)):
		return take(n - 1)
	case isTitleLike(line(0)):
		return take(0)
	}
	return content
}

// roleRe matches the job line printed under a byline: "Staff Writer", "Correspondante".
var roleRe = regexp.MustCompile(`(?i)^(?:senior |chief |special |associate )?(?:staff writer|staff reporter|reporter|correspondent|contributor|columnist|editor|writer|journaliste|correspondante?|envoyée? spéciale?|rédact(?:eur|rice)|chroniqueu(?:r|se)|pigiste)(?:\s.{0,40})?$`)

// nameUnderTitle reads a bare byline printed on the line under a headline ("Daniel Price"),
// and the job line under it, from the lines that follow the title.
func (p *textParse) nameUnderTitle(content []int) []int {
	if len(content) < 2 || len(p.a.Authors) > 0 {
		return content
	}
	names, ok := signature(p.lines[content[0]])
	if !ok {
		return content
	}
	p.addAuthors(names)
	p.fates[content[0]] = fateMeta
	content = content[1:]
	if len(content) > 1 && roleRe.MatchString(p.lines[content[0]]) {
		p.drop(content[0], ReasonByline)
		content = content[1:]
	}
	return content
}

// bioVerbs follow an author's name at the start of a bio: "Hannah Wexler is a retired ...".
var bioVerbs = set("is", "was", "has", "covers", "writes", "reports", "lives", "teaches", "works", "est", "a", "couvre", "écrit", "suit", "vit", "enseigne", "travaille")

// isBio reports a line that opens with an author's name and says who they are.
func (p *textParse) isBio(l string) bool {
	for _, name := range p.a.Authors {
		if rest, ok := strings.CutPrefix(l, name+" "); ok {
			first, _, _ := strings.Cut(rest, " ")
			if bioVerbs[strings.ToLower(first)] && utf8.RuneCountInString(l) <= 400 {
				return true
			}
		}
	}
	return false
}

func isSignature(l string) bool {
	_, ok := signature(l)
	return ok
}

// isLabel reports a short line without final punctuation: a section or a newsroom name.
func isLabel(l string) bool {
	last, _ := utf8.DecodeLastRuneInString(l)
	return len(strings.Fields(l)) <= 4 && utf8.RuneCountInString(l) <= 30 && !strings.ContainsRune(".!?;:…»,", last)
}

// isTitleLike reports whether a line reads as a headline: short, and not ending a sentence.
func isTitleLike(line string) bool {
	if utf8.RuneCountInString(line) > maxTitleRunes || len(strings.Fields(line)) < 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".!;:…»,", last)
}

// listItemRe matches a list item: "- ", "• ", "* ", "1. ", "2) ".
var listItemRe = regexp.MustCompile(`^(?:([-–•*▪●◦·])|(\d{1,3})[.)])\s+(\S.*)$`)

// readBody turns the content lines into blocks: a signature on the last line gives the
// authors; list items, quotes and subheadings keep their kind.
func (p *textParse) readBody(content []int) {
	if n := len(content); n >= 2 && p.isBio(p.lines[content[n-1]]) {
		p.drop(content[n-1], ReasonAuthorBio)
		content = content[:n-1]
	}
	if n := len(content); n >= 2 {
		if names, ok := signature(p.lines[content[n-1]]); ok {
			p.addAuthors(names)
			p.fates[content[n-1]] = fateMeta
			content = content[:n-1]
		}
	}
	for k, i := range content {
		l := p.lines[i]
		p.fates[i] = fateBody
		b := article.Block{Kind: article.Paragraph, Text: l}
		switch sm := listItemRe.FindStringSubmatch(l); {
		case sm != nil:
			b = article.Block{Kind: article.ListItem, Text: sm[3], Ordered: sm[2] != ""}
		case isQuote(l):
			b.Kind = article.Quote
			b.Text = strings.TrimSpace(strings.TrimPrefix(l, ">"))
		case k > 0 && k < len(content)-1 && isHeading(l):
			b.Kind = article.Heading
		}
		p.a.Body = append(p.a.Body, b)
	}
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
	return isTitleLike(l) && utf8.RuneCountInString(l) <= maxHeadingRunes && len(strings.Fields(l)) <= 12
}

// readTeasers reads the related block from line start on: headings and furniture are
// dropped, a byline gives the author of the teaser above it, dates and category lines under
// a teaser are dropped, an address gives its URL, and every other line is a teaser.
func (p *textParse) readTeasers(related []int) {
	cur := -1 // the teaser the lines below belong to
	last := func() *article.Teaser {
		if cur < 0 {
			return nil
		}
		return &p.a.Related[cur]
	}
	for k, i := range related {
		l := p.lines[i]
		if p.m.isRelatedHeading(l) {
			p.drop(i, ReasonRelatedHeading)
			cur = -1
			continue
		}
		if reason, ok := p.m.furnitureReason(l); ok {
			p.drop(i, reason)
			continue
		}
		if sm := teaserBylineRe.FindStringSubmatch(l); sm != nil {
			if t := last(); t != nil && t.Author == "" {
				t.Author = teaserAuthor(sm[1])
				p.fates[i] = fateTeaser
			} else {
				p.drop(i, ReasonByline)
			}
			continue
		}
		if t := last(); t != nil && bareURLRe.MatchString(l) && t.URL == "" {
			t.URL = l
			p.fates[i] = fateTeaser
			continue
		}
		if _, _, _, ok := dateLine(l, p.lang); ok && cur >= 0 {
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
		title := l
		if sm := listItemRe.FindStringSubmatch(l); sm != nil && sm[1] != "" {
			title = sm[3]
		}
		p.a.Related = append(p.a.Related, article.Teaser{Title: title})
		p.fates[i] = fateTeaser
		cur = len(p.a.Related) - 1
	}
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

// nonEmptyLines splits text into trimmed lines, without the blank ones.
func nonEmptyLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
