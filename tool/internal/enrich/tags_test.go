package enrich

import (
	"fmt"
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

// townCorpus returns 59 articles, each naming its town (Valmont or Miraval), the Cour des
// comptes (a third of them with a capital C), a resident no other article names, and, every
// other article, the Chambre de commerce et d’industrie de Valmont.
func townCorpus(t *testing.T) []*article.Article {
	if SharedTagsFrom > 60 {
		t.Fatalf("SharedTagsFrom is %d: the corpus of this test is too small to be shared", SharedTagsFrom)
	}
	var arts []*article.Article
	for i := range 59 {
		town, person, last := townCorpusNames(i)
		cour := "La Cour des comptes avait déjà épinglé la ville."
		if i%3 == 0 {
			cour = "La Cour des Comptes avait déjà épinglé la ville."
		}
		body := []string{
			"À " + town + ", " + person + " a interpellé le conseil municipal mardi soir.", cour,
			last + " reviendra devant les élus de " + town + " en juin.",
		}
		if i%2 == 1 {
			body = append(body, "La Chambre de commerce et d’industrie de Valmont soutient le projet.")
		}
		arts = append(arts, newArticle(fmt.Sprintf("/%02d", i), town+" : "+person+" interpelle la municipalité", body...))
	}
	return arts
}

// townCorpusNames returns the town, the resident and the resident's last name of article i.
func townCorpusNames(i int) (town, person, last string) {
	firsts := strings.Fields("Aline Benoît Cécile Denis Émile Fanny Gérard Irène Joël Karine")
	lasts := strings.Fields("Abadie Bonnefoy Cazeneuve Dartigues Escoffier Fabre")
	return []string{"Valmont", "Miraval"}[i%2], firsts[i%10] + " " + lasts[i/10], lasts[i/10]
}

// TestSharedTags tags a corpus as large as SharedTagsFrom: each article keeps the names it
// shares with others (its town, the Cour des comptes printed the way most articles print it,
// the Chambre for those that name it), not the resident it alone names; an article that
// shares no name keeps its best one.
func TestSharedTags(t *testing.T) {
	arts := townCorpus(t)
	alone := newArticle("/alone", "Le four de Castelvieil rallumé",
		"À Castelvieil, Irène Paulmier a rallumé le four communal. Irène Paulmier cuit le pain pour Castelvieil chaque samedi.")
	Corpus(append(arts, alone), nil, Options{})
	for i, a := range arts {
		town, person, _ := townCorpusNames(i)
		want := []string{town, "Cour des comptes"}
		if i%2 == 1 {
			want = append(want, "Chambre de commerce et d’industrie de Valmont")
		}
		for _, w := range want {
			if !slices.Contains(a.Tags, w) {
				t.Errorf("%s: tags %q lack the shared name %q", a.Page, a.Tags, w)
			}
		}
		for _, r := range []string{person, "Cour des Comptes", "Cour", "Chambre"} {
			if slices.Contains(a.Tags, r) {
				t.Errorf("%s: tags %q hold %q, which no other article carries or which is a fragment", a.Page, a.Tags, r)
			}
		}
	}
	if !slices.Equal(alone.Tags, []string{"Castelvieil"}) {
		t.Errorf("an article sharing no name: tags %q, want its best name only, Castelvieil", alone.Tags)
	}
}

// TestSharedTagsRescue: a name that one article is about and another mentions once becomes a
// tag of both when the other has room for it; when it has none, the name is no tag at all.
func TestSharedTagsRescue(t *testing.T) {
	arts := townCorpus(t)
	eight := "Valmont, Miraval, la Cour des comptes, Anne Delorme, Hugo Martel, Lucie Varenne, Port-Aubrac et la Sélève"
	chronicle := func(page, extra string) *article.Article {
		return newArticle(page, "La chronique de la semaine", "Cette semaine : "+eight+".", "Retour sur "+eight+".", extra)
	}
	full := chronicle("/chronique-1", "On a aussi croisé Noé Ferrandier au marché.")
	busy := newArticle("/busy", "Le budget de Valmont en débat",
		"Valmont vote son budget. Anne Delorme le défend devant la Cour des comptes.",
		"La Cour des comptes écoute Anne Delorme, et Valmont attend. Hugo Marchetti était dans la salle.")
	profile := newArticle("/profile", "Hugo Marchetti, l’artisan de Miraval",
		"Hugo Marchetti répare des horloges à Miraval. Hugo Marchetti a appris le métier à Miraval.")
	portrait := newArticle("/portrait", "Noé Ferrandier, le pêcheur de Valmont",
		"Noé Ferrandier pêche à Valmont depuis l’enfance. Noé Ferrandier vend sa pêche à Valmont.")
	residents := "Armand Bichat, Berthe Cazals, Colin Darrieux, Delphine Estrade, Eudes Fargeot, Flore Gimbert, Gilles Hourcade et Hortense Izard"
	crowd := newArticle("/crowd", "La fête des voisins", "Étaient là : "+residents+".", "Merci à "+residents+", venus de Miraval.")
	arts = append(arts, full, chronicle("/chronique-2", ""), busy, profile, portrait, crowd)
	Corpus(arts, nil, Options{})
	for _, c := range []struct {
		a        *article.Article
		tag, msg string
		want     bool
	}{
		{profile, "Hugo Marchetti", "the subject of the profile, also named by /busy", true},
		{busy, "Hugo Marchetti", "named once, rescued for the profile's tag page", true},
		{portrait, "Noé Ferrandier", "named once elsewhere, by an article with no room left", false},
		{full, "Noé Ferrandier", "named once in an article that has eight tags", false},
		{portrait, "Valmont", "the portrait's shared town", true},
		{crowd, "Miraval", "named once, the only name shared among eight residents named twice", true},
		{crowd, "Armand Bichat", "a resident no other article names", false},
	} {
		if got := slices.Contains(c.a.Tags, c.tag); got != c.want {
			t.Errorf("%s: %s: tags %q, want %q: %v", c.a.Page, c.msg, c.a.Tags, c.tag, c.want)
		}
	}
}
