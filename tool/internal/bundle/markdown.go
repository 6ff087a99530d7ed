package bundle

import (
	"regexp"
	"strings"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// inlineEscaper backslash-escapes the ASCII punctuation that Markdown (with Hugo's default
// typographer) would turn into markup, entities, raw HTML or smart quotes, and the "{{"
// that would open a Hugo shortcode.
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `&`, `\&`, `~`, `\~`, `|`, `\|`, `"`, `\"`, `'`, `\'`,
	`--`, `-\-`, `...`, `..\.`, `{{`, `{\{`,
)

// blockStartRe matches what would open a Markdown block at the start of a line: headings,
// list markers, ordered-list numbers, thematic breaks, setext underlines and fences.
var blockStartRe = regexp.MustCompile(`^(#|[-+=]|\d+[.)])`)

// escapeText returns s escaped so that Markdown renders exactly s as text.
func escapeText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = inlineEscaper.Replace(s)
	if m := blockStartRe.FindStringIndex(s); m != nil {
		end := m[1]
		s = s[:end-1] + `\` + s[end-1:]
	}
	return s
}

// Markdown renders body blocks as Markdown, one block per paragraph.
func Markdown(blocks []article.Block) string {
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if bl.Markdown != "" && bl.Kind != article.Image {
			// An HTML reader's block, rendered by html-to-markdown with its marker.
			b.WriteString(bl.Markdown)
			continue
		}
		text := escapeText(bl.Text)
		switch bl.Kind {
		case article.Heading:
			b.WriteString("## " + text)
		case article.Quote:
			b.WriteString("> " + text)
		case article.ListItem:
			if bl.Ordered {
				b.WriteString("1. " + text)
			} else {
				b.WriteString("- " + text)
			}
		case article.Image:
			b.WriteString("![" + text + "](" + imageDest.Replace(bl.Src) + ")")
			if caption := imageCaption(bl); caption != "" {
				b.WriteString("\n" + caption)
			}
		default:
			b.WriteString(text)
		}
	}
	b.WriteString("\n")
	return b.String()
}

// imageDest escapes what would end an image's address in Markdown.
var imageDest = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E")

// imageCaption returns the line under an image: its caption, then its credit.
func imageCaption(bl article.Block) string {
	switch {
	case bl.Caption != "" && bl.Credit != "":
		return escapeText(bl.Caption) + " — " + escapeText(bl.Credit)
	case bl.Credit != "":
		return escapeText(bl.Credit)
	}
	return escapeText(bl.Caption)
}
