package synth

import (
	"math"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/enrich"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

// written writes a corpus on a memory filesystem and returns it.
func written(t *testing.T, opts Options) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	if err := New(opts).Write(fsys, "/out"); err != nil {
		t.Fatal(err)
	}
	return fsys
}

// files returns every file under /out with its bytes and modification time.
func files(t *testing.T, fsys afero.Fs) map[string]string {
	t.Helper()
	out := map[string]string{}
	names, err := afero.ReadDir(fsys, "/out")
	if err != nil {
		t.Fatal(err)
	}
	for _, fi := range names {
		data, err := afero.ReadFile(fsys, path.Join("/out", fi.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[fi.Name()] = fi.ModTime().UTC().String() + "\n" + string(data)
	}
	return out
}

func TestSameSeedSameBytes(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		a, b Options
		same bool
	}{
		{"the same seed writes the same files, bytes and times", Options{N: 250, Seed: 1}, Options{N: 250, Seed: 1}, true},
		{"another seed gives another corpus", Options{N: 250, Seed: 1}, Options{N: 250, Seed: 2}, false},
		{"a longer corpus of the same seed begins with the same articles", Options{N: 250, Seed: 3}, Options{N: 400, Seed: 3}, true},
	} {
		fa, fb := files(t, written(t, tc.a)), files(t, written(t, tc.b))
		if len(fa) == 0 {
			t.Fatalf("%s: no files written", tc.msg)
		}
		differ := 0
		for name, want := range fa {
			if strings.HasSuffix(name, ".jsonl") && tc.a.N != tc.b.N {
				continue // the last file of records holds more records in the longer corpus
			}
			if fb[name] != want {
				differ++
			}
		}
		if tc.same && differ > 0 {
			t.Errorf("%s: %d of %d files differ", tc.msg, differ, len(fa))
		}
		if !tc.same && differ < len(fa)/2 {
			t.Errorf("%s: only %d of %d files differ", tc.msg, differ, len(fa))
		}
	}
}

func TestEveryLayoutAndLanguage(t *testing.T) {
	c := New(Options{N: 400, Seed: 5})
	seen := map[string]int{}
	for i := range c.Len() {
		a := c.Article(i)
		seen[string(a.Layout)+"/"+a.Lang]++
	}
	for _, want := range []string{"seed/fr", "top/fr", "top/en", "html/fr", "html/en", "jsonl/fr", "jsonl/en"} {
		if seen[want] == 0 {
			t.Errorf("no article in layout and language %s among 400: %v", want, seen)
		}
	}
	if seen["seed/en"] > 0 {
		t.Errorf("the seed's layout is French, got %d English articles in it", seen["seed/en"])
	}
}

func TestTagsPerArticle(t *testing.T) {
	const n = 4000
	c := New(Options{N: n, Seed: 11})
	count := map[int]int{}
	for i := range n {
		a := c.Article(i)
		count[len(a.Tags)]++
		body := strings.Join(a.Paragraphs, "\n")
		var names []string
		for _, e := range a.Tags {
			if slices.Contains(names, e.Name) {
				t.Fatalf("article %d: tag %q twice", i, e.Name)
			}
			names = append(names, e.Name)
			if k := strings.Count(body, e.Name); k < 2 {
				t.Fatalf("article %d: the body names tag %q %d times, want 2 or more:\n%s", i, e.Name, k, body)
			}
		}
	}
	for k := range count {
		if k < MinTags || k > MaxTags {
			t.Errorf("%d articles have %d tags, want %d to %d", count[k], k, MinTags, MaxTags)
		}
	}
	for k := MinTags; k <= MaxTags; k++ {
		share := float64(count[k]) / n
		if math.Abs(share-0.25) > 0.03 {
			t.Errorf("%.3f of the articles have %d tags, want a quarter (uniform from 3 to 6)", share, k)
		}
	}
	distinct := map[string]bool{}
	for _, e := range c.World().Names() {
		distinct[e.Name] = true
	}
	if len(distinct) < 2000 || len(distinct) != len(c.World().Names()) {
		t.Errorf("the world holds %d names, %d distinct: want a few thousand, all distinct", len(c.World().Names()), len(distinct))
	}
}

func TestArticlesPerAuthor(t *testing.T) {
	const n = 8000
	c := New(Options{N: n, Seed: 13})
	for _, code := range []string{"fr", "en"} {
		rank := map[string]int{}
		for k, name := range c.World().Journalists(code) {
			rank[name] = k
		}
		byRank := make([]int, len(rank))
		total := 0
		for i := range n {
			a := c.head(i) // the teasers do not matter here
			if a.Lang != code || len(a.Authors) == 0 {
				continue
			}
			k, ok := rank[a.Authors[0]]
			if !ok {
				t.Fatalf("article %d: author %q is no %s journalist", i, a.Authors[0], code)
			}
			byRank[k]++
			total++
		}
		// The design, computed here on its own: P(k) = (v + k)^-s / sum over all ranks.
		var sum float64
		for k := range byRank {
			sum += math.Pow(AuthorZipfV+float64(k), -AuthorZipfS)
		}
		for k := range 5 {
			want := math.Pow(AuthorZipfV+float64(k), -AuthorZipfS) / sum
			got := float64(byRank[k]) / float64(total)
			if math.Abs(got-want) > 0.025 {
				t.Errorf("%s: the journalist of rank %d signs %.3f of the articles, want %.3f", code, k, got, want)
			}
		}
		top := slices.Clone(byRank)
		sort.Sort(sort.Reverse(sort.IntSlice(top)))
		tenth := 0
		for _, v := range top[:len(top)/10] {
			tenth += v
		}
		if float64(tenth) < 0.5*float64(total) {
			t.Errorf("%s: the busiest tenth of the journalists signs %d of %d articles, want more than half", code, tenth, total)
		}
	}
}

func TestTeasersPointAtEarlierArticles(t *testing.T) {
	c := New(Options{N: 300, Seed: 17})
	inCorpus := 0
	for i := range c.Len() {
		a := c.Article(i)
		if len(a.Teasers) == 0 {
			t.Fatalf("article %d has no teaser", i)
		}
		for _, ts := range a.Teasers {
			if ts.Target < 0 {
				continue
			}
			inCorpus++
			if ts.Target >= i {
				t.Errorf("article %d announces article %d, not an earlier one", i, ts.Target)
			}
			target := c.Article(ts.Target)
			if !ts.Excerpt && ts.Text != target.Title || ts.Excerpt && !strings.HasPrefix(target.Paragraphs[0], ts.Text) {
				t.Errorf("article %d: teaser %q neither the title nor the start of article %d", i, ts.Text, ts.Target)
			}
			if a.Layout == HTML && ts.URL != target.URL {
				t.Errorf("article %d: HTML teaser links %q, want %q", i, ts.URL, target.URL)
			}
		}
	}
	if inCorpus < 2*c.Len() {
		t.Errorf("%d teasers announce articles of the corpus, want two or more an article", inCorpus)
	}
}

// minRecovered is the share of each field the readers must recover in every layout, in percent.
const minRecovered = 95.0

// TestReaderRecovers reads every scrape of a corpus of 200 and reports the share of titles,
// authors, dates and teasers the readers recover of the generator's truth, then the share of
// its tags and of its teasers' targets the corpus stage (enrich) finds. It fails when a scrape
// cannot be read, an article is missing from what was read, or a layout recovers less than
// minRecovered of a field; the enrich shares are logged only.
func TestReaderRecovers(t *testing.T) {
	const n = 200
	c := New(Options{N: n, Seed: 1})
	fsys := written(t, Options{N: n, Seed: 1})
	read := map[string]article.Article{}
	names, err := afero.ReadDir(fsys, "/out")
	if err != nil {
		t.Fatal(err)
	}
	for _, fi := range names {
		arts, err := scrape.Read(fsys, path.Join("/out", fi.Name()), scrape.Options{})
		if err != nil {
			t.Fatalf("%s: %v", fi.Name(), err)
		}
		for _, a := range arts {
			read[fi.Name()+"#"+strconv.Itoa(a.Source.Record)] = a
		}
	}
	type score struct{ n, title, authors, date, teasers, teasersWant int }
	by := map[Layout]*score{}
	var total score
	for i := range n {
		want := c.Article(i)
		got, ok := read[want.File+"#"+strconv.Itoa(want.Record)]
		if !ok {
			t.Fatalf("article %d (%s record %d) was not read", i, want.File, want.Record)
		}
		s := by[want.Layout]
		if s == nil {
			s = &score{}
			by[want.Layout] = s
		}
		for _, s := range []*score{s, &total} {
			s.n++
			if got.Title == want.Title {
				s.title++
			}
			if slices.Equal(got.Authors, want.Authors) {
				s.authors++
			}
			if want.Layout == Seed || got.Date.Format("2006-01-02") == want.Date.Format("2006-01-02") {
				s.date++
			}
			s.teasersWant += len(want.Teasers)
			s.teasers += min(len(got.Related), len(want.Teasers))
		}
		if testing.Verbose() && (got.Title != want.Title || !slices.Equal(got.Authors, want.Authors)) {
			t.Logf("%s: title %q, want %q; authors %q, want %q", want.File, got.Title, want.Title, got.Authors, want.Authors)
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(b) }
	tags, tagsWant, resolved, resolvable := enriched(c, read)
	t.Logf("enrich: %.1f%% of the names written in the bodies are tags; %.1f%% of the teasers announcing an article of the corpus resolve to it", pct(tags, tagsWant), pct(resolved, resolvable))
	for _, l := range []Layout{Seed, Top, HTML, JSONL} {
		if s := by[l]; s != nil {
			t.Logf("%-5s %3d articles: title %5.1f%%, authors %5.1f%%, date %5.1f%%, teasers %5.1f%%", l, s.n, pct(s.title, s.n), pct(s.authors, s.n), pct(s.date, s.n), pct(s.teasers, s.teasersWant))
			// The readers' target on synthetic kin of the seed: 95% of each field.
			for field, share := range map[string]float64{"title": pct(s.title, s.n), "authors": pct(s.authors, s.n), "date": pct(s.date, s.n), "teasers": pct(s.teasers, s.teasersWant)} {
				if share < minRecovered {
					t.Errorf("%s layout: %s recovered on %.1f%% of the articles, want %.0f%% at least", l, field, share, minRecovered)
				}
			}
		}
	}
	t.Logf("all   %3d articles: title %5.1f%%, authors %5.1f%%, date %5.1f%%, teasers %5.1f%%", total.n, pct(total.title, total.n), pct(total.authors, total.n), pct(total.date, total.n), pct(total.teasers, total.teasersWant))
}

// enriched runs the corpus stage on the articles read, each at the page of its index, and
// counts the truth's tags it gives and the teasers it resolves to their target.
func enriched(c *Corpus, read map[string]article.Article) (tags, tagsWant, resolved, resolvable int) {
	var arts []*article.Article
	truth := map[*article.Article]Article{}
	for i := range c.Len() {
		want := c.Article(i)
		a := read[want.File+"#"+strconv.Itoa(want.Record)]
		a.Page = "/articles/" + strconv.Itoa(i)
		arts = append(arts, &a)
		truth[&a] = want
	}
	enrich.Corpus(arts, nil, enrich.Options{Similar: -1})
	for _, a := range arts {
		want := truth[a]
		for _, e := range want.Tags {
			tagsWant++
			if slices.Contains(a.Tags, e.Name) {
				tags++
			}
		}
		for _, ts := range want.Teasers {
			if ts.Target < 0 {
				continue
			}
			resolvable++
			page := "/articles/" + strconv.Itoa(ts.Target)
			if slices.ContainsFunc(a.Related, func(r article.Teaser) bool { return r.Page == page }) {
				resolved++
			}
		}
	}
	return tags, tagsWant, resolved, resolvable
}
