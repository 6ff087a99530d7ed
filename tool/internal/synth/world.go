package synth

import (
	"math/rand/v2"
	"strings"
)

// Sizes of the world, per language: about 2,250 names in each language to tag, and
// the journalists who sign.
const (
	peoplePerLang      = 1200
	placesPerLang      = 350
	orgsPerLang        = 700
	journalistsPerLang = 250
)

// Kind tells what a tag names.
type Kind string

// The kinds of tags.
const (
	Person Kind = "person"
	Place  Kind = "place"
	Org    Kind = "organisation"
)

// Entity is one name of the world: a person, a place or an organisation.
type Entity struct {
	Name string // as the body writes it: "Anne Delorme", "Saint-Orvel", "Syndicat des Pêcheurs de Vernade"
	Kind Kind
	// Det is the determiner an organisation takes in running text ("le ", "l’", "the ").
	Det string
	// Female marks a woman, for the French agreement of her role.
	Female bool
}

// Newsroom is a fictional publication.
type Newsroom struct {
	Name, Host string
}

// language is what the world of one language is made of: the name parts its people, places
// and organisations are drawn from, and the words its articles are written with.
type language struct {
	fem, masc, last       []string    // first names of women and of men, surnames
	roots, forms          []string    // place roots, and the forms a root takes ("Saint-*")
	orgPatterns           [][2]string // organisation patterns ("Syndicat des Pêcheurs de *") after their determiner
	newsrooms             []Newsroom
	sections              []string
	subjects              []string    // what stories are about, with their determiner
	lead                  string      // the opening sentence, of {subject}
	roles                 [2][]string // masculine, feminine (the same words in English)
	months                []string
	sentences, titles     []string
	fillers               []string
	share, related        []string // share buttons; related headings
	by                    []string // the byline word, the word between two names, a teaser's byline word
	relatedClass, picksHd string
	authorPath            string // the folder of the newsroom's author pages
}

// lexicon is the world of one language: its language and the names drawn from it.
type lexicon struct {
	*language
	people, places, orgs []Entity
	journalists          []string
}

// newLexicon draws the names of one language's world.
func newLexicon(rng *rand.Rand, l *language) *lexicon {
	lex := &lexicon{language: l}
	lex.people, lex.journalists = persons(rng, l.fem, l.masc, l.last, peoplePerLang, journalistsPerLang)
	lex.places = placeNames(rng, l.roots, l.forms, placesPerLang)
	lex.orgs = orgNames(rng, l.orgPatterns, lex.places, orgsPerLang)
	return lex
}

// World is every language's lexicon, built from the seed.
type World struct {
	langs map[string]*lexicon
}

// Names returns every name the world can tag, in a stable order.
func (w *World) Names() []Entity {
	var out []Entity
	for _, code := range []string{"fr", "en"} {
		l := w.langs[code]
		out = append(append(append(out, l.people...), l.places...), l.orgs...)
	}
	return out
}

// Journalists returns the journalists of a language, from the one who writes the most to the
// one who writes the least.
func (w *World) Journalists(code string) []string {
	return append([]string(nil), w.langs[code].journalists...)
}

// newWorld draws the world of a seed from each language's name parts.
func newWorld(seed uint64) *World {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	return &World{langs: map[string]*lexicon{
		"fr": newLexicon(rng, french),
		"en": newLexicon(rng, english),
	}}
}

// persons draws n distinct people and m distinct journalists from the name parts (a
// journalist may share a surname with the people in the news).
func persons(rng *rand.Rand, fem, masc, last []string, n, m int) ([]Entity, []string) {
	type cand struct {
		first, last string
		female      bool
	}
	var all []cand
	for _, l := range last {
		for _, f := range fem {
			all = append(all, cand{f, l, true})
		}
		for _, f := range masc {
			all = append(all, cand{f, l, false})
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	people := make([]Entity, n)
	for i, c := range all[:n] {
		people[i] = Entity{Name: c.first + " " + c.last, Kind: Person, Female: c.female}
	}
	journalists := make([]string, m)
	for i, c := range all[n : n+m] {
		journalists[i] = c.first + " " + c.last
	}
	return people, journalists
}

// placeNames draws n distinct places from roots and the forms they take.
func placeNames(rng *rand.Rand, roots, forms []string, n int) []Entity {
	var all []string
	for _, r := range roots {
		for _, f := range forms {
			all = append(all, strings.ReplaceAll(f, "*", r))
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	out := make([]Entity, n)
	for i, p := range all[:n] {
		out[i] = Entity{Name: p, Kind: Place}
	}
	return out
}

// orgNames draws n distinct organisations, each a pattern ("Syndicat des Pêcheurs de *")
// with its determiner and a place of the world.
func orgNames(rng *rand.Rand, patterns [][2]string, places []Entity, n int) []Entity {
	seen := map[string]bool{}
	var out []Entity
	for len(out) < n {
		p := patterns[rng.IntN(len(patterns))]
		name := strings.ReplaceAll(p[1], "*", places[rng.IntN(len(places))].Name)
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, Entity{Name: name, Kind: Org, Det: p[0]})
	}
	return out
}
