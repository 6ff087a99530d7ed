package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/spf13/afero"
)

// box is an element's place on the page, in CSS pixels from the top of the document.
type box struct {
	Top, Bottom, Left, Right, Width, Height float64
}

// layout is what TestSidebarPosition measures on the article page.
type layout struct {
	Article, Aside box
	Visible        bool
	ScrollWidth    float64
}

const measure = `(() => {
  const box = (sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return {Top: r.top + scrollY, Bottom: r.bottom + scrollY, Left: r.left, Right: r.right, Width: r.width, Height: r.height};
  };
  const aside = document.querySelector("aside.sidebar");
  const style = getComputedStyle(aside);
  return {
    Article: box("article.article"),
    Aside: box("aside.sidebar"),
    Visible: style.display !== "none" && style.visibility !== "hidden" && aside.checkVisibility(),
    ScrollWidth: document.documentElement.scrollWidth,
  };
})()`

// TestSidebarPosition opens the seed's article at a phone's and a desktop's width: on the
// phone the editors' sidebar follows the article, on the desktop it stands beside it.
// Screenshots of both go to the artifacts folder.
func TestSidebarPosition(t *testing.T) {
	demoSite(t)
	ctx := browser(t)
	dir := artifacts(t)
	for _, c := range []struct {
		name          string
		width, height int64
		mobile        bool
	}{
		{"phone", 375, 812, true},
		{"desktop", 1280, 900, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			viewport := chromedp.EmulateViewport(c.width, c.height)
			if c.mobile {
				viewport = chromedp.EmulateViewport(c.width, c.height, chromedp.EmulateMobile, chromedp.EmulateScale(2))
			}
			tab := openPage(t, ctx, serverURL+seedArticle, "aside.sidebar", viewport).ctx
			got, err := chromedp.Run(tab, chromedp.Evaluate[layout](measure))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d px: article %+v, sidebar %+v, document width %.0f", c.width, got.Article, got.Aside, got.ScrollWidth)
			if !got.Visible || got.Aside.Width == 0 || got.Aside.Height == 0 {
				t.Errorf("the sidebar is not visible")
			}
			if got.ScrollWidth > float64(c.width) {
				t.Errorf("the page is %.0f px wide, more than the %d px screen: it scrolls sideways", got.ScrollWidth, c.width)
			}
			if c.mobile {
				if got.Aside.Top < got.Article.Bottom {
					t.Errorf("on a phone the sidebar should follow the article: it starts at %.0f px, the article ends at %.0f px", got.Aside.Top, got.Article.Bottom)
				}
				if got.Aside.Width < float64(c.width)*0.8 {
					t.Errorf("on a phone the sidebar should take the screen's width: %.0f of %d px", got.Aside.Width, c.width)
				}
			} else {
				if got.Aside.Left < got.Article.Right {
					t.Errorf("on a desktop the sidebar should stand beside the article: it starts at x=%.0f, the article ends at x=%.0f", got.Aside.Left, got.Article.Right)
				}
				if got.Aside.Top >= got.Article.Bottom || got.Aside.Top > float64(c.height) {
					t.Errorf("on a desktop the sidebar should show beside the top of the article, in the first screen: it starts at y=%.0f", got.Aside.Top)
				}
			}
			shots := map[string]chromedp.Action[[]byte]{
				fmt.Sprintf("article-%d-full.png", c.width): chromedp.FullScreenshot(100),
				fmt.Sprintf("article-%d.png", c.width):      chromedp.CaptureScreenshot(),
			}
			for name, shot := range shots {
				png, err := chromedp.Run(tab, shot)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("screenshots: %s", filepath.Join(dir, fmt.Sprintf("article-%d*.png", c.width)))
		})
	}
}

// axeResult is the part of axe-core's report the test reads.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target         []any  `json:"target"`
			FailureSummary string `json:"failureSummary"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes []struct {
		ID string `json:"id"`
	} `json:"passes"`
}

// TestAccessibility runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on each kind of page,
// at a phone's and a desktop's width, in the light and the dark scheme: there must be no
// violation.
func TestAccessibility(t *testing.T) {
	demoSite(t)
	axe, err := os.ReadFile(nodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int64{375, 1280} {
			for _, p := range checkedPages {
				t.Run(fmt.Sprintf("%s/%d/%s", scheme, width, p.name), func(t *testing.T) {
					media := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
						_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
							Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
						})
						return err
					})
					tab := openPage(t, ctx, serverURL+p.path, p.ready, chromedp.EmulateViewport(width, 900), media).ctx
					bg, err := chromedp.Run(tab, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
					if err != nil {
						t.Fatal(err)
					}
					if want := map[string]string{"light": "rgb(255, 255, 255)", "dark": "rgb(18, 18, 18)"}[scheme]; bg != want {
						t.Errorf("the %s scheme paints the page %s, want %s", scheme, bg, want)
					}
					if _, err := chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
						t.Fatal(err)
					}
					res, err := chromedp.Run(tab, chromedp.Evaluate[axeResult](
						`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]})`,
						chromedp.EvalAwaitPromise))
					if err != nil {
						t.Fatal(err)
					}
					if len(res.Passes) == 0 {
						t.Errorf("axe-core passed no rule: it did not check the page")
					}
					for _, v := range res.Violations {
						var where []string
						for _, n := range v.Nodes {
							where = append(where, fmt.Sprintf("%v: %s", n.Target, strings.ReplaceAll(n.FailureSummary, "\n", " ")))
						}
						t.Errorf("%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
					}
				})
			}
		}
	}
}

// TestSearchPage types queries into the search page, as a reader does, and checks the
// results it lists and that it loaded only part of the sharded index (under search/).
func TestSearchPage(t *testing.T) {
	demoSite(t)
	ctx := browser(t)
	for _, c := range []struct {
		msg, typed string
		want       []string // the results' links, "" for none
		count      string
	}{
		{"a rare word", "karabakh", []string{seedArticle}, "1 article trouvé"},
		{"the last word cut short", "poutine Macr", []string{seedArticle}, "1 article trouvé"},
		{"a word of the text only, accents and case ignored", "ÉREVAN", []string{seedArticle}, "1 article trouvé"},
		{"every word must match", "karabakh baignade", nil, "Aucun article ne correspond."},
	} {
		t.Run(c.typed, func(t *testing.T) {
			search := openPage(t, ctx, serverURL+"/search/", "#search-q")
			got, count := search.search(t, c.typed)
			if !slices.Equal(got, c.want) || count != c.count {
				t.Errorf("%s: searching for %q finds %q (%q), want %q (%q)", c.msg, c.typed, got, count, c.want, c.count)
			}
			loaded := eval[[]string](t, search, `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.startsWith("/search/"))`)
			if !slices.Contains(loaded, "/search/manifest.js") || len(loaded) < 2 {
				t.Errorf("%s: the page loaded %q from the index, want its manifest and shards", c.msg, loaded)
			}
			t.Logf("%q loaded %q", c.typed, loaded)
		})
	}
}

// TestSearchMore searches for a word of most articles: the page lists 20 results, and its
// button lists the others, loading more of the index.
func TestSearchMore(t *testing.T) {
	demoSite(t)
	ctx := browser(t)
	search := openPage(t, ctx, serverURL+"/search/", "#search-q")
	_, count := search.search(t, "la")
	var n int
	if _, err := fmt.Sscanf(count, "%d articles trouvés", &n); err != nil || n <= 20 {
		t.Fatalf("searching for la finds %q, want more than 20 articles", count)
	}
	if shown := eval[int](t, search, `document.querySelectorAll(".search-hits li").length`); shown != 20 {
		t.Errorf("the page lists %d of the %d results first, want 20", shown, n)
	}
	if err := chromedp.Do(search.ctx, chromedp.Click(".search-more", chromedp.NodeVisible), chromedp.WaitNotPresent(".search-more")); err != nil {
		t.Fatalf("the button for more results: %v", err)
	}
	if shown := eval[int](t, search, `document.querySelectorAll(".search-hits li").length`); shown != n {
		t.Errorf("after the button the page lists %d results, want all %d", shown, n)
	}
}

// search types words into the search form of the page, submits it and returns the links of
// the results and the line that counts them.
func (p *page) search(t *testing.T, words string) ([]string, string) {
	t.Helper()
	if _, err := chromedp.RunResponse(p.ctx, chromedp.SendKeys("#search-q", words+kb.Enter)); err != nil {
		t.Fatalf("typing %q: %v", words, err)
	}
	if err := chromedp.Do(p.ctx, chromedp.WaitVisible("#search-results > p")); err != nil {
		t.Fatalf("searching for %q shows no result line: %v", words, err)
	}
	links := eval[[]string](t, p, `[...document.querySelectorAll(".search-hits a")].map(a => a.getAttribute("href"))`)
	return links, eval[string](t, p, `document.querySelector("#search-results > p").textContent`)
}

// vnuReport is the Nu Html Checker's JSON output.
type vnuReport struct {
	Messages []struct {
		Type     string `json:"type"`
		URL      string `json:"url"`
		LastLine int    `json:"lastLine"`
		Message  string `json:"message"`
		Extract  string `json:"extract"`
	} `json:"messages"`
}

// TestHTMLValid runs the Nu Html Checker (vnu-jar, with java) on each kind of page: there
// must be no error.
func TestHTMLValid(t *testing.T) {
	demoSite(t)
	jar := nodeModule(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		need(t, "java is not on the PATH; the Nu Html Checker needs it")
	}
	dir := t.TempDir()
	var files []string
	for _, p := range checkedPages {
		name := strings.TrimSuffix(p.path, "?q=valmont")
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, err := afero.ReadFile(siteFs, "/site/public"+name)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, p.name+".html")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "json", "--stdout", "--exit-zero-always"}, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("vnu: %v\n%s", err, out)
	}
	var rep vnuReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("vnu output does not parse: %v\n%s", err, out)
	}
	for _, m := range rep.Messages {
		t.Errorf("%s:%d: %s: %s\n  %s", filepath.Base(m.URL), m.LastLine, m.Type, m.Message, m.Extract)
	}
	t.Logf("the Nu Html Checker read %d pages: %d messages", len(files), len(rep.Messages))
}
