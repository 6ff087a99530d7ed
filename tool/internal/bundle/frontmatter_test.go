package bundle

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// TestAliasFromURL keeps old links working with clean paths only.
func TestAliasFromURL(t *testing.T) {
	for _, c := range []struct{ msg, url, want string }{
		{"a path", "https://courrier.example/2026/03/port-rouvre.html", "/2026/03/port-rouvre.html"},
		{"trailing slash, query and fragment", "https://courrier.example/region/port/?utm=x#top", "/region/port"},
		{"double slashes and dots", "https://courrier.example//region/./port", "/region/port"},
		{"a parent folder", "https://courrier.example/a/../../etc/passwd", ""},
		{"an encoded parent folder", "https://courrier.example/a/%2e%2e/b", ""},
		{"a control character", "https://courrier.example/a%00b", ""},
		{"the home page", "https://courrier.example/", ""},
		{"a page by query only", "https://courrier.example/?p=123", ""},
		{"no address", "", ""},
		{"not an address", "::not a url", ""},
	} {
		if got := AliasFromURL(c.url); got != c.want {
			t.Errorf("%s: AliasFromURL(%q) = %q, want %q", c.msg, c.url, got, c.want)
		}
	}
}

// TestFrontMatterDuplicates records the other scrapes of an article and their addresses as
// aliases, once each, never the page's own path.
func TestFrontMatterDuplicates(t *testing.T) {
	a := &article.Article{
		Page:   "/articles/port",
		Title:  "Le port rouvre",
		Source: article.Source{Path: "a.txt", URL: "https://courrier.example/region/port"},
		Duplicates: []article.Source{
			{Path: "b.txt", URL: "https://autre.example/2026/port", SHA256: "bb"},
			{Path: "c.txt", URL: "https://courrier.example/region/port/", SHA256: "cc"},
			{Path: "d.txt", URL: "https://site.example/articles/port", SHA256: "dd"},
		},
	}
	fm := NewFrontMatter(a)
	if want := []string{"/region/port", "/2026/port"}; !slices.Equal(fm.Aliases, want) {
		t.Errorf("aliases %q, want %q", fm.Aliases, want)
	}
	if len(fm.Source.Duplicates) != 3 || fm.Source.Duplicates[0].File != "b.txt" {
		t.Errorf("duplicates %+v, want the three other scrapes", fm.Source.Duplicates)
	}
}

// TestLoadPages reads a site's pages, in any front matter format, except author profiles,
// section pages and the skipped bundles.
func TestLoadPages(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for name, data := range map[string]string{
		"/c/articles/mine/index.md":   "---\ntitle: Mon billet\nauthors: [Anne Delorme]\ntags: [Valmont]\ndate: 2026-03-01\n---\n\nPremier \\*paragraphe\\*.\n\n## Un intertitre\n",
		"/c/articles/toml.md":         "+++\ntitle = \"En TOML\"\n+++\nTexte.\n",
		"/c/articles/ours/index.md":   "---\ntitle: Importé\n---\n",
		"/c/articles/_index.md":       "---\ntitle: Articles\n---\n",
		"/c/authors/anne/_index.md":   "---\ntitle: Anne\n---\n",
		"/c/articles/broken/index.md": "---\ntitle: [\n---\n",
		"/c/articles/draft/index.md":  "---\ntitle: Brouillon\ndraft: true\ntags: [Valmont]\n---\nPas encore.\n",
	} {
		if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, errs := Target{}.LoadPages(fsys, "/c", func(b string) bool { return b == "articles/ours" })
	if len(errs) != 1 {
		t.Errorf("errors %v, want the broken page named", errs)
	}
	got := map[string]*article.Article{}
	for _, p := range pages {
		got[p.Page] = p
	}
	if len(got) != 2 || got["/articles/mine"] == nil || got["/articles/toml"] == nil {
		t.Fatalf("pages %v, want mine and toml (no draft, no skipped bundle)", got)
	}
	mine := got["/articles/mine"]
	if mine.Title != "Mon billet" || !slices.Equal(mine.Tags, []string{"Valmont"}) || mine.Date.IsZero() {
		t.Errorf("mine = %+v", mine)
	}
	if want := []string{"Premier *paragraphe*.", "Un intertitre"}; !slices.Equal(mine.Paragraphs(), want) {
		t.Errorf("body %q, want %q", mine.Paragraphs(), want)
	}
}

// TestFrontMatterHTMLMetadata writes what an HTML page adds: description, categories, the
// lead image, the site's name and teaser dates.
func TestFrontMatterHTMLMetadata(t *testing.T) {
	a := &article.Article{
		Title:       "La halle rouvre",
		Description: "Fermée depuis 2022.",
		Categories:  []string{"Valmont"},
		SiteName:    "L'Écho du Bocage",
		Image:       article.Block{Kind: article.Image, Src: "halle.jpg", Text: "La façade", Caption: "La façade restaurée.", Credit: "Lucas Berthier"},
		Related:     []article.Teaser{{Title: "Le parking", URL: "https://echo.example/p", Date: time.Date(2024, 2, 3, 10, 0, 0, 0, time.UTC)}},
	}
	data, err := Render(a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"description: Fermée depuis 2022.\n",
		"categories:\n  - Valmont\n",
		"image:\n  src: halle.jpg\n  alt: La façade\n  caption: La façade restaurée.\n  credit: Lucas Berthier\n",
		"    date: \"2024-02-03T10:00:00Z\"\n",
		"  site_name: L'Écho du Bocage\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("front matter lacks %q:\n%s", want, data)
		}
	}
}
