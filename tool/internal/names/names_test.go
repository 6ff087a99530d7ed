package names

import (
	"slices"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
		msg  string
	}{
		{"Anne Delorme et Léo Marc", []string{"Anne Delorme", "Léo Marc"}, "French conjunction"},
		{"Anne Delorme and Hugo Martel, Lucie Varenne", []string{"Anne Delorme", "Hugo Martel", "Lucie Varenne"}, "English conjunction and a comma"},
		{"ANNE DELORME ET HUGO MARTEL", []string{"ANNE DELORME", "HUGO MARTEL"}, "a conjunction in capitals"},
		{"Ana García y Luis Pérez", []string{"Ana García", "Luis Pérez"}, "Spanish conjunction"},
		{"José Ortega y Gasset", []string{"José Ortega y Gasset"}, "a particle that reads as a conjunction, before one last name"},
		{"Juan E. Pérez", []string{"Juan E. Pérez"}, "an initial is no conjunction"},
		{"Juan E Pérez García", []string{"Juan E Pérez García"}, "an initial without its period is no conjunction either"},
		{"Anne Delorme & Hugo Martel; Lucie Varenne / Paul Vernet", []string{"Anne Delorme", "Hugo Martel", "Lucie Varenne", "Paul Vernet"}, "ampersand, semicolon, slash"},
		{"Anne Delorme/Le Courrier", []string{"Anne Delorme/Le Courrier"}, "a slash without spaces joins a name and its site"},
		{"Anne Delorme et", []string{"Anne Delorme"}, "a byline cut after its conjunction"},
		{"", nil, "empty"},
	} {
		if got := Split(c.in); !slices.Equal(got, c.want) {
			t.Errorf("%s: Split(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

func TestIsName(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
		msg  string
	}{
		{"Anne Delorme", true, "first and last name"},
		{"Jean-Pierre de la Tour", true, "French particles"},
		{"Kerstin van der Berg", true, "Dutch particles"},
		{"La rédaction", true, "a newsroom noun"},
		{"Marie d’Arville", true, "an elided particle"},
		{"A. Delorme", true, "an initial"},
		{"envoyée spéciale à Valmont", false, "a role in lower case"},
		{"Anne Delorme (envoyée spéciale)", false, "a parenthesis"},
		{"Le 12 mars", false, "a digit"},
		{"Un Deux Trois Quatre Cinq Six", false, "six words"},
		{"Anne Delorme a écrit", false, "a verb"},
	} {
		if got := IsName(c.in); got != c.want {
			t.Errorf("%s: IsName(%q) = %v, want %v", c.msg, c.in, got, c.want)
		}
	}
}

func TestTrimByline(t *testing.T) {
	for _, c := range []struct{ in, want, msg string }{
		{"Par Anne Delorme", "Anne Delorme", "French byline word"},
		{"- by Krikor AMIRZAL", "Krikor AMIRZAL", "a dash and an English byline word in lower case"},
		{"Propos recueillis par Hugo Martel", "Hugo Martel", "a byline of several words"},
		{"Written by: Lucie Varenne", "Lucie Varenne", "a colon after the byline words"},
		{"Por Ana García", "Ana García", "Spanish byline word"},
		{"Paris Match", "Paris Match", "a name that begins like a byline word"},
		{"Anne Delorme", "Anne Delorme", "no byline word"},
	} {
		if got := TrimByline(c.in); got != c.want {
			t.Errorf("%s: TrimByline(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want, msg string }{
		{"  Par  Anne   Delorme. ", "Anne Delorme", "spacing, byline word, final period"},
		{"— Hugo Martel,", "Hugo Martel", "a dash before, a comma after"},
		{"Cl. Fontanel", "Cl. Fontanel", "an abbreviated first name keeps its period"},
		{"Lucie Varenne)", "Lucie Varenne", "a parenthesis left from the line"},
		{"Hugo Martel (AFP)", "Hugo Martel (AFP)", "a balanced parenthesis stays"},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("%s: Clean(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want, msg string }{
		{"ANNE DELORME", "Anne Delorme", "all capitals"},
		{"hugo martel", "Hugo Martel", "all lower case"},
		{"JEAN-PIERRE DE LA TOUR", "Jean-Pierre de la Tour", "particles go back to lower case"},
		{"Krikor AMIRZAL", "Krikor Amirzal", "a shouted surname"},
		{"LA RÉDACTION", "La rédaction", "a newsroom noun goes back to lower case"},
		{"Anne-Sophie Le Gall", "Anne-Sophie Le Gall", "mixed case stays"},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", c.msg, c.in, got, c.want)
		}
	}
}

func TestIsPerson(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
		msg  string
	}{
		{"Anne Delorme", true, "first and last name"},
		{"Jean-Pierre de la Tour", true, "French particles"},
		{"Delorme", false, "one word"},
		{"Cour des Comptes", false, "an institution's head noun"},
		{"He Died Peacefully", false, "a headline opening with a pronoun"},
		{"Elle Revient Demain", false, "a French headline opening with a pronoun"},
		{"El Hadji Diouf", true, "a first name that looks like a Spanish article"},
	} {
		if got := IsPerson(c.in); got != c.want {
			t.Errorf("%s: IsPerson(%q) = %v, want %v", c.msg, c.in, got, c.want)
		}
	}
}
