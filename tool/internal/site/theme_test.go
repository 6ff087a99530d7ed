package site_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/afero"
	"golang.org/x/net/html"

	"github.com/kiosque-dev/kiosque"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// newsroom is a fictional site: eight articles of "Le Courrier de Valmont" whose front matter
// exercises the sidebar rules. Article a has editors' picks and similar pages; the others
// each test one rule, named in their title.
const newsroom = `
-- hugo.toml --
baseURL = "https://courrier-valmont.example/"
title = "Le Courrier de Valmont"
-- content/authors/anne-delorme/_index.md --
---
title: Anne Delorme
---
Anne Delorme couvre la vie municipale de Valmont depuis 2019.
-- content/authors/paul-vernet/_index.md --
---
title: Paul Vernet
---
-- content/articles/a/index.md --
---
title: "Le pont de Valmont rouvre : enfin !"
subtitle: "Après dix-huit mois de travaux, la circulation reprend"
date: 2024-03-12T08:30:00+01:00
authors: [Anne Delorme, Paul Vernet]
tags: [Valmont, Transports]
image:
  src: cover.png
  alt: "Le pont de Valmont au lever du jour"
  caption: "Le pont, la veille de sa réouverture"
  credit: "Lucie Marchal"
related:
  - page: /articles/b
  - title: "Un teaser sans page sur ce site"
    author: "Personne Inconnue"
  - page: /articles/c
    title: "Le titre choisi par la rédaction"
    author: Paul Vernet
similar: [/articles/d, /articles/e, /articles/f, /articles/g]
---
Le pont rouvre « enfin » ce mardi. La mairie l’a confirmé : les bus reprennent leur trajet !
-- content/articles/b/index.md --
---
title: "Le marché couvert change d’horaires"
date: 2024-03-10T09:00:00+01:00
authors: [Anne Delorme]
tags: [Valmont, Commerce]
---
Le marché ouvrira désormais à sept heures.
-- content/articles/c/index.md --
---
title: "La ligne 4 prolongée jusqu’à la gare"
date: 2024-03-09T09:00:00+01:00
authors: [Paul Vernet]
tags: [Transports]
---
La ligne 4 desservira la gare dès l’été.
-- content/articles/d/index.md --
---
title: "Doublons et page elle-même"
date: 2024-03-08T09:00:00+01:00
authors: [Anne Delorme]
tags: [Valmont]
related:
  - page: /articles/d
  - page: /articles/b
  - page: /articles/b
  - title: "Le marché couvert change d’horaires"
  - title: "Un titre deux fois"
  - title: "Un titre deux fois"
similar: [/articles/d, /articles/b, /articles/c, /articles/c]
---
Un article qui se cite lui-même.
-- content/articles/e/index.md --
---
title: "Teasers non résolus"
date: 2024-03-07T09:00:00+01:00
authors: [Paul Vernet]
tags: [Culture]
related:
  - page: /articles/disparu
    title: "Une page disparue depuis"
    author: "Anne Delorme"
  - title: "Un article ailleurs"
    url: "https://ailleurs.example/article"
  - title: "Un extrait sans auteur ni lien"
  - page: /articles/introuvable
similar: [/articles/introuvable-aussi]
---
Des teasers qui ne mènent à aucune page.
-- content/articles/f/index.md --
---
title: "Sans similar, Hugo complète"
date: 2024-03-06T09:00:00+01:00
authors: [Anne Delorme]
tags: [Valmont, Transports]
---
Un article écrit à la main, sans liste similar.
-- content/articles/g/index.md --
---
title: "Plus de cinq choix"
date: 2024-03-05T09:00:00+01:00
tags: [Sport]
related:
  - page: /articles/a
  - page: /articles/b
  - page: /articles/c
  - page: /articles/d
  - page: /articles/e
  - page: /articles/f
similar: [/articles/h]
---
Six choix de la rédaction, un de trop.
-- content/articles/h/index.md --
---
title: "Seul au monde"
date: 2024-03-04T09:00:00+01:00
tags: [Solitude]
---
Aucun article ne partage ses mots-clés.
`

// teaser is one entry of the sidebar as a reader sees it.
type teaser struct {
	title, href string
	author      string // the name after "par", "" when none
	authorHref  string
	date        string // the <time datetime>, "" when none
}

func TestSidebarRules(t *testing.T) {
	fs := buildSite(t, newsroom)
	for _, c := range []struct {
		name, page string
		want       []teaser
	}{
		{
			name: "picks first in order, then similar to reach five",
			page: "a",
			want: []teaser{
				{title: "Le marché couvert change d’horaires", href: "/articles/b/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-10"},
				{title: "Un teaser sans page sur ce site", author: "Personne Inconnue"},
				{title: "Le titre choisi par la rédaction", href: "/articles/c/", author: "Paul Vernet", authorHref: "/authors/paul-vernet/", date: "2024-03-09"},
				{title: "Doublons et page elle-même", href: "/articles/d/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-08"},
				{title: "Teasers non résolus", href: "/articles/e/", author: "Paul Vernet", authorHref: "/authors/paul-vernet/", date: "2024-03-07"},
			},
		},
		{
			name: "no page twice, no title twice, never the page itself",
			page: "d",
			want: []teaser{
				{title: "Le marché couvert change d’horaires", href: "/articles/b/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-10"},
				{title: "Un titre deux fois"},
				{title: "La ligne 4 prolongée jusqu’à la gare", href: "/articles/c/", author: "Paul Vernet", authorHref: "/authors/paul-vernet/", date: "2024-03-09"},
			},
		},
		{
			name: "unresolved teasers keep their title, link only to a known url, and similar that resolve to nothing add nothing",
			page: "e",
			want: []teaser{
				{title: "Une page disparue depuis", author: "Anne Delorme", authorHref: "/authors/anne-delorme/"},
				{title: "Un article ailleurs", href: "https://ailleurs.example/article"},
				{title: "Un extrait sans auteur ni lien"},
			},
		},
		{
			name: "without similar, Hugo's related content fills the sidebar",
			page: "f",
			want: []teaser{
				{title: "Le pont de Valmont rouvre\u00a0: enfin\u202f!", href: "/articles/a/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-12"},
				{title: "Le marché couvert change d’horaires", href: "/articles/b/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-10"},
				{title: "Doublons et page elle-même", href: "/articles/d/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-08"},
				{title: "La ligne 4 prolongée jusqu’à la gare", href: "/articles/c/", author: "Paul Vernet", authorHref: "/authors/paul-vernet/", date: "2024-03-09"},
			},
		},
		{
			name: "at most five, picks win over similar; a page without author shows none",
			page: "g",
			want: []teaser{
				{title: "Le pont de Valmont rouvre\u00a0: enfin\u202f!", href: "/articles/a/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-12"},
				{title: "Le marché couvert change d’horaires", href: "/articles/b/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-10"},
				{title: "La ligne 4 prolongée jusqu’à la gare", href: "/articles/c/", author: "Paul Vernet", authorHref: "/authors/paul-vernet/", date: "2024-03-09"},
				{title: "Doublons et page elle-même", href: "/articles/d/", author: "Anne Delorme", authorHref: "/authors/anne-delorme/", date: "2024-03-08"},
				{title: "Teasers non résolus", href: "/articles/e/", author: "Paul Vernet", authorHref: "/authors/paul-vernet/", date: "2024-03-07"},
			},
		},
	} {
		t.Run(c.page, func(t *testing.T) {
			doc := parsePage(t, fs, "/site/public/articles/"+c.page+"/index.html")
			got := sidebar(t, doc)
			if len(got) != len(c.want) {
				t.Fatalf("%s: %d teasers, want %d:\n got %q\nwant %q", c.name, len(got), len(c.want), got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("%s: teaser %d\n got %+v\nwant %+v", c.name, i+1, got[i], c.want[i])
				}
			}
		})
	}

	t.Run("h", func(t *testing.T) {
		doc := parsePage(t, fs, "/site/public/articles/h/index.html")
		if n := find(doc, func(n *html.Node) bool { return n.Data == "aside" }); n != nil {
			t.Errorf("a page with nothing to suggest has a sidebar: want none")
		}
	})
}

// TestSidebarLabels checks that a site can reword the sidebar in its own i18n file.
func TestSidebarLabels(t *testing.T) {
	fs := buildSite(t, newsroom+`
-- i18n/fr.toml --
[editorsPicks]
other = "Nos conseils"
[share]
other = "Se Propager"
`)
	page := readFile(t, fs, "/site/public/articles/a/index.html")
	for _, want := range []string{
		`<aside class="sidebar" aria-labelledby="editors-picks">`,
		`<h2 id="editors-picks">Nos conseils</h2>`,
		`À lire aussi`,
		`<h2 id="share-heading">Se Propager</h2>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page lacks %q", want)
		}
	}
}

// TestArticlePage checks the rest of the article page: head, byline, image, typography.
func TestArticlePage(t *testing.T) {
	fs := buildSite(t, newsroom)
	page := readFile(t, fs, "/site/public/articles/a/index.html")
	for _, c := range []struct{ what, want string }{
		{"title", "<title>Le pont de Valmont rouvre : enfin ! · Le Courrier de Valmont</title>"},
		{"headline with French spaces", "<h1>Le pont de Valmont rouvre\u00a0: enfin\u202f!</h1>"},
		{"subtitle", `<p class="subtitle">Après dix-huit mois de travaux, la circulation reprend</p>`},
		{"byline", `Par <a href="/authors/anne-delorme/" rel="author">Anne Delorme</a> et <a href="/authors/paul-vernet/" rel="author">Paul Vernet</a>`},
		{"date in French", `<time datetime="2024-03-12T08:30:00&#43;01:00">12 mars 2024</time>`},
		{"reading time", "1 min de lecture"},
		{"tag link", `<a href="/tags/transports/" rel="tag">Transports</a>`},
		{"guillemets", "Le pont rouvre «\u00a0enfin\u00a0» ce mardi. La mairie l’a confirmé\u00a0: les bus reprennent leur trajet\u202f!"},
		{"caption", "Le pont, la veille de sa réouverture"},
		{"credit", `<span class="credit">Photo : Lucie Marchal</span>`},
		{"canonical", `<link rel="canonical" href="https://courrier-valmont.example/articles/a/">`},
		{"description", `<meta name="description" content="Après dix-huit mois de travaux, la circulation reprend">`},
		{"og:locale", `<meta property="og:locale" content="fr_FR">`},
		{"og:type", `<meta property="og:type" content="article">`},
		{"article:published_time", `<meta property="article:published_time" content="2024-03-12T08:30:00&#43;01:00">`},
		{"article:author", `<meta property="article:author" content="https://courrier-valmont.example/authors/paul-vernet/">`},
		{"article:tag", `<meta property="article:tag" content="Valmont">`},
		{"og:image, the cover at 1200 px wide", `<meta property="og:image" content="https://courrier-valmont.example/articles/a/cover_`},
		{"og:image:width", `<meta property="og:image:width" content="1200">`},
		{"og:image:height", `<meta property="og:image:height" content="675">`},
		{"og:image:alt", `<meta property="og:image:alt" content="Le pont de Valmont au lever du jour">`},
		{"twitter card", `<meta name="twitter:card" content="summary_large_image">`},
		{"share by e-mail", `href="mailto:?subject=Le%20pont%20de%20Valmont%20rouvre%20%3a%20enfin%20%21&amp;body=https%3a%2f%2fcourrier-valmont.example%2farticles%2fa%2f"`},
		{"share on X", `href="https://x.com/intent/post?url=https%3a%2f%2fcourrier-valmont.example%2farticles%2fa%2f`},
		{"share on Facebook", `href="https://www.facebook.com/sharer/sharer.php?u=https%3a%2f%2fcourrier-valmont.example%2farticles%2fa%2f"`},
		{"share on LinkedIn", `href="https://www.linkedin.com/sharing/share-offsite/?url=https%3a%2f%2fcourrier-valmont.example%2farticles%2fa%2f"`},
		{"share on WhatsApp", `href="https://wa.me/?text=`},
		{"copy link", `<a class="copy-link" href="https://courrier-valmont.example/articles/a/"`},
	} {
		if !strings.Contains(page, c.want) {
			t.Errorf("%s: the page lacks %q", c.what, c.want)
		}
	}

	doc := parsePage(t, fs, "/site/public/articles/a/index.html")
	ld := find(doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "type") == "application/ld+json" })
	if ld == nil {
		t.Fatal("the page has no JSON-LD")
	}
	var got struct {
		Type          string `json:"@type"`
		Headline      string `json:"headline"`
		DatePublished string `json:"datePublished"`
		Author        []struct {
			Type string `json:"@type"`
			Name string `json:"name"`
			URL  string `json:"url"`
		} `json:"author"`
		Image     []string          `json:"image"`
		Publisher map[string]string `json:"publisher"`
	}
	if err := json.Unmarshal([]byte(text(ld)), &got); err != nil {
		t.Fatalf("the JSON-LD does not parse: %v\n%s", err, text(ld))
	}
	if got.Type != "NewsArticle" || got.Headline != "Le pont de Valmont rouvre : enfin !" || got.DatePublished != "2024-03-12T08:30:00+01:00" {
		t.Errorf("JSON-LD type, headline or date: %+v", got)
	}
	if len(got.Author) != 2 || got.Author[1].Name != "Paul Vernet" {
		t.Errorf("JSON-LD authors: %+v", got.Author)
	}
	if len(got.Image) != 1 || got.Publisher["name"] != "Le Courrier de Valmont" {
		t.Errorf("JSON-LD image or publisher: %v %v", got.Image, got.Publisher)
	}
}

// TestSiteOutputs checks the site-wide outputs: feeds and sitemap parse as XML, the search
// index as JSON, and every <img> of every page has alt, width and height.
func TestSiteOutputs(t *testing.T) {
	fs := buildSite(t, newsroom)
	for _, feed := range []string{"index.xml", "articles/index.xml", "authors/anne-delorme/index.xml", "tags/valmont/index.xml"} {
		var rss struct {
			Items []struct {
				Title string `xml:"title"`
			} `xml:"channel>item"`
		}
		if err := xml.Unmarshal([]byte(readFile(t, fs, "/site/public/"+feed)), &rss); err != nil {
			t.Errorf("%s does not parse as XML: %v", feed, err)
		} else if len(rss.Items) == 0 {
			t.Errorf("%s has no item", feed)
		}
	}
	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(readFile(t, fs, "/site/public/sitemap.xml")), &sitemap); err != nil {
		t.Fatalf("sitemap.xml does not parse as XML: %v", err)
	}
	locs := map[string]bool{}
	for _, u := range sitemap.URLs {
		locs[u.Loc] = true
	}
	if !locs["https://courrier-valmont.example/articles/a/"] || locs["https://courrier-valmont.example/search/"] {
		t.Errorf("the sitemap should list the articles and not the search page: %v", locs)
	}

	docs := searchIndexDocs(t, fs, "/site/public/")
	if len(docs) != 8 || docs[0][1] != "/articles/a/" || docs[0][3] != "Anne Delorme, Paul Vernet" || docs[7][1] != "/articles/h/" {
		t.Errorf("the search index holds %d documents, first %q, last %q; want 8, /articles/a/ by its two authors first (the newest), /articles/h/ last", len(docs), docs[0], docs[len(docs)-1])
	}
	if search := readFile(t, fs, "/site/public/search/index.html"); !strings.Contains(search, `data-index="/search/"`) {
		t.Errorf("the search page does not point at the index")
	}
	for _, gone := range []string{"index.json", "search-index.js"} {
		if _, err := fs.Stat("/site/public/" + gone); err == nil {
			t.Errorf("the build still writes the whole index %s", gone)
		}
	}

	imgs := 0
	err := afero.Walk(fs, "/site/public", func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		doc := parsePage(t, fs, p)
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode || n.Data != "img" {
				return
			}
			imgs++
			for _, a := range []string{"alt", "width", "height"} {
				if !hasAttr(n, a) {
					t.Errorf("%s: an <img> (%s) has no %s", p, attr(n, "src"), a)
				}
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if imgs < 3 {
		t.Errorf("found %d images; the article, the home's lead story and the author's portrait should have one each", imgs)
	}
}

// TestListPages checks the home's lead story, author and tag pages, the lists of all terms,
// section pagination and the 404 page.
func TestListPages(t *testing.T) {
	fs := buildSite(t, newsroom+`
-- config/_default/pagination.toml --
pagerSize = 3
`)
	for _, c := range []struct{ file, want string }{
		{"index.html", `<article class="card lead">`},
		{"index.html", `<a href="/articles/a/">Le pont de Valmont rouvre` + "\u00a0: enfin\u202f!</a>"},
		{"authors/anne-delorme/index.html", `<h1>Anne Delorme</h1>`},
		{"authors/anne-delorme/index.html", `Anne Delorme couvre la vie municipale de Valmont depuis 2019.`},
		{"authors/anne-delorme/index.html", `alt="Portrait de Anne Delorme" width="120" height="120"`},
		{"authors/anne-delorme/index.html", `<a href="/authors/anne-delorme/index.xml" type="application/rss+xml">Flux RSS</a>`},
		{"tags/valmont/index.html", `<h1>Articles sur Valmont</h1>`},
		{"tags/index.html", `<a href="/tags/transports/">Transports</a> <span class="count">(3 articles)</span>`},
		{"authors/index.html", `<a href="/authors/paul-vernet/">Paul Vernet</a>`},
		{"articles/index.html", `<a rel="next" href="/articles/page/2/">Suivant</a>`},
		{"articles/page/3/index.html", `<span>3 / 3</span>`},
		{"404.html", `<h1>Page introuvable</h1>`},
	} {
		if got := readFile(t, fs, "/site/public/"+c.file); !strings.Contains(got, c.want) {
			t.Errorf("%s lacks %q", c.file, c.want)
		}
	}
}

// buildSite writes the txtar archive into a memory filesystem under /site, adds the images
// that txtar cannot hold, builds the site with the bundled theme and returns the filesystem.
// The build must log no warning.
func buildSite(t *testing.T, archive string) afero.Fs {
	t.Helper()
	fs, log := buildSiteLog(t, archive, nil)
	if strings.Contains(log, "ERROR") || strings.Contains(log, "WARN") {
		t.Errorf("the build logged:\n%s", log)
	}
	return fs
}

// buildSiteLog is buildSite with more files (binary ones, by path under /site), returning what
// the build logged.
func buildSiteLog(t *testing.T, archive string, files map[string][]byte) (afero.Fs, string) {
	t.Helper()
	fs, _, log := buildSiteOpts(t, archive, files, site.Options{})
	return fs, log
}

// buildSiteOpts is buildSiteLog with the options of the build (its filesystem, folder, theme
// and log set here), returning its result too.
func buildSiteOpts(t *testing.T, archive string, files map[string][]byte, opts site.Options) (afero.Fs, site.Result, string) {
	t.Helper()
	fs := afero.NewMemMapFs()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		if err := afero.WriteFile(fs, "/site/"+f.Name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for file, size := range map[string][2]int{
		"content/articles/a/cover.png":           {1600, 900},
		"content/authors/anne-delorme/photo.png": {300, 400},
	} {
		if err := afero.WriteFile(fs, "/site/"+file, site.PNGImage(size[0], size[1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		if err := afero.WriteFile(fs, "/site/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	opts.Fs, opts.WorkingDir, opts.Theme, opts.Archetypes, opts.Log = fs, "/site", kiosque.Theme(), kiosque.Archetypes(), &log
	res, err := site.Build(opts)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	return fs, res, log.String()
}

// searchIndexDocs returns the documents of the search index of the site built into the
// publish folder public (ending in "/"), in their order: title, URL, date, authors, excerpt.
func searchIndexDocs(t *testing.T, fs afero.Fs, public string) [][5]string {
	t.Helper()
	var m struct{ Docs, Chunk int }
	searchScript(t, fs, public+"search/manifest.js", "kiosqueSearch.manifest(", &m)
	var docs [][5]string
	for i := 0; len(docs) < m.Docs; i++ {
		var chunk [][5]string
		searchScript(t, fs, fmt.Sprintf("%ssearch/d/%d.js", public, i), fmt.Sprintf("kiosqueSearch.docs(%d,", i), &chunk)
		if len(chunk) == 0 || len(chunk) > m.Chunk {
			t.Fatalf("document shard %d holds %d documents, want 1 to %d", i, len(chunk), m.Chunk)
		}
		docs = append(docs, chunk...)
	}
	return docs
}

// searchScript decodes into v the data of a script of the search index, which calls head.
func searchScript(t *testing.T, fs afero.Fs, name, head string, v any) {
	t.Helper()
	data := readFile(t, fs, name)
	if !strings.HasPrefix(data, head) || !strings.HasSuffix(data, ");\n") {
		t.Fatalf("%s does not call %s...);: %.80s", name, head, data)
	}
	if err := json.Unmarshal([]byte(data[len(head):len(data)-3]), v); err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
}

func readFile(t *testing.T, fs afero.Fs, name string) string {
	t.Helper()
	b, err := afero.ReadFile(fs, name)
	if err != nil {
		t.Fatalf("%s was not built: %v", name, err)
	}
	return string(b)
}

func parsePage(t *testing.T, fs afero.Fs, name string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(readFile(t, fs, name)))
	if err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
	return doc
}

// sidebar returns the teasers of the editors' sidebar of a page, in order.
func sidebar(t *testing.T, doc *html.Node) []teaser {
	t.Helper()
	aside := find(doc, func(n *html.Node) bool { return n.Data == "aside" })
	if aside == nil {
		t.Fatal("the page has no <aside>")
	}
	if id := attr(aside, "aria-labelledby"); id == "" || find(aside, func(n *html.Node) bool { return attr(n, "id") == id }) == nil {
		t.Errorf("the sidebar is not labelled by one of its headings")
	}
	var out []teaser
	walk(aside, func(li *html.Node) {
		if li.Data != "li" || attr(li, "class") != "teaser" {
			return
		}
		var tz teaser
		if n := find(li, func(n *html.Node) bool { return strings.Contains(attr(n, "class"), "teaser-title") }); n != nil {
			tz.title = text(n)
			tz.href = attr(n, "href")
		}
		if meta := find(li, func(n *html.Node) bool { return attr(n, "class") == "teaser-meta" }); meta != nil {
			if s := strings.TrimSpace(text(meta)); strings.HasPrefix(s, "par ") {
				tz.author = strings.TrimSpace(strings.SplitN(s[len("par "):], "·", 2)[0])
			}
			if a := find(meta, func(n *html.Node) bool { return n.Data == "a" }); a != nil {
				tz.authorHref = attr(a, "href")
			}
			if tm := find(meta, func(n *html.Node) bool { return n.Data == "time" }); tm != nil {
				tz.date = attr(tm, "datetime")
			}
		}
		out = append(out, tz)
	})
	return out
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := find(c, match); m != nil {
			return m
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// TestBrokenImageIsALink: an image file of a bundle that cannot be decoded must not fail the
// whole build; it becomes a link, and the build warns about it.
func TestBrokenImageIsALink(t *testing.T) {
	fs := afero.NewMemMapFs()
	files := map[string]string{
		"/site/content/articles/a/index.md":   "---\ntitle: La foire\ndate: 2026-03-01\n---\n\n![Les stands](stands.png)\n",
		"/site/content/articles/a/stands.png": "\x89PNG\r\n\x1a\n", // a truncated upload
	}
	for name, data := range files {
		if err := afero.WriteFile(fs, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	if _, err := site.Build(site.Options{Fs: fs, WorkingDir: "/site", Theme: kiosque.Theme(), Log: &log}); err != nil {
		t.Fatalf("a broken image failed the build: %v", err)
	}
	page := readFile(t, fs, "/site/public/articles/a/index.html")
	if !strings.Contains(page, `class="image-link"`) || !strings.Contains(page, "Les stands") || strings.Contains(page, "<img src=\"stands.png") {
		t.Errorf("the broken image is not shown as a link:\n%s", page)
	}
	if !strings.Contains(log.String(), "cannot read the image stands.png") {
		t.Errorf("no warning names the broken image; the log holds:\n%s", log.String())
	}
}

// TestDatesInTheArticlesLanguage: each article's date reads in its own language, on its page,
// in lists and in the sidebar; the site's language keeps Hugo's own format.
func TestDatesInTheArticlesLanguage(t *testing.T) {
	fs := buildSite(t, `
-- content/articles/fr/index.md --
---
title: "Le pont de Valmont rouvre"
date: 2024-03-12T09:00:00+01:00
tags: [Valmont]
similar: [/articles/en]
source: {lang: fr}
---
Texte.
-- content/articles/en/index.md --
---
title: "Valmont bridge reopens"
date: 2024-08-01T09:00:00+01:00
tags: [Valmont]
similar: [/articles/fr]
source: {lang: en}
---
Text.
`)
	for _, c := range []struct{ msg, file, want string }{
		{"French page on a French site", "/site/public/articles/fr/index.html", `<time datetime="2024-03-12T09:00:00&#43;01:00">12 mars 2024</time>`},
		{"English page on a French site", "/site/public/articles/en/index.html", `<time datetime="2024-08-01T09:00:00&#43;01:00" lang="en">August 1, 2024</time>`},
		{"English teaser in a French page's sidebar", "/site/public/articles/fr/index.html", `<time datetime="2024-08-01" lang="en">August 1, 2024</time>`},
		{"French teaser in an English page's sidebar", "/site/public/articles/en/index.html", `<time datetime="2024-03-12">12 mars 2024</time>`},
		{"English card on the home page", "/site/public/index.html", `lang="en">August 1, 2024</time>`},
	} {
		if page := readFile(t, fs, c.file); !strings.Contains(page, c.want) {
			t.Errorf("%s: %s lacks %s; its dates: %q", c.msg, c.file, c.want, timeRe.FindAllString(page, -1))
		}
	}
}

var timeRe = regexp.MustCompile(`<time[^<]*</time>`)

// bilingualSite is a site in French and English (in english/), with one article in each,
// both of March 2024.
const bilingualSite = `
-- hugo.toml --
baseURL = "https://courrier-valmont.example/"
defaultContentLanguage = "fr"
[languages.fr]
  weight = 1
[languages.en]
  weight = 2
  contentDir = "english"
-- content/articles/pont/index.md --
---
title: "Le pont rouvre"
date: 2024-03-12T08:30:00+01:00
---
La circulation reprend.
-- english/articles/bridge/index.md --
---
title: "The bridge reopens"
date: 2024-03-12T08:30:00+01:00
---
Traffic resumes.
`

// TestSearchIndexPerLanguage: each language gets the search index of its own articles, in its
// own folder, where its search page looks for it.
func TestSearchIndexPerLanguage(t *testing.T) {
	fs := buildSite(t, bilingualSite+`-- english/search.md --
---
title: Search
layout: search
---
`)
	for _, c := range []struct{ msg, public, want string }{
		{"the default language, at the root", "/site/public/", "/articles/pont/"},
		{"English, in its folder", "/site/public/en/", "/en/articles/bridge/"},
	} {
		docs := searchIndexDocs(t, fs, c.public)
		if len(docs) != 1 || docs[0][1] != c.want {
			t.Errorf("%s: the index in %s holds %q, want %s alone", c.msg, c.public, docs, c.want)
		}
	}
	if search := readFile(t, fs, "/site/public/en/search/index.html"); !strings.Contains(search, `data-index="/en/search/"`) {
		t.Errorf("the English search page does not point at the English index")
	}
}

// TestSearchIndexOwnTaxonomies: on a site whose bylines and subjects are taxonomies of its
// own names, the search index lists each article's authors from the site's taxonomy.
func TestSearchIndexOwnTaxonomies(t *testing.T) {
	fs := buildSite(t, `
-- hugo.toml --
baseURL = "https://courrier-valmont.example/"
[taxonomies]
  auteur = "auteurs"
  motcle = "mots-cles"
-- content/articles/pont/index.md --
---
title: "Le pont rouvre"
date: 2024-03-12T08:30:00+01:00
auteurs: [Lise Marchal]
mots-cles: [Valmont]
---
La circulation reprend.
`)
	docs := searchIndexDocs(t, fs, "/site/public/")
	if len(docs) != 1 || docs[0][3] != "Lise Marchal" {
		t.Errorf("the index holds %q, want the article by Lise Marchal", docs)
	}
}

// TestArchivesPerLanguage: each language's archive of a month lists its own articles. kiosque
// makes the default language's archive sections; the site's own make another language's.
func TestArchivesPerLanguage(t *testing.T) {
	fs := buildSite(t, bilingualSite+`-- english/archives/_index.md --
---
title: Archives
---
-- english/archives/2024/_index.md --
---
title: "2024"
archive: {year: 2024}
---
-- english/archives/2024/03/_index.md --
---
title: "March 2024"
archive: {year: 2024, month: 3}
---
`)
	for _, c := range []struct{ msg, file, want, not string }{
		{"the default language lists its article", "/site/public/archives/2024/03/index.html", `href="/articles/pont/"`, "bridge"},
		{"English lists its own", "/site/public/en/archives/2024/03/index.html", `href="/en/articles/bridge/"`, "pont"},
	} {
		page := readFile(t, fs, c.file)
		if !strings.Contains(page, c.want) || strings.Contains(page, c.not) {
			t.Errorf("%s: %s lacks %s or holds %s:\n%s", c.msg, c.file, c.want, c.not, page)
		}
	}
}
