package scrape

import "testing"

// TestFirstSentence checks the title made of a body's first sentence when a page prints none.
func TestFirstSentence(t *testing.T) {
	for _, c := range []struct{ msg, para, want string }{
		{"one sentence of two", "The bridge reopened on Monday. Traffic was light.", "The bridge reopened on Monday"},
		{"a place dateline and its state", "HARLOW COUNTY, Ga. — Deputies arrested a man on Thursday. He was held.", "Deputies arrested a man on Thursday"},
		{"a dateline with its newsroom", "ROCHESTER, Minn. (KXYZ) – A fire closed Main Street overnight.", "A fire closed Main Street overnight"},
		{"a French dateline with its agency", "VALMONT (AFP) - Le pont a rouvert lundi. La circulation reste faible.", "Le pont a rouvert lundi"},
		{"an abbreviation inside", "Dr. Anne Lowe opened the clinic on Friday. It has ten beds.", "Dr. Anne Lowe opened the clinic on Friday"},
		{"capitals that open a sentence are no dateline", "NASA — the space agency — said on Monday it would delay the launch.", "NASA — the space agency — said on Monday it would delay the launch"},
		{"an ellipsis stays whole", "Comment le club a remonté la pente... Il a gagné samedi.", "Comment le club a remonté la pente..."},
		{"a long sentence is cut at a word", "The council voted on Monday night to keep the old market hall open for another ten years while a new plan is drawn up.", "The council voted on Monday night to keep the old market hall open for another ten years…"},
	} {
		if got := firstSentence(c.para); got != c.want {
			t.Errorf("%s: firstSentence(%q) = %q, want %q", c.msg, c.para, got, c.want)
		}
	}
}
