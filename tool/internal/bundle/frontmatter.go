package bundle

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// FrontMatter is the YAML front matter of an imported bundle, as docs/front-matter.md specifies it.
type FrontMatter struct {
	Title    string `yaml:"title"`
	Subtitle string `yaml:"subtitle,omitempty"`
	// Description is the page's own summary (its meta description), for search engines.
	Description string   `yaml:"description,omitempty"`
	Date        string   `yaml:"date"`
	Authors     []string `yaml:"authors"`
	Tags        []string `yaml:"tags"`
	// Categories are the sections the page named ("Politique"), kept as a plain list.
	Categories []string `yaml:"categories,omitempty"`
	// Image is the lead image: a file of the bundle, or an address when it was not copied.
	Image   *ImageEntry    `yaml:"image,omitempty"`
	Related []RelatedEntry `yaml:"related"`
	Similar []string       `yaml:"similar,omitempty"`
	Aliases []string       `yaml:"aliases,omitempty"`
	Source  SourceMetadata `yaml:"source"`
}

// ImageEntry is the lead image in front matter, as the theme reads it.
type ImageEntry struct {
	Src     string `yaml:"src"`
	Alt     string `yaml:"alt,omitempty"`
	Caption string `yaml:"caption,omitempty"`
	Credit  string `yaml:"credit,omitempty"`
}

// RelatedEntry is one editors' pick in front matter.
type RelatedEntry struct {
	Title  string `yaml:"title,omitempty"`
	Author string `yaml:"author,omitempty"`
	Page   string `yaml:"page,omitempty"`
	URL    string `yaml:"url,omitempty"`
	// Date is the date the teaser showed, if any.
	Date string `yaml:"date,omitempty"`
}

// SourceMetadata records where an imported bundle came from.
type SourceMetadata struct {
	File   string `yaml:"file"`
	Format string `yaml:"format"`
	URL    string `yaml:"url,omitempty"`
	// Mirror is the address of the page's file in a mirror, when the page names another.
	Mirror     string `yaml:"mirror,omitempty"`
	SHA256     string `yaml:"sha256"`
	DateSource string `yaml:"date_source"`
	Lang       string `yaml:"lang,omitempty"`
	// SiteName is the newsroom or site that published the page, when it said.
	SiteName string `yaml:"site_name,omitempty"`
	// Duplicates are the other scrapes of the same article, imported once.
	Duplicates []DuplicateSource `yaml:"duplicates,omitempty"`
}

// DuplicateSource records one other scrape of an imported article.
type DuplicateSource struct {
	File   string `yaml:"file"`
	URL    string `yaml:"url,omitempty"`
	SHA256 string `yaml:"sha256"`
}

// NewFrontMatter returns the front matter of an Article.
func NewFrontMatter(a *article.Article) FrontMatter {
	fm := FrontMatter{
		Title:       oneLine(a.Title),
		Subtitle:    oneLine(a.Subtitle),
		Description: oneLine(a.Description),
		Categories:  oneLines(a.Categories),
		Authors:     oneLines(a.Authors),
		Tags:        oneLines(a.Tags),
		Related:     []RelatedEntry{},
		Similar:     a.Similar,
		Source: SourceMetadata{
			File:       oneLine(a.Source.Path),
			Format:     a.Source.Format,
			URL:        oneLine(a.Source.URL),
			Mirror:     oneLine(a.Source.Mirror),
			SHA256:     a.Source.SHA256,
			DateSource: string(a.DateSource),
			Lang:       a.Lang,
			SiteName:   oneLine(a.SiteName),
		},
	}
	if a.Image.Src != "" {
		fm.Image = &ImageEntry{Src: oneLine(a.Image.Src), Alt: oneLine(a.Image.Text), Caption: oneLine(a.Image.Caption), Credit: oneLine(a.Image.Credit)}
	}
	if !a.Date.IsZero() {
		fm.Date = a.Date.Format(time.RFC3339)
	}
	for _, t := range a.Related {
		e := RelatedEntry{Title: oneLine(t.Title), Author: oneLine(t.Author), Page: t.Page, URL: oneLine(t.URL)}
		if !t.Date.IsZero() {
			e.Date = t.Date.Format(time.RFC3339)
		}
		fm.Related = append(fm.Related, e)
	}
	seen := map[string]bool{"": true, strings.TrimRight(a.Page, "/"): true}
	for _, src := range append([]article.Source{a.Source}, a.Duplicates...) {
		if alias := AliasFromURL(src.URL); !seen[alias] {
			seen[alias] = true
			fm.Aliases = append(fm.Aliases, alias)
		}
	}
	for _, d := range a.Duplicates {
		fm.Source.Duplicates = append(fm.Source.Duplicates, DuplicateSource{File: oneLine(d.Path), URL: oneLine(d.URL), SHA256: d.SHA256})
	}
	return fm
}

// yamlBreaks are the line breaks a value of front matter must not hold: the encoder writes
// such a value as a block, which Hugo's YAML parser reads back changed or not at all (a
// lone "\n"), and it reads next line, line and paragraph separators as breaks too.
var yamlBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\v", " ", "\f", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ")

// oneLine returns s on one line, its line breaks made spaces, so that Hugo reads back the
// value written.
func oneLine(s string) string { return yamlBreaks.Replace(s) }

// oneLines is oneLine over a list, never nil.
func oneLines(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = oneLine(s)
	}
	return out
}

// AliasFromURL returns the path of an article's original address, so old links keep working
// on the new host, or "" when the address has no usable path. The alias is a clean absolute
// path: no "..", no empty or dot segments, no control characters, no trailing slash.
func AliasFromURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	var segs []string
	for _, s := range strings.Split(u.Path, "/") {
		if s == "" || s == "." {
			continue
		}
		if s == ".." || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
			return ""
		}
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		return ""
	}
	return "/" + strings.Join(segs, "/")
}

// Render returns the whole index.md of an Article: front matter, then the Markdown body.
func Render(a *article.Article) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(NewFrontMatter(a)); err != nil {
		return nil, fmt.Errorf("failed to encode front matter of %q: %w", a.Title, err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	buf.WriteString("---\n\n")
	buf.WriteString(Markdown(a.Body))
	return buf.Bytes(), nil
}

// cleanPath keeps a bundle path inside the content folder.
func cleanPath(p string) string {
	return strings.TrimLeft(p, "/")
}
