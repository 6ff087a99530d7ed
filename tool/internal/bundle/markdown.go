package bundle

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// inlineEscaper backslash-escapes the ASCII punctuation that Markdown (with Hugo's default
// typographer) would turn into markup, entities, raw HTML or smart quotes, every "#" (which
// opens or closes a heading) and every "{" (which would open a Hugo shortcode, "{{<", or
// heading attributes, "{#id .class}").
var inlineEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `&`, `\&`, `~`, `\~`, `|`, `\|`, `"`, `\"`, `'`, `\'`,
	`--`, `-\-`, `...`, `..\.`, `{`, `\{`, `#`, `\#`,
)

// blockStartRe matches what would open a Markdown block at the start of a line: headings,
// list markers, ordered-list numbers, thematic breaks, setext underlines and fences.
var blockStartRe = regexp.MustCompile(`^(#|[-+=]|\d+[.)])`)

// escapeText returns s escaped so that Markdown renders exactly s as text.
func escapeText(s string) string {
	s = oneSpace(s)
	s = inlineEscaper.Replace(s)
	if m := blockStartRe.FindStringIndex(s); m != nil {
		end := m[1]
		s = s[:end-1] + `\` + s[end-1:]
	}
	return s
}

// oneSpace returns strings.Join(strings.Fields(s), " "): s trimmed, each run of white space
// one space; s itself when it is so already, as a paragraph most often is.
func oneSpace(s string) string {
	space := true // white space here would open s
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return strings.Join(strings.Fields(s), " ")
			}
			space = true
			continue
		}
		space = false
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ") // white space ends s
	}
	return s
}

// escapeDest percent-encodes an image address for a Markdown link destination: every byte
// but letters, digits and the URL punctuation that means nothing to Markdown or to Hugo's
// shortcodes, so that no address can end the destination, open a new block or a shortcode.
// Sequences already percent-encoded are kept.
func escapeDest(src string) string {
	const keep = "-._~/:?#&=+@,;!$%"
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// Markdown renders body blocks as Markdown, one block per paragraph.
func Markdown(blocks []article.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		if strings.TrimSpace(bl.Text) == "" && bl.Markdown == "" && bl.Kind != article.Image {
			continue // an empty block would print only its marker, or a blank line
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if bl.Markdown != "" && bl.Kind != article.Image {
			// An HTML reader's block, rendered by html-to-markdown with its marker.
			b.WriteString(readerMarkdown(bl))
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
			b.WriteString("![" + text + "](" + escapeDest(bl.Src) + ")")
			if caption := imageCaption(bl); caption != "" {
				b.WriteString("\n" + caption)
			}
		default:
			b.WriteString(text)
		}
	}
	if b.Len() == 0 {
		return "" // no text at all: no line either
	}
	b.WriteString("\n")
	return b.String()
}

// readerMarkdown returns an HTML reader's Markdown for a block. The reader escaped the text
// and Hugo's shortcode opener; a heading's every "{" is escaped too, so that no text ending in
// braces becomes heading attributes ("{#id .class}").
func readerMarkdown(bl article.Block) string {
	if bl.Kind == article.Heading {
		return strings.ReplaceAll(bl.Markdown, "{", `\{`)
	}
	return bl.Markdown
}

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
