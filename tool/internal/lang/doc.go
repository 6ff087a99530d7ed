// Package lang is kiosque's one home for language knowledge: per language, a Table of its
// function words, month and weekday names, the words around dates and bylines, honorifics,
// name particles, the words of institution names (head nouns, adjectives, complements,
// titles), and the cues of page furniture and related blocks. The readers (scrape) and the
// corpus stages (enrich) both ask it; adding a language is adding a table (fr.go, en.go,
// es.go, de.go, it.go), not code.
//
// Words are compared folded: lower case, accents removed, apostrophes of any style alike
// (see Fold and Key).
package lang
