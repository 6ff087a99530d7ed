package bundle

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/gohugoio/hugo/parser"
	"github.com/gohugoio/hugo/parser/metadecoders"
	"go.yaml.in/yaml/v3"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// The fields of an article a site may want under keys of its own (Target.Keys), as
// [params.kiosque.frontMatter] names them.
const (
	// FieldAuthor is the byline as one string ("Anne Delorme, Paul Vernet").
	FieldAuthor = "author"
	// FieldImage is the lead image's address (a file of the bundle, or a remote address).
	FieldImage = "image"
	// FieldDescription is the article's summary: its meta description, else its subtitle.
	FieldDescription = "description"
	// FieldSubtitle is the article's subtitle.
	FieldSubtitle = "subtitle"
)

// Fields lists the fields of Target.Keys, in the order they are written.
var Fields = []string{FieldAuthor, FieldImage, FieldDescription, FieldSubtitle}

// Target is what a site expects of the pages an import writes into it: their section, the
// names of its taxonomies, its front matter format and the keys its own theme reads. The
// zero Target is kiosque's own site: articles/, authors and tags, YAML, no extra keys.
type Target struct {
	// Section is the content folder of articles, relative to the content folder.
	Section string
	// Authors and Tags are the plural names of the taxonomies of bylines and subjects: the
	// front matter keys of their lists and the content folders of their terms.
	Authors, Tags string
	// Format is the front matter format: metadecoders.YAML, TOML or JSON.
	Format metadecoders.Format
	// Keys maps a field (FieldAuthor, FieldImage, ...) to the site's key for it, written
	// besides kiosque's own keys (authors, image, ...), which its sidebar and re-imports read.
	Keys map[string]string
	// Translations are the site's languages, other than its default, whose pages share the
	// default's content folder: an article in one of them is the bundle's index.<lang>.md.
	Translations []string
	// Folders maps each of the site's languages that has a content folder of its own (its
	// contentDir under [languages]) to that folder, on the filesystem of the default one: an
	// article in one of them goes to that folder, in the same section.
	Folders map[string]string
}

// Folder returns the language whose own content folder (Folders) holds the pages of an
// article in lang: lang itself when it has one, else "" for the default content folder.
func (t Target) Folder(lang string) string {
	if _, ok := t.Folders[lang]; ok && lang != "" {
		return lang
	}
	return ""
}

// Dir returns the content folder of folder, a language of Folders, or contentDir (the
// default content folder) for "".
func (t Target) Dir(contentDir, folder string) string {
	if d, ok := t.Folders[folder]; ok && folder != "" {
		return d
	}
	return contentDir
}

// Dirs returns every content folder of the site: contentDir (the default one) first, then
// those of Folders by language, each once.
func (t Target) Dirs(contentDir string) []string {
	dirs := []string{contentDir}
	for _, lang := range slices.Sorted(maps.Keys(t.Folders)) {
		if d := t.Folders[lang]; !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// IndexFile returns the name of the index file of a bundle whose article is in lang:
// index.<lang>.md for a language of Translations, else index.md.
func (t Target) IndexFile(lang string) string {
	if lang != "" && slices.Contains(t.Translations, lang) {
		return "index." + lang + ".md"
	}
	return "index.md"
}

// isIndex reports whether name is the index file of a bundle, in any language.
func isIndex(name string) bool {
	if name == "index.md" {
		return true
	}
	lang, ok := strings.CutSuffix(strings.TrimPrefix(name, "index."), ".md")
	return ok && strings.HasPrefix(name, "index.") && lang != "" && !strings.ContainsAny(lang, "./")
}

// ArticlesDir returns the content folder of articles, relative to the content folder.
func (t Target) ArticlesDir() string {
	if t.Section != "" {
		return t.Section
	}
	return ArticlesSection
}

// AuthorsKey returns the key, and the content folder, of the authors taxonomy.
func (t Target) AuthorsKey() string {
	if t.Authors != "" {
		return t.Authors
	}
	return AuthorsSection
}

// TagsKey returns the key of the tags taxonomy.
func (t Target) TagsKey() string {
	if t.Tags != "" {
		return t.Tags
	}
	return TagsTaxonomy
}

// FrontMatterFormat returns the front matter format, YAML unless the Target says otherwise.
func (t Target) FrontMatterFormat() metadecoders.Format {
	if t.Format != "" {
		return t.Format
	}
	return metadecoders.YAML
}

// plain reports whether the Target is kiosque's own layout of front matter, which Render
// writes as it always has, byte for byte.
func (t Target) plain() bool {
	return t.AuthorsKey() == AuthorsSection && t.TagsKey() == TagsTaxonomy &&
		t.FrontMatterFormat() == metadecoders.YAML && len(t.Keys) == 0
}

// Render returns the whole index file of an Article for the Target: front matter in its
// format, under its keys, then the Markdown body.
func (t Target) Render(a *article.Article) ([]byte, error) {
	if t.plain() {
		return Render(a)
	}
	var doc yaml.Node
	if err := doc.Encode(NewFrontMatter(a)); err != nil {
		return nil, fmt.Errorf("failed to encode front matter of %q: %w", a.Title, err)
	}
	renameKey(&doc, AuthorsSection, t.AuthorsKey())
	renameKey(&doc, TagsTaxonomy, t.TagsKey())
	for _, f := range Fields {
		key := t.Keys[f]
		if key == "" || hasKey(&doc, key) {
			continue
		}
		if v := fieldValue(a, f); v != "" {
			doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v})
		}
	}
	var buf bytes.Buffer
	if t.FrontMatterFormat() == metadecoders.YAML {
		buf.WriteString("---\n")
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(&doc); err != nil {
			return nil, fmt.Errorf("failed to encode front matter of %q: %w", a.Title, err)
		}
		if err := enc.Close(); err != nil {
			return nil, err
		}
		buf.WriteString("---\n")
	} else {
		var m map[string]any
		if err := doc.Decode(&m); err != nil {
			return nil, fmt.Errorf("failed to encode front matter of %q: %w", a.Title, err)
		}
		if err := parser.InterfaceToFrontMatter(m, t.FrontMatterFormat(), &buf); err != nil {
			return nil, fmt.Errorf("failed to encode front matter of %q: %w", a.Title, err)
		}
	}
	buf.WriteString("\n")
	buf.WriteString(Markdown(a.Body))
	return buf.Bytes(), nil
}

// fieldValue returns what an article gives a field of Target.Keys, "" for nothing.
func fieldValue(a *article.Article, field string) string {
	switch field {
	case FieldAuthor:
		return oneLine(strings.Join(a.Authors, ", "))
	case FieldImage:
		return oneLine(a.Image.Src)
	case FieldDescription:
		if a.Description != "" {
			return oneLine(a.Description)
		}
		return oneLine(a.Subtitle)
	case FieldSubtitle:
		return oneLine(a.Subtitle)
	}
	return ""
}

// renameKey renames a key of the mapping node m, when it has it and the new name is free.
func renameKey(m *yaml.Node, from, to string) {
	if from == to || hasKey(m, to) {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == from {
			m.Content[i].Value = to
		}
	}
}

// hasKey reports whether the mapping node m has the key.
func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// KnownField reports whether field is one of Fields.
func KnownField(field string) bool { return slices.Contains(Fields, field) }
