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

// TermSlug returns the folder Hugo publishes a taxonomy term such as an author's name in,
// with the site's removePathAccents setting on (kiosque's default): "La rédaction" ->
// "la-redaction".
func TermSlug(name string) string {
	return strings.ToLower(text.RemoveAccentsString(paths.Sanitize(name)))
}

// TermFolder returns the content folder of a taxonomy term's page, such as an author's
// profile: the term as Hugo keys its page, in lower case with spaces as dashes and nothing
// else changed ("La rédaction" -> "la-rédaction"). A folder under any other name, such as
// TermSlug's, is a second page that Hugo publishes at the term's address, over the term's.
func TermFolder(name string) string {
	return paths.NormalizePathStringBasic(name)
}

// ProfilePath returns the profile file of an author, relative to the content folder.
func (t Target) ProfilePath(name string) string {
	return path.Join(t.AuthorsKey(), TermFolder(name), "_index.md")
}

// profileFile returns the profile file of an author.
func (t Target) profileFile(contentDir, name string) (string, error) {
	folder := TermFolder(name)
	if TermSlug(name) == "" || strings.Trim(folder, ".") == "" || strings.Contains(folder, "..") || strings.ContainsAny(folder, "/\\\x00") {
		return "", fmt.Errorf("failed to create the profile of %q: no usable folder name", name)
	}
	return path.Join(contentDir, t.ProfilePath(name)), nil
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
	f, ok, err := t.AuthorProfile(fsys, contentDir, name)
	if !ok || err != nil {
		return false, err
	}
	return true, writeAtomic(fsys, f.Name, f.Data)
}

// AuthorProfile returns the profile WriteAuthorProfile would create for name, for WriteFiles
// to write with others, and true; false when the author has one. The temporary files an
// interrupted write left in the profile's folder are removed.
func (t Target) AuthorProfile(fsys afero.Fs, contentDir, name string) (File, bool, error) {
	file, err := t.profileFile(contentDir, name)
	if err != nil {
		return File{}, false, err
	}
	for _, s := range staleTemps(fsys, path.Dir(file)) {
		_ = fsys.Remove(s)
	}
	if ok, err := fileExists(fsys, file); ok || err != nil {
		return File{}, false, err
	}
	var data []byte
	if t.FrontMatterFormat() == metadecoders.YAML {
		fm, err := yaml.Marshal(map[string]string{"title": name})
		if err != nil {
			return File{}, false, err
		}
		data = []byte("---\n" + string(fm) + "---\n")
	} else {
		var buf bytes.Buffer
		if err := parser.InterfaceToFrontMatter(map[string]any{"title": name}, t.FrontMatterFormat(), &buf); err != nil {
			return File{}, false, err
		}
		data = buf.Bytes()
	}
	return File{Name: file, Data: data}, true, nil
}

// OldAuthorProfile returns the folder an earlier import gave the author's profile, named by
// TermSlug, when it holds the profile and the folder of the author's page (TermFolder) does
// not: Hugo publishes such a profile at the author's address as a second page, over the
// author's own. It returns "" when there is none.
func (t Target) OldAuthorProfile(fsys afero.Fs, contentDir, name string) (string, error) {
	file, err := t.profileFile(contentDir, name)
	if err != nil {
		return "", err
	}
	old := path.Join(path.Dir(path.Dir(file)), TermSlug(name))
	if old == path.Dir(file) {
		return "", nil
	}
	if ok, err := fileExists(fsys, file); ok || err != nil {
		return "", err
	}
	if ok, err := fileExists(fsys, path.Join(old, "_index.md")); !ok || err != nil {
		return "", err
	}
	return old, nil
}

// MoveAuthorProfile moves the author's profile from the folder an earlier import gave it (see
// OldAuthorProfile) to the folder of the author's page, with every file of the folder, and
// returns the old folder; it returns "" when there was nothing to move.
func (t Target) MoveAuthorProfile(fsys afero.Fs, contentDir, name string) (string, error) {
	old, err := t.OldAuthorProfile(fsys, contentDir, name)
	if old == "" || err != nil {
		return "", err
	}
	file, _ := t.profileFile(contentDir, name)
	dir := path.Dir(file)
	entries, err := afero.ReadDir(fsys, old)
	if err != nil {
		return "", failure.At(old, 0, err)
	}
	if err := fsys.MkdirAll(dir, 0o755); err != nil {
		return "", failure.At(dir, 0, err)
	}
	for _, e := range entries {
		if err := fsys.Rename(path.Join(old, e.Name()), path.Join(dir, e.Name())); err != nil {
			return "", fmt.Errorf("failed to move the profile of %q to %q: %w", name, dir, err)
		}
	}
	_ = fsys.Remove(old) // empty now
	return old, nil
}
