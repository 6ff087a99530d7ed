package site_test

import (
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The scraped text of the typed site: ASCII apostrophes and quotes, an ampersand, a "<" and
// a typographic apostrophe, in every field a reader sees. Bodies are written as kiosque's
// import writes them (bundle.Markdown backslash-escapes the punctuation Markdown would change).
const (
	typedTitle    = `L'évacuation du "quai" & des <docks>, l’été`
	typedSubtitle = `Le "plan B" d'Anne & <Paul>, l’accord`
	typedBody     = `Le maire l'a dit & les "docks" <fermés> rouvrent, l’été venu.`
	otherTitle    = `Le "B" d'à côté & <c>, l’autre`
	otherBody     = `Texte d'appoint & "second" <article>, l’autre.`
	typedTeaser   = `Un teaser l'a "dit" & <écrit>, l’air de rien`
	typedAuthor   = `Jean d'Arcy`
	typedTag      = `Quai d'Orsay`
	typedTag2     = `R&D <Nord>`
)

const typed = `
-- hugo.toml --
baseURL = "https://courrier-valmont.example/"
title = "Le Courrier de Valmont"
-- content/articles/a/index.md --
---
title: "L'évacuation du \"quai\" & des <docks>, l’été"
subtitle: "Le \"plan B\" d'Anne & <Paul>, l’accord"
date: 2024-03-12T08:30:00+01:00
authors: ["Jean d'Arcy"]
tags: ["Quai d'Orsay", "R&D <Nord>"]
related:
  - title: "Un teaser l'a \"dit\" & <écrit>, l’air de rien"
similar: [/articles/b]
---

Le maire l\'a dit \& les \"docks\" \<fermés\> rouvrent, l’été venu.
-- content/articles/b/index.md --
---
title: "Le \"B\" d'à côté & <c>, l’autre"
date: 2024-03-10T08:30:00+01:00
authors: ["Jean d'Arcy"]
tags: ["Quai d'Orsay"]
similar: [/articles/a]
---

Texte d\'appoint \& \"second\" \<article\>, l’autre.
`

// TestTextShownAsWritten checks every place that shows scraped text: each must read exactly
// as written once the browser has decoded the page (no "l&#39;évacuation", no lost "<").
func TestTextShownAsWritten(t *testing.T) {
	fs := buildSite(t, typed)
	const out = "/site/public/"
	home := parsePage(t, fs, out+"index.html")
	list := parsePage(t, fs, out+"articles/index.html")
	tag := parsePage(t, fs, out+"tags/quai-dorsay/index.html")
	author := parsePage(t, fs, out+"authors/jean-darcy/index.html")
	a := parsePage(t, fs, out+"articles/a/index.html")
	b := parsePage(t, fs, out+"articles/b/index.html")
	for _, c := range []struct {
		where string
		got   []string
		want  string
	}{
		{"home: lead card's title", texts(home, "article.lead h3"), typedTitle},
		{"home: lead card's subtitle", texts(home, "article.lead .subtitle"), typedSubtitle},
		{"home: lead card's summary", texts(home, "article.lead .summary"), typedBody},
		{"home: card's title", texts(home, "article.card h3"), otherTitle},
		{"home: card's summary", texts(home, "article.card .summary"), otherBody},
		{"section list: card's title", texts(list, "article.card h3"), typedTitle},
		{"section list: card's summary", texts(list, "article.card .summary"), typedBody},
		{"tag page: card's title", texts(tag, "article.card h3"), otherTitle},
		{"author page: card's summary", texts(author, "article.card .summary"), otherBody},
		{"author page: heading", texts(author, "h1"), typedAuthor},
		{"tag page: heading", texts(tag, "h1"), "Articles sur " + typedTag},
		{"article: headline", texts(a, "h1"), typedTitle},
		{"article: subtitle", texts(a, ".article-header .subtitle"), typedSubtitle},
		{"article: body", texts(a, ".body p"), typedBody},
		{"article: byline", texts(a, ".byline a"), typedAuthor},
		{"article: tags", texts(a, ".tags a"), typedTag2},
		{"article: <title>", texts(a, "title"), typedTitle + " · Le Courrier de Valmont"},
		{"article: description", metas(a, "description"), typedSubtitle},
		{"article without subtitle: description from its text", metas(b, "description"), otherBody},
		{"article: og:title", metas(a, "og:title"), typedTitle},
		{"article: og:description", metas(a, "og:description"), typedSubtitle},
		{"article: twitter:title", metas(a, "twitter:title"), typedTitle},
		{"article: article:tag", metas(a, "article:tag"), typedTag2},
		{"sidebar: a teaser without page", texts(a, ".teaser-title"), typedTeaser},
		{"sidebar: a page's title", texts(a, ".teaser-title"), otherTitle},
		{"sidebar: the author of a page", texts(b, ".teaser-meta a"), typedAuthor},
		{"sidebar of b: a's title", texts(b, ".teaser-title"), typedTitle},
		{"list of tags", texts(parsePage(t, fs, out+"tags/index.html"), ".terms a"), typedTag2},
		{"list of authors", texts(parsePage(t, fs, out+"authors/index.html"), ".terms a"), typedAuthor},
	} {
		if !slices.Contains(c.got, c.want) {
			t.Errorf("%s: want %q among %q", c.where, c.want, c.got)
		}
	}

	t.Run("feeds", func(t *testing.T) {
		var rss struct {
			Title string `xml:"channel>title"`
			Items []struct {
				Title       string `xml:"title"`
				Description string `xml:"description"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal([]byte(readFile(t, fs, out+"index.xml")), &rss); err != nil {
			t.Fatal(err)
		}
		if len(rss.Items) != 2 {
			t.Fatalf("the feed has %d items, want 2", len(rss.Items))
		}
		if got := rss.Items[0].Title; got != typedTitle {
			t.Errorf("feed item title %q, want %q", got, typedTitle)
		}
		// The description is HTML, as RSS readers expect: its text is the article's.
		desc, err := html.Parse(strings.NewReader(rss.Items[0].Description))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.TrimSpace(text(desc)); got != typedBody {
			t.Errorf("feed item description reads %q, want %q", got, typedBody)
		}
		if err := xml.Unmarshal([]byte(readFile(t, fs, out+"tags/quai-dorsay/index.xml")), &rss); err != nil {
			t.Fatal(err)
		}
		if want := "Quai d'Orsay"; !strings.Contains(rss.Title, want) {
			t.Errorf("the tag's feed is titled %q, want it to name %q", rss.Title, want)
		}
	})

	t.Run("JSON-LD", func(t *testing.T) {
		ld := find(a, func(n *html.Node) bool { return n.Data == "script" && attr(n, "type") == "application/ld+json" })
		if ld == nil {
			t.Fatal("no JSON-LD")
		}
		var got struct {
			Headline    string   `json:"headline"`
			Description string   `json:"description"`
			Keywords    []string `json:"keywords"`
			Author      []struct {
				Name string `json:"name"`
			} `json:"author"`
		}
		if err := json.Unmarshal([]byte(text(ld)), &got); err != nil {
			t.Fatal(err)
		}
		if got.Headline != typedTitle || got.Description != typedSubtitle {
			t.Errorf("JSON-LD headline %q and description %q, want %q and %q", got.Headline, got.Description, typedTitle, typedSubtitle)
		}
		if !slices.Equal(got.Keywords, []string{typedTag, typedTag2}) || len(got.Author) != 1 || got.Author[0].Name != typedAuthor {
			t.Errorf("JSON-LD keywords %q, authors %+v", got.Keywords, got.Author)
		}
	})

	t.Run("search index", func(t *testing.T) {
		docs := searchIndexDocs(t, fs, out)
		if len(docs) != 2 {
			t.Fatalf("the index has %d documents, want 2", len(docs))
		}
		if d := docs[0]; d[0] != typedTitle || d[3] != typedAuthor || d[4] != typedSubtitle {
			t.Errorf("index record of a: %q, want its title %q, author %q and subtitle %q", d, typedTitle, typedAuthor, typedSubtitle)
		}
		if d := docs[1]; d[0] != otherTitle || d[4] != otherBody {
			t.Errorf("index record of b: %q, want its title %q and its text %q", d, otherTitle, otherBody)
		}
	})
}

// texts returns the trimmed text of each element of doc matching a simple selector: a tag
// name, a .class, or a tag with a class ("article.lead"), optionally inside another
// ("article.lead h3").
func texts(doc *html.Node, selector string) []string {
	var out []string
	for _, n := range selectAll(doc, selector) {
		out = append(out, strings.TrimSpace(text(n)))
	}
	return out
}

// metas returns the content of the <meta> elements named (name or property) key.
func metas(doc *html.Node, key string) []string {
	var out []string
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "meta" && (attr(n, "name") == key || attr(n, "property") == key) {
			out = append(out, attr(n, "content"))
		}
	})
	return out
}

// selectAll returns the elements matching a selector of one or two simple parts (see texts).
func selectAll(doc *html.Node, selector string) []*html.Node {
	parts := strings.Fields(selector)
	scopes := []*html.Node{doc}
	for _, part := range parts {
		var next []*html.Node
		for _, s := range scopes {
			walk(s, func(n *html.Node) {
				if n != s && n.Type == html.ElementNode && matches(n, part) && !slices.Contains(next, n) {
					next = append(next, n)
				}
			})
		}
		scopes = next
	}
	return scopes
}

// matches reports whether n matches a simple selector: "tag", ".class", "tag.class", or
// "tag[attr]" (an element with the attribute).
func matches(n *html.Node, simple string) bool {
	if tag, rest, ok := strings.Cut(simple, "["); ok {
		return (tag == "" || n.Data == tag) && hasAttr(n, strings.TrimSuffix(rest, "]"))
	}
	tag, class, _ := strings.Cut(simple, ".")
	if tag != "" && n.Data != tag {
		return false
	}
	return class == "" || slices.Contains(strings.Fields(attr(n, "class")), class)
}
