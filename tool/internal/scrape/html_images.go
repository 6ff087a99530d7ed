package scrape

import (
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// figure is the caption and credit a <figure> gives its image.
type figure struct{ caption, credit string }

// creditClassRe matches the class of the element that holds a photo credit.
var creditClassRe = regexp.MustCompile(`(?i)credit|copyright|source|photographer|author`)

// creditTextRe matches a credit printed inside a caption: "© Jean Morel", "Photo : X".
var creditTextRe = regexp.MustCompile(`(?i)\s*(?:©|\(c\)|crédits?(?: photo)?\s*:|photo\s*:|photos\s*:|credit\s*:|image\s*:)\s*(.+)$`)

// captionClassRe matches the class of a caption (WordPress's "wp-caption-text", "legende")
// and figureClassRe the class of the container that groups an image with its caption.
var (
	captionClassRe = regexp.MustCompile(`(?i)caption|legende|légende|legend`)
	figureClassRe  = regexp.MustCompile(`(?i)caption|figure|image|photo|media|illustration`)
)

// creditWordRe matches the word that introduces a credit: "Photo", "Crédit :", "©".
var creditWordRe = regexp.MustCompile(`(?i)^\s*(?:©|\(c\)|photos?|crédits?(?: photo)?|credits?|image)\s*:?\s*`)

// collectFigures reads the caption and credit of every image the page captions: a
// <figure> with its <figcaption>, or a container such as WordPress's "wp-caption" with an
// element whose class says caption. It runs before the extractor, which keeps images but
// prints their captions as paragraphs, or drops them.
func (p *htmlPage) collectFigures() {
	p.figures = map[string]figure{}
	for _, img := range elements(p.doc, atom.Img) {
		src := p.resolve(imageSrc(img))
		if src == "" {
			continue
		}
		box := img.Parent
		for i := 0; i < 3 && box != nil && box.DataAtom != atom.Figure && !figureClassRe.MatchString(attr(box, "class")); i++ {
			box = box.Parent
		}
		if box == nil || box.DataAtom != atom.Figure && !figureClassRe.MatchString(attr(box, "class")) {
			continue
		}
		if cap := captionOf(box); cap != nil {
			p.figures[src] = readCaption(cap)
		}
	}
}

// captionOf returns the caption element of a figure: its <figcaption>, or an element whose
// class says caption and that holds no image.
func captionOf(box *html.Node) *html.Node {
	var found *html.Node
	walkElements(box, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		if n.DataAtom == atom.Figcaption || captionClassRe.MatchString(attr(n, "class")) && len(elements(n, atom.Img)) == 0 && n.DataAtom != atom.Img {
			found = n
			return false
		}
		return true
	})
	return found
}

// readCaption splits a caption into its text and its credit.
func readCaption(cap *html.Node) figure {
	var f figure
	full := collapse(textOf(cap))
	for _, c := range allElements(cap) {
		if creditClassRe.MatchString(attr(c, "class")) {
			f.credit = collapse(textOf(c))
			break
		}
	}
	f.caption = full
	if f.credit != "" {
		f.caption = collapse(strings.Replace(full, f.credit, "", 1))
	} else if m := creditTextRe.FindStringSubmatchIndex(full); m != nil {
		f.credit = strings.TrimSpace(full[m[2]:m[3]])
		f.caption = strings.TrimSpace(full[:m[0]])
	}
	f.caption = strings.TrimRight(f.caption, " -–—|/")
	f.credit = strings.TrimSpace(creditWordRe.ReplaceAllString(f.credit, ""))
	return f
}

// allElements returns n's descendant elements in document order.
func allElements(n *html.Node) []*html.Node {
	var out []*html.Node
	walkElements(n, func(c *html.Node) bool {
		out = append(out, c)
		return true
	})
	return out
}

// imageSrc returns the address of an <img>: its src, or the address lazy loading keeps in
// a data attribute or srcset while src holds a placeholder.
func imageSrc(n *html.Node) string {
	src := strings.TrimSpace(attr(n, "src"))
	if src == "" || strings.HasPrefix(src, "data:") {
		for _, k := range []string{"data-src", "data-lazy-src", "data-original", "data-url"} {
			if v := strings.TrimSpace(attr(n, k)); v != "" {
				return v
			}
		}
		if ss := strings.TrimSpace(attr(n, "srcset")); ss != "" {
			return strings.Fields(ss)[0]
		}
		return ""
	}
	return src
}

// isPixel reports an image that is a tracking pixel or a spacer: one or two pixels wide or
// high.
func isPixel(n *html.Node) bool {
	for _, k := range []string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSuffix(attr(n, k), "px")); err == nil && v <= 2 {
			return true
		}
	}
	return false
}

// addImage adds an image of the extracted tree as an image block.
func (p *htmlPage) addImage(n *html.Node) {
	raw := imageSrc(n)
	src := p.resolve(raw)
	if src == "" || isPixel(n) {
		return
	}
	for _, b := range p.a.Body {
		if b.Kind == article.Image && b.Src == src {
			return
		}
	}
	f := p.figures[src]
	p.add(article.Block{Kind: article.Image, Src: src, Text: collapse(attr(n, "alt")), Caption: f.caption, Credit: f.credit, File: p.localFile(raw, src)})
}

// setLeadImage sets the lead image: the page's og:image (or JSON-LD image), else an image
// that opens the body. The lead image leaves the body, where it would show twice.
func (p *htmlPage) setLeadImage(raw, alt string) {
	src := p.resolve(raw)
	if src == "" {
		for i, b := range p.a.Body {
			if i > 1 {
				break
			}
			if b.Kind == article.Image {
				src = b.Src
				break
			}
		}
	}
	if src == "" {
		return
	}
	lead := article.Block{Kind: article.Image, Src: src, Text: alt, File: p.localFile(raw, src)}
	if f, ok := p.figures[src]; ok {
		lead.Caption, lead.Credit = f.caption, f.credit
	}
	body := p.a.Body[:0]
	for _, b := range p.a.Body {
		if b.Kind == article.Image && sameImage(b.Src, src) {
			if lead.Text == "" {
				lead.Text = b.Text
			}
			if lead.File == "" {
				lead.File = b.File
			}
			if lead.Caption == "" {
				lead.Caption, lead.Credit = b.Caption, b.Credit
			}
			continue
		}
		body = append(body, b)
	}
	p.a.Body = body
	p.a.Image = lead
}

// sameImage reports two addresses of one image, whatever their query (sizes, crops).
func sameImage(a, b string) bool {
	cut := func(s string) string {
		s, _, _ = strings.Cut(s, "?")
		return s
	}
	return cut(a) == cut(b)
}

// dropCaptionRepeats removes the paragraphs that repeat the caption or the description of
// the image beside them: the extractor keeps a figure's caption as a paragraph.
func (p *htmlPage) dropCaptionRepeats() {
	var out []article.Block
	for i, b := range p.a.Body {
		if (b.Kind == article.Paragraph || b.Kind == article.ListItem) && (p.repeatsImage(b.Text, i-1) || p.repeatsImage(b.Text, i+1)) {
			continue
		}
		out = append(out, b)
	}
	p.a.Body = out
}

// repeatsImage reports whether text repeats the caption or alternative text of the image
// block at j.
func (p *htmlPage) repeatsImage(text string, j int) bool {
	if j < 0 || j >= len(p.a.Body) || p.a.Body[j].Kind != article.Image {
		return false
	}
	im := p.a.Body[j]
	for _, c := range []string{im.Caption, im.Text, strings.TrimSpace(im.Caption + " " + im.Credit)} {
		if c == "" {
			continue
		}
		// The caption itself, a part of it, or the caption followed by a short credit.
		if text == c || utf8.RuneCountInString(text) >= 20 && strings.Contains(c, text) ||
			strings.HasPrefix(text, c) && utf8.RuneCountInString(text)-utf8.RuneCountInString(c) <= 40 {
			return true
		}
	}
	return false
}

// localFile returns the file of an image in the scrape's folder, when the page comes from a
// mirror that holds it: a relative address next to the page, or an address on the page's
// host under the mirror's root (the folder named after the host, or the folder the page's
// own address path starts from).
func (p *htmlPage) localFile(raw, resolved string) string {
	if p.fsys == nil {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	exists := func(name string) bool {
		fi, err := p.fsys.Stat(name)
		return err == nil && !fi.IsDir()
	}
	dir := filepath.Dir(p.name)
	if !u.IsAbs() && u.Host == "" && u.Path != "" && !strings.HasPrefix(u.Path, "/") {
		if f := filepath.Join(dir, filepath.FromSlash(path.Clean(u.Path))); exists(f) {
			return f
		}
	}
	r, err := url.Parse(resolved)
	if err != nil || r.Path == "" {
		return ""
	}
	for _, root := range p.mirrorRoots(r.Host) {
		if f := filepath.Join(root, filepath.FromSlash(path.Clean("/"+r.Path))); exists(f) {
			return f
		}
	}
	return ""
}

// mirrorRoots returns the folders a mirror of host may start from: each ancestor of the page
// named after the host (with or without "www."), and the folder the page's own address path
// starts from.
func (p *htmlPage) mirrorRoots(host string) []string {
	var roots []string
	bare := strings.TrimPrefix(strings.ToLower(host), "www.")
	for d := filepath.Dir(p.name); d != "." && d != string(filepath.Separator) && d != ""; d = filepath.Dir(d) {
		if b := strings.TrimPrefix(strings.ToLower(filepath.Base(d)), "www."); b == bare && bare != "" {
			roots = append(roots, d)
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if p.base != nil && strings.TrimPrefix(strings.ToLower(p.base.Host), "www.") == bare {
		page := p.base.Path
		if page == "" || strings.HasSuffix(page, "/") {
			page += "index.html"
		}
		name := filepath.ToSlash(p.name)
		if strings.HasSuffix(name, page) {
			roots = append(roots, filepath.FromSlash(strings.TrimSuffix(name, page)))
		}
	}
	return roots
}
