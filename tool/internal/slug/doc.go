// Package slug turns article titles into the folder names of page bundles: French-aware
// (accents folded, apostrophes split words, "&" becomes "et"), bounded in length, and made of
// lower-case ASCII letters, digits and dashes only, so that no title can name a path outside
// the content folder.
package slug
