package enrich

import (
	"slices"
	"strings"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// newArticle returns an article of the given page, title and body paragraphs.
func newArticle(page, title string, body ...string) *article.Article {
	a := &article.Article{Page: page, Title: title, Lang: "fr"}
	for _, p := range body {
		a.Body = append(a.Body, article.Block{Kind: article.Paragraph, Text: p})
	}
	return a
}

// TestTagQuality checks tags derived from fictional articles: the names wanted are there, and
// no sentence-initial common word, honorific or fragment.
func TestTagQuality(t *testing.T) {
	for _, c := range []struct {
		msg    string
		a      *article.Article
		want   []string
		reject []string
	}{
		{
			msg: "sentence openers, honorifics and quotations",
			a: newArticle("/a", "Anne Delorme défend le budget de Valmont",
				"Le conseil de Valmont a voté. Dans la salle, Anne Delorme a parlé. « Nous tiendrons », a dit Mme Delorme.",
				"Selon Bastien Morel, le budget est injuste. Ils étaient deux cents. M. Morel votera contre, comme l’UCV.",
				"Lundi, l’UCV et Bastien Morel ont manifesté à Valmont. The crowd was calm."),
			want:   []string{"Anne Delorme", "Bastien Morel", "Valmont", "UCV"},
			reject: []string{"Le", "Dans", "Nous", "Selon", "Ils", "M.", "Mme", "Lundi", "The", "Delorme", "Morel", "M. Morel"},
		},
		{
			msg: "names joined by small words, never across an acronym",
			a: newArticle("/b", "La Cour des Comptes de Brévenne épingle le port",
				"La Cour des Comptes de Brévenne publie son rapport sur le port de l’AMS. La cour des Comptes de Brévenne critique l’AMS.",
				"Le rapport vise la gestion du port de Saint-Orvel par l’Agence Maritime de la Sélève et le conseil de Saint-Orvel."),
			want:   []string{"Cour des Comptes de Brévenne", "AMS", "Saint-Orvel"},
			reject: []string{"Brévenne de l’AMS", "Comptes de Brévenne", "La Cour"},
		},
		{
			msg: "a demonym before a name, and a shouted surname",
			a: newArticle("/c", "Le Castelrouxien Rémi Aubertin quitte le club",
				"Le Castelrouxien Rémi AUBERTIN a annoncé son départ. Rémi Aubertin jouait à Castelroux depuis dix ans.",
				"Le club de Castelroux remercie Aubertin. Castelroux cherche un successeur."),
			want:   []string{"Rémi Aubertin", "Castelroux"},
			reject: []string{"Castelrouxien Rémi Aubertin", "Castelrouxien", "Aubertin"},
		},
	} {
		Corpus([]*article.Article{c.a}, nil, Options{})
		for _, w := range c.want {
			if !slices.Contains(c.a.Tags, w) {
				t.Errorf("%s: tags %q lack %q", c.msg, c.a.Tags, w)
			}
		}
		for _, r := range c.reject {
			if slices.Contains(c.a.Tags, r) {
				t.Errorf("%s: tags %q hold %q", c.msg, c.a.Tags, r)
			}
		}
		for _, tag := range c.a.Tags {
			if stopWords[key(tag)] || strings.HasSuffix(tag, " de") || strings.HasSuffix(tag, "’") {
				t.Errorf("%s: tag %q is a stop word or a fragment", c.msg, tag)
			}
		}
	}
}

// TestTagVocabulary maps aliases to their canonical tag and drops banned tags.
func TestTagVocabulary(t *testing.T) {
	vocab, err := ParseVocabulary("tags.yaml", []byte("aliases:\n  Haute-Sélève: [Sélève, Artsel]\nban: [Valmont Matin]\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := newArticle("/a", "Valmont Matin raconte la crue de la Sélève",
		"La crue de la Sélève a surpris Valmont. Valmont Matin a suivi la crue de l’Artsel heure par heure.",
		"À Valmont, la Sélève est redescendue lundi.")
	Corpus([]*article.Article{a}, nil, Options{Tags: vocab})
	if !slices.Contains(a.Tags, "Haute-Sélève") || slices.Contains(a.Tags, "Sélève") || slices.Contains(a.Tags, "Artsel") {
		t.Errorf("tags %q: want the aliases mapped to Haute-Sélève", a.Tags)
	}
	if slices.Contains(a.Tags, "Valmont Matin") {
		t.Errorf("tags %q hold a banned tag", a.Tags)
	}
	if _, err := ParseVocabulary("bad.yaml", []byte("aliases:\n  A: [X]\n  B: [X]\n")); err == nil {
		t.Error("an alias of two names was accepted")
	}
}

// TestTagRarity checks that a name on every article of the corpus weighs less than a name
// particular to one: rarity in the corpus counts.
func TestTagRarity(t *testing.T) {
	var arts []*article.Article
	for i, who := range []string{"Élise Garnotel", "Jules Nogaret", "Adèle Quintard", "Octave Rabanel"} {
		arts = append(arts, newArticle("/"+string(rune('a'+i)), "Un conseil agité",
			"Le conseil de Valmont a siégé. Valmont a voté. Valmont attend. À Valmont, le calme revient.",
			who+" a pris la parole. "+who+" a convaincu."))
	}
	Corpus(arts, nil, Options{})
	for _, a := range arts {
		if len(a.Tags) == 0 || a.Tags[0] == "Valmont" {
			t.Errorf("%s: tags %q: the name on every article comes first", a.Page, a.Tags)
		}
	}
}
