package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/kiosque-dev/kiosque/tool/internal/slug"
)

// Scrape returns the bytes of a's scrape: the whole file for the text and HTML layouts, one
// line (with its line end) for a JSON Lines record.
func (c *Corpus) Scrape(a Article) []byte {
	lex := c.world.langs[a.Lang]
	switch a.Layout {
	case Seed:
		return seedText(a, lex)
	case Top:
		return topText(a, lex)
	case HTML:
		return htmlPage(a, lex)
	}
	return jsonRecord(a, lex)
}

// isoDate is the layout of the dates pages and records carry in machine form.
const isoDate = "2006-01-02T15:04:05-07:00"

// byline joins names (the authors, or links to their pages) as a byline of lex's language
// ("Par A et B", "By A and B"), or returns "" for none.
func byline(names []string, lex *lexicon) string {
	if len(names) == 0 {
		return ""
	}
	return lex.by[0] + strings.Join(names, lex.by[1])
}

// relatedHeading returns the heading of a's related block, which the index picks.
func relatedHeading(a Article, lex *lexicon) string {
	return lex.related[a.Index%len(lex.related)]
}

// seedText writes the seed's layout: the body, then the headline, then the related block.
func seedText(a Article, lex *lexicon) []byte {
	var b bytes.Buffer
	if by := byline(a.Authors, lex); by != "" {
		b.WriteString(by + "\n")
	}
	for _, p := range a.Paragraphs {
		b.WriteString(p + "\n")
	}
	b.WriteString(a.Title + "\nSe Propager\nLa rédaction vous conseille\nA lire aussi\n")
	for i, t := range a.Teasers {
		b.WriteString(t.Text + "\n")
		if t.Author != "" {
			b.WriteString("- by " + t.Author)
			if i < len(a.Teasers)-1 {
				b.WriteByte('\n')
			}
		}
	}
	return b.Bytes()
}

// topText writes the headline, byline and date on top, the body, share buttons and a related
// block; the English pages separate their blocks with blank lines.
func topText(a Article, lex *lexicon) []byte {
	sep := "\n"
	if a.Lang == "en" {
		sep = "\n\n"
	}
	lines := []string{a.Title}
	if by := byline(a.Authors, lex); by != "" {
		lines = append(lines, by)
	}
	lines = append(lines, printedDate(a, lex))
	lines = append(lines, a.Paragraphs...)
	lines = append(lines, lex.share...)
	lines = append(lines, relatedHeading(a, lex))
	for _, t := range a.Teasers {
		lines = append(lines, t.Text)
		if t.Author != "" && a.Lang == "fr" {
			lines = append(lines, lex.by[2]+t.Author)
		}
	}
	return []byte(strings.Join(lines, sep) + "\n")
}

// printedDate writes a's date as a text page prints it.
func printedDate(a Article, lex *lexicon) string {
	if a.Lang == "en" {
		return printedDay(a, lex)
	}
	return fmt.Sprintf("Publié le %s à %dh%02d", printedDay(a, lex), a.Date.Hour(), a.Date.Minute())
}

// htmlPage writes an article page: the site's header and menu, the <article> with its
// headline, byline, <time> and paragraphs, and an aside of editors' picks.
func htmlPage(a Article, lex *lexicon) []byte {
	e := html.EscapeString
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", a.Lang)
	fmt.Fprintf(&b, "<title>%s – %s</title>\n", e(a.Title), e(a.Newsroom.Name))
	fmt.Fprintf(&b, "<meta name=\"description\" content=\"%s\">\n", e(excerpt(a.Paragraphs[0], 30)))
	fmt.Fprintf(&b, "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"%s\">\n", e(a.Title))
	fmt.Fprintf(&b, "<meta property=\"og:url\" content=\"%s\">\n<meta property=\"og:site_name\" content=\"%s\">\n", e(a.URL), e(a.Newsroom.Name))
	fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", a.Date.Format(isoDate))
	for _, t := range a.Tags {
		fmt.Fprintf(&b, "<meta property=\"article:tag\" content=\"%s\">\n", e(t.Name))
	}
	fmt.Fprintf(&b, "<link rel=\"canonical\" href=\"%s\">\n</head>\n<body>\n", e(a.URL))
	fmt.Fprintf(&b, "<header class=\"site-header\"><a class=\"logo\" href=\"/\">%s</a>\n<nav><ul>", e(a.Newsroom.Name))
	for _, s := range lex.sections {
		fmt.Fprintf(&b, "<li><a href=\"/%s/\">%s</a></li>", s, upperFirst(s))
	}
	b.WriteString("</ul></nav></header>\n<main>\n<article>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", e(a.Title))
	var links []string
	for _, n := range a.Authors {
		links = append(links, fmt.Sprintf("<a rel=\"author\" href=\"/%s/%s/\">%s</a>", lex.authorPath, slug.Make(n, a.Lang), e(n)))
	}
	if by := byline(links, lex); by != "" {
		fmt.Fprintf(&b, "<p class=\"byline\">%s</p>\n", by)
	}
	fmt.Fprintf(&b, "<time datetime=\"%s\">%s</time>\n", a.Date.Format(isoDate), e(printedDay(a, lex)))
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", e(p))
	}
	b.WriteString("</article>\n")
	fmt.Fprintf(&b, "<aside class=\"%s\">\n<h2>%s</h2>\n<ul>\n", lex.relatedClass, e(lex.picksHd))
	for _, t := range a.Teasers {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", e(t.URL), e(t.Text))
	}
	fmt.Fprintf(&b, "</ul>\n</aside>\n</main>\n<footer><p>© %d %s</p></footer>\n</body>\n</html>\n", a.Date.Year(), e(a.Newsroom.Name))
	return []byte(b.String())
}

// printedDay writes a's day as a page's <time> shows it.
func printedDay(a Article, lex *lexicon) string {
	d := a.Date
	if a.Lang == "en" {
		return fmt.Sprintf("%s %d, %d", d.Month(), d.Day(), d.Year())
	}
	return fmt.Sprintf("%d %s %d", d.Day(), lex.months[d.Month()-1], d.Year())
}

// record is a crawler's JSON Lines record, its fields in the order crawlers write them.
type record struct {
	URL     string   `json:"url"`
	Title   string   `json:"title"`
	Date    string   `json:"date"`
	Authors []string `json:"authors,omitempty"`
	Lang    string   `json:"lang"`
	Text    string   `json:"text"`
}

// jsonRecord writes a's record: its text holds the body, the share buttons and the related
// block, as a crawler's text extraction leaves them.
func jsonRecord(a Article, lex *lexicon) []byte {
	lines := append([]string(nil), a.Paragraphs...)
	lines = append(lines, lex.share[0], relatedHeading(a, lex))
	for _, t := range a.Teasers {
		lines = append(lines, t.Text)
	}
	r := record{URL: a.URL, Title: a.Title, Date: a.Date.Format(isoDate), Authors: a.Authors, Lang: a.Lang, Text: strings.Join(lines, "\n")}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		panic(err) // strings and slices of strings always encode
	}
	return b.Bytes()
}
