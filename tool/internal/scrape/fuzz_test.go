package scrape

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// addCorpusSeeds adds the scrapes of the cases and of testdata/encodings whose names end
// with one of exts.
func addCorpusSeeds(f *testing.F, exts ...string) {
	for _, name := range caseNames(f) {
		c := loadCase(f, name)
		if data, ok := c.file(c.input); ok && slices.ContainsFunc(exts, func(ext string) bool { return strings.HasSuffix(c.input, ext) }) {
			f.Add(data)
		}
	}
	entries, err := os.ReadDir(filepath.Join("testdata", "encodings"))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		for _, ext := range exts {
			if strings.HasSuffix(e.Name(), ext) {
				data, err := os.ReadFile(filepath.Join("testdata", "encodings", e.Name()))
				if err != nil {
					f.Fatal(err)
				}
				f.Add(data)
			}
		}
	}
}

// checkFates fails when an input line went nowhere, or went somewhere the article does not
// show: a body line is a body block, a dropped line is in Dropped verbatim, a teaser line
// gave a teaser, a title line is the title, and a metadata line gave an author, date or tag.
func checkFates(t *testing.T, a article.Article, lines []string, fates []fate) {
	t.Helper()
	if len(fates) != len(lines) {
		t.Fatalf("%d fates for %d lines", len(fates), len(lines))
	}
	body, dropped := 0, 0
	for i, l := range lines {
		switch fates[i] {
		case fateBody:
			b := a.Body[body]
			if b.Text == "" || !strings.Contains(l, b.Text) {
				t.Errorf("line %q went to body block %q", l, b.Text)
			}
			body++
		case fateDropped:
			if dropped >= len(a.Dropped) {
				t.Fatalf("line %q dropped, but Dropped has %d lines", l, len(a.Dropped))
			}
			found := false
			for _, d := range a.Dropped {
				if d.Line == l && d.Reason != "" {
					found = true
				}
			}
			if !found {
				t.Errorf("line %q dropped, but not in Dropped %v", l, a.Dropped)
			}
			dropped++
		case fateTitle:
			// An item's headline printed as a list item is the title without its marker, a
			// headline printed after its kicker the title without the kicker.
			if a.Title != l && a.Title != teaserTitle(l) && a.Title != withoutKicker(l) && !strings.EqualFold(foldCue(a.Title), foldCue(l)) {
				t.Errorf("line %q taken for the title, but title is %q", l, a.Title)
			}
		case fateTeaser:
			found := false
			for _, tz := range a.Related {
				for _, s := range []string{tz.Title, tz.Author, tz.URL} {
					if s != "" && strings.Contains(l, s) {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("line %q went to a teaser, but no teaser shows it: %v", l, a.Related)
			}
		case fateMeta:
			if len(a.Authors) == 0 && a.Date.IsZero() && len(a.Tags) == 0 && a.Subtitle != l {
				t.Errorf("line %q read as metadata, but the article has none", l)
			}
		default:
			t.Errorf("line %q went nowhere", l)
		}
	}
	if body != len(a.Body) {
		t.Errorf("%d body lines for %d body blocks", body, len(a.Body))
	}
	if dropped != len(a.Dropped) {
		t.Errorf("%d dropped lines, but Dropped has %d", dropped, len(a.Dropped))
	}
}

// FuzzText reads arbitrary bytes as a text scrape: no panic, and no line lost.
func FuzzText(f *testing.F) {
	addCorpusSeeds(f, ".txt")
	if seed, err := os.ReadFile(seedPath); err == nil {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text := decodeText(data)
		p := parseText(text, defaultMatcher(), nil)
		a := p.a
		checkFates(t, a, p.lines, p.fates)
		if _, err := json.Marshal(a); err != nil {
			t.Fatal(err)
		}
		// Every character of the decoded text, but white space, is in one of the blocks
		// followed, in order: joining hard-wrapped lines loses nothing.
		if got, want := strings.Join(strings.Fields(strings.Join(p.lines, " ")), ""), strings.Join(strings.Fields(text), ""); got != want {
			t.Fatalf("blocks hold %q, the text %q", got, want)
		}
	})
}

// FuzzJSONL reads arbitrary bytes as a JSON Lines file: no panic; every non-blank line is
// an article or a named bad record; no line of a good record's text is lost.
func FuzzJSONL(f *testing.F) {
	addCorpusSeeds(f, ".jsonl", ".json")
	f.Add([]byte(`{"text": "Un titre\nLe corps.\nPartager", "timestamp": "20230101000000"}` + "\n" + `{"oops"` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := ReadJSON("f.jsonl", data, Options{})
		if bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM)), []byte("[")) {
			return // an array: ReadJSON must not panic, and that is all a random array can show
		}
		var bad []int
		if err != nil {
			var j interface{ Unwrap() []error }
			if !errors.As(err, &j) {
				if len(arts) != 0 {
					t.Fatalf("error %v with articles", err)
				}
				return
			}
			for _, e := range j.Unwrap() {
				var re *failure.Error
				if !errors.As(e, &re) {
					t.Fatalf("%v is not a *failure.Error", e)
				}
				bad = append(bad, re.Line)
			}
		}
		var records []int
		for i, l := range bytes.Split(bytes.TrimPrefix(data, utf8BOM), []byte("\n")) {
			if len(bytes.TrimSpace(l)) > 0 {
				records = append(records, i+1)
			}
		}
		if len(arts)+len(bad) != len(records) {
			t.Fatalf("%d articles and %d bad records for %d lines", len(arts), len(bad), len(records))
		}
		lines := bytes.Split(bytes.TrimPrefix(data, utf8BOM), []byte("\n"))
		for _, a := range arts {
			var fields map[string]json.RawMessage
			if err := json.Unmarshal(bytes.TrimSpace(lines[a.Source.Record-1]), &fields); err != nil {
				t.Fatalf("article from line %d, which is not an object: %v", a.Source.Record, err)
			}
			md, err := metaFromFields(fields, "record")
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := recordHTML(fields); ok {
				continue // a page: FuzzHTML follows the HTML reader
			}
			text, err := recordText(fields)
			if err != nil {
				t.Fatal(err)
			}
			p := parseText(text, defaultMatcher(), md)
			again := p.a
			checkFates(t, again, p.lines, p.fates)
			if again.Title != a.Title || len(again.Body) != len(a.Body) {
				t.Fatalf("line %d reads differently on a second pass", a.Source.Record)
			}
		}
	})
}

// FuzzHTML reads arbitrary bytes as an HTML page: no panic, valid UTF-8 in every block, the
// parse JSON encodes, and the source is recorded.
func FuzzHTML(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<p>Lire aussi : <a href="/x">Un titre de teaser</a></p><h2>Related</h2><ul><li><a href="y">Autre</a></li></ul>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := ReadHTML("f.html", data, Options{})
		if _, err := json.Marshal(a); err != nil {
			t.Fatal(err)
		}
		for _, b := range a.Body {
			if !utf8.ValidString(b.Text) || !utf8.ValidString(b.Markdown) {
				t.Fatalf("invalid UTF-8 in block %+v", b)
			}
		}
		if a.Source.Format != "html" || a.Source.SHA256 == "" {
			t.Fatalf("source %+v", a.Source)
		}
	})
}
