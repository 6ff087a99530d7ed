package site_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// pictures is a fictional site whose articles each bring their lead image another way: a
// bundle's cover.png (article a, 1600 by 900, added by buildSiteLog), front matter naming a
// file in a sub-folder, an address (which an import leaves when it did not copy the image),
// a small image, and two that must not break the build: a file that is not there, and a
// cover that is no image.
const pictures = `
-- hugo.toml --
baseURL = "https://courrier-valmont.example/"
title = "Le Courrier de Valmont"
-- content/articles/a/index.md --
---
title: "Le pont de Valmont rouvre"
date: 2024-03-12T08:30:00+01:00
image: {alt: "Le pont au lever du jour"}
---
Le pont rouvre.
-- content/articles/sous-dossier/index.md --
---
title: "Le quai nord rallongé"
date: 2024-03-11T08:30:00+01:00
image: {src: photos/quai.png, alt: "Le quai nord", caption: "Le quai, un matin de mars", credit: "Lise Marchal"}
---
Vingt mètres de plus.
-- content/articles/distante/index.md --
---
title: "La foire rouvre ses portes"
date: 2024-03-10T08:30:00+01:00
image: {src: "https://photos.courrier-valmont.example/foire.jpg", alt: "Les stands de la foire"}
---
Les stands sont montés.
-- content/articles/petite/index.md --
---
title: "Une vignette"
date: 2024-03-09T08:30:00+01:00
---
Une petite image.
-- content/articles/absente/index.md --
---
title: "Une image oubliée"
date: 2024-03-07T08:30:00+01:00
image: oubliee.jpg
---
Texte.
-- content/articles/abimee/index.md --
---
title: "Une image abîmée"
date: 2024-03-06T08:30:00+01:00
---
Texte.
`

// picture is a <picture> as a reader's browser gets it.
type picture struct {
	webp, srcset, src, sizes, width, height, alt, loading, priority string
}

func pictureOf(n *html.Node) picture {
	var p picture
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Data {
		case "source":
			if attr(c, "type") == "image/webp" {
				p.webp = attr(c, "srcset")
			}
		case "img":
			p.src, p.srcset, p.sizes = attr(c, "src"), attr(c, "srcset"), attr(c, "sizes")
			p.width, p.height, p.alt = attr(c, "width"), attr(c, "height"), attr(c, "alt")
			p.loading, p.priority = attr(c, "loading"), attr(c, "fetchpriority")
		}
	}
	return p
}

// TestLeadImages checks the lead image of each article on its page, on the home's and the
// list's cards and in Open Graph, and that no image breaks the build.
func TestLeadImages(t *testing.T) {
	fs, log := buildSiteLog(t, pictures, map[string][]byte{
		"content/articles/sous-dossier/photos/quai.png": site.PNGImage(1200, 800),
		"content/articles/petite/cover.png":             site.PNGImage(300, 200),
		"content/articles/abimee/cover.jpg":             []byte("\xff\xd8\xff\xe0 not a whole JPEG"),
	})

	const out = "/site/public/"
	pic := func(page, selector string) []picture {
		var ps []picture
		for _, n := range selectAll(parsePage(t, fs, out+page), selector) {
			ps = append(ps, pictureOf(n))
		}
		return ps
	}

	t.Run("article", func(t *testing.T) {
		ps := pic("articles/a/index.html", ".lead-image picture")
		if len(ps) != 1 {
			t.Fatalf("%d lead pictures, want 1", len(ps))
		}
		p := ps[0]
		if !strings.HasPrefix(p.src, "/articles/a/cover_") || !strings.HasSuffix(p.src, ".png") || p.width != "760" || p.height != "428" {
			t.Errorf("fallback %s at %sx%s, want the cover as PNG at 760x428", p.src, p.width, p.height)
		}
		if n := strings.Count(p.srcset, "w,") + 1; n != 2 || !strings.Contains(p.srcset, " 760w") || !strings.Contains(p.srcset, " 1520w") {
			t.Errorf("fallback srcset %q, want 760w and 1520w", p.srcset)
		}
		if !strings.Contains(p.webp, ".webp 760w") || !strings.Contains(p.webp, ".webp 1520w") {
			t.Errorf("WebP srcset %q, want 760w and 1520w", p.webp)
		}
		if p.alt != "Le pont au lever du jour" || p.loading != "" || p.priority != "high" {
			t.Errorf("alt %q, loading %q, fetchpriority %q: want the alt text, an eager image first fetched", p.alt, p.loading, p.priority)
		}
	})

	t.Run("a file in a sub-folder of the bundle, with its caption and credit", func(t *testing.T) {
		ps := pic("articles/sous-dossier/index.html", ".lead-image picture")
		if len(ps) != 1 || !strings.HasPrefix(ps[0].src, "/articles/sous-dossier/photos/quai_") || ps[0].alt != "Le quai nord" {
			t.Fatalf("lead pictures %+v, want photos/quai.png", ps)
		}
		if got := texts(parsePage(t, fs, out+"articles/sous-dossier/index.html"), "figcaption"); len(got) != 1 || got[0] != "Le quai, un matin de mars Photo : Lise Marchal" {
			t.Errorf("caption %q", got)
		}
	})

	t.Run("an address, shown from there in a 16:9 frame, never fetched by the build", func(t *testing.T) {
		const addr = "https://photos.courrier-valmont.example/foire.jpg"
		ps := pic("articles/distante/index.html", ".lead-image picture")
		want := picture{src: addr, width: "760", height: "427", alt: "Les stands de la foire", priority: "high"}
		if len(ps) != 1 || ps[0] != want {
			t.Fatalf("lead pictures %+v, want %+v", ps, want)
		}
		doc := parsePage(t, fs, out+"articles/distante/index.html")
		if got := metas(doc, "og:image"); !slices.Equal(got, []string{addr}) || len(metas(doc, "og:image:width")) != 0 {
			t.Errorf("og:image %q, want the address, and no size", got)
		}
		if cards := pic("articles/index.html", "article.card picture"); !slices.ContainsFunc(cards, func(p picture) bool { return p.src == addr && p.width == "384" && p.loading == "lazy" }) {
			t.Errorf("no card shows the address, 384 wide and lazy: %+v", cards)
		}
	})

	t.Run("a small image is not enlarged", func(t *testing.T) {
		ps := pic("articles/petite/index.html", ".lead-image picture")
		if len(ps) != 1 || ps[0].width != "300" || ps[0].srcset != "" || !strings.HasSuffix(ps[0].webp, ".webp 300w") {
			t.Errorf("lead pictures %+v, want one size, 300 wide", ps)
		}
	})

	t.Run("cards", func(t *testing.T) {
		lead := pic("index.html", "article.lead picture")
		if len(lead) != 1 || lead[0].width != "760" || lead[0].priority != "high" || lead[0].alt != "Le pont au lever du jour" {
			t.Errorf("the home's lead story: pictures %+v, want the cover at 760, fetched first", lead)
		}
		cards := pic("articles/index.html", "article.card picture")
		if len(cards) != 4 {
			t.Fatalf("the list has %d card pictures, want 4 (a, sous-dossier, distante, petite)", len(cards))
		}
		for _, c := range cards {
			local := !strings.HasPrefix(c.src, "https://")
			if c.loading != "lazy" || c.priority != "" || local && c.webp == "" || c.width == "" || c.height == "" {
				t.Errorf("card picture %+v: want lazy, with width and height, and WebP for a file of the site", c)
			}
		}
		if c := cards[0]; c.width != "384" || !strings.Contains(c.srcset, " 768w") {
			t.Errorf("card picture of a %+v: want 384 wide, and 768 for dense screens", c)
		}
	})

	t.Run("Open Graph", func(t *testing.T) {
		doc := parsePage(t, fs, out+"articles/a/index.html")
		for key, want := range map[string]string{"og:image:width": "1200", "og:image:height": "675", "og:image:alt": "Le pont au lever du jour", "twitter:card": "summary_large_image"} {
			if got := metas(doc, key); !slices.Equal(got, []string{want}) {
				t.Errorf("%s = %q, want %q", key, got, want)
			}
		}
	})

	t.Run("no image breaks the build", func(t *testing.T) {
		for _, page := range []string{"absente", "abimee"} {
			doc := parsePage(t, fs, out+"articles/"+page+"/index.html")
			if ps := selectAll(doc, "picture"); len(ps) != 0 {
				t.Errorf("%s shows %d pictures, want none", page, len(ps))
			}
			if got := metas(doc, "twitter:card"); !slices.Equal(got, []string{"summary"}) {
				t.Errorf("%s: twitter:card %q, want summary (no image)", page, got)
			}
		}
		for _, want := range []string{
			"/articles/absente: the image oubliee.jpg is not in the page's folder",
			"/articles/abimee: cannot read the image cover.jpg",
		} {
			if !strings.Contains(log, want) {
				t.Errorf("no warning says %q; the log holds:\n%s", want, log)
			}
		}
	})
}
