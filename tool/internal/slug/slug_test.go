package slug

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestMake checks French-aware slugs.
func TestMake(t *testing.T) {
	for _, c := range []struct{ msg, title, want string }{
		{"accents", "Poutine et Macron promettent la paix à Érevan", "poutine-et-macron-promettent-la-paix-a-erevan"},
		{"curly apostrophe", "L’OSCE s’inquiète", "l-osce-s-inquiete"},
		{"straight apostrophe", "L'OSCE s'inquiète", "l-osce-s-inquiete"},
		{"ampersand", "Pêche & commerce", "peche-et-commerce"},
		{"ligature", "Le cœur de Valmont", "le-coeur-de-valmont"},
		{"path escape", "../../etc/passwd", "etc-passwd"},
		{"absolute path", "/root/.ssh", "root-ssh"},
		{"NUL byte", "Valmont\x00Matin", "valmont-matin"},
		{"underscores", "mon_billet__du_jour_", "mon-billet-du-jour"},
		{"accent as two characters", "E\u0301te\u0301 a\u0300 Valmont", "ete-a-valmont"},
		{"Arabic madda as two characters", "\u0627\u0653", Make("\u0622", "fr")},
		{"no letters", "« … »", Fallback},
		{"empty", "", Fallback},
	} {
		if got := Make(c.title, "fr"); got != c.want {
			t.Errorf("%s: Make(%q) = %q, want %q", c.msg, c.title, got, c.want)
		}
	}
	long := strings.Repeat("anticonstitutionnellement ", 10)
	if got := Make(long, "fr"); len(got) > MaxLen || strings.HasSuffix(got, "-") || !strings.HasPrefix(got, "anticonstitutionnellement-") {
		t.Errorf("long title: %q (%d bytes), want at most %d, cut at a word", got, len(got), MaxLen)
	}
}

// TestSuffixed gives colliding slugs a stable suffix within the bound.
func TestSuffixed(t *testing.T) {
	a, b := Suffixed("valmont", "scrapes/a.txt"), Suffixed("valmont", "scrapes/b.txt")
	if a == b || a != Suffixed("valmont", "scrapes/a.txt") || !strings.HasPrefix(a, "valmont-") {
		t.Errorf("suffixes %q, %q: want distinct and stable", a, b)
	}
	// The seed's slug is 74 bytes: with its suffix it must lose a whole word, not a letter.
	seed := Make("Poutine et Macron promettent de poursuivre les efforts de paix au Karabakh", "fr")
	if s := Suffixed(seed, "x"); !regexp.MustCompile(`^poutine-et-macron-promettent-de-poursuivre-les-efforts-de-paix-au-[0-9a-f]{6}$`).MatchString(s) {
		t.Errorf("Suffixed(seed) = %q, want the slug without its last word, then the suffix", s)
	}
	long := Make(strings.Repeat("valmont ", 20), "fr")
	if s := Suffixed(long, "x"); len(s) > MaxLen || !slugRe.MatchString(s) {
		t.Errorf("Suffixed(long) = %q (%d bytes)", s, len(s))
	}
}

// FuzzMake checks that no title gives a slug that could leave its folder or break a URL, and
// that a title gives the same slug whether its accents are one character or two (Unicode
// normal forms C and D, as macOS writes them).
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Poutine et Macron", "../x", "L’OSCE", "\x00", "&&&", strings.Repeat("é", 200), "E\u0301te\u0301 a\u0300 Valmont"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s := Make(title, "fr")
		if len(s) > MaxLen || !slugRe.MatchString(s) {
			t.Errorf("Make(%q) = %q", title, s)
		}
		if utf8.ValidString(title) {
			if nfc, nfd := Make(norm.NFC.String(title), "fr"), Make(norm.NFD.String(title), "fr"); nfc != nfd {
				t.Errorf("Make(%q) = %q in normal form C, %q in normal form D", title, nfc, nfd)
			}
		}
	})
}
