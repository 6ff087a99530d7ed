package bundle

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/gohugoio/hugo/common/paths"
	"github.com/gohugoio/hugo/common/text"
	"github.com/gohugoio/hugo/parser"
	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/spf13/afero"
	"go.yaml.in/yaml/v3"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// AuthorsSection is the content folder of author profiles, the `authors` taxonomy, on a site
// whose configuration names no other.
const AuthorsSection = "authors"

// ArticlesSection is the content folder of articles (imported bundles, writers' new articles
// and the archetype they start from) on a site whose configuration names no other.
const ArticlesSection = "articles"

// TagsTaxonomy is the taxonomy of subjects on a site whose configuration names no other.
const TagsTaxonomy = "tags"

// TermSlug returns the folder Hugo gives a taxonomy term such as an author's name, with the
// site's removePathAccents setting on (kiosque's default): "La rédaction" -> "la-redaction".
func TermSlug(name string) string {
	return strings.ToLower(text.RemoveAccentsString(paths.Sanitize(name)))
}

// profileFile returns the profile file of an author.
func (t Target) profileFile(contentDir, name string) (string, error) {
	slug := TermSlug(name)
	if slug == "" || strings.Contains(slug, "..") || strings.ContainsAny(slug, "/\\\x00") {
		return "", fmt.Errorf("failed to create the profile of %q: no usable folder name", name)
	}
	return path.Join(contentDir, t.AuthorsKey(), slug, "_index.md"), nil
}

// AuthorProfileExists reports whether the author has a profile.
func (t Target) AuthorProfileExists(fsys afero.Fs, contentDir, name string) (bool, error) {
	file, err := t.profileFile(contentDir, name)
	if err != nil {
		return false, err
	}
	return fileExists(fsys, file)
}

// fileExists reports whether file exists; an error other than its absence is returned.
func fileExists(fsys afero.Fs, file string) (bool, error) {
	if _, err := fsys.Stat(file); err == nil {
		return true, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false, failure.At(file, 0, err)
	}
	return false, nil
}

// WriteAuthorProfile creates content/<authors>/<slug>/_index.md for name unless it exists,
// in the Target's front matter format: profiles belong to the newsroom once created. It
// reports whether it created the file. The temporary files an interrupted write left in the
// profile's folder are removed.
func (t Target) WriteAuthorProfile(fsys afero.Fs, contentDir, name string) (bool, error) {
	file, err := t.profileFile(contentDir, name)
	if err != nil {
		return false, err
	}
	for _, s := range staleTemps(fsys, path.Dir(file)) {
		_ = fsys.Remove(s)
	}
	if ok, err := fileExists(fsys, file); ok || err != nil {
		return false, err
	}
	var data []byte
	if t.FrontMatterFormat() == metadecoders.YAML {
		fm, err := yaml.Marshal(map[string]string{"title": name})
		if err != nil {
			return false, err
		}
		data = []byte("---\n" + string(fm) + "---\n")
	} else {
		var buf bytes.Buffer
		if err := parser.InterfaceToFrontMatter(map[string]any{"title": name}, t.FrontMatterFormat(), &buf); err != nil {
			return false, err
		}
		data = buf.Bytes()
	}
	return true, writeAtomic(fsys, file, data)
}
