// Package names is kiosque's one home for reading the names of people and newsrooms on
// bylines: the byline words before them ("Par", "By"), the separators and conjunctions between
// them ("et", "and", "y"), the words a name may hold in lower case (particles, newsroom nouns)
// and the usual case of a name printed in capitals. The readers (scrape), which must tell a
// byline from a sentence, and the corpus stage (enrich), which files the authors, both use it;
// its words come from the language tables (package lang).
package names
