package bundle

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// TestEscapeTextRendersSameText renders escaped scraped text with goldmark, configured like
// Hugo's default (GFM and typographer), and expects the very same text back.
func TestEscapeTextRendersSameText(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer))
	for _, c := range []struct{ name, text string }{
		{"list dash", "- by Jean Eckian"},
		{"ordered list", "1. Premier point"},
		{"ordered list paren", "2) second"},
		{"heading", "# Pas un titre"},
		{"emphasis", "un *mot* et un _autre_"},
		{"raw html", "<script>alert(1)</script> et <b>gras</b>"},
		{"link", "[lien](page.html) et ![img](x.png) et [ref]"},
		{"entity", "AT&amp;T &copy;"},
		{"code", "le `code` ici"},
		{"quotes", `il a dit "oui" et l'a fait`},
		{"dashes and dots", "avant -- après... fin"},
		{"blockquote", "> pas une citation"},
		{"thematic break", "***"},
		{"setext", "=== titre"},
		{"table pipe", "a | b | c"},
		{"strikethrough", "~~barré~~"},
		{"backslash", `C:\dossier\fichier`},
		{"plus", "+ plus"},
		{"shortcode", "{{< youtube id >}} et {{% note %}}"},
		{"french", "« Nous avons réaffirmé l’importance », a déclaré Poutine."},
	} {
		var buf bytes.Buffer
		if err := md.Convert([]byte(escapeText(c.text)), &buf); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got := strings.TrimSpace(buf.String())
		want := "<p>" + html.EscapeString(c.text) + "</p>"
		// goldmark writes quotes unescaped in text.
		want = strings.NewReplacer("&#34;", "&quot;", "&#39;", "'").Replace(want)
		if got != want {
			t.Errorf("%s: %q renders as %s, want %s", c.name, c.text, got, want)
		}
	}
}

func TestMarkdownBlocks(t *testing.T) {
	got := Markdown([]article.Block{
		{Kind: article.Heading, Text: "Sous-titre"},
		{Kind: article.Paragraph, Text: "Un paragraphe."},
		{Kind: article.Quote, Text: "Une citation."},
		{Kind: article.ListItem, Text: "un"},
		{Kind: article.ListItem, Text: "deux", Ordered: true},
	})
	want := "## Sous-titre\n\nUn paragraphe.\n\n> Une citation.\n\n- un\n\n1. deux\n"
	if got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
}

// TestMarkdownHTMLBlocks writes an HTML reader's blocks as their Markdown, and images with
// their caption and credit.
func TestMarkdownHTMLBlocks(t *testing.T) {
	got := Markdown([]article.Block{
		{Kind: article.Paragraph, Text: "Un lien ici.", Markdown: "Un [lien](https://echo.example/a) ici."},
		{Kind: article.Table, Text: "A B\n1 2", Markdown: "| A | B |\n|---|---|\n| 1 | 2 |"},
		{Kind: article.Image, Text: "La halle", Src: "halle.jpg", Caption: "La halle rénovée.", Credit: "Lucas Berthier", Markdown: "ignored"},
		{Kind: article.Image, Text: "Le plan", Src: "https://echo.example/img/plan (2).png"},
	})
	want := "Un [lien](https://echo.example/a) ici.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n" +
		"![La halle](halle.jpg)\nLa halle rénovée. — Lucas Berthier\n\n" +
		"![Le plan](https://echo.example/img/plan%20%282%29.png)\n"
	if got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
}
