// Package scrape reads scraped articles into article.Articles: flattened text (.txt, .text)
// and HTML pages (.html, .htm, read through go-trafilatura after kiosque finds their related
// blocks), each completed by an optional NAME.meta.json sidecar, and JSON Lines or JSON
// arrays of crawler records (a record's page in `html` is read as an HTML page), and web
// archives (.warc, .warc.gz, read record by record through gowarc: each archived article page
// is read as an HTML page, its images that the archive holds are pointed at their records,
// which ReadArchived reads, and the other records are skipped with a reason, Options.Skip). Every input
// line ends up in the article's metadata, its body, its related teasers or its dropped list
// (with the reason), so nothing a crawler captured is silently lost. The text reader scores
// each line as prose or furniture and takes the body as the best run of prose, the title in
// relation to it (blocks.go, prose.go, body.go, title.go); every line keeps its fate and
// reason (Options.Explain). The words and cues of each language live in package lang, and a
// site can extend the cues from its configuration (CuesFromConfig).
// Files that are not scrapes (empty, binary, over the Limits) fail on their own with a
// *failure.Error, and what a reader found is cleaned before it is returned: no markup in names
// and tags, no control or invisible characters, no teaser address that is not http or https.
package scrape
