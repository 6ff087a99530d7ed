package scrape

import (
	"strings"
	"testing"
)

// TestMayBeCaption checks the quick test in front of captionRe: it must never turn away a line
// the pattern matches, on every line of every case and on captions of each form.
func TestMayBeCaption(t *testing.T) {
	lines := []string{
		"Le maire, lundi. Photo: AP/Jane Roe",
		"La halle rénovée (Anne Roe/Le Courrier)",
		"The new ferry at the dock. (Courtesy Photo)",
		"Cliquez ici pour voir en grand cette image",
		"Les pompiers sur place, jeudi. REUTERS",
		"Supporters outside the court. AP Photo",
		"La foule devant la mairie. MAXPPP.",
		"© Le Courrier de Valmont",
		"Crédit photo / Mairie de Valmont",
		"Le quai au petit matin. Photos Jane Roe",
	}
	for _, name := range caseNames(t) {
		if data, ok := loadCase(t, name).file("input.txt"); ok {
			lines = append(lines, strings.Split(string(data), "\n")...)
		}
	}
	for _, l := range lines {
		if captionRe.MatchString(l) && !mayBeCaption(l) {
			t.Errorf("mayBeCaption(%q) = false, but captionRe matches it", l)
		}
	}
}
