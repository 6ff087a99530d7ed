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

// FrontMatter is the YAML front matter of an imported bundle, as DESIGN.md specifies it.
type FrontMatter struct {
	Title    string         `yaml:"title"`
	Subtitle string         `yaml:"subtitle,omitempty"`
	Date     string         `yaml:"date"`
	Authors  []string       `yaml:"authors"`
	Tags     []string       `yaml:"tags"`
	Related  []RelatedEntry `yaml:"related"`
	Similar  []string       `yaml:"similar,omitempty"`
	Aliases  []string       `yaml:"aliases,omitempty"`
	Source   SourceMetadata `yaml:"source"`
}

// RelatedEntry is one editors' pick in front matter.
type RelatedEntry struct {
	Title  string `yaml:"title,omitempty"`
	Author string `yaml:"author,omitempty"`
	Page   string `yaml:"page,omitempty"`
	URL    string `yaml:"url,omitempty"`
}

// SourceMetadata records where an imported bundle came from.
type SourceMetadata struct {
	File       string `yaml:"file"`
	Format     string `yaml:"format"`
	URL        string `yaml:"url,omitempty"`
	SHA256     string `yaml:"sha256"`
	DateSource string `yaml:"date_source"`
	Lang       string `yaml:"lang,omitempty"`
}

// NewFrontMatter returns the front matter of an Article.
func NewFrontMatter(a *article.Article) FrontMatter {
	fm := FrontMatter{
		Title:    a.Title,
		Subtitle: a.Subtitle,
		Authors:  nonNil(a.Authors),
		Tags:     nonNil(a.Tags),
		Related:  []RelatedEntry{},
		Similar:  a.Similar,
		Source: SourceMetadata{
			File:       a.Source.Path,
			Format:     a.Source.Format,
			URL:        a.Source.URL,
			SHA256:     a.Source.SHA256,
			DateSource: string(a.DateSource),
			Lang:       a.Lang,
		},
	}
	if !a.Date.IsZero() {
		fm.Date = a.Date.Format(time.RFC3339)
	}
	for _, t := range a.Related {
		fm.Related = append(fm.Related, RelatedEntry{Title: t.Title, Author: t.Author, Page: t.Page, URL: t.URL})
	}
	if alias := aliasFromURL(a.Source.URL); alias != "" {
		fm.Aliases = []string{alias}
	}
	return fm
}

// aliasFromURL returns the path of the article's original address, so old links keep working.
func aliasFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Path == "" || u.Path == "/" {
		return ""
	}
	return u.Path
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

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// cleanPath keeps a bundle path inside the content folder.
func cleanPath(p string) string {
	return strings.TrimLeft(p, "/")
}
