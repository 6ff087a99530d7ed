// Package bundle writes Articles as Hugo page bundles (content/articles/<slug>/index.md on
// kiosque's own site; a site's own section, taxonomy names, front matter format and keys as
// its Target says) on an afero.Fs: front matter from an encoder, the body as escaped
// Markdown, atomic writes, a manifest that keeps re-runs from rewriting unchanged bundles or
// hand-edited ones, and the lock that keeps two imports from writing to one site at once. No
// bundle is ever written outside the Target's section.
package bundle
