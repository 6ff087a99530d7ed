package bundle

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gohugoio/hugo/parser/pageparser"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// roundTrip writes an article's index.md and reads it back with Hugo's own page parser: the
// front matter values must be those written, and the content the Markdown of the body, with
// no shortcode in it.
func roundTrip(t *testing.T, a *article.Article) {
	t.Helper()
	data, err := Render(a)
	if err != nil {
		t.Fatal(err)
	}
	cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Hugo cannot read the page: %v\n%s", err, data)
	}
	fm := NewFrontMatter(a)
	want := map[string]any{
		"title":   fm.Title,
		"date":    fm.Date,
		"authors": fm.Authors,
		"tags":    fm.Tags,
	}
	if fm.Subtitle != "" {
		want["subtitle"] = fm.Subtitle
	}
	got := map[string]any{}
	for k := range want {
		switch v := cf.FrontMatter[k].(type) {
		case []any:
			var l []string
			for _, s := range v {
				l = append(l, fmt.Sprint(s))
			}
			got[k] = l
		case time.Time:
			got[k] = v.Format(time.RFC3339)
		default:
			got[k] = v
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Hugo reads %#v, want %#v\n%s", got, want, data)
	}
	related, _ := cf.FrontMatter["related"].([]any)
	if len(related) != len(fm.Related) {
		t.Fatalf("Hugo reads %d related, want %d\n%s", len(related), len(fm.Related), data)
	}
	for i, r := range fm.Related {
		m, _ := related[i].(map[string]any)
		for k, v := range map[string]string{"title": r.Title, "author": r.Author, "url": r.URL, "page": r.Page} {
			if s, _ := m[k].(string); s != v {
				t.Errorf("related %d: Hugo reads %s %q, want %q\n%s", i, k, m[k], v, data)
			}
		}
	}
	source, _ := cf.FrontMatter["source"].(map[string]any)
	if s, _ := source["url"].(string); s != fm.Source.URL {
		t.Errorf("Hugo reads source.url %q, want %q", source["url"], fm.Source.URL)
	}
	if content := strings.TrimLeft(string(cf.Content), "\n"); content != Markdown(a.Body) {
		t.Errorf("Hugo reads the content %q, want %q", content, Markdown(a.Body))
	}
	if sc := shortcodes(t, Markdown(a.Body)); len(sc) > 0 {
		t.Errorf("Hugo finds shortcodes %q", sc)
	}
}

// newTestArticle returns an article whose every written field holds one of the strings.
func newTestArticle(title, name, url, body string) *article.Article {
	return &article.Article{
		Page:       "/articles/piege",
		Title:      title,
		Subtitle:   body,
		Authors:    []string{name},
		Tags:       []string{name, title},
		Date:       time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC),
		DateSource: article.DatePublished,
		Body:       []article.Block{{Kind: article.Paragraph, Text: body}, {Kind: article.Heading, Text: title}},
		Related:    []article.Teaser{{Title: title, Author: name, URL: url}},
		Source:     article.Source{Path: "scrapes/piege.txt", Format: "text", URL: url, SHA256: "ab"},
	}
}

// frontMatterTraps are strings that would end, break or retype YAML front matter.
var frontMatterTraps = []string{
	"---", "+++", "...", "---\ntitle: piégé\n---", "title: piégé", "- liste", "[a, b]", "{a: b}",
	"# pas un commentaire", "&ancre", "*alias", "!!binary", "%YAML 1.2", "@arobase", "`accent`",
	"yes", "no", "on", "off", "~", "null", "true", "2026-03-02", "12:30", "0x1F", "1e3", ".inf",
	"Valmont: la foire", "l'été « chaud »", `"guillemets"`, `\échappé`, "\ttabulation", " espaces ",
	"\u202eà l'envers\u202c", "zéro\u200blargeur", "\ufeffbom", "{{< youtube id >}}", "<script>alert(1)</script>",
	"ligne\nsuivante", "ligne\r\nsuivante", "\u2028séparateur\u2029", strings.Repeat("Valmont ", 40),
}

// TestFrontMatterRoundTrip writes pages whose every field holds a trap, and reads them back
// with Hugo's parser.
func TestFrontMatterRoundTrip(t *testing.T) {
	for _, s := range frontMatterTraps {
		roundTrip(t, newTestArticle(s, s, "https://valmont.example/"+s, s))
	}
}

// FuzzFrontMatter writes pages from any valid UTF-8 strings and reads them back with Hugo's
// own page parser: the same values, the same content, and no shortcode.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range frontMatterTraps {
		f.Add(s, s, "https://valmont.example/"+s, s)
	}
	f.Fuzz(func(t *testing.T, title, name, url, body string) {
		for _, s := range []string{title, name, url, body} {
			if !utf8.ValidString(s) {
				return
			}
		}
		roundTrip(t, newTestArticle(title, name, url, body))
	})
}
