package scrape

import (
	"slices"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// TestCleanTerms cleans names and tags of markup and invisible characters before they become
// taxonomy terms.
func TestCleanTerms(t *testing.T) {
	for _, c := range []struct{ msg, in, want string }{
		{"bold markup", "<b>Auteur</b> Piégé", "Auteur Piégé"},
		{"a script and its text", "<script>alert(1)</script>Anne Delorme", "Anne Delorme"},
		{"an HTML comment", "Anne <!-- rédactrice -->Delorme", "Anne Delorme"},
		{"entities", "Procter &amp; Gamble", "Procter & Gamble"},
		{"escaped markup stays out", "&lt;i&gt;Valmont&lt;/i&gt;", "i Valmont /i"},
		{"markup inside a word", "Pi<i>é</i>gé", "Piégé"},
		{"a line break tag", "Anne<br>Delorme", "Anne Delorme"},
		{"a bidi override", "\u202eAnne Delorme\u202c", "Anne Delorme"},
		{"zero-width characters", "Anne\u200b De\u200clorme\ufeff", "Anne Delorme"},
		{"decomposed accents", "E\u0301lodie Marchetti", "Élodie Marchetti"},
		{"control characters", "Anne\x00\tDelorme\x1b", "Anne Delorme"},
		{"a lone angle bracket", "Anne > Delorme", "Anne Delorme"},
		{"nothing but markup", "<img src=x onerror=alert(1)>", ""},
		{"text that is not markup", "Les 3 < 5 ans", "Les 3 5 ans"},
	} {
		if got := cleanTerm(c.in); got != c.want {
			t.Errorf("%s: cleanTerm(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

// TestClean cleans a whole article: titles and teasers keep their words, the body keeps its
// text but loses bidi overrides, and a teaser or image address that is not http or https is
// dropped, with its reason.
func TestClean(t *testing.T) {
	a := article.Article{
		Title:   "Le \u202eport\u202c de Valmont\u200b rouvre",
		Authors: []string{"<b>Auteur</b> Piégé", "<i></i>"},
		Tags:    []string{"<em>Valmont</em>", "Port-Aubrac"},
		Body: []article.Block{
			{Kind: article.Paragraph, Text: "Le maire a dit \u202e« merci »\u202c, puis e\u0301mu, <b>rien</b> de plus."},
			{Kind: article.Image, Text: "Le port", Src: "javascript:alert(1)"},
			{Kind: article.Image, Text: "Le quai", Src: "quai.jpg"},
		},
		Related: []article.Teaser{
			{Title: "Un piège", Author: "<b>Paul</b> Varenne", URL: "javascript:alert(document.cookie)"},
			{Title: "Le pont", URL: "JAVA\nSCRIPT:alert(1)"},
			{Title: "La foire", URL: "https://valmont.example/foire"},
			{Title: "Le marché", URL: "data:text/html,<script>alert(1)</script>"},
		},
	}
	clean(&a)
	if a.Title != "Le port de Valmont rouvre" {
		t.Errorf("title %q", a.Title)
	}
	if want := []string{"Auteur Piégé"}; !slices.Equal(a.Authors, want) {
		t.Errorf("authors %q, want %q", a.Authors, want)
	}
	if want := []string{"Valmont", "Port-Aubrac"}; !slices.Equal(a.Tags, want) {
		t.Errorf("tags %q, want %q", a.Tags, want)
	}
	if want := "Le maire a dit « merci », puis ému, <b>rien</b> de plus."; a.Body[0].Text != want {
		t.Errorf("body %q, want %q (markup in the body is text, shown as text)", a.Body[0].Text, want)
	}
	if a.Body[1].Src != "" || a.Body[2].Src != "quai.jpg" {
		t.Errorf("image sources %q, %q: want the javascript: one dropped, the relative one kept", a.Body[1].Src, a.Body[2].Src)
	}
	var urls []string
	for _, tz := range a.Related {
		urls = append(urls, tz.URL)
	}
	if want := []string{"", "", "https://valmont.example/foire", ""}; !slices.Equal(urls, want) {
		t.Errorf("teaser addresses %q, want %q", urls, want)
	}
	if a.Related[0].Author != "Paul Varenne" {
		t.Errorf("teaser author %q", a.Related[0].Author)
	}
	want := []article.Dropped{
		{Line: "javascript:alert(document.cookie)", Reason: DropUnsafeURL},
		{Line: "JAVA\nSCRIPT:alert(1)", Reason: DropUnsafeURL},
		{Line: "data:text/html,<script>alert(1)</script>", Reason: DropUnsafeURL},
		{Line: "javascript:alert(1)", Reason: DropUnsafeURL},
	}
	if !slices.Equal(a.Dropped, want) {
		t.Errorf("dropped %q, want %q", a.Dropped, want)
	}
}

// TestReadCleansSidecar reads a sidecar whose author, tags and title hold markup: the
// markup is gone before the names are split.
func TestReadCleansSidecar(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "pont.txt", []byte(article1), 0o644)
	afero.WriteFile(fsys, "pont.meta.json", []byte(`{"title": "<h1>Le pont <em>rouvre</em></h1>", "author": "<b>Auteur</b> Piégé et <i>Anne Delorme</i>", "tags": "<a href='javascript:x'>Valmont</a>, Pont"}`), 0o644)
	arts, err := Read(fsys, "pont.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "Le pont rouvre" || !slices.Equal(a.Authors, []string{"Auteur Piégé", "Anne Delorme"}) || !slices.Equal(a.Tags, []string{"Valmont", "Pont"}) {
		t.Errorf("title %q, authors %q, tags %q", a.Title, a.Authors, a.Tags)
	}
}

// TestCleanHTMLFields cleans what only the HTML reader fills: the description and the site's
// name as lines, the categories as terms, the lead image like a body image, and a block's
// Markdown like its text.
func TestCleanHTMLFields(t *testing.T) {
	a := article.Article{
		Description: "Le port\u200b de Valmont\nrouvre \u202elundi\u202c",
		SiteName:    "La Gazette\u00a0de\tValmont\x00",
		Categories:  []string{"<b>Économie</b>", "<i></i>", "Ports\u200b"},
		Image:       article.Block{Kind: article.Image, Text: "Le \u202eport\u202c", Src: "javascript:alert(1)", Caption: "Le quai\x1b", Credit: "Photo \u202eJade Morin"},
		Body: []article.Block{
			{Kind: article.Paragraph, Text: "Le maire a dit merci.", Markdown: "Le maire a dit \u202e**merci**\u202c.\x00"},
		},
	}
	clean(&a)
	if a.Description != "Le port de Valmont rouvre lundi" {
		t.Errorf("description %q", a.Description)
	}
	if a.SiteName != "La Gazette de Valmont" {
		t.Errorf("site name %q", a.SiteName)
	}
	if want := []string{"Économie", "Ports"}; !slices.Equal(a.Categories, want) {
		t.Errorf("categories %q, want %q", a.Categories, want)
	}
	if a.Image.Src != "" || a.Image.Text != "Le port" || a.Image.Caption != "Le quai" || a.Image.Credit != "Photo Jade Morin" {
		t.Errorf("lead image %+v: want the javascript: address dropped and the texts cleaned", a.Image)
	}
	if a.Body[0].Markdown != "Le maire a dit **merci**." {
		t.Errorf("Markdown %q", a.Body[0].Markdown)
	}
	if want := []article.Dropped{{Line: "javascript:alert(1)", Reason: DropUnsafeURL}}; !slices.Equal(a.Dropped, want) {
		t.Errorf("dropped %q, want %q", a.Dropped, want)
	}
}
