package enrich

import (
	"slices"
	"strings"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// TestAuthors normalises bylines: prefixes, case, splitting, the alias table, and initials
// completed from the corpus.
func TestAuthors(t *testing.T) {
	vocab := NewVocabulary(map[string][]string{"Claire Fontanel": {"Cl. Fontanel", "C.F."}}, []string{"Service web"})
	for _, c := range []struct {
		byline string
		want   []string
		msg    string
	}{
		{"Par ANNE DELORME", []string{"Anne Delorme"}, "byline word, capitals"},
		{"by  hugo   martel ", []string{"Hugo Martel"}, "byline word in lower case, spacing"},
		{"Anne Delorme et Hugo Martel", []string{"Anne Delorme", "Hugo Martel"}, "French conjunction"},
		{"Anne Delorme and Hugo Martel, Lucie Varenne", []string{"Anne Delorme", "Hugo Martel", "Lucie Varenne"}, "English conjunction, comma"},
		{"Cl. Fontanel", []string{"Claire Fontanel"}, "alias"},
		{"JEAN-PIERRE DE LA TOUR", []string{"Jean-Pierre de la Tour"}, "particles in capitals"},
		{"La rédaction", []string{"La rédaction"}, "newsroom"},
		{"Service web", nil, "banned"},
		{"Anne Delorme & anne delorme", []string{"Anne Delorme"}, "the same name twice"},
		{"Anne Delorme, envoyée spéciale à Valmont", []string{"Anne Delorme"}, "a role after the name, as the readers read it"},
		{"ANNE DELORME ET HUGO MARTEL", []string{"Anne Delorme", "Hugo Martel"}, "a conjunction in capitals"},
		{"Por Ana García y Luis Pérez", []string{"Ana García", "Luis Pérez"}, "Spanish byline word and conjunction"},
		{"LA RÉDACTION", []string{"La rédaction"}, "a newsroom in capitals"},
		{"Lucie Varenne / Paul Vernet", []string{"Lucie Varenne", "Paul Vernet"}, "a slash between spaces"},
		{"Lucie Varenne avec AFP", []string{"Lucie Varenne"}, "an agency after a co-writer's word"},
		{"Paul Vernet and Lucie Varenne, Reuters", []string{"Paul Vernet", "Lucie Varenne"}, "an agency after the names"},
	} {
		if got := SplitAuthors(c.byline, vocab); !slices.Equal(got, c.want) {
			t.Errorf("%s: SplitAuthors(%q) = %q, want %q", c.msg, c.byline, got, c.want)
		}
	}

	a := newArticle("/a", "Un titre de test", "Un texte.")
	a.Authors = []string{"Par K. Amirzal"}
	a.Related = []article.Teaser{{Title: "Autre chose", Author: "- by Krikor AMIRZAL"}}
	b := newArticle("/b", "Un autre titre", "Un autre texte.")
	Corpus([]*article.Article{a, b}, nil, Options{DefaultAuthor: "La rédaction"})
	if !slices.Equal(a.Authors, []string{"Krikor Amirzal"}) {
		t.Errorf("authors %q: want the initial completed from the teaser's byline", a.Authors)
	}
	if !slices.Equal(b.Authors, []string{"La rédaction"}) {
		t.Errorf("authors %q: want the default author", b.Authors)
	}
}

// TestResolve resolves teasers by address, title and excerpt (its last word cut short or not,
// shorter or longer than the index's longest key), and leaves the others as text.
func TestResolve(t *testing.T) {
	port := newArticle("/articles/port", "Le port de Saint-Orvel rouvre après six mois de travaux",
		"Les quais du port de Saint-Orvel ont rouvert samedi matin après six mois de travaux menés par l’Agence Maritime de la Sélève.")
	port.Source.URL = "https://www.courrier-valmont.example/region/port-rouvre/?utm=x"
	fete := newArticle("/articles/fete", "La fête du cidre attire dix mille visiteurs à Miraval",
		"Dix mille visiteurs se sont pressés dimanche dans les rues de Miraval pour la quarantième fête du cidre.")
	home := newArticle("/articles/home", "Les teasers de la page",
		"Un article qui annonce les autres.")
	home.Related = []article.Teaser{
		{Title: "Lire la suite", URL: "http://courrier-valmont.example/region/port-rouvre"},
		{Title: "LA FÊTE DU CIDRE ATTIRE DIX MILLE VISITEURS À MIRAVAL"},
		{Title: "Les quais du port de Saint-Orvel ont rouvert samedi matin après six mois de trav"},
		{Title: "Dix mille visiteurs se sont pressés dimanche dans les rues de Miraval pour la quarantième fête de la bière"},
		{Title: "Les quais du port"},
		{Title: "Les teasers de la page"},
		{Title: "Un article sans rapport, que personne n’a écrit ici"},
		{Title: "Dix mille visiteurs se sont pressés dimanche dans les ru…"},
		{Title: "Les quais du port de Saint-Orvel ont rouvert samedi mat"},
		{Title: "Dix mille visiteurs se sont pressés lundi"},
		{Title: "Les quais du port de Saint-Orvel ont rouvert samedi matin après six mo"},
	}
	Corpus([]*article.Article{port, fete, home}, nil, Options{})
	want := []string{"/articles/port", "/articles/fete", "/articles/port", "", "", "", "",
		"/articles/fete", "/articles/port", "", "/articles/port"}
	for i, tz := range home.Related {
		if tz.Page != want[i] {
			t.Errorf("teaser %q -> %q, want %q", tz.Title, tz.Page, want[i])
		}
	}
}

// TestResolveAmongLookalikes resolves excerpt teasers among articles whose bodies open with
// the same fourteen words: a teaser goes to the article it begins (whichever its place among
// them), an ambiguous one to the article by its author, else to the first by page; a teaser
// longer than the index keeps of a text matches on that much.
func TestResolveAmongLookalikes(t *testing.T) {
	opening := "Le conseil municipal de Valmont a voté jeudi soir le budget de l’année,"
	a := newArticle("/articles/a-budget", "Valmont adopte son budget", opening+" après trois heures de débat.")
	b := newArticle("/articles/b-budget", "Le budget passe malgré l’opposition", opening+" malgré l’opposition.")
	c := newArticle("/articles/c-budget", "Un budget sans débat", opening+" sans débat.")
	a.Authors, b.Authors, c.Authors = []string{"Anne Delorme"}, []string{"Paul Vernet"}, []string{"Anne Delorme"}
	trees := strings.Repeat("Les habitants de Miraval ont planté un arbre dans chaque rue cette année. ", 11) // 132 words
	d := newArticle("/articles/d-arbres", "Un arbre par rue", trees)
	first125 := strings.Join(strings.Fields(trees)[:125], " ")
	home := newArticle("/articles/home", "Les teasers de la page", "Un article qui annonce les autres.")
	for _, tc := range []struct {
		msg  string
		tz   article.Teaser
		want string
	}{
		{"the second article's end, cut short", article.Teaser{Title: opening + " malgré l’oppo"}, "/articles/b-budget"},
		{"the third article's next word, cut short", article.Teaser{Title: opening + " sa"}, "/articles/c-budget"},
		{"the opening alone, by the second article's author", article.Teaser{Title: opening, Author: "Paul Vernet"}, "/articles/b-budget"},
		{"the opening alone, by an author of two of them", article.Teaser{Title: opening, Author: "Anne Delorme"}, "/articles/a-budget"},
		{"the opening alone, by nobody", article.Teaser{Title: opening}, "/articles/a-budget"},
		{"the opening and a word none goes on with", article.Teaser{Title: opening + " avec"}, ""},
		{"125 words of a 132-word text", article.Teaser{Title: first125}, "/articles/d-arbres"},
		{"120 words of it, then others", article.Teaser{Title: strings.Join(strings.Fields(trees)[:120], " ") + " et des bancs publics"}, "/articles/d-arbres"},
		{"125 words, one of the first changed", article.Teaser{Title: strings.Replace(first125, "Miraval", "Valmont", 1)}, ""},
	} {
		home.Related = []article.Teaser{tc.tz}
		Corpus([]*article.Article{a, b, c, d, home}, nil, Options{})
		if got := home.Related[0].Page; got != tc.want {
			t.Errorf("%s: the teaser resolves to %q, want %q", tc.msg, got, tc.want)
		}
	}
}

// TestDedupe imports the same article scraped twice once, keeping the other address.
func TestDedupe(t *testing.T) {
	a := newArticle("", "Le port de Saint-Orvel rouvre", "Les quais ont rouvert samedi matin après six mois de travaux.")
	a.Source = article.Source{Path: "a.txt", URL: "https://courrier.example/a"}
	b := newArticle("", "Le port de Saint-Orvel rouvre", "Les quais ont rouvert samedi matin après six mois de travaux.")
	b.Source = article.Source{Path: "b.txt", URL: "https://autre.example/port"}
	b.Related = []article.Teaser{{Title: "Un teaser de plus"}}
	c := newArticle("", "Un autre titre", "Un autre texte.")
	c.Source = article.Source{Path: "c.txt", URL: "https://courrier.example/a/"}
	d := newArticle("", "Le port de Saint-Orvel rouvre enfin", "Les quais ont rouvert samedi.")
	d.Source = article.Source{Path: "d.txt"}
	kept, dups := Dedupe([]*article.Article{a, b, c, d}, nil)
	if len(kept) != 2 || kept[0] != a || kept[1] != d {
		t.Fatalf("kept %d articles, want a and d", len(kept))
	}
	if len(dups) != 2 || dups[0].Article != b || dups[1].Article != c {
		t.Errorf("duplicates %+v, want b (same text) and c (same address)", dups)
	}
	if len(a.Duplicates) != 2 || a.Duplicates[0].URL != "https://autre.example/port" {
		t.Errorf("a records %+v, want b's and c's sources", a.Duplicates)
	}
	if len(a.Related) != 1 {
		t.Errorf("a has %d teasers, want b's", len(a.Related))
	}
}

// TestSimilar lists the articles sharing the most, and the rarest, subjects: a shared author
// ranks an article higher among those sharing a subject, but never links one alone, and an
// article sharing only a common subject, under the floor of the closest one's, is left out.
func TestSimilar(t *testing.T) {
	mk := func(page string, tags, authors []string) *article.Article {
		return &article.Article{Page: page, Tags: tags, Authors: authors}
	}
	a := mk("/a", []string{"Valmont", "UCV", "Anne Delorme"}, []string{"Hugo Martel"})
	b := mk("/b", []string{"Valmont", "UCV", "Anne Delorme"}, []string{"Lucie Varenne"})
	c := mk("/c", []string{"Valmont", "UCV"}, []string{"Hugo Martel"})
	d := mk("/d", []string{"Miraval"}, []string{"Lucie Varenne"})
	e := mk("/e", []string{"Valmont"}, []string{"Hugo Martel"})
	f := mk("/f", []string{"Miraval"}, []string{"Hugo Martel"})
	g := mk("/g", []string{"Miraval"}, []string{"Lucie Varenne"})
	all := []*article.Article{a, b, c, d, e, f, g}
	similarity(all, map[*article.Article]bool{a: true, d: true}, 2)
	if !slices.Equal(a.Similar, []string{"/b", "/c"}) {
		t.Errorf("a: similar %q, want /b then /c (e shares only Valmont, on most pages)", a.Similar)
	}
	if !slices.Equal(d.Similar, []string{"/g", "/f"}) {
		t.Errorf("d: similar %q, want /g (Miraval and the same author) then /f (Miraval), never /b (the author alone)", d.Similar)
	}
	if b.Similar != nil {
		t.Error("b was not asked for but got similar articles")
	}
}
