package lang

import (
	"testing"
	"time"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want, msg string }{
		{"À lire  aussi :", "a lire aussi:", "accent, case, spaces, the space before a colon"},
		{"Vous avez déjà un accès ?", "vous avez deja un acces?", "the French space before a question mark"},
		{"L’Œuvre", "l'ouvre", "typographic apostrophe; œ folds to o"},
		{"Suite…", "suite...", "ellipsis"},
		{"\u00a0Photo\u202f:", "photo:", "no-break spaces"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("%s: Fold(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

func TestKey(t *testing.T) {
	for _, c := range []struct{ in, want, msg string }{
		{"Aujourd’hui, l'ÉTÉ", "aujourd hui l ete", "apostrophes and punctuation split words"},
		{"Haut-Karabakh", "haut karabakh", "hyphen"},
		{"", "", "empty"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("%s: Key(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct{ in, want, msg string }{
		{"Le maire a présenté le budget de la ville devant les élus.", "fr", "French sentence"},
		{"The mayor presented the city budget to the council on Monday.", "en", "English sentence"},
		{"El alcalde presentó los presupuestos de la ciudad ante los concejales.", "es", "Spanish sentence"},
		{"Valmont 2024", "", "no function word"},
	} {
		if got := Detect(c.in); got != c.want {
			t.Errorf("%s: Detect(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

func TestMonth(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Month
	}{{"février", 2}, {"févr.", 2}, {"FEVRIER", 2}, {"Sept.", 9}, {"août", 8}, {"diciembre", 12}, {"Valmont", 0},
		// An accented letter lost to the replacement character in a wrong decoding.
		{"ao\uFFFDt", 8}, {"f\uFFFDvrier", 2}, {"D\uFFFDcembre", 12}, {"d\uFFFDc.", 12},
		// No month fits: the lost letter was ASCII in the month's name ("maïs", "été").
		{"ao\uFFFD", 0}, {"m\uFFFDrs", 0}, {"ma\uFFFDs", 0}, {"\uFFFDt\uFFFD", 0}, {"\uFFFD\uFFFD\uFFFD", 0}} {
		if got := Month(c.in); got != c.want {
			t.Errorf("Month(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestSets(t *testing.T) {
	if !Honorifics().Has("Mme") || !NameParticles().Has("de") || !DateWords().Has("publié") || !Weekdays().Has("Jeudi") {
		t.Error("a word of the French table is missing from its set")
	}
	if Openers().Has("Valmont") {
		t.Error("a name is taken for an opener")
	}
}

func TestNameWords(t *testing.T) {
	fr, en, es := Get("fr").NameWords(), Get("en").NameWords(), Get("es").NameWords()
	for _, c := range []struct {
		ok  bool
		msg string
	}{
		{fr.Heads.Has("Cour") && fr.Heads.Has("Ministère"), "French head nouns"},
		{fr.Adjectives.Has("européenne") && fr.Complements.Has("des"), "French adjectives and complements"},
		{fr.LowerHeads[Key("ministre")] == "ministère", "a French minister names the ministry"},
		{en.Heads.Has("Council") && !en.Adjectives.Has("national"), "English heads, and no adjective in lower case"},
		{es.LowerHeads[Key("ministro")] == "ministerio", "the Spanish table alone gives Spanish names"},
		{Conjunctions().Has("et") && Conjunctions().Has("and") && Conjunctions().Has("y"), "conjunctions of every language"},
		{!AllNameWords().Heads.Has("Valmont"), "a town is no head noun"},
	} {
		if !c.ok {
			t.Error(c.msg)
		}
	}
}
