package site

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"

	"github.com/kiosque-dev/kiosque"
)

// linkSite is a small fictional site: two articles naming each other, one with an image in
// its bundle and a Markdown link by path, an author profile and tags.
var linkSite = map[string]string{
	"content/articles/la-foire-de-valmont/index.md": `---
title: "La foire de Valmont rouvre ses portes"
date: 2026-03-02T08:00:00+01:00
authors: ["Anne Delorme"]
tags: ["Valmont", "Foire"]
related:
  - page: "/articles/le-pont-des-tanneurs"
---

La foire rouvre. ![Les stands](stands.png "Les stands")

Voir aussi [le pont](/articles/le-pont-des-tanneurs) et [plus bas](#fin).

## Fin {#fin}
`,
	"content/articles/la-foire-de-valmont/stands.png": string(PNGImage(40, 30)),
	"content/articles/le-pont-des-tanneurs/index.md": `---
title: "Le pont des Tanneurs fermé pour travaux"
date: 2026-03-01T08:00:00+01:00
authors: ["Anne Delorme", "Paul Varenne"]
tags: ["Valmont"]
related:
  - page: "/articles/la-foire-de-valmont"
  - title: "Une page d'ailleurs"
    url: "https://courrier-de-valmont.example/ailleurs"
aliases: ["/2026/03/01/pont"]
---

Le pont ferme.
`,
	"content/authors/anne-delorme/_index.md": "---\ntitle: Anne Delorme\n---\nJournaliste au Courrier de Valmont.\n",
	"static/favicon.ico":                     "icon",
}

func writeSite(t *testing.T, fsys afero.Fs, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := fsys.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := afero.WriteFile(fsys, filepath.Join(root, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBuildLinksResolve builds the site under a sub-path and with relative links (the
// default without a base URL), then crawls every HTML file and checks that each internal
// href and src names a file of the output.
func TestBuildLinksResolve(t *testing.T) {
	for _, c := range []struct {
		name, baseURL, pageBase string
	}{
		{"sub-path base URL", "https://example.org/sub/", "https://example.org/sub/"},
		{"no base URL: relative links", "", "file:///anywhere/on/disk/"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			writeSite(t, fsys, "/site", linkSite)
			res, err := Build(Options{Fs: fsys, WorkingDir: "/site", Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes(), BaseURL: c.baseURL, Log: testLog{t}})
			if err != nil {
				t.Fatal(err)
			}
			checked := crawl(t, afero.NewBasePathFs(fsys, res.PublishDir), c.pageBase)
			t.Logf("%d internal links checked", checked)
			if checked < 50 {
				t.Errorf("checked only %d internal links; the crawl missed pages", checked)
			}
		})
	}
}

// crawl checks the internal links of every HTML file of out, as served from base, and returns
// how many it checked.
func crawl(t *testing.T, out afero.Fs, base string) int {
	t.Helper()
	root, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	checked, pages := 0, 0
	err = afero.Walk(out, "/", func(name string, fi fs.FileInfo, err error) error {
		if err != nil || fi.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		pages++
		data, err := afero.ReadFile(out, name)
		if err != nil {
			return err
		}
		pageURL := root.ResolveReference(&url.URL{Path: strings.TrimPrefix(filepath.ToSlash(name), "/")})
		for _, ref := range links(t, name, string(data)) {
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: unparseable link %q", name, ref)
				continue
			}
			abs := pageURL.ResolveReference(u)
			if abs.Scheme != root.Scheme || abs.Host != root.Host {
				continue // external
			}
			if !strings.HasPrefix(abs.Path, root.Path) {
				t.Errorf("%s: link %q leaves the site's folder %s", name, ref, root.Path)
				continue
			}
			target := "/" + strings.TrimPrefix(abs.Path, root.Path)
			if strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			checked++
			if fi, err := out.Stat(path.Clean(target)); err != nil || fi.IsDir() {
				t.Errorf("%s: link %q resolves to %s, which is not in the output", name, ref, target)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 5 {
		t.Errorf("crawled %d HTML pages, want the whole site", pages)
	}
	return checked
}

// links returns the href, src and srcset addresses of an HTML document.
func links(t *testing.T, name, doc string) []string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(doc))
	var out []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				switch a.Key {
				case "href", "src":
					out = append(out, a.Val)
				case "srcset":
					for _, cand := range strings.Split(a.Val, ",") {
						if f := strings.Fields(cand); len(f) > 0 {
							out = append(out, f[0])
						}
					}
				}
			}
		}
	}
}

// testLog sends Hugo's messages to the test log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// PNGImage returns a real PNG image of w by h pixels, a plain gradient, as a writer's photo
// would be. It is exported for the package's external tests (theme_test.go).
func PNGImage(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(40 + x*120/w), uint8(60 + y*100/h), 140, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// TestPortableBuild: a build without a base URL is portable, so its pages carry no integrity
// attribute (browsers refuse them on file: pages and would drop the stylesheet) and load the
// script that opens folders' index.html from the disk; a build with a base URL keeps the
// integrity of every stylesheet and script. Both get the search index, scripts that work
// from the disk and from a host alike.
func TestPortableBuild(t *testing.T) {
	for _, c := range []struct {
		name, baseURL string
		portable      bool
	}{
		{"no base URL", "", true},
		{"a base URL", "https://example.org/sub/", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			writeSite(t, fsys, "/site", linkSite)
			if _, err := Build(Options{Fs: fsys, WorkingDir: "/site", Theme: kiosque.Theme(), BaseURL: c.baseURL, Log: testLog{t}}); err != nil {
				t.Fatal(err)
			}
			article := read(t, fsys, "/site/public/articles/la-foire-de-valmont/index.html")
			search := read(t, fsys, "/site/public/search/index.html")
			for page, doc := range map[string]string{"article": article, "search": search} {
				refs, withIntegrity := 0, 0
				z := html.NewTokenizer(strings.NewReader(doc))
				for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
					tok := z.Token()
					if tok.Data != "script" && tok.Data != "link" || !hasAnyAttr(tok, "src") && !(tok.Data == "link" && attrOf(tok, "rel") == "stylesheet") {
						continue
					}
					refs++
					if hasAnyAttr(tok, "integrity") {
						withIntegrity++
					}
				}
				if refs < 2 {
					t.Errorf("%s page: %d stylesheets and scripts, want the stylesheet and a script at least", page, refs)
				}
				if c.portable && withIntegrity != 0 {
					t.Errorf("%s page: %d of %d stylesheets and scripts carry an integrity attribute; a portable build must have none", page, withIntegrity, refs)
				}
				if !c.portable && withIntegrity != refs {
					t.Errorf("%s page: %d of %d stylesheets and scripts carry an integrity attribute, want all", page, withIntegrity, refs)
				}
			}
			if got := strings.Contains(article, "/file.min."); got != c.portable {
				t.Errorf("the article loads file.js: %v, want %v", got, c.portable)
			}
			if _, err := fsys.Stat("/site/public/search/manifest.js"); err != nil {
				t.Errorf("the search index is not written: %v", err)
			}
			if got := strings.Contains(search, `data-root="../"`); got != c.portable {
				t.Errorf("the search page makes its results relative to itself: %v, want %v", got, c.portable)
			}
		})
	}
}

func hasAnyAttr(tok html.Token, key string) bool {
	for _, a := range tok.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attrOf(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
