package scrape

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// relatedClasses holds the words of a container's class, id or ARIA label that say it holds
// related articles: the language tables' (lang.RelatedClasses), and the names of WordPress's
// related-posts plugins; "related" counts anywhere in a word ("jp-relatedposts"). Its stems
// spare most class values the cue matching: "related", and the longest word of each cue,
// which a class holding the cue holds too.
var relatedClasses = sync.OnceValue(func() (c struct{ cues, stems []string }) {
	c.cues = append(lang.RelatedClasses(), "yarpp", "crp")
	c.stems = classStems(append([]string{"related"}, c.cues...))
	return c
})

// classStems returns the longest dash-separated word of each cue, once.
func classStems(cues []string) []string {
	var stems []string
	for _, c := range cues {
		stem := ""
		for _, w := range strings.Split(c, "-") {
			if len(w) > len(stem) {
				stem = w
			}
		}
		if !slices.Contains(stems, stem) {
			stems = append(stems, stem)
		}
	}
	return stems
}

// Links in a teaser that are its byline or label, not the article it announces: by their
// address path (an author's, a tag's or a section's page) or their class.
var (
	authorPathRe  = regexp.MustCompile(`(?i)^/(?:author|authors|auteur|auteurs|journaliste|journalistes|profil|profile|people)/[^/]+/?$`)
	labelPathRe   = regexp.MustCompile(`(?i)^/(?:tag|tags|category|categories|categorie|rubrique|rubriques|theme|themes|topic|topics|section)/[^/]+/?$`)
	authorClassRe = regexp.MustCompile(`(?i)author|byline|auteur|signature`)
	labelClassRe  = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:tags?|categor\w*|rubrique|section|kicker|label|cat)(?:$|[-_\s])`)
)

// relatedFind holds the state of one search for related blocks.
type relatedFind struct {
	p       *htmlPage
	claimed map[*html.Node]bool
	roots   []*html.Node // what leaves the page, in document order
	seen    map[string]int
}

// findRelated finds the page's related blocks (by heading, by container cue) and its inline
// "Lire aussi : <a>" paragraphs, turns their links into teasers and removes them from the
// page, so that the extractor sees only the article.
func (p *htmlPage) findRelated() {
	f := &relatedFind{p: p, claimed: map[*html.Node]bool{}, seen: map[string]int{}}
	body := findBody(p.doc)
	if body == nil {
		return
	}
	walkElements(body, func(n *html.Node) bool {
		if f.claimed[n] {
			return false
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.A, atom.Head:
			return false
		}
		if f.byCue(n) || f.byHeading(n) || f.inline(n) {
			return false
		}
		return true
	})
	for _, r := range f.roots {
		if r.Parent != nil {
			r.Parent.RemoveChild(r)
		}
	}
}

// findBody returns the page's <body>.
func findBody(doc *html.Node) *html.Node {
	var body *html.Node
	walkElements(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Body && body == nil {
			body = n
		}
		return body == nil
	})
	return body
}

// claim records nodes as one related block, and reads its teasers.
func (f *relatedFind) claim(nodes []*html.Node, heading string) {
	for _, n := range nodes {
		f.claimed[n] = true
		f.roots = append(f.roots, n)
	}
	if heading != "" {
		f.p.a.Dropped = append(f.p.a.Dropped, article.Dropped{Line: heading, Reason: ReasonRelatedHeading})
	}
	f.teasers(nodes)
}

// byCue claims a container whose class, id, rel or ARIA label says it holds related
// articles, when it reads as a list of teasers.
func (f *relatedFind) byCue(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Body, atom.Main, atom.Span, atom.Img, atom.Time, atom.Strong, atom.Em, atom.B, atom.I:
		return false
	}
	label := attr(n, "aria-label")
	cue := f.p.m.isRelatedHeading(label)
	for _, k := range []string{"class", "id", "rel", "data-component", "data-module"} {
		if !cue && hasRelatedCue(attr(n, k)) {
			cue = true
		}
	}
	if !cue || !f.isTeaserBlock(n) {
		return false
	}
	heading := ""
	walkElements(n, func(c *html.Node) bool {
		if heading == "" && isHeadingTag(c.DataAtom) {
			heading = collapse(textOf(c))
		}
		return heading == ""
	})
	if heading == "" && label != "" {
		heading = collapse(label)
	}
	f.claim([]*html.Node{n}, heading)
	return true
}

// hasRelatedCue reports whether a class, id or rel value names a related block.
func hasRelatedCue(v string) bool {
	if v == "" {
		return false
	}
	v = strings.ToLower(v)
	quick := false
	rc := relatedClasses()
	for _, w := range rc.stems {
		if strings.Contains(v, w) {
			quick = true
			break
		}
	}
	if !quick {
		return false
	}
	for _, c := range strings.Fields(strings.ReplaceAll(v, "_", "-")) {
		if strings.Contains(c, "related") && !strings.Contains(c, "unrelated") {
			return true
		}
		for _, cue := range rc.cues {
			if c == cue || strings.HasPrefix(c, cue+"-") || strings.HasSuffix(c, "-"+cue) || strings.Contains(c, "-"+cue+"-") {
				return true
			}
		}
	}
	return false
}

func isHeadingTag(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// headingLike are the elements that may print a block's heading.
var headingLike = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.P: true, atom.Div: true, atom.Span: true, atom.Strong: true, atom.B: true, atom.Em: true,
	atom.Header: true, atom.Legend: true, atom.Dt: true, atom.Summary: true, atom.Label: true,
	atom.Figcaption: true, atom.Caption: true,
}

// byHeading claims the block a related heading ("La rédaction vous conseille", "Related")
// opens: the smallest container around the heading that holds links besides it, when it
// reads as a list of teasers; else the heading and the siblings that follow it, up to the
// next heading or paragraph of body text.
func (f *relatedFind) byHeading(n *html.Node) bool {
	if !headingLike[n.DataAtom] {
		return false
	}
	text, ok := shortText(n, 60)
	if !ok || text == "" || !f.p.m.isRelatedHeading(text) || len(elements(n, atom.A)) > 0 {
		return false
	}
	cur := n
	for par := cur.Parent; par != nil && par.Type == html.ElementNode && par.DataAtom != atom.Body; par = cur.Parent {
		if f.linksOutside(par, n) > 0 {
			if f.isTeaserBlock(par) {
				f.claim([]*html.Node{par}, text)
				return true
			}
			break
		}
		cur = par
	}
	nodes := []*html.Node{cur}
	links := 0
	for s := cur.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
			continue
		}
		if s.Type != html.ElementNode && s.Type != html.TextNode {
			continue
		}
		if s.Type == html.ElementNode && (isHeadingTag(s.DataAtom) || f.p.m.isRelatedHeading(collapse(textOf(s)))) {
			break
		}
		in, out := wordsInLinks(s)
		if out >= 15 && out > 2*in {
			break // the body resumes
		}
		nodes = append(nodes, s)
		links += f.linksOutside(s, nil)
	}
	if links == 0 {
		// A heading over a list of titles without links: a teaser per item.
		if len(nodes) > 1 && (nodes[1].DataAtom == atom.Ul || nodes[1].DataAtom == atom.Ol) {
			f.claimed[cur], f.claimed[nodes[1]] = true, true
			f.roots = append(f.roots, cur, nodes[1])
			f.p.a.Dropped = append(f.p.a.Dropped, article.Dropped{Line: text, Reason: ReasonRelatedHeading})
			for _, li := range elements(nodes[1], atom.Li) {
				if t := collapse(textOf(li)); t != "" {
					f.add(article.Teaser{Title: t})
				}
			}
			return true
		}
		return false
	}
	f.claim(nodes, text)
	return true
}

// inline claims a paragraph such as "Lire aussi : <a>Le titre</a>" between body paragraphs:
// a cue, then links and nothing else.
func (f *relatedFind) inline(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Aside, atom.Blockquote, atom.Li, atom.H4, atom.H5, atom.H6, atom.Strong, atom.Section:
	default:
		return false
	}
	if hasBlockChild(n) {
		return false
	}
	text, ok := shortText(n, 300)
	if !ok || text == "" {
		return false
	}
	var links []*html.Node
	linkText := 0
	for _, a := range elements(n, atom.A) {
		if f.p.resolve(attr(a, "href")) != "" {
			links = append(links, a)
			linkText += len(collapse(textOf(a)))
		}
	}
	if len(links) == 0 {
		return false
	}
	first := collapse(textOf(links[0]))
	i := strings.Index(text, first)
	if i < 0 {
		return false
	}
	prefix := strings.TrimRight(text[:i], " :|»>›-–—")
	cue := false
	if _, ok := f.p.m.inlineTeaser(prefix + " : " + first); ok && prefix != "" {
		cue = true
	} else if prefix != "" && f.p.m.isRelatedHeading(prefix) {
		cue = true
	}
	// Besides the cue, the paragraph holds only its links.
	if !cue || len(text)-len(text[:i])-linkText > 3*len(links)+2 {
		return false
	}
	f.claimed[n] = true
	f.roots = append(f.roots, n)
	for _, a := range links {
		f.add(article.Teaser{Title: linkTitle(a), URL: f.p.resolve(attr(a, "href"))})
	}
	return true
}

// wordsInLinks counts the words of a node inside and outside its links.
func wordsInLinks(n *html.Node) (in, out int) {
	all := wordCount(textOf(n))
	for _, a := range elements(n, atom.A) {
		in += wordCount(textOf(a))
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		in = all
	}
	return in, all - in
}

// isTeaserBlock reports whether a container reads as a list of teasers: links to other
// pages, with little text besides them (a byline, a date, an excerpt), and not the page's
// headline.
func (f *relatedFind) isTeaserBlock(n *html.Node) bool {
	if f.linksOutside(n, nil) == 0 || len(elements(n, atom.H1)) > 0 {
		return false
	}
	in, out := wordsInLinks(n)
	return out <= 3*in+60 && out <= maxBlockWords && !hasBodyParagraph(n)
}

// A teaser block's text besides its links is bylines, dates and short excerpts: more words
// than maxBlockWords, or one paragraph of more than maxExcerptWords, is the article's.
const (
	maxBlockWords   = 400
	maxExcerptWords = 45
)

// hasBodyParagraph reports whether n holds a paragraph of body text: a leaf block with more
// than maxExcerptWords words outside links.
func hasBodyParagraph(n *html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if found || c.Type != html.ElementNode {
			return
		}
		if !hasBlockChild(c) && c.DataAtom != atom.A {
			if _, out := wordsInLinks(c); out > maxExcerptWords {
				found = true
			}
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return found
}

// linksOutside counts the links of n to other pages, outside the skip subtree, that may be
// teasers.
func (f *relatedFind) linksOutside(n, skip *html.Node) int {
	count := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c == skip {
			return
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			if f.teaserURL(c) != "" && !isMetaLink(c) {
				count++
			}
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return count
}

// teaserURL returns a link's absolute address, or "" for a link to the page itself or to
// nowhere.
func (f *relatedFind) teaserURL(a *html.Node) string {
	u := f.p.resolve(attr(a, "href"))
	if u == "" || f.p.a.Source.URL != "" && samePage(u, f.p.a.Source.URL) {
		return ""
	}
	return u
}

// samePage reports two addresses of one page, fragments aside.
func samePage(a, b string) bool {
	cut := func(s string) string {
		s, _, _ = strings.Cut(s, "#")
		return strings.TrimSuffix(s, "/")
	}
	return cut(a) == cut(b)
}

// isMetaLink reports a link to an author, tag or section page.
func isMetaLink(a *html.Node) bool {
	if isAuthorLink(a) {
		return true
	}
	rel := attr(a, "rel")
	if hasToken(rel, "tag") || hasToken(rel, "category") || labelClassRe.MatchString(attr(a, "class")) {
		return true
	}
	u, err := url.Parse(attr(a, "href"))
	return err == nil && labelPathRe.MatchString(u.Path)
}

// isAuthorLink reports a link to an author's page, or a byline printed as a link.
func isAuthorLink(a *html.Node) bool {
	if hasToken(attr(a, "rel"), "author") || authorClassRe.MatchString(attr(a, "class")) {
		return true
	}
	if u, err := url.Parse(attr(a, "href")); err == nil && authorPathRe.MatchString(u.Path) {
		return true
	}
	return teaserBylineRe.MatchString(collapse(textOf(a)))
}

// teasers reads one teaser per card of a related block: a card is the largest element
// around a link that holds no link to another page.
func (f *relatedFind) teasers(roots []*html.Node) {
	root := map[*html.Node]bool{}
	for _, r := range roots {
		root[r] = true
	}
	for _, r := range roots {
		for _, a := range elementsSelf(r, atom.A) {
			u := f.teaserURL(a)
			if u == "" || isMetaLink(a) {
				continue
			}
			card := a
			for !root[card] && card.Parent != nil && f.distinctURLs(card.Parent) <= 1 {
				card = card.Parent
			}
			f.add(f.readCard(card, a, u))
		}
	}
}

// elementsSelf returns n itself when it has the tag, and its descendants that have it.
func elementsSelf(n *html.Node, tag atom.Atom) []*html.Node {
	if n.Type == html.ElementNode && n.DataAtom == tag {
		return []*html.Node{n}
	}
	return elements(n, tag)
}

// distinctURLs counts the different teaser addresses under n.
func (f *relatedFind) distinctURLs(n *html.Node) int {
	seen := map[string]bool{}
	for _, a := range elementsSelf(n, atom.A) {
		if u := f.teaserURL(a); u != "" && !isMetaLink(a) {
			seen[u] = true
		}
	}
	return len(seen)
}

// readCard reads a teaser's title, author and date from its card.
func (f *relatedFind) readCard(card, link *html.Node, u string) article.Teaser {
	t := article.Teaser{URL: u}
	// The title: a heading around the link or inside it, else the link's text.
	for n := link.Parent; n != nil && n != card.Parent && t.Title == ""; n = n.Parent {
		if isHeadingTag(n.DataAtom) {
			t.Title = collapse(textOf(n))
		}
	}
	for _, h := range allElements(link) {
		if t.Title == "" && isHeadingTag(h.DataAtom) {
			t.Title = collapse(textOf(h))
		}
	}
	if t.Title == "" {
		for _, a := range elementsSelf(card, atom.A) {
			if f.teaserURL(a) == u {
				if s := linkTitle(a); len(s) > len(t.Title) {
					t.Title = s
				}
			}
		}
	}
	lang := f.p.meta.lang
	walkElements(card, func(n *html.Node) bool {
		switch {
		case n.DataAtom == atom.Time && t.Date.IsZero():
			if d, ok := parseDateValue(attr(n, "datetime"), lang); ok {
				t.Date = d
			} else if pub, upd, _, ok := dateLine(collapse(textOf(n)), lang); ok {
				t.Date = firstTime(pub, upd)
			}
			return false
		case t.Author == "" && (isBylineElement(n) || n.DataAtom == atom.A && isAuthorLink(n)):
			text := collapse(textOf(n))
			if sm := teaserBylineRe.FindStringSubmatch(text); sm != nil {
				t.Author = teaserAuthor(sm[1])
			} else if names := bylineNames(text, lang); len(names) > 0 {
				t.Author = strings.Join(names, ", ")
			}
			if t.Author != "" {
				return false
			}
		}
		return true
	})
	// Bylines and dates printed as plain lines of the card.
	for _, line := range cardLines(card) {
		if line == t.Title {
			continue
		}
		if sm := teaserBylineRe.FindStringSubmatch(line); sm != nil && t.Author == "" {
			t.Author = teaserAuthor(sm[1])
			continue
		}
		if pub, upd, names, ok := dateLine(line, lang); ok && t.Date.IsZero() {
			t.Date = firstTime(pub, upd)
			if t.Author == "" && len(names) > 0 {
				t.Author = strings.Join(names, ", ")
			}
		}
	}
	return t
}

// cardLines returns the texts of a card's leaf elements and loose text.
func cardLines(card *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			if t := collapse(n.Data); t != "" {
				out = append(out, t)
			}
			return
		}
		if n.Type == html.ElementNode && !hasBlockChild(n) && n.DataAtom != atom.Ul {
			if t := collapse(textOf(n)); t != "" {
				out = append(out, t)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(card)
	return out
}

func firstTime(a, b time.Time) time.Time {
	if a.IsZero() {
		return b
	}
	return a
}

// linkTitle returns the text a link shows, else its title or its image's alternative text.
func linkTitle(a *html.Node) string {
	if t := collapse(textOf(a)); t != "" {
		return strings.TrimRight(t, " »›>→")
	}
	if t := collapse(attr(a, "title")); t != "" {
		return t
	}
	for _, img := range elements(a, atom.Img) {
		if t := collapse(attr(img, "alt")); t != "" {
			return t
		}
	}
	return ""
}

// add records a teaser once per address; a repeat completes the first.
func (f *relatedFind) add(t article.Teaser) {
	if t.Title == "" || f.p.m.isRelatedHeading(t.Title) {
		return
	}
	if _, furniture := f.p.m.furnitureReason(t.Title); furniture {
		return
	}
	if t.URL != "" {
		if i, ok := f.seen[t.URL]; ok {
			have := &f.p.a.Related[i]
			if have.Author == "" {
				have.Author = t.Author
			}
			if have.Date.IsZero() {
				have.Date = t.Date
			}
			if len(t.Title) > len(have.Title) && have.Title == "" {
				have.Title = t.Title
			}
			return
		}
		f.seen[t.URL] = len(f.p.a.Related)
	}
	f.p.a.Related = append(f.p.a.Related, t)
}
