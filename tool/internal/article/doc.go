// Package article defines the Article, the one model that every stage of kiosque shares:
// readers produce Articles, enrichment completes them, and the bundle writer turns them into
// Hugo page bundles. It also encodes an Article as the `kiosque parse` JSON contract.
package article
