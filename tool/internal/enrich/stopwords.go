package enrich

import "github.com/kiosque-dev/kiosque/tool/internal/lang"

// The language knowledge the tagger uses, from the language tables (package lang). Keys are
// folded (see key).
var (
	// stopWords may start a sentence with a capital letter but never name anything.
	stopWords = lang.Openers()
	// honorifics precede a name and are no part of it ("M. Macron").
	honorifics = lang.Honorifics()
	// connectors may join the words of one name ("Groupe de Minsk", "Bank of England").
	connectors = lang.Connectors()
	// elisions lose their vowel before another word ("l’OSCE").
	elisions = lang.Elisions()
	// determiners are the words after which a capitalised word may be a demonym.
	determiners = lang.Determiners()
	// demonymSuffixes end the nouns of nationality.
	demonymSuffixes = lang.DemonymSuffixes()
)
