package enrich

import (
	"fmt"
	"slices"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// TestSimilarOverPages lists similar pages for every page of a site whose pages all share one
// tag, as writers' pages often do: the tag on every page says nothing, the rarer ones decide,
// and nothing else of the pages changes.
func TestSimilarOverPages(t *testing.T) {
	var pages []*article.Article
	for i := range 60 {
		pages = append(pages, &article.Article{
			Page:    fmt.Sprintf("/articles/%02d", i),
			Title:   fmt.Sprintf("Chronique de Valmont n°%d", i),
			Tags:    []string{"Valmont", fmt.Sprintf("Quartier %d", i/2)},
			Authors: []string{"Anne Delorme"},
		})
	}
	Similar(pages, 0)
	for i, p := range pages {
		twin := fmt.Sprintf("/articles/%02d", i^1)
		if !slices.Equal(p.Similar, []string{twin}) {
			t.Errorf("%s: similar %q, want only %s, which shares its district", p.Page, p.Similar, twin)
		}
		if want := []string{"Valmont", fmt.Sprintf("Quartier %d", i/2)}; !slices.Equal(p.Tags, want) {
			t.Errorf("%s: tags became %q, want them left as %q", p.Page, p.Tags, want)
		}
	}

	few := []*article.Article{
		{Page: "/a", Tags: []string{"Port"}},
		{Page: "/b", Tags: []string{"Port"}},
		{Page: "/c", Tags: []string{"Port"}},
	}
	Similar(few, 1)
	for _, p := range few {
		if len(p.Similar) != 1 {
			t.Errorf("%s: similar %q, want one page with k = 1", p.Page, p.Similar)
		}
	}
}

// TestSimilarNotByTheDefaultByline: the seed's case. Three pages signed by the default byline
// and nothing else in common (a peace talk, a river town's swimming ban and its library) list
// no similar page, though the byline is on fewer than 50 pages; the two river-town pages,
// which share their town, list each other.
func TestSimilarNotByTheDefaultByline(t *testing.T) {
	byline := []string{"La rédaction"}
	seed := &article.Article{Page: "/articles/karabakh", Tags: []string{"Haut-Karabakh", "OSCE", "Vladimir Poutine"}, Authors: byline}
	swim := &article.Article{Page: "/articles/baignade", Tags: []string{"Bellerive", "Sélève"}, Authors: byline}
	books := &article.Article{Page: "/articles/bibliotheque", Tags: []string{"Bellerive", "Médiathèque"}, Authors: byline}
	Similar([]*article.Article{seed, swim, books}, 0)
	if seed.Similar != nil {
		t.Errorf("the seed lists %q, linked to it by the byline alone; want none", seed.Similar)
	}
	if !slices.Equal(swim.Similar, []string{"/articles/bibliotheque"}) || !slices.Equal(books.Similar, []string{"/articles/baignade"}) {
		t.Errorf("the river town's pages list %q and %q, want each other", swim.Similar, books.Similar)
	}
}
