// Package enrich does the corpus-level work on a set of Articles before they are written:
// bylines completed from the site's default author, and teasers resolved to the articles they
// announce.
package enrich
