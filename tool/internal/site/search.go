package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/resources/page"
	"github.com/gohugoio/hugo/tpl"
	"github.com/spf13/afero"
	"github.com/spf13/cast"

	"github.com/kiosque-dev/kiosque/tool/internal/lang"
)

// SearchDir is the folder of the publish folder (of a language's folder, when the language
// has one) that holds the search index of its articles: manifest.js, the term shards
// t/<n>.js and the document shards d/<n>.js. Each is a script that hands its data to
// window.kiosqueSearch, so that the search page loads it with a <script> tag, from a static
// host as from the disk (where fetch cannot read a file).
const SearchDir = "search"

// searchLimits are the sizes the search index is cut to.
type searchLimits struct {
	// shardBytes is the most a term shard holds, unless one term's postings are larger alone;
	// such a term is common (see searchManifest.Common).
	shardBytes int
	// docsPerShard is how many documents a document shard holds.
	docsPerShard int
	// excerptRunes is the longest excerpt kept for a document.
	excerptRunes int
}

// defaultSearchLimits keep a query under 500 KB at 100,000 articles: a term shard is at most
// 32 KB, and the 20 results the page shows come from at most 20 document shards of 16
// documents (about 4 KB each).
var defaultSearchLimits = searchLimits{shardBytes: 32 << 10, docsPerShard: 16, excerptRunes: 140}

// searchDoc is an article as the search index reads it.
type searchDoc struct {
	Title, URL, Date string   // Date is yyyy-mm-dd, "" when unknown
	Authors, Tags    []string // by name
	Excerpt          string   // shown under the title, and searched
	Text             string   // the body as plain text: searched, not stored
}

// searchManifest is manifest.js: what the search page reads first.
type searchManifest struct {
	// Version changes with the index: the page adds it to the shards' addresses so that a
	// browser's cache never mixes two builds.
	Version string `json:"v"`
	// Docs counts the documents; doc i is in the document shard i/Chunk.
	Docs  int `json:"docs"`
	Chunk int `json:"chunk"`
	// Keys are the shortest prefixes of the first term of each term shard, in code point
	// order: the terms of shard i sort from Keys[i] up to Keys[i+1]. Sizes are the shards'
	// sizes in bytes.
	Keys  []string `json:"keys"`
	Sizes []int    `json:"sizes"`
	// Common are the terms whose postings alone outgrow a shard, with the number of
	// documents holding them: the page skips them in a query that has rarer words.
	Common map[string]int `json:"common"`
}

// Term weights: how strongly a document holds a word, stored with each posting.
const (
	weightText   = 0 // in the excerpt or the body, once or twice
	weightOften  = 1 // in the excerpt or the body, three times or more
	weightByline = 2 // in an author's name or a tag
	weightTitle  = 3 // in the title
)

// searchTerms returns the folded words of s that the index holds: lang.Words without the
// one-letter words ("l" of "l'été"), but with one-digit numbers, and without words over 40
// characters. The search page's script tokenises queries the same way.
func searchTerms(s string) []string {
	words := lang.Words(s)
	out := words[:0]
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if n > 40 || n == 1 && (w[0] < '0' || w[0] > '9') {
			continue
		}
		out = append(out, w)
	}
	return out
}

// inverter builds the postings of the index, one document at a time, in document order.
type inverter struct {
	terms map[string]*termPostings
}

// termPostings are a term's encoded postings.
type termPostings struct {
	postings []byte
	last     int // the last document added
	docs     int // how many documents hold the term
}

func newInverter() *inverter { return &inverter{terms: map[string]*termPostings{}} }

// weighted is a term of a document and its weight there.
type weighted struct {
	term   string
	weight uint8
}

// docTerms returns the terms of d with their weights (see the weight constants): the
// strongest field that holds a term wins. seen is a scratch map, emptied first.
func docTerms(d searchDoc, seen map[string]int) []weighted {
	clear(seen)
	see := func(s string, weight uint8, counted bool) {
		for _, t := range searchTerms(s) {
			v := seen[t] // count<<2 | weight
			w := max(uint8(v&3), weight)
			if counted {
				if v += 4; v>>2 >= 3 {
					w = max(w, weightOften)
				}
			}
			seen[t] = v&^3 | int(w)
		}
	}
	see(d.Excerpt, weightText, true)
	see(d.Text, weightText, true)
	for _, s := range d.Authors {
		see(s, weightByline, false)
	}
	for _, s := range d.Tags {
		see(s, weightByline, false)
	}
	see(d.Title, weightTitle, false)
	out := make([]weighted, 0, len(seen))
	for t, v := range seen {
		out = append(out, weighted{t, uint8(v & 3)})
	}
	return out
}

// add adds the terms of document id, which follows every document added before.
func (ix *inverter) add(id int, terms []weighted) {
	for _, t := range terms {
		p := ix.terms[t.term]
		if p == nil {
			p = &termPostings{last: -1}
			ix.terms[t.term] = p
		}
		p.postings = appendPosting(p.postings, p.last, id, t.weight)
		p.last = id
		p.docs++
	}
}

// addAll adds docs in order, reading their terms on every core while it adds those read.
func (ix *inverter) addAll(docs []searchDoc) {
	const batch = 256
	n := (len(docs) + batch - 1) / batch
	read := make([]chan [][]weighted, n)
	for b := range read {
		read[b] = make(chan [][]weighted, 1)
	}
	workers := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for b := range n {
			workers <- struct{}{} // at most this many batches ahead of add
			go func() {
				seen := map[string]int{}
				part := docs[b*batch : min(len(docs), (b+1)*batch)]
				lists := make([][]weighted, len(part))
				for i, d := range part {
					lists[i] = docTerms(d, seen)
				}
				read[b] <- lists
			}()
		}
	}()
	for b := range n {
		lists := <-read[b]
		<-workers
		for i, terms := range lists {
			ix.add(b*batch+i, terms)
		}
	}
}

// postingDigits encode postings: a digit of the first half ends a number, one of the second
// half says more digits follow. No digit needs escaping in a JSON string.
const postingDigits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"

// appendPosting appends to b the posting of document id with weight w, after the posting of
// document prev (-1 for the first): (id-prev-1)*4+w in base 32, most significant digit first.
func appendPosting(b []byte, prev, id int, w uint8) []byte {
	v := uint64(id-prev-1)<<2 | uint64(w)
	var digits [13]byte
	i := len(digits) - 1
	digits[i] = postingDigits[v&31]
	for v >>= 5; v > 0; v >>= 5 {
		i--
		digits[i] = postingDigits[32+v&31]
	}
	return append(b, digits[i:]...)
}

// searchShard is a term shard: its key (see searchManifest.Keys) and its terms' postings.
type searchShard struct {
	key   string
	terms map[string]string
	last  string // the last term, in order
	size  int    // of the terms and postings, as JSON
}

// packTerms cuts the sorted terms of ix into shards of at most lim.shardBytes, a term larger
// alone taking a shard of its own, and records such terms in common with the number of
// documents holding them.
func packTerms(ix *inverter, lim searchLimits, common map[string]int) []*searchShard {
	var shards []*searchShard
	for _, t := range slices.Sorted(maps.Keys(ix.terms)) { // UTF-8 byte order is code point order, as the page's
		p := ix.terms[t].postings
		size := len(t) + len(p) + 6 // "t":"p",
		if len(p) > lim.shardBytes {
			common[t] = ix.terms[t].docs
		}
		n := len(shards)
		if n == 0 || shards[n-1].size+size > lim.shardBytes {
			key := ""
			if n > 0 {
				key = shortestAbove(t, shards[n-1].last)
			}
			shards = append(shards, &searchShard{key: key, terms: map[string]string{}})
		}
		s := shards[len(shards)-1]
		s.terms[t], s.last, s.size = string(p), t, s.size+size
	}
	return shards
}

// buildSearchIndex returns the files of the search index of docs, by path under SearchDir.
// Documents are numbered newest first (then by URL), so that the page, which ranks ties
// newest first, finds the top results of a common word in few document shards.
func buildSearchIndex(docs []searchDoc, lim searchLimits) (map[string][]byte, error) {
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b searchDoc) int {
		if c := strings.Compare(b.Date, a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
	ix := newInverter()
	ix.addAll(docs)
	m := searchManifest{Docs: len(docs), Chunk: lim.docsPerShard, Common: map[string]int{}}
	files := map[string][]byte{}
	for i, s := range packTerms(ix, lim, m.Common) {
		data, err := scriptCall("terms", i, s.terms)
		if err != nil {
			return nil, err
		}
		files[path.Join("t", fmt.Sprintf("%d.js", i))] = data
		m.Keys, m.Sizes = append(m.Keys, s.key), append(m.Sizes, len(data))
	}
	for i := 0; i*lim.docsPerShard < len(docs); i++ {
		chunk := docs[i*lim.docsPerShard : min(len(docs), (i+1)*lim.docsPerShard)]
		rows := make([][5]string, len(chunk))
		for j, d := range chunk {
			rows[j] = [5]string{d.Title, d.URL, d.Date, strings.Join(d.Authors, ", "), excerpt(d.Excerpt, lim.excerptRunes)}
		}
		data, err := scriptCall("docs", i, rows)
		if err != nil {
			return nil, err
		}
		files[path.Join("d", fmt.Sprintf("%d.js", i))] = data
	}
	m.Version = indexVersion(files)
	data, err := scriptCall("manifest", -1, m)
	if err != nil {
		return nil, err
	}
	files["manifest.js"] = data
	return files, nil
}

// shortestAbove returns the shortest prefix of term, in runes, that sorts after below.
func shortestAbove(term, below string) string {
	for i := range term {
		if i > 0 && term[:i] > below {
			return term[:i]
		}
	}
	return term
}

// scriptCall returns the script `kiosqueSearch.<fn>(<n>,<data>);`, without n when it is
// negative; data is JSON, which is also JavaScript.
func scriptCall(fn string, n int, data any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("kiosqueSearch." + fn + "(")
	if n >= 0 {
		fmt.Fprintf(&b, "%d,", n)
	}
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(data); err != nil {
		return nil, fmt.Errorf("failed to encode the search index: %w", err)
	}
	b.Truncate(b.Len() - 1) // the encoder's newline
	b.WriteString(");\n")
	return b.Bytes(), nil
}

// indexVersion returns a short hash of the files.
func indexVersion(files map[string][]byte) string {
	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		h.Write([]byte(name))
		h.Write(files[name])
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// excerpt returns s with its spaces collapsed, cut at a word to at most max runes, with "…"
// when cut.
func excerpt(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// searchDocs returns the articles of the built site s: the regular pages of its section of
// articles (params.kiosque.layout, as the theme's partial kiosque/names.html reads it).
func searchDocs(s *hugolib.Site) []searchDoc {
	ctx := context.Background()
	section, authors, tags := layoutNames(s)
	var docs []searchDoc
	for _, p := range s.RegularPages() {
		if p.Section() != section || p.RelPermalink() == "" {
			continue
		}
		d := searchDoc{Title: p.Title(), URL: p.RelPermalink(), Tags: cast.ToStringSlice(p.Params()[tags])}
		if !p.Date().IsZero() {
			d.Date = p.Date().Format("2006-01-02")
		}
		for _, a := range p.GetTerms(authors) {
			d.Authors = append(d.Authors, a.LinkTitle())
		}
		d.Text = p.Plain(ctx)
		if sub := cast.ToString(p.Params()["subtitle"]); sub != "" {
			d.Excerpt = sub
		} else {
			d.Excerpt = html.UnescapeString(tpl.StripHTML(string(p.Summary(ctx))))
		}
		docs = append(docs, d)
	}
	return docs
}

// layoutNames returns the site's section of articles and its taxonomies of authors and
// tags: kiosque passes them to every build as params.kiosque.layout; a site built without
// them falls back as the theme's partial kiosque/names.html does.
func layoutNames(s page.Site) (section, authors, tags string) {
	section, authors, tags = "articles", "authors", "tags"
	if ms := s.MainSections(); len(ms) > 0 {
		section = ms[0]
	}
	kiosque, _ := asMap(s.Params()["kiosque"])
	k, _ := asMap(kiosque["layout"])
	for key, v := range map[string]*string{"section": &section, "authors": &authors, "tags": &tags} {
		if name := cast.ToString(k[key]); name != "" {
			*v = name
		}
	}
	return section, authors, tags
}

// writeSearchIndex writes the search index of each built site (each language) into the
// publish folder publish, under SearchDir in the language's folder ("en/search" when English
// has one), where the theme's search page looks for it ("search/" | relLangURL). The
// manifest goes last, so that a page never reads a manifest ahead of its shards.
func writeSearchIndex(sites *hugolib.HugoSites, publish afero.Fs) error {
	for _, s := range sites.Sites {
		files, err := buildSearchIndex(searchDocs(s), defaultSearchLimits)
		if err != nil {
			return err
		}
		dir := path.Join("/", s.LanguagePrefix(), SearchDir)
		for _, sub := range []string{"t", "d"} {
			if err := publish.MkdirAll(path.Join(dir, sub), 0o755); err != nil {
				return fmt.Errorf("failed to make the search index folder: %w", err)
			}
		}
		names := slices.Sorted(maps.Keys(files))
		names = append(slices.DeleteFunc(names, func(n string) bool { return n == "manifest.js" }), "manifest.js")
		for _, name := range names {
			target := path.Join(dir, name)
			if err := afero.WriteFile(publish, target, files[name], 0o644); err != nil {
				return fmt.Errorf("failed to write %q: %w", target, err)
			}
		}
	}
	return nil
}
