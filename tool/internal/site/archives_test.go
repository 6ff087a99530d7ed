package site_test

import (
	"slices"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
)

// chronicle is a fictional archive of "Le Courrier de Valmont" over two years: three
// articles in March 2024 (one just after midnight on 1 March, Paris time, which is still
// 29 February in UTC), one in January 2024, one in December 2023, and a page outside the
// articles section, which the archives leave out. Two cards per page of a list.
const chronicle = `
-- hugo.toml --
baseURL = "https://courrier-valmont.example/"
title = "Le Courrier de Valmont"
[pagination]
  pagerSize = 2
-- content/articles/minuit/index.md --
---
title: "Le marché de nuit ferme à minuit"
date: 2024-03-01T00:30:00+01:00
tags: [Marché]
---
Texte.
-- content/articles/pont/index.md --
---
title: "Le pont rouvre"
date: 2024-03-12T08:30:00+01:00
tags: [Pont]
---
Texte.
-- content/articles/ecole/index.md --
---
title: "L’école agrandie"
date: 2024-03-20T08:30:00+01:00
tags: [École]
---
Texte.
-- content/articles/neige/index.md --
---
title: "La neige bloque la vallée"
date: 2024-01-15T08:30:00+01:00
tags: [Météo]
---
Texte.
-- content/articles/reveillon/index.md --
---
title: "Un réveillon sur la place"
date: 2023-12-31T20:00:00+01:00
tags: [Fêtes]
---
Texte.
-- content/pages/a-propos.md --
---
title: "À propos"
date: 2022-06-01T08:00:00+02:00
---
Qui nous sommes.
`

// TestArchives checks the year and month archive pages and the links to them.
func TestArchives(t *testing.T) {
	fs := buildSite(t, chronicle)
	const out = "/site/public/"
	root := parsePage(t, fs, out+"archives/index.html")
	march := parsePage(t, fs, out+"archives/2024/03/index.html")
	year := parsePage(t, fs, out+"archives/2024/index.html")
	for _, c := range []struct {
		what string
		got  []string
		want []string
	}{
		{"the root lists the years, newest first", texts(root, ".archive-year h2 a"), []string{"2024", "2023"}},
		{"and the months of each year, newest first", hrefs(root, ".archive-months a"), []string{"/archives/2024/03/", "/archives/2024/01/", "/archives/2023/12/"}},
		{"with their names", texts(root, ".archive-months a"), []string{"Mars", "Janvier", "Décembre"}},
		{"and counts", texts(root, ".archive-months .count"), []string{"(3)", "(1)", "(1)"}},
		{"a month lists its articles, newest first, a page at a time", texts(march, "article.card h3"), []string{"L’école agrandie", "Le pont rouvre"}},
		{"the month's title", texts(march, "h1"), []string{"Mars 2024"}},
		{"the month's count", texts(march, ".count"), []string{"3 articles"}},
		{"its second page holds the article after midnight, in its own zone's March", texts(parsePage(t, fs, out+"archives/2024/03/page/2/index.html"), "article.card h3"), []string{"Le marché de nuit ferme à minuit"}},
		{"a month links to the months before and after that have articles", hrefs(march, ".archive-nav a"), []string{"/archives/2024/01/"}},
		{"and back to its year and the archives", hrefs(march, ".breadcrumb a"), []string{"/archives/", "/archives/2024/"}},
		{"January links both ways", hrefs(parsePage(t, fs, out+"archives/2024/01/index.html"), ".archive-nav a"), []string{"/archives/2023/12/", "/archives/2024/03/"}},
		{"a year lists its months", texts(year, ".archive-month h2 a"), []string{"Mars", "Janvier"}},
		{"and the first titles of each", texts(year, ".archive-titles a"), []string{"L’école agrandie", "Le pont rouvre", "Le marché de nuit ferme à minuit", "La neige bloque la vallée"}},
		{"an article's date links to its month", hrefs(parsePage(t, fs, out+"articles/minuit/index.html"), ".meta .date-link"), []string{"/archives/2024/03/"}},
		{"the header links to the archives", hrefs(root, ".site-header nav a[aria-current]"), []string{"/archives/"}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
		}
	}
	for _, gone := range []string{"archives/2024/02/index.html", "archives/2022/index.html", "archives/2022/06/index.html", "archives/index.xml"} {
		if ok, _ := afero.Exists(fs, out+gone); ok {
			t.Errorf("%s was built: no article of the articles section is dated then, and archives have no feed", gone)
		}
	}
	if got := texts(march, "title"); !slices.Equal(got, []string{"Mars 2024 · Le Courrier de Valmont"}) {
		t.Errorf("the month's <title> is %q", got)
	}
}

// hrefs returns the href of each element matching selector (see texts); a part may also be
// "tag[attr]", an element that has the attribute.
func hrefs(doc *html.Node, selector string) []string {
	var out []string
	for _, n := range selectAll(doc, selector) {
		out = append(out, attr(n, "href"))
	}
	return out
}
