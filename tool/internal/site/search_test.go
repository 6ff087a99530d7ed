package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestSearchTerms(t *testing.T) {
	for _, c := range []struct {
		msg, in string
		want    []string
	}{
		{"accents and case fold", "Élection à Saint-Étienne", []string{"election", "saint", "etienne"}},
		{"an elided article is no word", "l’évacuation d'urgence", []string{"evacuation", "urgence"}},
		{"a one-digit number is a word", "La ligne 4 et la 12", []string{"la", "ligne", "4", "et", "la", "12"}},
		{"ligatures fold to one letter", "Œuvre et cæcum", []string{"ouvre", "et", "cacum"}},
		{"punctuation splits", "Valmont,Bellerive;port-aubrac!", []string{"valmont", "bellerive", "port", "aubrac"}},
		{"a word over 40 letters is left out", "court " + strings.Repeat("x", 41) + " fin", []string{"court", "fin"}},
		{"a word of 40 letters stays", strings.Repeat("y", 40), []string{strings.Repeat("y", 40)}},
		{"nothing but punctuation", " … — « » ", nil},
	} {
		if got := searchTerms(c.in); !slices.Equal(got, c.want) {
			t.Errorf("%s: searchTerms(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

// decodePostings reverses appendPosting over a whole list: the ids and weights it holds.
func decodePostings(s string) (ids []int, weights []uint8, err error) {
	prev, v := -1, uint64(0)
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(postingDigits, s[i])
		if d < 0 {
			return nil, nil, fmt.Errorf("bad posting digit %q at %d", s[i], i)
		}
		v = v<<5 | uint64(d&31)
		if d >= 32 {
			continue
		}
		prev += int(v>>2) + 1
		ids, weights, v = append(ids, prev), append(weights, uint8(v&3)), 0
	}
	return ids, weights, nil
}

func TestPostings(t *testing.T) {
	for _, c := range []struct {
		msg     string
		ids     []int
		weights []uint8
		want    string
	}{
		{"consecutive documents take a digit each", []int{0, 1, 2}, []uint8{0, 0, 0}, "000"},
		{"the weight is the low two bits", []int{0, 1}, []uint8{3, 2}, "32"},
		{"a gap of 8 still fits one digit", []int{7}, []uint8{1}, "t"},
		{"a gap of 40 takes a continuation digit", []int{0, 40}, []uint8{0, 0}, "0As"},
		{"a large id takes four digits", []int{100000}, []uint8{3}, "ICQ3"},
	} {
		var b []byte
		prev := -1
		for i, id := range c.ids {
			b = appendPosting(b, prev, id, c.weights[i])
			prev = id
		}
		if string(b) != c.want {
			t.Errorf("%s: %v with weights %v encode as %q, want %q", c.msg, c.ids, c.weights, b, c.want)
		}
		ids, weights, err := decodePostings(string(b))
		if err != nil || !slices.Equal(ids, c.ids) || !slices.Equal(weights, c.weights) {
			t.Errorf("%s: %q decodes as %v %v (%v), want %v %v", c.msg, b, ids, weights, err, c.ids, c.weights)
		}
	}
	if _, _, err := decodePostings("0\"1"); err == nil {
		t.Errorf("a quote in postings decodes without error")
	}
}

func TestTermWeights(t *testing.T) {
	d := searchDoc{
		Title:   "Le pont rouvre",
		Authors: []string{"Anne Pont"},
		Tags:    []string{"Transports"},
		Excerpt: "Les bus reprennent.",
		Text:    "Le pont. Le pont, le pont. Les bus passent le pont. Transports en commun, bus.",
	}
	ix := newInverter()
	ix.add(0, docTerms(d, map[string]int{"stale": 3}))
	got := map[string]uint8{}
	for term, p := range ix.terms {
		ids, weights, err := decodePostings(string(p.postings))
		if err != nil || len(ids) != 1 || ids[0] != 0 {
			t.Fatalf("%q has postings %v (%v), want document 0 alone", term, ids, err)
		}
		got[term] = weights[0]
	}
	for _, c := range []struct {
		msg, term string
		want      uint8
	}{
		{"a title word weighs most, whatever else holds it", "pont", weightTitle},
		{"a tag word weighs more than text", "transports", weightByline},
		{"an author's name weighs as a tag", "anne", weightByline},
		{"three times in the excerpt and text is often", "bus", weightOften},
		{"once in the text is text", "commun", weightText},
		{"the excerpt counts as text", "reprennent", weightText},
	} {
		if w, ok := got[c.term]; !ok || w != c.want {
			t.Errorf("%s: %q weighs %d (held: %v), want %d", c.msg, c.term, w, ok, c.want)
		}
	}
	if _, ok := got["l"]; ok {
		t.Errorf("a one-letter word is indexed")
	}
	if _, ok := got["stale"]; ok {
		t.Errorf("a word of the scratch map, not of the document, is indexed")
	}
}

func TestShortestAbove(t *testing.T) {
	for _, c := range []struct{ msg, term, below, want string }{
		{"the first letter differs", "pont", "marche", "p"},
		{"a shared start", "ponts", "pont", "ponts"},
		{"two letters tell", "pa", "ouvre", "p"},
		{"a longer term after a shorter one", "valmontais", "valley", "valm"},
		{"accented letters count as one", "été", "étau", "été"},
	} {
		if got := shortestAbove(c.term, c.below); got != c.want {
			t.Errorf("%s: shortestAbove(%q, %q) = %q, want %q", c.msg, c.term, c.below, got, c.want)
		}
	}
}

// scriptData returns the argument of a search script `kiosqueSearch.<fn>(<n>,<data>);`,
// checking its function and number (-1: none).
func scriptData(t *testing.T, data []byte, fn string, n int) []byte {
	t.Helper()
	head := "kiosqueSearch." + fn + "("
	if n >= 0 {
		head += fmt.Sprintf("%d,", n)
	}
	if !bytes.HasPrefix(data, []byte(head)) || !bytes.HasSuffix(data, []byte(");\n")) {
		t.Fatalf("the script does not call %s...);: %.80s", head, data)
	}
	return data[len(head) : len(data)-3]
}

// shardFor returns the term shard that holds term, were it in the index: the last key that
// sorts before it or is it, as search.js looks it up.
func shardFor(keys []string, term string) int {
	i, _ := slices.BinarySearch(keys, term+"\x00")
	return i - 1
}

func TestBuildSearchIndex(t *testing.T) {
	docs := []searchDoc{
		{Title: "Le pont rouvre", URL: "/a/", Date: "2024-03-12", Authors: []string{"Anne Delorme", "Paul Vernet"}, Excerpt: "Après dix-huit mois"},
		{Title: "Le marché change", URL: "/b/", Date: "2024-03-10", Text: "Le pont et le marché"},
		{Title: "La ligne prolongée", URL: "/c/", Date: "2024-03-14", Tags: []string{"Transports"}},
		{Title: "Sans date", URL: "/d/"},
		{Title: "Même jour", URL: "/0/", Date: "2024-03-10"},
	}
	for i := range 80 {
		docs = append(docs, searchDoc{Title: fmt.Sprintf("Brève numéro %d", 100+i), URL: fmt.Sprintf("/z%02d/", i), Date: "2020-01-01", Text: "pont"})
	}
	lim := searchLimits{shardBytes: 60, docsPerShard: 4, excerptRunes: 10}
	files, err := buildSearchIndex(docs, lim)
	if err != nil {
		t.Fatal(err)
	}
	var m searchManifest
	if err := json.Unmarshal(scriptData(t, files["manifest.js"], "manifest", -1), &m); err != nil {
		t.Fatal(err)
	}
	if m.Docs != len(docs) || m.Chunk != 4 || len(m.Keys) != len(m.Sizes) || len(m.Keys) < 2 || m.Keys[0] != "" {
		t.Fatalf("manifest: %d docs in chunks of %d, %d keys and %d sizes, first %q; want %d docs in 4, as many keys as sizes, several, the first empty",
			m.Docs, m.Chunk, len(m.Keys), len(m.Sizes), m.Keys, len(docs))
	}
	if !slices.IsSorted(m.Keys) || len(slices.Compact(slices.Clone(m.Keys))) != len(m.Keys) {
		t.Errorf("the keys are not strictly increasing: %q", m.Keys)
	}
	if want := map[string]int{"pont": 82, "breve": 80, "numero": 80}; !maps.Equal(m.Common, want) {
		t.Errorf("common terms %v, want %v: their postings alone outgrow a 60-byte shard", m.Common, want)
	}

	held := map[string]string{}
	for i, key := range m.Keys {
		data := files[fmt.Sprintf("t/%d.js", i)]
		if len(data) != m.Sizes[i] {
			t.Errorf("shard %d is %d bytes, the manifest says %d", i, len(data), m.Sizes[i])
		}
		var shard map[string]string
		if err := json.Unmarshal(scriptData(t, data, "terms", i), &shard); err != nil {
			t.Fatal(err)
		}
		if len(shard) > 1 && len(data) > lim.shardBytes+len("kiosqueSearch.terms(00,{});\n") {
			t.Errorf("shard %d (key %q) holds %d terms in %d bytes, over the budget of %d", i, key, len(shard), len(data), lim.shardBytes)
		}
		for term, p := range shard {
			if got := shardFor(m.Keys, term); got != i {
				t.Errorf("%q is in shard %d, but the keys send it to shard %d", term, i, got)
			}
			held[term] = p
		}
	}
	if _, ok := files[fmt.Sprintf("t/%d.js", len(m.Keys))]; ok {
		t.Errorf("a term shard beyond the manifest's keys")
	}

	// Documents are numbered newest first, then by URL; the undated last.
	order := []string{"/c/", "/a/", "/0/", "/b/"}
	var rows [][5]string
	if err := json.Unmarshal(scriptData(t, files["d/0.js"], "docs", 0), &rows); err != nil {
		t.Fatal(err)
	}
	for i, want := range order {
		if rows[i][1] != want {
			t.Errorf("document %d is %s, want %s (newest first, then by URL)", i, rows[i][1], want)
		}
	}
	if want := [5]string{"Le pont rouvre", "/a/", "2024-03-12", "Anne Delorme, Paul Vernet", "Après…"}; rows[1] != want {
		t.Errorf("document 1 is %q, want %q", rows[1], want)
	}
	if n := len(files) - 1 - len(m.Keys); n != 22 {
		t.Errorf("%d document shards for 85 documents in fours, want 22", n)
	}
	var last [][5]string
	if err := json.Unmarshal(scriptData(t, files["d/21.js"], "docs", 21), &last); err != nil || len(last) != 1 || last[0][1] != "/d/" {
		t.Errorf("the last document shard holds %q (%v), want the undated /d/ alone", last, err)
	}

	for _, c := range []struct {
		msg, term string
		ids       []int
		weights   []uint8
	}{
		{"title words weigh most", "marche", []int{3}, []uint8{weightTitle}},
		{"a word in several documents, in order", "pont", append([]int{1, 3}, seq(4, 84)...), append([]uint8{weightTitle, weightText}, zeros(80)...)},
		{"an author", "delorme", []int{1}, []uint8{weightByline}},
		{"a tag", "transports", []int{0}, []uint8{weightByline}},
		{"the excerpt is searched", "dix", []int{1}, []uint8{weightText}},
	} {
		ids, weights, err := decodePostings(held[c.term])
		if err != nil || !slices.Equal(ids, c.ids) || !slices.Equal(weights, c.weights) {
			t.Errorf("%s: %q is held by %v with weights %v (%v), want %v %v", c.msg, c.term, ids, weights, err, c.ids, c.weights)
		}
	}
}

func TestBuildSearchIndexEmpty(t *testing.T) {
	files, err := buildSearchIndex(nil, defaultSearchLimits)
	if err != nil {
		t.Fatal(err)
	}
	var m searchManifest
	if err := json.Unmarshal(scriptData(t, files["manifest.js"], "manifest", -1), &m); err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || m.Docs != 0 || len(m.Keys) != 0 {
		t.Errorf("an empty site's index: %d files, manifest %+v; want the manifest alone, empty", len(files), m)
	}
}

// seq returns the integers from lo up to hi, hi left out.
func seq(lo, hi int) []int {
	var out []int
	for i := lo; i < hi; i++ {
		out = append(out, i)
	}
	return out
}

// zeros returns n zero weights.
func zeros(n int) []uint8 { return make([]uint8, n) }

func TestPackTerms(t *testing.T) {
	ix := newInverter()
	ix.add(0, []weighted{{"aa", 0}, {"ab", 0}, {"b", 0}})
	ix.add(100, []weighted{{"aa", 0}}) // a gap that takes two digits
	ix.add(200, []weighted{{"aa", 0}})
	for _, c := range []struct {
		msg    string
		budget int
		keys   []string
		common map[string]int
	}{
		{"a shard a term when none fits with another; aa outgrows one alone", 4, []string{"", "ab", "b"}, map[string]int{"aa": 3}},
		{"aa (13 bytes) and ab (9) overflow 20 bytes, ab and b (8) fit", 20, []string{"", "ab"}, map[string]int{}},
	} {
		common := map[string]int{}
		var keys []string
		for _, s := range packTerms(ix, searchLimits{shardBytes: c.budget}, common) {
			keys = append(keys, s.key)
		}
		if !slices.Equal(keys, c.keys) || !maps.Equal(common, c.common) {
			t.Errorf("%s: keys %q and common %v, want %q and %v", c.msg, keys, common, c.keys, c.common)
		}
	}
}
