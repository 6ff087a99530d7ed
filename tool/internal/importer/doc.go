// Package importer runs the import pipeline: it reads scrapes, places each article in the
// content folder, enriches the corpus and writes the page bundles, one failing input never
// stopping the others.
package importer
