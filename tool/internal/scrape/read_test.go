package scrape

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// TestEncodingTwins reads the same article saved in several encodings and line ends: each
// must parse to the same JSON as its UTF-8 twin.
func TestEncodingTwins(t *testing.T) {
	for _, tc := range []struct{ file, twin, msg string }{
		{"ete.cp1252.txt", "ete.utf8.txt", "Windows-1252 with typographic apostrophes and ellipsis"},
		{"ete.latin1.txt", "ete.latin1-utf8.txt", "ISO-8859-1"},
		{"ete.crlf.txt", "ete.utf8.txt", "CRLF line ends"},
		{"ete.cr.txt", "ete.utf8.txt", "CR line ends"},
		{"ete.bom.txt", "ete.utf8.txt", "UTF-8 with a byte order mark"},
		{"ete.utf16.txt", "ete.utf8.txt", "UTF-16 with a byte order mark"},
	} {
		read := func(name string) []byte {
			arts, err := Read(afero.NewOsFs(), filepath.Join("testdata", "encodings", name), Options{})
			if err != nil {
				t.Fatalf("%s: %v", tc.msg, err)
			}
			arts[0].Source.Path = "ete"
			return marshalParse(t, arts)
		}
		got, want := read(tc.file), read(tc.twin)
		if string(got) != string(want) {
			t.Errorf("%s: %s parses differently from %s:\n%s\nwant:\n%s", tc.msg, tc.file, tc.twin, got, want)
		}
		if !strings.Contains(string(got), "Par") && !strings.Contains(string(got), "Élodie Marchetti") {
			t.Errorf("%s: byline lost:\n%s", tc.msg, got)
		}
	}
	// The UTF-8 twin itself reads right: accents, apostrophes, the byline and the date.
	arts, err := Read(afero.NewOsFs(), filepath.Join("testdata", "encodings", "ete.cp1252.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "L’été de la Gazette : Valmont célèbre ses œuvres d’art « oubliées »" {
		t.Errorf("title = %q", a.Title)
	}
	if len(a.Authors) != 1 || a.Authors[0] != "Élodie Marchetti" {
		t.Errorf("authors = %q", a.Authors)
	}
	if got := a.Date.Format("2006-01-02 15:04"); got != "2023-08-01 09:05" || a.DateSource != article.DatePublished {
		t.Errorf("date = %s (%s)", got, a.DateSource)
	}
}

// TestJSONPartial checks that bad records are named with their line while the others
// still convert.
func TestJSONPartial(t *testing.T) {
	for _, tc := range []struct {
		name      string
		good      int
		lines     []int
		firstLine int
	}{
		// Line 5 holds only "html": a page, read by the HTML reader.
		{"j00_crawl", 4, []int{3, 4}, 1},
		{"j01_records", 2, []int{10, 14}, 2},
	} {
		fsys, file := loadCase(t, tc.name).scrapePath(t)
		arts, err := Read(fsys, file, Options{})
		if len(arts) != tc.good {
			t.Errorf("%s: got %d articles, want %d", tc.name, len(arts), tc.good)
		}
		if err == nil {
			t.Fatalf("%s: no error for the bad records", file)
		}
		var lines []int
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			var re *failure.Error
			if !errors.As(e, &re) {
				t.Fatalf("%s: %v is not a *failure.Error", tc.name, e)
			}
			if !strings.Contains(re.Error(), file) {
				t.Errorf("%s: error %q does not name the file", tc.name, re)
			}
			lines = append(lines, re.Line)
		}
		if len(lines) != len(tc.lines) {
			t.Fatalf("%s: bad lines %v, want %v", tc.name, lines, tc.lines)
		}
		for i := range lines {
			if lines[i] != tc.lines[i] {
				t.Errorf("%s: bad lines %v, want %v", tc.name, lines, tc.lines)
			}
		}
		if arts[0].Source.Record != tc.firstLine || arts[0].Source.Format != "jsonl" {
			t.Errorf("%s: first record source = %+v", tc.name, arts[0].Source)
		}
	}
}

// TestJSONCrawlDate checks that a crawl timestamp is recorded as crawled, never as published.
func TestJSONCrawlDate(t *testing.T) {
	arts, _ := loadCase(t, "j00_crawl").read(t)
	if len(arts) < 2 {
		t.Fatalf("got %d articles", len(arts))
	}
	if a := arts[0]; a.DateSource != article.DateCrawled || a.Crawled.IsZero() || !a.Date.Equal(a.Crawled) {
		t.Errorf("record with only a timestamp: date %v source %q crawled %v", a.Date, a.DateSource, a.Crawled)
	}
	if a := arts[1]; a.DateSource != article.DatePublished || a.Crawled.IsZero() || a.Date.Equal(a.Crawled) || a.DateFrom != "record: published" {
		t.Errorf("record with published and timestamp: date %v source %q from %q crawled %v", a.Date, a.DateSource, a.DateFrom, a.Crawled)
	}
}

// TestSidecarErrors checks that a broken sidecar is named in the error.
func TestSidecarErrors(t *testing.T) {
	fs := afero.NewMemMapFs()
	for name, data := range map[string]string{
		"a.txt":       "Un titre de test\nLe corps de l’article tient en une phrase.\n",
		"a.meta.json": `{"title": 3}`,
		"b.txt":       "Un titre de test\nLe corps de l’article tient en une phrase.\n",
		"b.meta.json": `{"title": "ok", "date": "demain"}`,
		"c.txt":       "Un titre de test\nLe corps de l’article tient en une phrase.\n",
		"c.meta.json": `not json`,
	} {
		if err := afero.WriteFile(fs, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]string{
		"a.txt": `a.meta.json: field "title": want a string`,
		"b.txt": `b.meta.json: field "date": cannot read the date "demain"`,
		"c.txt": `c.meta.json:1: not JSON: invalid character 'o' in literal null (expecting 'u')`,
	} {
		_, err := Read(fs, name, Options{})
		var f *failure.Error
		if !errors.As(err, &f) || err.Error() != want || f.Hint == "" {
			t.Errorf("%s: error %v, want %s with a hint", name, err, want)
		}
	}
	if Supported("a.meta.json") {
		t.Error("a sidecar is taken for a scrape")
	}
}

// TestCuesFromConfig checks that cues from the site configuration extend the built-in ones.
func TestCuesFromConfig(t *testing.T) {
	extra, err := CuesFromConfig(map[string]any{
		"related":   []any{"Nos lecteurs ont aussi lu"},
		"inline":    []any{"Découvrir"},
		"postLinks": []any{"Billet d'avant"},
		"furniture": map[string]any{"share": []any{"Partager sur Mastodon"}, "ad": []any{"Annonce partenaire"}},
		"prefixes":  map[string]any{"newsletter": []any{"Recevez la lettre du Courrier"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	cues := DefaultCues()
	cues.Merge(extra)
	text := strings.Join([]string{
		"Le marché de Noël ouvre ses portes",
		"Le marché de Noël de Valmont ouvre vendredi sur la place de l’église.",
		"Découvrir : La brasserie du Lac lance une bière au miel local",
		"Annonce partenaire",
		"Une patinoire sera installée pour les enfants.",
		"Recevez la lettre du Courrier chaque matin.",
		"Partager sur Mastodon",
		"Billet d'avantLa fanfare de Valmont répète sur la place",
		"Nos lecteurs ont aussi lu",
		"Les marchés de nuit reviennent à Valmont cet été",
	}, "\n")
	a := ReadText("noel.txt", []byte(text), Options{Cues: &cues})
	want := []article.Dropped{
		{Line: "Annonce partenaire", Reason: "ad"},
		{Line: "Recevez la lettre du Courrier chaque matin.", Reason: "newsletter"},
		{Line: "Partager sur Mastodon", Reason: "share"},
		{Line: "Nos lecteurs ont aussi lu", Reason: ReasonRelatedHeading},
	}
	if len(a.Dropped) != len(want) {
		t.Fatalf("dropped = %v, want %v", a.Dropped, want)
	}
	for i := range want {
		if a.Dropped[i] != want[i] {
			t.Errorf("dropped[%d] = %v, want %v", i, a.Dropped[i], want[i])
		}
	}
	if len(a.Related) != 3 || a.Related[0].Title != "La brasserie du Lac lance une bière au miel local" ||
		a.Related[1].Title != "La fanfare de Valmont répète sur la place" {
		t.Errorf("related = %v", a.Related)
	}
	if len(a.Body) != 2 {
		t.Errorf("body = %v", a.Paragraphs())
	}
	if _, err := CuesFromConfig(map[string]any{"related": "not a list"}); err == nil {
		t.Error("a cue list that is not a list is accepted")
	}
	// Without the site's cues, the same lines are body.
	plain := ReadText("noel.txt", []byte(text), Options{})
	if len(plain.Body) <= 2 {
		t.Errorf("built-in cues already know the site's lines: %v", plain.Paragraphs())
	}
}

// TestEncodingsFixturesExist guards the fixtures the twins test relies on.
func TestEncodingsFixturesExist(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "encodings", "ete.cp1252.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\x92") {
		t.Error("the Windows-1252 fixture has no Windows-1252 apostrophe (0x92)")
	}
}
