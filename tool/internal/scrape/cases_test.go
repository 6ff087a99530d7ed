package scrape

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/afero"
	"golang.org/x/text/unicode/norm"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// The hand-written cases live in testdata/cases, one txtar archive each (the format is
// described in testdata/cases/README.md). The archive's comment names the shape of page the
// case reproduces; its files are the scrape (input.txt, input.jsonl or input.json), an
// optional sidecar (input.meta.json), and what a careful reader expects of it: `want` for the
// article of a text scrape, `want.N` for the article read from the record that starts on
// line N of a JSON scrape, and `bad` for the lines of records that cannot be read (a record
// named in neither is not checked). Every want was written by reading the scrape, before
// the reader ran on it, and is never edited to match the reader's output.

const casesDir = "testdata/cases"

// wantKeys are the keys a want file may hold, in the order the tally prints them.
var wantKeys = []string{
	"title", "subtitle", "authors", "date", "lang", "tags", "body.first", "body.last",
	"body.blocks", "body.kinds", "body", "in-body", "not-body", "dropped", "related",
}

// scrapeCase is one archive of testdata/cases.
type scrapeCase struct {
	name  string
	input string // the scrape's file name in the archive
	files []txtar.File
}

// loadCase reads testdata/cases/NAME.txtar.
func loadCase(t testing.TB, name string) scrapeCase {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join(casesDir, name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	c := scrapeCase{name: name, files: ar.Files}
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "input.") && Supported(f.Name):
			if c.input != "" {
				t.Fatalf("%s: two scrapes, %s and %s", name, c.input, f.Name)
			}
			c.input = f.Name
		case f.Name == "input.meta.json", f.Name == "want", f.Name == "bad", wantRecord(f.Name) > 0:
		default:
			t.Fatalf("%s: unknown file %q", name, f.Name)
		}
	}
	if c.input == "" {
		t.Fatalf("%s: no input file", name)
	}
	return c
}

// caseNames lists the cases of testdata/cases.
func caseNames(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(casesDir, "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in %s: %v", casesDir, err)
	}
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".txtar"))
	}
	return names
}

// wantRecord returns N for a file named want.N, else 0.
func wantRecord(name string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(name, "want."))
	if !strings.HasPrefix(name, "want.") || err != nil || n < 1 {
		return 0
	}
	return n
}

// scrapePath returns a memory filesystem holding the case's scrape and sidecar under
// scrapes/, and the scrape's path there.
func (c scrapeCase) scrapePath(t testing.TB) (afero.Fs, string) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for _, f := range c.files {
		if strings.HasPrefix(f.Name, "input.") {
			if err := afero.WriteFile(fsys, path.Join("scrapes", f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return fsys, path.Join("scrapes", c.input)
}

// read reads the case's scrape through Read, as `kiosque parse` does.
func (c scrapeCase) read(t testing.TB) ([]article.Article, error) {
	t.Helper()
	fsys, p := c.scrapePath(t)
	return Read(fsys, p, Options{})
}

// file returns the data of the archive's file name, if there is one.
func (c scrapeCase) file(name string) ([]byte, bool) {
	for _, f := range c.files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// result is the outcome of one check.
type result struct {
	key, got, want string
	ok             bool
}

// tally counts the checks passed and run, per key.
type tally map[string][2]int

func (ty tally) add(r result) {
	n := ty[r.key]
	if r.ok {
		n[0]++
	}
	n[1]++
	ty[r.key] = n
}

func (ty tally) String() string {
	var b strings.Builder
	passed, total := 0, 0
	for _, k := range append(slices.Clone(wantKeys), "bad", "read") {
		if n, ok := ty[k]; ok {
			fmt.Fprintf(&b, "%s %d/%d, ", k, n[0], n[1])
			passed, total = passed+n[0], total+n[1]
		}
	}
	fmt.Fprintf(&b, "total %d/%d (%.1f%%)", passed, total, 100*float64(passed)/float64(max(total, 1)))
	return b.String()
}

// knownFailuresFile lists the checks the reader does not pass yet, one "CASE KEY: WANT" a
// line: the cases' misses, kept in sight. A listed check that fails is logged, an unlisted
// one fails the test, and so does a listed one that passes (remove its line).
const knownFailuresFile = "testdata/cases/known-failures.txt"

// TestCases reads every case and checks each want line, reporting every miss. Run with -v
// for the tally per key.
func TestCases(t *testing.T) {
	known := knownFailures(t)
	all, ran := tally{}, 0
	for _, name := range caseNames(t) {
		t.Run(name, func(t *testing.T) {
			ran++
			for _, r := range runCase(t, loadCase(t, name)) {
				all.add(r)
				want, _, _ := strings.Cut(r.want, "\n")
				id := strings.TrimSpace(name + " " + r.key + ": " + want)
				switch {
				case !r.ok && known[id]:
					t.Logf("known failure %s:\n got  %s\n want %s", r.key, r.got, r.want)
				case !r.ok:
					t.Errorf("%s:\n got  %s\n want %s", r.key, r.got, r.want)
				case known[id]:
					t.Errorf("%s now passes: remove %q from %s", r.key, id, knownFailuresFile)
				}
			}
		})
	}
	t.Logf("%d cases: %s", ran, all)
}

// knownFailures reads knownFailuresFile.
func knownFailures(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(knownFailuresFile)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			known[l] = true
		}
	}
	return known
}

// runCase reads the case's scrape and checks its wants.
func runCase(t *testing.T, c scrapeCase) []result {
	arts, err := c.read(t)
	var out []result
	if data, ok := c.file("bad"); ok {
		got := badLines(err)
		for _, line := range strings.Fields(string(data)) {
			out = append(out, result{key: "bad", got: "bad records on lines " + strings.Join(got, ", "),
				want: "a bad record on line " + line, ok: slices.Contains(got, line)})
		}
	} else if err != nil {
		out = append(out, result{key: "read", got: err.Error(), want: "no error"})
	}
	for _, f := range c.files {
		var a *article.Article
		switch n := wantRecord(f.Name); {
		case f.Name == "want" && len(arts) == 1:
			a = &arts[0]
		case f.Name == "want":
			out = append(out, result{key: "read", got: fmt.Sprintf("%d articles", len(arts)), want: "1 article"})
		case n > 0:
			if i := slices.IndexFunc(arts, func(a article.Article) bool { return a.Source.Record == n }); i >= 0 {
				a = &arts[i]
			}
		default:
			continue
		}
		for _, r := range checkArticle(t, f.Name, f.Data, a) {
			if f.Name != "want" {
				r.got = f.Name + ": " + r.got
			}
			out = append(out, r)
		}
	}
	return out
}

// badLines returns the lines of the records err names, as strings.
func badLines(err error) []string {
	var lines []string
	var joined interface{ Unwrap() []error }
	if !errors.As(err, &joined) {
		return nil
	}
	for _, e := range joined.Unwrap() {
		var re *failure.Error
		if errors.As(e, &re) {
			lines = append(lines, strconv.Itoa(re.Line))
		}
	}
	return lines
}

// wantLine is one `key: value` line of a want file.
type wantLine struct{ key, value string }

// parseWant reads a want file; an unknown key fails the test, so a typo cannot pass.
func parseWant(t *testing.T, name string, data []byte) []wantLine {
	t.Helper()
	var out []wantLine
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		key, value, ok := strings.Cut(l, ":")
		if !ok || !slices.Contains(wantKeys, key) {
			t.Fatalf("%s line %d: want `key: value` with a known key, got %q", name, i+1, l)
		}
		out = append(out, wantLine{key, strings.TrimSpace(value)})
	}
	return out
}

// checkArticle checks the article a (nil when Read gave none) against a want file. The body
// and related lines are checked together, as one list each.
func checkArticle(t *testing.T, name string, data []byte, a *article.Article) []result {
	var out []result
	var body, related []string
	for _, w := range parseWant(t, name, data) {
		switch {
		case a == nil:
			out = append(out, result{key: w.key, got: "no article", want: w.value})
		case w.key == "body":
			body = append(body, tidy(w.value))
		case w.key == "related":
			related = append(related, teaserLine(w.value))
		default:
			out = append(out, checkKey(*a, w.key, w.value))
		}
	}
	if body != nil {
		out = append(out, list("body", blockTexts(*a), body))
	}
	if related != nil {
		if slices.Equal(related, []string{teaserLine("-")}) {
			related = nil
		}
		var got []string
		for _, tz := range a.Related {
			got = append(got, teaserLine(tz.Title+"|"+tz.Author+"|"+tz.URL))
		}
		out = append(out, list("related", got, related))
	}
	return out
}

// checkKey checks one want line other than body and related.
func checkKey(a article.Article, key, want string) result {
	blocks := blockTexts(a)
	r := result{key: key, want: want}
	switch key {
	case "title", "subtitle", "authors", "tags", "lang", "body.blocks":
		r.got = map[string]string{
			"title": a.Title, "subtitle": a.Subtitle, "lang": a.Lang, "body.blocks": strconv.Itoa(len(a.Body)),
			"authors": strings.Join(a.Authors, "; "), "tags": strings.Join(a.Tags, "; "),
		}[key]
		r.ok = tidy(r.got) == tidy(none(want))
		r.got = strconv.Quote(r.got)
	case "body.kinds":
		var kinds []string
		for _, b := range a.Body {
			kinds = append(kinds, string(b.Kind))
		}
		r.got = strings.Join(kinds, " ")
		r.ok = r.got == want
	case "date":
		if !a.Date.IsZero() && a.DateSource == article.DatePublished {
			r.got = a.Date.Format(time.RFC3339)
		}
		r.ok = want == "-" && r.got == "" || want != "-" && r.got != "" && strings.HasPrefix(r.got, want)
		r.got = fmt.Sprintf("%q (source %q)", r.got, a.DateSource)
	case "body.first", "body.last":
		edge := ""
		if len(blocks) > 0 {
			edge = blocks[0]
			if key == "body.last" {
				edge = blocks[len(blocks)-1]
			}
		}
		has := strings.HasPrefix
		if key == "body.last" {
			has = strings.HasSuffix
		}
		r.got, r.ok = strconv.Quote(edge), tidy(want) != "" && has(edge, tidy(want))
	case "in-body":
		r.ok = slices.Contains(blocks, tidy(want))
		r.got = "not a block of " + quoteList(blocks)
	case "not-body":
		i := slices.IndexFunc(blocks, func(b string) bool { return strings.Contains(b, tidy(want)) })
		r.ok = i < 0
		if !r.ok {
			r.got = "in block " + strconv.Quote(blocks[i])
		}
		r.want = "not in the body: " + strconv.Quote(want)
	case "dropped":
		line, reason := droppedLine(want)
		r.got = "not dropped"
		for _, d := range a.Dropped {
			if tidy(d.Line) == line {
				r.got = "dropped as " + strconv.Quote(d.Reason)
				r.ok = r.ok || reason == "" || d.Reason == reason
			}
		}
		if !r.ok && slices.Contains(blocks, line) {
			r.got = "a body block"
		}
	}
	return r
}

// reasonRe matches a dropped reason: lower-case words joined by hyphens.
var reasonRe = regexp.MustCompile(`^[a-z]+(?:-[a-z]+)*$`)

// droppedLine splits `LINE | REASON`; the part after the last " | " is the reason only when
// it reads as one, so a menu line such as "Accueil | Sport | Culture" can be given whole.
func droppedLine(v string) (line, reason string) {
	if i := strings.LastIndex(v, "|"); i >= 0 && reasonRe.MatchString(strings.TrimSpace(v[i+1:])) {
		return tidy(v[:i]), strings.TrimSpace(v[i+1:])
	}
	return tidy(v), ""
}

// teaserLine writes `TITLE | AUTHOR | URL` in one form for comparison; the title may hold
// "|", the author and address may not.
func teaserLine(v string) string {
	parts := strings.Split(v, "|")
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	n := len(parts)
	title := strings.Join(parts[:n-2], "|")
	return tidy(title) + " | " + tidy(parts[n-2]) + " | " + tidy(parts[n-1])
}

// list compares two lists of lines.
func list(key string, got, want []string) result {
	return result{key: key, got: quoteList(got), want: quoteList(want), ok: slices.Equal(got, want)}
}

func blockTexts(a article.Article) []string {
	var out []string
	for _, b := range a.Body {
		out = append(out, tidy(b.Text))
	}
	return out
}

func quoteList(l []string) string {
	var b strings.Builder
	for _, s := range l {
		fmt.Fprintf(&b, "\n\t%q", s)
	}
	if b.Len() == 0 {
		return "(none)"
	}
	return b.String()
}

// none reads the want value "-" as the empty value.
func none(v string) string {
	if v == "-" {
		return ""
	}
	return v
}

// tidy puts a line in Unicode NFC and collapses its spaces, so a want compares with what the
// reader gives however the page spaced it.
func tidy(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// TestSeedCase guards the seed case against drift: its scrape is the shipped seed (but for
// the line end txtar adds at the end of every file).
func TestSeedCase(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := loadCase(t, "seed").file("input.txt")
	if strings.TrimSuffix(string(data), "\n") != strings.TrimSuffix(string(seed), "\n") {
		t.Errorf("testdata/cases/seed.txtar does not hold %s as it is", seedPath)
	}
}
