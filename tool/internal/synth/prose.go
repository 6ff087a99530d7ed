package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// writer writes the title and body of one article.
type writer struct {
	rng *rand.Rand
	lex *lexicon
}

// title fills a title template whose slots the tags can fill.
func (w writer) title(tags []Entity, subj string) string {
	first := func(k Kind) *Entity {
		for i := range tags {
			if tags[i].Kind == k {
				return &tags[i]
			}
		}
		return nil
	}
	place, person, org := first(Place), first(Person), first(Org)
	var ok []string
	for _, t := range w.lex.titles {
		if (org != nil || !strings.Contains(strings.ToLower(t), "{org}")) &&
			(person != nil || !strings.Contains(t, "{person}")) &&
			(place != nil || !strings.Contains(t, "{place}")) {
			ok = append(ok, t)
		}
	}
	vals := map[string]string{"subject": subj, "Subject": upperFirst(subj)}
	if place != nil {
		vals["place"] = place.Name
	}
	if person != nil {
		vals["person"] = person.Name
	}
	if org != nil {
		vals["org"] = org.Det + org.Name
		vals["Org"] = upperFirst(org.Det + org.Name)
	}
	return w.fill(ok[w.rng.IntN(len(ok))], vals)
}

// body writes about 400 words in paragraphs of two or three sentences: each tag named twice,
// in its first and second half, between sentences that name none.
func (w writer) body(tags []Entity, subj string) []string {
	var first, second []string
	for _, e := range tags {
		first = append(first, w.mention(e, false))
		second = append(second, w.mention(e, true))
	}
	fillers := slices.Clone(w.lex.fillers)
	w.rng.Shuffle(len(fillers), func(i, j int) { fillers[i], fillers[j] = fillers[j], fillers[i] })
	nf := 22 - 2*len(tags)
	sentences := []string{w.fill(w.lex.lead, map[string]string{"subject": subj})}
	for i, half := range [][]string{first, second} {
		mine := fillers[i*nf/2 : (i+1)*nf/2]
		for k, s := range half {
			sentences = append(sentences, s)
			if k < len(mine) {
				sentences = append(sentences, w.fill(mine[k], nil))
			}
		}
		for k := len(half); k < len(mine); k++ {
			sentences = append(sentences, w.fill(mine[k], nil))
		}
	}
	var paras []string
	for len(sentences) > 0 {
		n := min(len(sentences), 2+w.rng.IntN(2))
		paras = append(paras, strings.Join(sentences[:n], " "))
		sentences = sentences[n:]
	}
	return paras
}

// mention writes a sentence naming e, from the templates of its kind.
func (w writer) mention(e Entity, again bool) string {
	prefix := map[Kind]string{Person: "person", Place: "place", Org: "org"}[e.Kind]
	if again {
		prefix += "2"
	}
	prefix += ":"
	var ok []string
	for _, s := range w.lex.sentences {
		if rest, found := strings.CutPrefix(s, prefix); found {
			ok = append(ok, rest)
		}
	}
	vals := map[string]string{"e": e.Name, "E": e.Name}
	if e.Kind == Org {
		vals["e"], vals["E"] = e.Det+e.Name, upperFirst(e.Det+e.Name)
	}
	if e.Kind == Person {
		roles := w.lex.roles[0]
		if e.Female {
			roles = w.lex.roles[1]
		}
		vals["role"] = roles[w.rng.IntN(len(roles))]
	}
	return w.fill(ok[w.rng.IntN(len(ok))], vals)
}

// fill replaces the {slots} of a template: those of vals, and the numbers and dates it draws.
func (w writer) fill(t string, vals map[string]string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(t, '{')
		if open < 0 {
			b.WriteString(t)
			return b.String()
		}
		end := strings.IndexByte(t[open:], '}') + open
		b.WriteString(t[:open])
		name := t[open+1 : end]
		t = t[end+1:]
		switch name {
		case "n":
			b.WriteString(strconv.Itoa(2 + w.rng.IntN(98)))
		case "big":
			b.WriteString(strconv.Itoa(1000 + w.rng.IntN(49000)))
		case "year":
			b.WriteString(strconv.Itoa(2025 + w.rng.IntN(6)))
		case "day":
			b.WriteString(strconv.Itoa(1 + w.rng.IntN(28)))
		case "month":
			b.WriteString(w.lex.months[w.rng.IntN(12)])
		default:
			v, ok := vals[name]
			if !ok {
				panic(fmt.Sprintf("synth: template slot {%s} has no value", name))
			}
			writeElided(&b, v)
		}
	}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// writeElided writes v after what b holds, eliding a French "de" before a vowel ("d’Orvel").
func writeElided(b *strings.Builder, v string) {
	r, _ := utf8.DecodeRuneInString(v)
	if s := b.String(); strings.HasSuffix(s, " de ") && strings.ContainsRune("AEIOUYÉÈÊÎÔÛ", r) {
		b.Reset()
		b.WriteString(s[:len(s)-len("de ")] + "d’")
	}
	b.WriteString(v)
}
