// Package lint checks a site's content folder before a build: front matter Hugo would reject
// (with its file and line), missing titles, unparseable dates, authors without a profile,
// editors' picks naming pages that do not exist, and pages or aliases that claim the same
// address. Each problem is a Finding, an error or a warning.
package lint
