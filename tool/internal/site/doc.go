// Package site builds a kiosque site with Hugo used as a Go library. The site's filesystem is
// an overlay: the user's folder first (and writable), then an in-memory copy of the bundled
// theme under themes/kiosque, so a folder holding nothing but content builds a complete site.
// Built-in defaults (title, language, taxonomies, related) apply only to keys the user's own
// configuration leaves unset. The package owns the site's layout (ReadLayout): its folders,
// section of articles, taxonomies, languages, time zone and front matter, read through Hugo,
// which every command asks instead of assuming kiosque's own. After Hugo's build it writes
// the search index, in shards the search page loads on demand (see SearchDir).
package site
