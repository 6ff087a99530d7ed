package scrape

import (
	"bytes"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/spf13/afero"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// htmlPage holds the state of one HTML read.
type htmlPage struct {
	name string   // the scrape's path
	fsys afero.Fs // the scrape's file system, nil for a JSON record: images are then remote
	root string   // the folder the scrape was found under, if known (Options.Root)
	m    *matcher
	meta *meta
	doc  *html.Node
	// base is the address relative links resolve against (the page's <base>, else the
	// address of its file in a mirror, else its own address); nil when none is known.
	base *url.URL
	// figures holds the caption and credit of each figure's image, by resolved address.
	figures map[string]figure
	// leaves maps the text of each leaf block of the page (a block element without block
	// children) to the element, and images to the images that follow each leaf, up to the
	// next one: the extractor's blocks find their links and images there.
	leaves map[string]*html.Node
	images map[*html.Node][]*html.Node
	// pending is the leaf of the block being added, whose images follow it.
	pending *html.Node
	a       article.Article
}

// ReadHTML reads an HTML page; name is recorded as its source path. Its images are kept as
// addresses: Read also finds those a mirror holds next to the page.
func ReadHTML(name string, data []byte, opts Options) article.Article {
	return readHTML(nil, name, data, opts.matcher(), nil)
}

// readHTML reads an HTML page into an Article: kiosque finds and removes the related blocks
// first (go-trafilatura would delete most of them, and knows no French cue), then
// go-trafilatura extracts the body, whose blocks html-to-markdown renders; the metadata comes
// from the sidecar or record (md, may be nil), then the page's structured data, then
// go-trafilatura, then the text cues of the page's own lines.
func readHTML(fsys afero.Fs, name string, data []byte, m *matcher, md *meta) article.Article {
	return readPage(&htmlPage{name: name, fsys: fsys, m: m, meta: md}, data)
}

// readHTMLFile reads an HTML page of fsys, which may be a page of a mirror under opts.Root.
func readHTMLFile(fsys afero.Fs, name string, data []byte, opts Options, md *meta) article.Article {
	return readPage(&htmlPage{name: name, fsys: fsys, root: opts.Root, m: opts.matcher(), meta: md}, data)
}

// readPage reads the page p is set up for, from its bytes (see readHTML).
func readPage(p *htmlPage, data []byte) article.Article {
	name := p.name
	if p.meta == nil {
		p.meta = &meta{}
	}
	doc, err := html.Parse(strings.NewReader(decodeHTML(data)))
	if err != nil { // only a reader's error: a string reader has none
		doc = &html.Node{Type: html.DocumentNode}
	}
	p.doc = doc
	sd := readStructured(doc)
	p.setBase(sd)
	p.findRelated()
	p.collectFigures()
	p.indexLeaves()
	// Without its images and links, the extractor keeps the article's text best: with
	// images it keeps their captions as paragraphs, with links it moves their text. The
	// blocks find both on the page's own elements (indexLeaves).
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     p.base,
		ExcludeComments: true,
		// The fast date search only: the extensive one runs go-dateparser, which comes
		// along with go-htmldate but which kiosque never calls (see the README).
		HtmlDateMode: trafilatura.Fast,
	})
	if err != nil {
		res = nil // no body: the metadata may still name the article
	}
	if res != nil && res.ContentNode != nil {
		p.readBody(res.ContentNode)
	}
	p.applyMetadata(sd, res)
	p.a.Source.Path, p.a.Source.Format, p.a.Source.SHA256 = name, "html", digest(data)
	return p.a
}

// decodeHTML returns a page as UTF-8. A byte order mark wins; then a page that is valid
// UTF-8 is UTF-8 whatever it declares (pages often keep the charset of an older template);
// else the charset its <meta> declares; else Windows-1252, the superset of ISO-8859-1 that
// French and English pages without a declaration use.
func decodeHTML(data []byte) string {
	if bytes.HasPrefix(data, utf8BOM) {
		return strings.ToValidUTF8(string(data[len(utf8BOM):]), "\uFFFD")
	}
	enc, name, _ := charset.DetermineEncoding(data, "")
	// Seven-bit and sixteen-bit charsets can pass for UTF-8: believe them.
	if !strings.HasPrefix(name, "iso-2022") && !strings.HasPrefix(name, "utf-16") {
		switch {
		case utf8.Valid(data):
			return string(data)
		case name == "utf-8" && mostlyUTF8(data):
			return strings.ToValidUTF8(string(data), "\uFFFD")
		case name == "utf-8":
			enc = charmap.Windows1252
		}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return string(out)
}

// mostlyUTF8 reports whether the bytes above ASCII mostly form UTF-8 sequences: a UTF-8 page
// with a few stray bytes, rather than a Windows-1252 page that declares UTF-8.
func mostlyUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		data = data[size:]
	}
	return valid > invalid
}

// setBase finds the page's address and the base its links resolve against.
func (p *htmlPage) setBase(sd structured) {
	page := p.meta.url
	if page == "" {
		page = sd.url
	}
	if u, err := url.Parse(page); err == nil && u.IsAbs() {
		p.a.Source.URL = page
		p.base = u
	}
	// A mirror's links lead to its files, relative to the page's own file: they resolve
	// against its file's address, which is the page's address when it names none.
	if p.fsys != nil {
		if m := mirrorAddress(p.name, p.root); m != nil {
			switch {
			case p.a.Source.URL == "":
				p.a.Source.URL = m.String()
			case article.URLKey(p.a.Source.URL) != article.URLKey(m.String()):
				p.a.Source.Mirror = m.String()
			}
			p.base = m
		}
	}
	if sd.base != "" {
		if b, err := url.Parse(sd.base); err == nil {
			if p.base != nil {
				b = p.base.ResolveReference(b)
			}
			if b.IsAbs() {
				p.base = b
			}
		}
	}
}

// resolve returns a link of the page made absolute against its base, or as written when the
// base is unknown; "" for links that lead nowhere (fragments, scripts, mail).
func (p *htmlPage) resolve(href string) string {
	href = strings.TrimSpace(href)
	low := strings.ToLower(href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(low, "javascript:") || strings.HasPrefix(low, "mailto:") || strings.HasPrefix(low, "data:") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if p.base != nil {
		u = p.base.ResolveReference(u)
	}
	return u.String()
}

// mdConverter renders body elements as Markdown: CommonMark and tables. Images are left
// out: they are blocks of their own.
var mdConverter = func() *converter.Converter {
	c := converter.NewConverter(converter.WithPlugins(base.NewBasePlugin(), commonmark.NewCommonmarkPlugin(), table.NewTablePlugin()))
	c.Register.Renderer(func(_ converter.Context, _ converter.Writer, n *html.Node) converter.RenderStatus {
		if n.Type == html.ElementNode && n.Data == "img" {
			return converter.RenderSuccess
		}
		return converter.RenderTryNext
	}, converter.PriorityEarly)
	return c
}()

// markdown renders one element as Markdown, its links absolute, and Hugo's shortcode opener
// "{{" escaped.
func (p *htmlPage) markdown(n *html.Node) string {
	var opts []converter.ConvertOptionFunc
	if p.base != nil {
		opts = append(opts, converter.WithDomain(p.base.String()))
	}
	md, err := mdConverter.ConvertNode(n, opts...)
	if err != nil {
		return ""
	}
	return strings.ReplaceAll(strings.TrimSpace(string(md)), "{{", `{\{`)
}

// readBody turns go-trafilatura's extracted tree into body blocks.
func (p *htmlPage) readBody(root *html.Node) {
	// The extractor creates elements by name only: give them their atom.
	walkElements(root, func(n *html.Node) bool {
		if n.DataAtom == 0 {
			n.DataAtom = atom.Lookup([]byte(n.Data))
		}
		return true
	})
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		p.block(c)
	}
	p.dropCaptionRepeats()
}

// block adds the blocks of one node of the extracted tree.
func (p *htmlPage) block(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if t := collapse(n.Data); t != "" {
			p.add(article.Block{Kind: article.Paragraph, Text: t, Markdown: escapeLoose(t)})
		}
		return
	case html.ElementNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Summary:
		if b, ok := p.textBlock(article.Heading, n); ok {
			if b.Markdown != "" {
				b.Markdown = headingMarker(n.DataAtom) + strings.TrimLeft(b.Markdown, "# ")
			}
			p.add(b)
		}
	case atom.Ul, atom.Ol, atom.Dl:
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			if li.Type != html.ElementNode {
				if t := collapse(textOf(li)); t != "" {
					p.add(article.Block{Kind: article.ListItem, Text: t, Markdown: "- " + escapeLoose(t)})
				}
				continue
			}
			for _, img := range elements(li, atom.Img) {
				p.addImage(img)
				img.Parent.RemoveChild(img)
			}
			marker := "- "
			if n.DataAtom == atom.Ol {
				marker = "1. "
			}
			if b, ok := p.textBlock(article.ListItem, li); ok {
				b.Ordered = n.DataAtom == atom.Ol
				if b.Markdown != "" {
					b.Markdown = marker + strings.ReplaceAll(b.Markdown, "\n", "\n"+strings.Repeat(" ", len(marker)))
				}
				p.add(b)
			}
		}
	case atom.Blockquote, atom.Q:
		p.addText(article.Quote, n)
	case atom.Table:
		p.addTable(n)
	case atom.Img:
		p.addImage(n)
	case atom.Br, atom.Hr:
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Figure, atom.Span, atom.Dd, atom.Dt, atom.Pre:
		if hasBlockChild(n) {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				p.block(c)
			}
			return
		}
		for _, img := range elements(n, atom.Img) {
			p.addImage(img)
			img.Parent.RemoveChild(img)
		}
		p.addText(article.Paragraph, n)
	default:
		p.addText(article.Paragraph, n)
	}
}

// addText adds an element as one block of the kind, if it has text.
func (p *htmlPage) addText(kind article.BlockKind, n *html.Node) {
	if b, ok := p.textBlock(kind, n); ok {
		p.add(b)
	}
}

// textBlock returns an element as a block of the kind: its text, and its Markdown.
func (p *htmlPage) textBlock(kind article.BlockKind, n *html.Node) (article.Block, bool) {
	// The extractor drops the spaces around inline elements: its pieces of text are words
	// apart, unless the page's own element (below) says otherwise.
	t := collapse(spacedText(n))
	if t == "" {
		return article.Block{}, false
	}
	src := n
	if leaf := p.leaves[leafKey(t)]; leaf != nil {
		src = leaf
		p.pending = leaf
		t = collapse(textOf(leaf)) // the extractor drops the spaces around inline elements
	}
	if !hasElementChild(src) {
		// Plain text: the bundle writer escapes it and adds the block's marker.
		return article.Block{Kind: kind, Text: t}, true
	}
	md := p.markdown(src)
	if md == "" {
		md = escapeLoose(t)
	}
	return article.Block{Kind: kind, Text: t, Markdown: md}, true
}

// hasElementChild reports whether n holds elements (links, emphasis), not text alone.
func hasElementChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// leafKey is a text without its spaces: the extractor's blocks lose some ("<b>X</b> dit"
// gives "Xdit"), so blocks and the page's elements are matched without them.
func leafKey(t string) string {
	if !strings.ContainsFunc(t, unicode.IsSpace) {
		return t // no copy of a text without spaces
	}
	return strings.Join(strings.Fields(t), "")
}

// indexLeaves maps the text of each leaf block of the page to its element, and each leaf
// to the images inside it and after it, up to the next leaf.
func (p *htmlPage) indexLeaves() {
	p.leaves, p.images = map[string]*html.Node{}, map[*html.Node][]*html.Node{}
	body := findBody(p.doc)
	if body == nil {
		return
	}
	var last *html.Node
	walkElements(body, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Nav, atom.Footer, atom.Form, atom.Select, atom.Button:
			return false
		case atom.Img:
			if last != nil {
				p.images[last] = append(p.images[last], n)
			}
			return false
		}
		if hasBlockChild(n) || n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption || captionClassRe.MatchString(attr(n, "class")) {
			return true // a caption is not a leaf: its image follows the text before it
		}
		t := collapse(textOf(n))
		if t == "" {
			return true
		}
		if k := leafKey(t); p.leaves[k] == nil {
			p.leaves[k] = n
		}
		last = n
		return true // images inside the leaf follow it
	})
}

// addImagesAfter adds the images that follow a leaf block of the page.
func (p *htmlPage) addImagesAfter(leaf *html.Node) {
	for _, img := range p.images[leaf] {
		p.addImage(img)
	}
}

// headingMarker keeps a subheading's level under the page's title: h1 and h2 become "## ".
func headingMarker(tag atom.Atom) string {
	switch tag {
	case atom.H3:
		return "### "
	case atom.H4, atom.H5, atom.H6:
		return "#### "
	}
	return "## "
}

// add appends a block, unless it repeats the one before it (the extractor's baseline, on a
// short page, gives its paragraphs twice).
func (p *htmlPage) add(b article.Block) {
	if n := len(p.a.Body); n > 0 && b.Kind != article.Image && p.a.Body[n-1].Kind == b.Kind && p.a.Body[n-1].Text == b.Text {
		p.pending = nil
		return
	}
	p.a.Body = append(p.a.Body, b)
	if leaf := p.pending; leaf != nil && b.Kind != article.Image {
		p.pending = nil
		p.addImagesAfter(leaf)
	}
}

// addTable adds a table: its rows as plain text, the table itself as Markdown.
func (p *htmlPage) addTable(n *html.Node) {
	var rows []string
	for _, tr := range elements(n, atom.Tr) {
		var cells []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				if t := collapse(textOf(c)); t != "" {
					cells = append(cells, t)
				}
			}
		}
		if len(cells) > 0 {
			rows = append(rows, strings.Join(cells, " "))
		}
	}
	if len(rows) == 0 {
		return
	}
	p.add(article.Block{Kind: article.Table, Text: strings.Join(rows, "\n"), Markdown: p.markdown(n)})
}

// cleanBody removes from the body what the extractor kept of the page's head and foot:
// the headline, the byline and date lines, a signature on the last line, and furniture
// lines (share buttons, "Lire la suite").
func (p *htmlPage) cleanBody(lang string) {
	title := foldCue(p.a.Title)
	var out []article.Block
	text := 0
	for i, b := range p.a.Body {
		if b.Kind == article.Image {
			out = append(out, b)
			continue
		}
		text++
		head, foot := text <= 5, i >= len(p.a.Body)-2
		switch {
		case head && title != "" && repeatsTitle(foldCue(b.Text), title, b.Kind == article.Heading):
			continue
		case (head || foot) && isBylineOrDate(b.Text, lang):
			continue
		case i == len(p.a.Body)-1 && text > 1 && isSignature(b.Text):
			continue
		case b.Kind == article.Paragraph && utf8.RuneCountInString(b.Text) <= 80:
			if reason, ok := p.m.furnitureReason(b.Text); ok {
				p.a.Dropped = append(p.a.Dropped, article.Dropped{Line: b.Text, Reason: reason})
				continue
			}
		}
		out = append(out, b)
	}
	p.a.Body = out
}

// repeatsTitle reports a block that prints the page's title: the same text, or for a
// heading, the title with or without the site's name after it.
func repeatsTitle(block, title string, heading bool) bool {
	if block == title {
		return true
	}
	if !heading || wordCount(block) < 3 {
		return false
	}
	return strings.HasPrefix(title, block) || strings.HasPrefix(block, title)
}

// isBylineOrDate reports a line that reads as the article's byline or its dates.
func isBylineOrDate(line, lang string) bool {
	if _, ok := articleByline(line, lang); ok {
		return true
	}
	_, _, _, ok := dateLine(line, lang)
	return ok
}

// hasBlockChild reports whether an element holds block-level elements.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Blockquote, atom.H1, atom.H2,
			atom.H3, atom.H4, atom.H5, atom.H6, atom.Section, atom.Article, atom.Figure, atom.Pre:
			return true
		}
	}
	return false
}

// escapeLoose escapes loose text for Markdown when the converter had no element to render.
func escapeLoose(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, "`", "\\`", "{{", `{\{`).Replace(s)
}

// spaced are the elements whose text is apart from the text around them.
var spaced = map[atom.Atom]bool{
	atom.Br: true, atom.P: true, atom.Div: true, atom.Li: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Dd: true,
	atom.Dt: true, atom.Blockquote: true, atom.Figcaption: true, atom.Section: true, atom.Article: true,
	atom.Ul: true, atom.Ol: true, atom.Table: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Img: true, atom.Hr: true, atom.Pre: true,
}

// spacedText returns the text of a node with a space between its pieces of text.
func spacedText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// textOf returns the text of a node and its descendants, scripts and styles left out.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return
			}
			if spaced[n.DataAtom] {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// shortText returns the collapsed text of a node when it has at most limit runes, and false
// for a longer one, without reading more of a long node than the limit: the related-block
// and byline searches ask it of every element.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	over := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if over {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			if b.Len() > 8*limit+64 {
				over = true
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return
			}
			if spaced[n.DataAtom] {
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil && !over; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if over {
		return "", false
	}
	t := collapse(b.String())
	return t, utf8.RuneCountInString(t) <= limit
}

// collapse trims a text and folds its runs of spaces, no-break spaces included, to one.
func collapse(s string) string {
	if collapsed(s) {
		return s // no copy of a text collapsed already, as most are
	}
	// strings.Join(strings.Fields(s), " ") in one pass: each word's bytes as they are, one
	// space between words where Fields cuts (unicode.IsSpace).
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(c) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// collapsed reports whether collapse(s) is s: its spaces are single ASCII spaces, between
// words.
func collapsed(s string) bool {
	space := true // before the first word
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return false
			}
			space = true
			continue
		}
		space = false
	}
	return !space || s == ""
}

// elements returns the descendants of n with the tag, in document order.
func elements(n *html.Node, tag atom.Atom) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == tag {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// attr returns an element's attribute, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
