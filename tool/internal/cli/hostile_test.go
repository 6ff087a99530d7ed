package cli

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
)

// TestBuildNastyCorpus builds a site from the importer's corpus of bad and hostile inputs
// (tool/internal/importer/testdata/nasty): the build names the bad inputs and exits 1, and no
// page of public/ runs anything the theme did not put there: every script is the theme's
// (a file of the site, or JSON-LD that is valid JSON), no element has an event handler, and
// no link or source is a javascript:, vbscript: or data: address. The hostile title shows as
// text.
func TestBuildNastyCorpus(t *testing.T) {
	fsys := afero.NewMemMapFs()
	src := "../importer/testdata/nasty"
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		return afero.WriteFile(fsys, path.Join("/site", filepath.ToSlash(rel)), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(env{fs: fsys, dir: "/site", stdout: &stdout, stderr: &stderr}, []string{"build"}); code != exitFailed {
		t.Fatalf("build exited %d, want %d:\n%s", code, exitFailed, stderr.String())
	}
	err = afero.Walk(fsys, "/", func(p string, fi fs.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && !strings.HasPrefix(p, "/site/") {
			t.Errorf("%s written outside the site folder", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"kiosque: error: scrapes/image.txt: binary file (image/png)\n",
		"kiosque: error: scrapes/crawl.jsonl:2: invalid JSON: unexpected end of JSON input\n",
		"kiosque: error: scrapes/gros.txt: file too large (20.5 KB; the limit is 16 KB)\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	pages := 0
	err = afero.Walk(fsys, "/site/public", func(p string, fi fs.FileInfo, err error) error {
		if err != nil || fi.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		pages++
		for _, problem := range activeContent(data) {
			t.Errorf("%s: %s", p, problem)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 12 {
		t.Errorf("%d pages built, want the articles and their lists", pages)
	}
	page, err := afero.ReadFile(fsys, "/site/public/articles/le-conseil-de-valmont-vote-le-budget-youtube-x-script-alert-1-script/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if h1 := elementText(page, "h1"); h1 != `Le conseil de Valmont vote le budget {{< youtube x >}} <script>alert(1)</script>` {
		t.Errorf("the hostile title shows as %q", h1)
	}
}

// activeContent lists what, in an HTML page, would run: scripts that are not the theme's,
// event handler attributes, and javascript:, vbscript: or data: addresses.
func activeContent(page []byte) []string {
	var problems []string
	z := html.NewTokenizer(bytes.NewReader(page))
	inScript := ""
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return problems
		case html.TextToken:
			text := string(z.Text())
			if inScript == "ld+json" && !json.Valid([]byte(text)) {
				problems = append(problems, "JSON-LD that is not JSON: "+text)
			} else if inScript == "file" && strings.TrimSpace(text) != "" {
				problems = append(problems, "a script with a file and text: "+text)
			}
		case html.EndTagToken:
			inScript = ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					problems = append(problems, "an event handler: "+tok.String())
				}
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if r <= ' ' {
						return -1
					}
					return r
				}, a.Val))
				for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
					if strings.HasPrefix(v, scheme) {
						problems = append(problems, "an address "+scheme+" "+tok.String())
					}
				}
			}
			switch tok.Data {
			case "script":
				switch src := attrs["src"]; {
				case attrs["type"] == "application/ld+json":
					inScript = "ld+json"
				case src == "":
					problems = append(problems, "an inline script: "+tok.String())
				case strings.HasPrefix(src, "/") && !strings.HasPrefix(src, "//") || strings.HasPrefix(src, "."):
					inScript = "file" // a file of the site: its element holds nothing
				default:
					problems = append(problems, "a script from elsewhere: "+tok.String())
				}
			case "iframe", "object", "embed", "base", "form":
				if tok.Data != "form" || attrs["role"] != "search" && !strings.Contains(attrs["action"], "search") {
					problems = append(problems, "an element "+tok.String())
				}
			}
		}
	}
}

// elementText returns the text of the first element named name in an HTML page.
func elementText(page []byte, name string) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && n.Data == name {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	n := find(doc)
	if n == nil {
		return ""
	}
	var b strings.Builder
	var text func(*html.Node)
	text = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			text(c)
		}
	}
	text(n)
	return strings.TrimSpace(b.String())
}

// TestActiveContent checks the checker of TestBuildNastyCorpus on pages that do run things.
func TestActiveContent(t *testing.T) {
	for _, c := range []struct {
		msg, page string
		problems  int
	}{
		{"the theme's scripts", `<script src="../../js/share.min.js" defer></script><script type="application/ld+json">{"a": 1}</script>`, 0},
		{"an inline script", `<p>x</p><script>alert(1)</script>`, 1},
		{"a script from elsewhere", `<script src="https://evil.example/x.js"></script>`, 1},
		{"broken JSON-LD", `<script type="application/ld+json">{"a": </script>`, 1},
		{"an event handler", `<img src="x.png" onerror="alert(1)">`, 1},
		{"a javascript: link, spaced and in capitals", `<a href=" JavaScript:alert(1)">x</a>`, 1},
		{"a data: address", `<iframe src="data:text/html,x"></iframe>`, 2},
		{"escaped markup is text", `<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>`, 0},
	} {
		if got := activeContent([]byte(c.page)); len(got) != c.problems {
			t.Errorf("%s: problems %q, want %d", c.msg, got, c.problems)
		}
	}
}
