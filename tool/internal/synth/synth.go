package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/kiosque-dev/kiosque/tool/internal/slug"
)

// Layout is the form a generated scrape takes.
type Layout string

// The layouts, and the share of the corpus each takes (LayoutShares).
const (
	// Seed is the seed's text layout: an optional "Par X" byline, the body, the headline after
	// it, "Se Propager", two related headings and teasers cut short, each with "- by X".
	Seed Layout = "seed"
	// Top is a text layout with the headline, the byline and the date on top, share buttons
	// after the body and a related block ("À lire aussi", "Related") of teaser titles.
	Top Layout = "top"
	// HTML is an article page: <article> with its headline, byline and <time>, og: meta, and
	// an aside of editors' picks linking other articles.
	HTML Layout = "html"
	// JSONL is a crawler's JSON Lines record (url, title, date, authors, lang, text), a hundred
	// indexes of the corpus to a file.
	JSONL Layout = "jsonl"
)

// LayoutShares is the share of the corpus each layout takes, in the order they are drawn.
var LayoutShares = []struct {
	Layout Layout
	Share  float64
}{{Seed, 0.35}, {Top, 0.25}, {HTML, 0.25}, {JSONL, 0.15}}

// Design of the distributions, which the tests check.
const (
	// MinTags and MaxTags bound the names an article is about, drawn uniformly between them.
	MinTags, MaxTags = 3, 6
	// AuthorZipfS and AuthorZipfV shape who signs: the journalist of rank k signs an article
	// with a probability proportional to (AuthorZipfV + k) ^ -AuthorZipfS.
	AuthorZipfS, AuthorZipfV = 1.1, 1.0
	// EnglishShare is the share of English articles among those not in the seed's layout
	// (which is French).
	EnglishShare = 0.45
	// RecordsPerFile is the span of indexes whose JSON Lines records share one file.
	RecordsPerFile = 100
	// Step is the time between two consecutive articles' dates, on average.
	Step = 53 * time.Minute
)

// Origin is the date of article 0.
var Origin = time.Date(2015, 1, 5, 7, 0, 0, 0, time.UTC)

// Options say which corpus to generate.
type Options struct {
	// N is the number of articles.
	N int
	// Seed selects the world and the corpus; the same seed gives the same bytes.
	Seed uint64
}

// Corpus is a generated corpus: N articles of one world.
type Corpus struct {
	opts  Options
	world *World
}

// New returns the corpus of opts.
func New(opts Options) *Corpus {
	return &Corpus{opts: opts, world: newWorld(opts.Seed)}
}

// Len returns the number of articles.
func (c *Corpus) Len() int { return c.opts.N }

// World returns the corpus's world.
func (c *Corpus) World() *World { return c.world }

// Teaser is a teaser as the generator wrote it.
type Teaser struct {
	// Target is the index of the article announced, or -1 for one outside the corpus.
	Target int
	// Text is the title or the excerpt shown.
	Text string
	// Excerpt marks a teaser showing the first words of the target's body.
	Excerpt bool
	// Author is the byline shown under the teaser, if any.
	Author string
	// URL is the teaser's link, on pages that carry links.
	URL string
}

// Article is the truth of one generated article: what the scrape says, before any layout.
type Article struct {
	Index    int      // its place in the corpus: article i announces articles before it
	Layout   Layout   // the form of its scrape
	Lang     string   // "fr" or "en"
	Newsroom Newsroom // its publisher, whose host its URL names
	Title    string
	Authors  []string // who signs it, in byline order; none for some of the seed's layout
	// Date is the publication date; the seed's layout does not print it, and its file's
	// modification time carries it.
	Date time.Time
	URL  string
	// Tags are the names the body writes, each at least twice.
	Tags       []Entity
	Paragraphs []string
	Teasers    []Teaser
	// File is the scrape's path relative to the output folder; Record is the line of its
	// record in a JSON Lines file, 0 otherwise.
	File   string
	Record int
}

// rng returns article i's random stream for one purpose.
func (c *Corpus) rng(i int, purpose uint64) *rand.Rand {
	return rand.New(rand.NewPCG(c.opts.Seed, uint64(i)<<3|purpose))
}

const (
	streamLayout = iota
	streamHead
	streamTeasers
)

// layout returns the layout and language of article i.
func (c *Corpus) layout(i int) (Layout, string) {
	rng := c.rng(i, streamLayout)
	u, code := rng.Float64(), "fr"
	if rng.Float64() < EnglishShare {
		code = "en"
	}
	for _, s := range LayoutShares {
		if u < s.Share {
			if s.Layout == Seed {
				code = "fr"
			}
			return s.Layout, code
		}
		u -= s.Share
	}
	return JSONL, code
}

// Article returns article i (0 <= i < Len).
func (c *Corpus) Article(i int) Article {
	a := c.head(i)
	a.Teasers = c.teasers(a)
	return a
}

// head returns article i without its teasers.
func (c *Corpus) head(i int) Article {
	a := Article{Index: i}
	a.Layout, a.Lang = c.layout(i)
	lex := c.world.langs[a.Lang]
	rng := c.rng(i, streamHead)
	a.Newsroom = lex.newsrooms[rng.IntN(len(lex.newsrooms))]
	a.Date = Origin.Add(time.Duration(i)*Step + time.Duration(rng.Int64N(int64(Step))))
	a.Date = a.Date.Truncate(time.Minute).In(zone(a.Lang))
	a.Authors = drawAuthors(rng, lex, a.Layout)
	a.Tags = drawTags(rng, lex)
	subj := lex.subjects[rng.IntN(len(lex.subjects))]
	w := writer{rng: rng, lex: lex}
	a.Title = w.title(a.Tags, subj)
	a.Paragraphs = w.body(a.Tags, subj)
	section := lex.sections[rng.IntN(len(lex.sections))]
	a.URL = fmt.Sprintf("https://%s/%s/%d/%02d/%s-%d", a.Newsroom.Host, section, a.Date.Year(), a.Date.Month(), slug.Make(a.Title, a.Lang), i)
	a.File, a.Record = c.place(i, a.Layout)
	return a
}

// place returns the file of article i and the line of its record in it.
func (c *Corpus) place(i int, l Layout) (string, int) {
	switch l {
	case JSONL:
		first := i - i%RecordsPerFile
		line := 1
		for k := first; k < i; k++ {
			if kl, _ := c.layout(k); kl == JSONL {
				line++
			}
		}
		return fmt.Sprintf("crawl-%04d.jsonl", i/RecordsPerFile), line
	case HTML:
		return fmt.Sprintf("%06d.html", i), 0
	}
	return fmt.Sprintf("%06d.txt", i), 0
}

func zone(code string) *time.Location {
	if code == "en" {
		return time.FixedZone("EST", -5*3600)
	}
	return time.FixedZone("CET", 3600)
}

// drawAuthors draws the journalists who sign: one, sometimes two, from the Zipf distribution;
// a fifth of the seed's layout is signed by nobody, as the seed is.
func drawAuthors(rng *rand.Rand, lex *lexicon, l Layout) []string {
	z := rand.NewZipf(rng, AuthorZipfS, AuthorZipfV, uint64(len(lex.journalists)-1))
	first := lex.journalists[z.Uint64()]
	if l == Seed && rng.IntN(5) == 0 {
		return nil
	}
	authors := []string{first}
	if rng.IntN(5) == 0 {
		if second := lex.journalists[z.Uint64()]; second != first {
			authors = append(authors, second)
		}
	}
	return authors
}

// drawTags draws the names an article is about: a place, a person, then any kind, each kind
// from a Zipf distribution over its names so that some names come back often.
func drawTags(rng *rand.Rand, lex *lexicon) []Entity {
	n := MinTags + rng.IntN(MaxTags-MinTags+1)
	pools := map[Kind][]Entity{Person: lex.people, Place: lex.places, Org: lex.orgs}
	zipfs := map[Kind]*rand.Zipf{}
	for _, k := range []Kind{Person, Place, Org} { // in order, not the map's: they share rng
		zipfs[k] = rand.NewZipf(rng, 1.05, 8, uint64(len(pools[k])-1))
	}
	kinds := []Kind{Place, Person}
	for len(kinds) < n {
		kinds = append(kinds, []Kind{Person, Person, Place, Org, Org}[rng.IntN(5)])
	}
	var tags []Entity
	for _, k := range kinds {
		for {
			e := pools[k][zipfs[k].Uint64()]
			if !slices.ContainsFunc(tags, func(t Entity) bool { return t.Name == e.Name }) {
				tags = append(tags, e)
				break
			}
		}
	}
	return tags
}

// teasers draws the teasers of a: two to four earlier articles, most of them recent, by title
// or excerpt, and sometimes an article outside the corpus.
func (c *Corpus) teasers(a Article) []Teaser {
	rng := c.rng(a.Index, streamTeasers)
	var ts []Teaser
	if a.Index > 0 {
		n := 2 + rng.IntN(3)
		seen := map[int]bool{}
		for range n {
			j := a.Index - 1 - int(rng.ExpFloat64()*20)%min(a.Index, 400)
			if seen[j] {
				continue
			}
			seen[j] = true
			t := c.head(j)
			ts = append(ts, teaserOf(rng, t, a.Layout))
		}
	}
	if rng.IntN(3) == 0 || len(ts) == 0 {
		lex := c.world.langs[a.Lang]
		w := writer{rng: rng, lex: lex}
		tags := drawTags(rng, lex)
		title := w.title(tags, lex.subjects[rng.IntN(len(lex.subjects))])
		nr := lex.newsrooms[rng.IntN(len(lex.newsrooms))]
		ts = append(ts, Teaser{Target: -1, Text: title, Author: lex.journalists[rng.IntN(len(lex.journalists))],
			URL: fmt.Sprintf("https://%s/archives/%s", nr.Host, slug.Make(title, a.Lang))})
	}
	return ts
}

// teaserOf returns the teaser announcing t on a page of the given layout.
func teaserOf(rng *rand.Rand, t Article, l Layout) Teaser {
	ts := Teaser{Target: t.Index, Text: t.Title}
	if len(t.Authors) > 0 {
		ts.Author = t.Authors[0]
	}
	switch l {
	case Seed:
		if rng.IntN(2) == 0 {
			ts.Text, ts.Excerpt = excerpt(t.Paragraphs[0], 14+rng.IntN(8)), true
		}
	case HTML:
		ts.URL = t.URL
	}
	return ts
}

// excerpt returns the first n words of s, cut as teasers cut them: mid-sentence, with no
// ellipsis.
func excerpt(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) > n {
		ws = ws[:n]
	}
	return strings.TrimRight(strings.Join(ws, " "), ",;:")
}
