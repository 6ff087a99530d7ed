package bundle

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// nastyTexts are body texts that would turn into markup, links, shortcodes or front matter
// if they were not escaped.
var nastyTexts = []string{
	"<script>alert(1)</script> et <b>gras</b>",
	"<!-- un commentaire --> visible",
	"<img src=x onerror=alert(1)>",
	"[un lien](javascript:alert(1)) et ![img](x.png) et [ref] et [^1]",
	"<https://valmont.example/> et <anne@valmont.example>",
	"&lt;script&gt; &#x3C;b&#x3E; AT&amp;T &copy;",
	"{{< youtube id >}} et {{% note %}} et {{</* commentaire */>}} et {{ .Title }}",
	"---",
	"+++",
	"--- titre: piège ---",
	"## Notre avis {#sondage .rouge}",
	"Une entrée {.classe}",
	": une définition",
	"- [ ] une tâche",
	"1986. Une année",
	"2) second",
	"* * *",
	"=== titre",
	"a | b | c",
	"~~barré~~ et H~2~O et ==surligné== et ^exposant^",
	`C:\dossier\fichier et \* et \\`,
	"`code` et ``double``",
	"    indenté comme du code",
	"```go",
	"> pas une citation",
	"un *mot* et un _autre_ et __gras__",
	`il a dit "oui" et l'a fait -- avant... après`,
	"« Nous avons réaffirmé l’importance », a déclaré le maire.",
	"[[x]] et [x][y] et [x]: https://valmont.example/",
	"$$x$$ et \\(y\\)",
	":smile: :fr:",
	"<<guillemets>>",
}

// allowed reports whether an element may appear in the HTML of a block of kind k: the block's
// own elements, and links that Hugo's linkify makes of web and mail addresses in the text.
func allowed(k article.BlockKind, ordered bool, elem string) bool {
	switch {
	case strings.HasPrefix(elem, "a href=https://"), strings.HasPrefix(elem, "a href=http://"), strings.HasPrefix(elem, "a href=mailto:"):
		return true
	case k == article.Heading:
		return elem == "h2"
	case k == article.Quote:
		return elem == "blockquote" || elem == "p"
	case k == article.ListItem && ordered:
		return elem == "ol" || elem == "li"
	case k == article.ListItem:
		return elem == "ul" || elem == "li"
	}
	return elem == "p"
}

// checkRendersAsText renders one block of text through Markdown and Hugo's own converter:
// the page must show the text, and nothing but the block's own elements.
func checkRendersAsText(t *testing.T, text string, kind article.BlockKind, ordered bool) {
	t.Helper()
	src := Markdown([]article.Block{{Kind: kind, Text: text, Ordered: ordered}})
	if sc := shortcodes(t, src); len(sc) > 0 {
		t.Errorf("%s %q: Hugo finds shortcodes %q in %q", kind, text, sc, src)
	}
	got, elems := htmlText(hugoMarkdown(t, src))
	if want := strings.Join(strings.Fields(text), " "); got != want {
		t.Errorf("%s %q renders as the text %q (Markdown %q)", kind, text, got, src)
	}
	for _, e := range elems {
		if !allowed(kind, ordered, e) {
			t.Errorf("%s %q renders an element %q (Markdown %q)", kind, text, e, src)
		}
	}
}

// TestMarkdownRendersSameText renders every nasty text as every kind of block, through
// Hugo's own Markdown converter and page parser.
func TestMarkdownRendersSameText(t *testing.T) {
	for _, text := range nastyTexts {
		for _, k := range []article.BlockKind{article.Paragraph, article.Heading, article.Quote, article.ListItem} {
			checkRendersAsText(t, text, k, false)
		}
		checkRendersAsText(t, text, article.ListItem, true)
	}
}

// TestMarkdownImage writes an image whose address and caption hold Markdown, HTML and
// shortcode syntax: one image, with the address as given (percent-encoded), and the caption as
// text.
func TestMarkdownImage(t *testing.T) {
	for src, want := range map[string]string{
		"photo.jpg": "photo.jpg",
		"https://valmont.example/photos/le port (1).jpg?taille=2&x=%C3%A9": "https://valmont.example/photos/le%20port%20%281%29.jpg?taille=2&x=%C3%A9",
		"x.png)\n\n{{< youtube id >}}\n\n<script>alert(1)</script>":        "x.png%29%0A%0A%7B%7B%3C%20youtube%20id%20%3E%7D%7D%0A%0A%3Cscript%3Ealert%281%29%3C/script%3E",
		"a b\"c'<d>{{e}}\\[f]*g*_h_`i`":                                    "a%20b%22c%27%3Cd%3E%7B%7Be%7D%7D%5C%5Bf%5D%2Ag%2A_h_%60i%60",
		"photo-été.jpg":                                                    "photo-%C3%A9t%C3%A9.jpg",
	} {
		md := Markdown([]article.Block{{Kind: article.Image, Text: "Le [port] <b>", Src: src, Caption: "Photo {{% x %}} *DR*"}})
		if sc := shortcodes(t, md); len(sc) > 0 {
			t.Errorf("image %q: Hugo finds shortcodes %q in %q", src, sc, md)
		}
		got, elems := htmlText(hugoMarkdown(t, md))
		if got != "Photo {{% x %}} *DR*" {
			t.Errorf("image %q: text %q", src, got)
		}
		if len(elems) != 2 || elems[0] != "p" || elems[1] != "img src="+want+" alt=Le [port] <b>" {
			t.Errorf("image %q renders %q (Markdown %q)", src, elems, md)
		}
	}
}

// FuzzMarkdown renders any text as any kind of block: the page shows the text as text (white
// space collapsed), with no element of its own and no shortcode. Control characters are
// left out: the readers remove them before a text reaches Markdown.
func FuzzMarkdown(f *testing.F) {
	for _, s := range nastyTexts {
		f.Add(s, uint8(0))
	}
	kinds := []article.BlockKind{article.Paragraph, article.Heading, article.Quote, article.ListItem, article.ListItem}
	f.Fuzz(func(t *testing.T, text string, kind uint8) {
		if !utf8.ValidString(text) || strings.ContainsFunc(text, func(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) }) {
			return
		}
		k := int(kind) % len(kinds)
		checkRendersAsText(t, text, kinds[k], k == len(kinds)-1)
	})
}

// TestMarkdownHTMLReaderHeading writes an HTML reader's heading whose text ends in what Hugo
// reads as heading attributes: the page shows the braces as text, and the heading has none.
func TestMarkdownHTMLReaderHeading(t *testing.T) {
	text := "Notre avis {#sondage .rouge}"
	md := Markdown([]article.Block{{Kind: article.Heading, Text: text, Markdown: "## " + text}})
	got, elems := htmlText(hugoMarkdown(t, md))
	if got != text {
		t.Errorf("heading renders as the text %q (Markdown %q)", got, md)
	}
	if len(elems) != 1 || elems[0] != "h2" {
		t.Errorf("heading renders %q (Markdown %q)", elems, md)
	}
}
