// Package scrape reads scraped articles (flattened text today; HTML and JSON Lines as they
// come) into article.Articles. Every input line ends up in the article's metadata, its body,
// its related teasers or its dropped list, so nothing a crawler captured is silently lost.
package scrape
