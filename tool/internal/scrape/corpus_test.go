package scrape

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// The corpus under testdata/corpus is fictional: newsrooms and people are invented. Each
// scrape has a golden `parse` JSON under testdata/golden, and expected.json holds, for each
// text scrape, what a careful reader would extract, written independently of the parser:
// TestCorpusAccuracy scores the parser against it field by field.

const corpusDir = "testdata/corpus"

// corpusFiles lists the scrapes of the corpus (not their sidecars).
func corpusFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if Supported(e.Name()) && e.Name() != "expected.json" {
			names = append(names, e.Name())
		}
	}
	if len(names) < 40 {
		t.Fatalf("corpus has %d scrapes, want at least 40", len(names))
	}
	return names
}

// readCorpus reads one corpus scrape through Read, as `kiosque parse` does.
func readCorpus(t *testing.T, name string) ([]article.Article, error) {
	t.Helper()
	arts, err := Read(afero.NewOsFs(), filepath.Join(corpusDir, name), Options{})
	for i := range arts {
		arts[i].Source.Path = "corpus/" + name
	}
	return arts, err
}

// checkGolden compares got with the golden file, rewriting it under -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("parse JSON differs from %s (run go test -update to accept):\n%s", golden, got)
	}
}

func marshalParse(t *testing.T, arts []article.Article) []byte {
	t.Helper()
	if arts == nil {
		arts = []article.Article{}
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(arts); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

// TestCorpusGolden compares the `parse` JSON of every corpus scrape with its golden file.
func TestCorpusGolden(t *testing.T) {
	for _, name := range corpusFiles(t) {
		t.Run(name, func(t *testing.T) {
			arts, err := readCorpus(t, name)
			got := marshalParse(t, arts)
			if err != nil {
				got = append(got, []byte("error: "+err.Error()+"\n")...)
			}
			checkGolden(t, filepath.Join("testdata", "golden", name+".json"), got)
		})
	}
}

// expectation is what expected.json says of one text scrape.
type expectation struct {
	Title      string            `json:"title"`
	Authors    []string          `json:"authors"`
	Date       string            `json:"date"`
	DateSource string            `json:"date_source"`
	Tags       []string          `json:"tags"`
	Body       [][2]string       `json:"body"` // kind, text
	Related    []article.Teaser  `json:"related"`
	Dropped    []article.Dropped `json:"dropped"`
}

// TestCorpusAccuracy scores the text reader against the hand-written expectations of the
// corpus, field by field, and fails on every miss. Run with -v to see the scores.
func TestCorpusAccuracy(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpusDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]expectation
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	fields := []string{"title", "authors", "date", "tags", "body", "related", "dropped"}
	right := map[string]int{}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		w := want[name]
		arts, err := readCorpus(t, name)
		if err != nil || len(arts) != 1 {
			t.Errorf("%s: got %d articles, error %v", name, len(arts), err)
			continue
		}
		a := arts[0]
		var body [][2]string
		for _, b := range a.Body {
			body = append(body, [2]string{string(b.Kind), b.Text})
		}
		date := ""
		if !a.Date.IsZero() {
			date = a.Date.Format("2006-01-02T15:04:05Z07:00")
		}
		got := map[string][2]any{
			"title":   {a.Title, w.Title},
			"authors": {nonEmpty(a.Authors), nonEmpty(w.Authors)},
			"date":    {date + " " + string(a.DateSource), w.Date + " " + w.DateSource},
			"tags":    {nonEmpty(a.Tags), nonEmpty(w.Tags)},
			"body":    {body, w.Body},
			"related": {teasers(a.Related), teasers(w.Related)},
			"dropped": {nonEmptyDropped(a.Dropped), nonEmptyDropped(w.Dropped)},
		}
		for _, f := range fields {
			g := got[f]
			if reflect.DeepEqual(g[0], g[1]) {
				right[f]++
				continue
			}
			t.Errorf("%s: %s = %s\n want %s", name, f, show(g[0]), show(g[1]))
		}
	}
	var sb strings.Builder
	for _, f := range fields {
		fmt.Fprintf(&sb, "%s %d/%d (%.0f%%)  ", f, right[f], len(names), 100*float64(right[f])/float64(len(names)))
	}
	t.Logf("accuracy over %d scrapes: %s", len(names), sb.String())
}

func nonEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func nonEmptyDropped(d []article.Dropped) []article.Dropped {
	if len(d) == 0 {
		return nil
	}
	return d
}

func teasers(ts []article.Teaser) []article.Teaser {
	var out []article.Teaser
	for _, t := range ts {
		out = append(out, article.Teaser{Title: t.Title, Author: t.Author, URL: t.URL})
	}
	return out
}

func show(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
