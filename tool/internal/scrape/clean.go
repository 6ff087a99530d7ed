package scrape

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// DropUnsafeURL is the reason given to a teaser's address dropped for not being http or https
// (a `javascript:` link, say): the address is kept in Dropped, the teaser stays as text.
const DropUnsafeURL = "unsafe-url"

// clean makes what a reader found fit to publish, whatever the scrape held: every text in
// Unicode normal form C (so that "é" typed two ways is one letter for slugs, tags and
// duplicates), no control characters, no Unicode bidi overrides or isolates in the body, and
// no invisible format characters (bidi marks, zero-width spaces) in the title, subtitle,
// names and tags; names, tags and categories (which become taxonomy terms or labels) are also
// cleaned of markup. A teaser address that is not http or https is moved to Dropped, and so is
// an image address with another scheme.
func clean(a *article.Article) {
	a.Title = cleanLine(a.Title)
	a.Subtitle = cleanLine(a.Subtitle)
	a.Description = cleanLine(a.Description)
	a.SiteName = cleanLine(a.SiteName)
	a.Authors = cleanTerms(a.Authors)
	a.Tags = cleanTerms(a.Tags)
	a.Categories = cleanTerms(a.Categories)
	for i := range a.Related {
		t := &a.Related[i]
		t.Title, t.Author = cleanLine(t.Title), cleanTerm(t.Author)
		if t.URL != "" && !isWebURL(t.URL) {
			a.Dropped = append(a.Dropped, article.Dropped{Line: t.URL, Reason: DropUnsafeURL})
			t.URL = ""
		}
	}
	cleanBlock(a, &a.Image)
	for i := range a.Body {
		cleanBlock(a, &a.Body[i])
	}
}

// cleanBlock cleans a body block (or the lead image) of article a: its texts and Markdown
// as body text, and an image address that is not http, https or relative moved to Dropped.
func cleanBlock(a *article.Article, b *article.Block) {
	b.Text, b.Caption, b.Credit = cleanBody(b.Text), cleanBody(b.Caption), cleanBody(b.Credit)
	b.Markdown = cleanBody(b.Markdown)
	if b.Src != "" && !isWebURL(b.Src) && (hasScheme(b.Src) || strings.ContainsFunc(b.Src, unicode.IsControl)) {
		a.Dropped = append(a.Dropped, article.Dropped{Line: b.Src, Reason: DropUnsafeURL})
		b.Src = ""
	}
}

// cleanLine returns one line of metadata: normal form C, every control and format character
// removed (tabs and line breaks become spaces), spaces collapsed.
func cleanLine(s string) string {
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cleanTerm returns a name or a tag as plain text: cleanLine's work, markup removed (tags,
// comments, entities decoded), and no "<" or ">" left.
func cleanTerm(s string) string {
	return cleanLine(strings.NewReplacer("<", " ", ">", " ").Replace(plainText(s)))
}

// cleanTerms cleans names or tags, leaving out those that end up empty.
func cleanTerms(terms []string) []string {
	if terms == nil {
		return nil
	}
	out := terms[:0]
	for _, t := range terms {
		if t = cleanTerm(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// cleanBody returns body text in normal form C without control characters and without the
// bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) or byte order marks
// that could make the text display other than it reads. Joiners, bidi marks and soft hyphens,
// which scripts and typography need, are kept.
func cleanBody(s string) string {
	if s == "" {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.Is(unicode.Cc, r) && r != '\n',
			r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFEFF:
			return -1
		}
		return r
	}, norm.NFC.String(s))
}

// skippedElements hold text a reader never sees.
var skippedElements = map[string]bool{"script": true, "style": true, "template": true, "noscript": true}

// inlineElements sit inside a word or a sentence; any other tag separates words.
var inlineElements = map[string]bool{
	"a": true, "abbr": true, "b": true, "em": true, "font": true, "i": true, "mark": true,
	"s": true, "small": true, "span": true, "strong": true, "sub": true, "sup": true, "u": true,
}

// plainText returns the text of s with HTML markup removed: tags and comments are dropped,
// entities decoded, and the content of script and style elements left out: "<b>Auteur</b>
// Piégé" gives "Auteur Piégé". Text without "<" or "&" is returned as it is.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == "" {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch {
			case tok.Type == html.StartTagToken && skip == "" && skippedElements[tok.Data]:
				skip = tok.Data
			case tok.Type == html.EndTagToken && tok.Data == skip:
				skip = ""
			}
			if !inlineElements[tok.Data] {
				b.WriteByte(' ')
			}
		}
	}
}

// isWebURL reports whether s is an absolute http or https address with a host.
func isWebURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return false
	}
	return strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https")
}

// hasScheme reports whether s starts with a URL scheme ("javascript:", "data:"), which a
// relative address such as "photo.jpg" does not.
func hasScheme(s string) bool {
	s = strings.TrimSpace(s)
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	for j, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}
