// Package enrich does the corpus-level work on a set of Articles before they are written, over
// the articles being imported and the pages already in the site:
//
//   - tags: the people, places and organisations each article names, read with the name words
//     of its language (package lang), ranked by salience in the article and rarity in the
//     corpus, kept when another article shares them, mapped through the site's tag vocabulary;
//   - authors: bylines split and normalised, aliases mapped, initials completed, and the
//     default author for articles that name nobody;
//   - related: each teaser resolved to the article it announces, by address, title or excerpt,
//     through an index rather than a comparison of every pair;
//   - similar: the closest articles by shared tags and authors, from an inverted index;
//   - duplicates: the same article scraped twice, kept once.
package enrich
