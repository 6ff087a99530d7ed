package scrape

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/afero"
	"golang.org/x/text/unicode/norm"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// FuzzRead reads any bytes as a scrape (text, JSON Lines, JSON or HTML) with any bytes as its
// sidecar, through Read: every failure names the scrape or its sidecar and says why, and
// every article is fit to publish (see checkClean).
func FuzzRead(f *testing.F) {
	exts := []string{".txt", ".jsonl", ".json", ".html"}
	for _, name := range caseNames(f) {
		c := loadCase(f, name)
		data, _ := c.file(c.input)
		side, _ := c.file("input.meta.json")
		if ext := slices.Index(exts, filepath.Ext(c.input)); ext >= 0 {
			f.Add(data, side, uint8(ext))
		}
	}
	pages, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, []byte(nil), uint8(3))
	}
	f.Add([]byte(article1), []byte(`{"author": "<b>Auteur</b> Piégé", "tags": ["<i>x</i>"]}`), uint8(0))
	f.Add([]byte("\x89PNG\r\n\x1a\n"), []byte("not json"), uint8(1))
	f.Add([]byte(`{"title": "<b>x</b>", "text": "a\u0000b\u202e"}`), []byte{}, uint8(1))
	f.Fuzz(func(t *testing.T, data, sidecar []byte, ext uint8) {
		fsys := afero.NewMemMapFs()
		name := "scrapes/x" + exts[int(ext)%len(exts)]
		afero.WriteFile(fsys, name, data, 0o644)
		if len(sidecar) > 0 {
			afero.WriteFile(fsys, SidecarPath(name), sidecar, 0o644)
		}
		arts, err := Read(fsys, name, Options{Limits: Limits{MaxFileSize: 1 << 16, MaxLineSize: 1 << 12}})
		for _, fl := range failure.All(err) {
			if fl.File != name && fl.File != SidecarPath(name) || fl.Reason() == "" {
				t.Errorf("failure %q names %q, want the scrape or its sidecar, and a reason", fl, fl.File)
			}
		}
		for i := range arts {
			checkClean(t, &arts[i])
		}
	})
}

// checkClean fails when an article holds what must not be published: text that is not
// UTF-8 in normal form C, control characters, invisible characters, markup in a name or a
// tag, a teaser address that is not http or https.
func checkClean(t *testing.T, a *article.Article) {
	t.Helper()
	hidden := func(r rune) bool { return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) }
	line := func(what, s string) {
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || strings.ContainsFunc(s, hidden) || s != strings.TrimSpace(s) {
			t.Errorf("%s %q is not one clean line", what, s)
		}
	}
	term := func(what, s string) {
		line(what, s)
		if s == "" || strings.ContainsAny(s, "<>") {
			t.Errorf("%s %q is empty or holds markup", what, s)
		}
	}
	line("title", a.Title)
	line("subtitle", a.Subtitle)
	for _, s := range a.Authors {
		term("author", s)
	}
	for _, s := range a.Tags {
		term("tag", s)
	}
	for _, tz := range a.Related {
		line("teaser title", tz.Title)
		if tz.Author != "" {
			term("teaser author", tz.Author)
		}
		if tz.URL != "" && !isWebURL(tz.URL) {
			t.Errorf("teaser address %q", tz.URL)
		}
	}
	for _, b := range a.Body {
		for _, s := range []string{b.Text, b.Caption, b.Credit} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || strings.ContainsFunc(s, isInvisible) ||
				strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cc, r) && r != '\n' }) {
				t.Errorf("body text %q is not clean", s)
			}
		}
	}
}

// FuzzDecode decodes any bytes as text: the result is valid UTF-8 with "\n" line ends and
// as many lines as the input; UTF-8 input comes out as it went in (but for line ends and
// invisible characters).
func FuzzDecode(f *testing.F) {
	addCorpusSeeds(f, ".txt")
	f.Add([]byte("Marché\nLe march\xe9\r\nc\x92est l’été\xc3"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := decodeText(data)
		if !utf8.ValidString(got) || strings.Contains(got, "\r") {
			t.Fatalf("decodeText(%q) = %q: not UTF-8 with \\n line ends", data, got)
		}
		if hasUTF16BOM(data) {
			return
		}
		breaks := func(b []byte) int {
			b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
			return bytes.Count(b, []byte("\n")) + bytes.Count(b, []byte("\r"))
		}
		if n, want := strings.Count(got, "\n"), breaks(data); n != want {
			t.Errorf("decodeText(%q) = %q: %d line ends, want %d", data, got, n, want)
		}
		if body := bytes.TrimPrefix(data, utf8BOM); utf8.Valid(body) {
			want := dropInvisible(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(body)))
			if got != want {
				t.Errorf("decodeText(%q) = %q, want the UTF-8 text as it is", data, got)
			}
		}
	})
}
