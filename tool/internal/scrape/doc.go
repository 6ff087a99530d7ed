// Package scrape reads scraped articles into article.Articles: flattened text (.txt, .text)
// and HTML pages (.html, .htm, read through go-trafilatura after kiosque finds their related
// blocks), each completed by an optional NAME.meta.json sidecar, and JSON Lines or JSON
// arrays of crawler records (a record's page in `html` is read as an HTML page). Every line
// of a text scrape ends up in the article's metadata, its body, its related teasers or its
// dropped list (with the reason), so nothing a crawler captured is silently lost. The
// furniture and related-block cues live in one table per language (cues_fr.go, cues_en.go)
// and a site can extend them from its configuration (CuesFromConfig).
package scrape
