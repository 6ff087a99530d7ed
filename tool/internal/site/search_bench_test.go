package site

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkSearchIndex builds the search index of synthetic archives of 10,000 and 100,000
// articles (400 words each, drawn from a Zipf law over an invented vocabulary, 3 to 6 tags of
// 3,000, authors of whom a few write most) and logs its total size, its shard count, its
// largest shard and what a few queries transfer, as the search page loads them (manifest,
// term shards, the document shards of the first 20 results), and the processor time the
// index took to write. Run it once:
//
//	go test ./tool/internal/site/ -run '^$' -bench SearchIndex -benchtime 1x
func BenchmarkSearchIndex(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			gen := newArchiveGen(n)
			docs := gen.docs()
			var files map[string][]byte
			b.ResetTimer()
			cpu := cpuTime()
			for b.Loop() {
				var err error
				if files, err = buildSearchIndex(docs, defaultSearchLimits); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			cpu = (cpuTime() - cpu) / time.Duration(b.N)
			total, largest, largestName, terms := 0, 0, "", 0
			for name, data := range files {
				total += len(data)
				if len(data) > largest {
					largest, largestName = len(data), name
				}
				if strings.HasPrefix(name, "t/") {
					terms++
				}
			}
			b.Logf("%d articles: index %.1f MB in %d files (%d term shards, %d document shards), manifest %.1f KB, largest %s %.1f KB; written in %.1f s of CPU time",
				n, float64(total)/1e6, len(files), terms, len(files)-terms-1, float64(len(files["manifest.js"]))/1e3, largestName, float64(largest)/1e3, cpu.Seconds())
			for _, q := range gen.queries(docs) {
				got, loaded, results := simulateQuery(b, files, q.text)
				b.Logf("  %-28s %6d results, %3d files, %6.1f KB", q.what+" ("+q.text+")", results, loaded, float64(got)/1e3)
			}
			b.ReportMetric(float64(total)/1e6, "index-MB")
			b.ReportMetric(float64(len(files)), "files")
			b.ReportMetric(float64(largest)/1e3, "largest-KB")
		})
	}
}

// archiveGen invents an archive: its words, tags and authors.
type archiveGen struct {
	n                    int
	rng                  *rand.Rand
	vocab, tags, authors []string
	word, tag, author    *rand.Zipf
}

// functionWords open the vocabulary: the commonest words of French text.
var functionWords = strings.Fields("de la le et les des en un une du que est pour qui dans sur au par pas plus ne se ce il elle avec sont a été")

func newArchiveGen(n int) *archiveGen {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	g := &archiveGen{n: n, rng: rng}
	syllables := strings.Fields("ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo an en in on ar er ir or al el il ol")
	invent := func(seen map[string]bool, lo, hi int) string {
		for {
			var w strings.Builder
			for range lo + rng.IntN(hi-lo+1) {
				w.WriteString(syllables[rng.IntN(len(syllables))])
			}
			if !seen[w.String()] {
				seen[w.String()] = true
				return w.String()
			}
		}
	}
	seen := map[string]bool{}
	for _, w := range functionWords {
		seen[w] = true
	}
	g.vocab = slices.Clone(functionWords)
	for len(g.vocab) < 40000 {
		g.vocab = append(g.vocab, invent(seen, 2, 4))
	}
	for range 3000 {
		g.tags = append(g.tags, capital(invent(seen, 2, 3)))
	}
	for range 400 {
		g.authors = append(g.authors, capital(invent(seen, 2, 3))+" "+capital(invent(seen, 2, 4)))
	}
	g.word = rand.NewZipf(rng, 1.07, 2, uint64(len(g.vocab)-1))
	g.tag = rand.NewZipf(rng, 1.2, 1, uint64(len(g.tags)-1))
	g.author = rand.NewZipf(rng, 1.3, 1, uint64(len(g.authors)-1))
	return g
}

// capital returns the ASCII word w with a capital.
func capital(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

func (g *archiveGen) words(k int) string {
	w := make([]string, k)
	for i := range w {
		w[i] = g.vocab[g.word.Uint64()]
	}
	return strings.Join(w, " ")
}

func (g *archiveGen) docs() []searchDoc {
	docs := make([]searchDoc, g.n)
	for i := range docs {
		d := &docs[i]
		d.Title = g.words(8)
		d.URL = fmt.Sprintf("/articles/a%06d/", i)
		d.Date = fmt.Sprintf("%04d-%02d-%02d", 2006+g.rng.IntN(20), 1+g.rng.IntN(12), 1+g.rng.IntN(28))
		d.Authors = []string{g.authors[g.author.Uint64()]}
		for range 3 + g.rng.IntN(4) {
			d.Tags = append(d.Tags, g.tags[g.tag.Uint64()])
		}
		d.Excerpt = g.words(20)
		d.Text = g.words(400)
	}
	return docs
}

// testQuery is a query the benchmark runs, and what kind it is.
type testQuery struct{ what, text string }

func (g *archiveGen) queries(docs []searchDoc) []testQuery {
	rare := g.authors[len(g.authors)-1] // the author who writes least
	for _, d := range docs {
		if a := d.Authors[0]; a != rare && slices.Index(g.authors, a) > 300 {
			rare = a
			break
		}
	}
	return []testQuery{
		{"a common word", g.vocab[60]},
		{"two words", g.vocab[300] + " " + g.vocab[1200]},
		{"a rare name", strings.Fields(rare)[1]},
		{"a name, last word cut", rare[:len(rare)-2]},
		{"function words only", "de la"},
		{"three words", g.vocab[40] + " de " + g.vocab[500] + " " + g.vocab[3000]},
		{"twelve words of an article", strings.Join(strings.Fields(docs[len(docs)/2].Text)[100:112], " ")},
	}
}

// simulateQuery runs query on the index files as theme/assets/js/search.js does and returns
// the bytes it loads, how many files, and the number of results.
func simulateQuery(b *testing.B, files map[string][]byte, query string) (bytes, loaded, results int) {
	b.Helper()
	seen := map[string]bool{}
	read := func(name, fn string, n int, v any) {
		data := files[name]
		if !seen[name] {
			seen[name] = true
			bytes += len(data)
			loaded++
		}
		head := "kiosqueSearch." + fn + "("
		if n >= 0 {
			head += fmt.Sprintf("%d,", n)
		}
		if err := json.Unmarshal(data[len(head):len(data)-3], v); err != nil {
			b.Fatalf("%s: %v", name, err)
		}
	}
	js := searchJS(b)
	var m searchManifest
	read("manifest.js", "manifest", -1, &m)
	all := searchTerms(query)
	var words []string
	for _, w := range all {
		if !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	used := slices.DeleteFunc(slices.Clone(words), func(w string) bool { _, ok := m.Common[w]; return ok })
	if len(used) == 0 {
		used = slices.SortedFunc(slices.Values(words), func(a, b string) int { return m.Common[a] - m.Common[b] })
		used = used[:min(2, len(used))]
	}
	if len(used) > js.maxWords {
		used = append(used[:js.maxWords-1], used[len(used)-1])
	}
	var lists []map[int]float64
	for _, w := range used {
		_, common := m.Common[w]
		prefix := w == all[len(all)-1] && len([]rune(w)) >= 3 && !common
		first := shardFor(m.Keys, w)
		last := first
		if prefix {
			last = shardFor(m.Keys, w+"\U0010FFFF")
			size := 0
			for i := first; i <= last; i++ {
				size += m.Sizes[i]
			}
			if size > js.prefixBudget {
				last = first
			}
		}
		hits := map[int]float64{}
		for i := first; i <= last; i++ {
			var shard map[string]string
			read(fmt.Sprintf("t/%d.js", i), "terms", i, &shard)
			for t, p := range shard {
				factor := 0.0
				if t == w {
					factor = 1
				} else if prefix && strings.HasPrefix(t, w) {
					factor = 0.5
				}
				if factor == 0 {
					continue
				}
				ids, ws, _ := decodePostings(p)
				for j, id := range ids {
					hits[id] = max(hits[id], factor*js.weight[ws[j]])
				}
			}
		}
		idf := math.Log(1 + float64(m.Docs)/float64(max(1, len(hits))))
		for id := range hits {
			hits[id] *= idf
		}
		lists = append(lists, hits)
	}
	sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
	type found struct {
		id    int
		score float64
	}
	var ranked []found
	for id, s := range lists[0] {
		ok := true
		for _, l := range lists[1:] {
			v, in := l[id]
			ok, s = ok && in, s+v
		}
		if ok {
			ranked = append(ranked, found{id, s})
		}
	}
	sort.Slice(ranked, func(i, j int) bool {
		return ranked[i].score > ranked[j].score || ranked[i].score == ranked[j].score && ranked[i].id < ranked[j].id
	})
	for _, f := range ranked[:min(js.pageSize, len(ranked))] {
		c := f.id / m.Chunk
		var rows [][5]string
		read(fmt.Sprintf("d/%d.js", c), "docs", c, &rows)
	}
	return bytes, loaded, len(ranked)
}

// searchScriptPath is the theme's search script, from this package's folder.
const searchScriptPath = "../../../theme/assets/js/search.js"

// searchConstants are the figures of the search script that simulateQuery follows.
type searchConstants struct {
	pageSize, prefixBudget, maxWords int
	weight                           [4]float64
}

var (
	searchSizesRe  = regexp.MustCompile(`var pageSize = (\d+), prefixBudget = (\d+), maxWords = (\d+),`)
	searchWeightRe = regexp.MustCompile(`var WEIGHT = \[(\d+), (\d+), (\d+), (\d+)\];`)
)

// searchJS reads the figures of the theme's search script, for the simulation to follow the
// script as it is.
func searchJS(b *testing.B) searchConstants {
	b.Helper()
	src, err := os.ReadFile(searchScriptPath)
	if err != nil {
		b.Fatal(err)
	}
	sizes, weights := searchSizesRe.FindSubmatch(src), searchWeightRe.FindSubmatch(src)
	if sizes == nil || weights == nil {
		b.Fatalf("%s no longer declares pageSize, prefixBudget, maxWords and WEIGHT as the simulation reads them", searchScriptPath)
	}
	num := func(s []byte) int { n, _ := strconv.Atoi(string(s)); return n }
	c := searchConstants{pageSize: num(sizes[1]), prefixBudget: num(sizes[2]), maxWords: num(sizes[3])}
	for i := range c.weight {
		c.weight[i] = float64(num(weights[i+1]))
	}
	return c
}
