// Package synth generates realistic synthetic scrapes for benchmarks and tests: a seeded,
// fictional world of people, places, organisations, newsrooms and journalists, and a corpus of
// French and English articles about it, written in the layouts the readers take (the seed's
// text layout, a text layout with the headline, byline and date on top, HTML article pages,
// JSON Lines records).
//
// The same seed gives the same bytes. Every article names three to six of the world's
// people, places and organisations in its body (its tags), is signed by journalists drawn
// from a Zipf distribution (a few write much more than the others), and announces earlier
// articles of the corpus in teasers, by title or by excerpt, with their address on pages that
// carry links. The generator knows each article's truth (Article), so tests can check what the
// readers recover of it.
//
// Article i depends only on the seed and i, so a corpus of any size is written one article
// at a time, in constant memory.
package synth
