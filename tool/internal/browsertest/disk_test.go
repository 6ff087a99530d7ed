package browsertest

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/spf13/afero"
)

// TestFromDisk builds the demo site as the README's command does, with no base URL, into a
// folder on the disk, and reads it in Chromium through file: addresses, as a newcomer who
// opens public/index.html does: the pages are styled, their scripts run (the search works),
// links to folders open their index.html, and no page reports an error (a stylesheet or a
// script refused for its integrity attribute would).
func TestFromDisk(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	if err := buildDemoSiteIn(afero.NewOsFs(), dir, ""); err != nil {
		t.Fatal(err)
	}
	public := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "public")) + "/"}).String()
	styled := `getComputedStyle(document.querySelector(".site-header")).borderBottomWidth`

	t.Run("home, then an article", func(t *testing.T) {
		home := openPage(t, ctx, public+"index.html", "main#main", chromedp.EmulateViewport(1280, 900))
		if got := eval[string](t, home, styled); got != "3px" {
			t.Errorf("the home page is not styled from the disk: the header's rule is %q, want the stylesheet's 3px", got)
		}
		loc := home.follow(t, "article.lead h3 a", "aside.sidebar")
		if !strings.HasPrefix(loc, public+"articles/") || !strings.HasSuffix(loc, "/index.html") {
			t.Errorf("the lead story's link opened %s, want an article's index.html", loc)
		}
		if got := eval[string](t, home, styled); got != "3px" {
			t.Errorf("the article is not styled from the disk: the header's rule is %q", got)
		}
		loc = home.follow(t, ".article-header .date-link", "article.card")
		if !strings.HasPrefix(loc, public+"archives/") || !strings.HasSuffix(loc, "/index.html") {
			t.Errorf("the article's date opened %s, want its month's archive page", loc)
		}
		loc = home.follow(t, ".breadcrumb li:first-child a", ".archive-year")
		if loc != public+"archives/index.html" {
			t.Errorf("the month's breadcrumb opened %s, want the archives", loc)
		}
	})

	t.Run("search", func(t *testing.T) {
		search := openPage(t, ctx, public+"search/index.html", "#search-q", chromedp.EmulateViewport(1280, 900))
		if links, count := search.search(t, "Karabakh poutine"); len(links) != 1 || count != "1 article trouvé" {
			t.Errorf("searching from the disk finds %q (%q), want the seed's article alone", links, count)
		}
		loc := search.follow(t, ".search-hits a", "aside.sidebar")
		if want := public + strings.TrimPrefix(seedArticle, "/") + "index.html"; loc != want {
			t.Errorf("the search result opened %s, want %s", loc, want)
		}
	})
}
