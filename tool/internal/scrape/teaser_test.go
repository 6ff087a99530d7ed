package scrape

import "testing"

// TestTeaserExcerptOrNextTeaser: a line ending in "…" under a teaser's byline is that
// teaser's excerpt, unless a byline follows it: then it is the next teaser, cut short.
func TestTeaserExcerptOrNextTeaser(t *testing.T) {
	for _, c := range []struct {
		msg     string
		text    string
		teasers []string
		authors []string
	}{
		{
			"excerpt under its teaser",
			"Le port rouvre.\nLe port de Valmont rouvre lundi\nLa rédaction vous conseille\nLa foire rouvre ses portes\n- by Anne Delorme\nLes forains sont de retour place du Marché…\nLe pont des Tanneurs fermé\n- by Paul Varenne\n",
			[]string{"La foire rouvre ses portes", "Le pont des Tanneurs fermé"},
			[]string{"Anne Delorme", "Paul Varenne"},
		},
		{
			"cut-short teasers, each with its byline",
			"Le port rouvre.\nLe port de Valmont rouvre lundi\nLa rédaction vous conseille\nLa foire rouvre ses portes\n- by Anne Delorme\nValmont Matin fête ses cent ans avec…\n- by Paul Varenne\n",
			[]string{"La foire rouvre ses portes", "Valmont Matin fête ses cent ans avec…"},
			[]string{"Anne Delorme", "Paul Varenne"},
		},
	} {
		a := ReadText("t.txt", []byte(c.text), Options{})
		if len(a.Related) != len(c.teasers) {
			t.Errorf("%s: got %d teasers %+v, want %d", c.msg, len(a.Related), a.Related, len(c.teasers))
			continue
		}
		for i := range c.teasers {
			if a.Related[i].Title != c.teasers[i] || a.Related[i].Author != c.authors[i] {
				t.Errorf("%s: teaser %d = %q by %q, want %q by %q", c.msg, i, a.Related[i].Title, a.Related[i].Author, c.teasers[i], c.authors[i])
			}
		}
	}
}
