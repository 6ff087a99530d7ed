package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/gohugoio/hugo/create"
	"github.com/gohugoio/hugo/parser"
	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/gohugoio/hugo/parser/pageparser"
	"github.com/spf13/afero"
	"go.yaml.in/yaml/v3"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/slug"
)

// ErrExists reports that a new article's bundle is already there.
var ErrExists = errors.New("it already exists")

// NewArticleOptions say which article to create, in which site.
type NewArticleOptions struct {
	// Options name the site (Fs, WorkingDir, Theme, Archetypes); build settings are ignored.
	Options
	// Title is the article's title; its slug names the bundle.
	Title string
	// Authors and Tags go to front matter as they are.
	Authors, Tags []string
	// Now is the article's date; zero means the current time. It is shown in the site's
	// time zone (timeZone in its configuration), else the machine's.
	Now time.Time
}

// NewArticle creates the page bundle <section>/<slug>/ in the site's content folder from the
// section's archetype (the site's layout says which: see ReadLayout; a site's own
// archetypes/<section>/ first, else its themes') through Hugo's content creation, then sets
// title, date, draft, and the authors and tags under the site's taxonomy keys in its front
// matter (and the byline under the archetype's own key, when it has one). It
// never overwrites: an existing bundle is an error wrapping ErrExists. It returns the path
// of the new index.md.
func NewArticle(o NewArticleOptions) (string, error) {
	if strings.TrimSpace(o.Title) == "" {
		return "", errors.New("the title is empty")
	}
	user := o.User
	if user == nil {
		var err error
		if user, err = LoadUserConfig(o.Fs, o.WorkingDir, "development"); err != nil {
			return "", err
		}
	}
	o.User = user
	o.Environment = "development"
	layout := o.Layout
	if layout == nil {
		var err error
		if layout, err = ReadLayout(o.Options, ""); err != nil {
			return "", err
		}
	}
	section := layout.Target.ArticlesDir()
	rel := filepath.Join(filepath.FromSlash(section), slug.Make(o.Title, layout.DefaultLanguage))
	contentDir := layout.ContentDir
	bundleDir := filepath.Join(contentDir, rel)
	if _, err := o.Fs.Stat(bundleDir); err == nil {
		return "", fmt.Errorf("failed to create %q: %w", bundleDir, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("failed to read %q: %w", bundleDir, err)
	}

	// Hugo writes the new bundle into a scratch layer over the site; kiosque then completes
	// its front matter and copies it to the site folder.
	scratch := afero.NewMemMapFs()
	if err := scratch.MkdirAll(contentDir, 0o755); err != nil {
		return "", err
	}
	o.Log = nil // Hugo's "Content dir created" line; errors come back as errors
	sites, _, err := newSites(o.Options, internal{scratch: scratch, bare: true, flags: map[string]any{
		"noBuildLock": true, "newContentEditor": "", "buildDrafts": true,
	}})
	if err != nil {
		return "", err
	}
	defer sites.Close()
	target := rel // a bundle archetype (archetypes/<section>/index.md) gives a whole folder
	if !strings.HasPrefix(path.Base(layout.Archetype), "index.") {
		target = filepath.Join(rel, "index.md") // a file archetype gives the bundle's index
	}
	if err := create.NewContent(sites, section, target, false); err != nil {
		return "", fmt.Errorf("failed to create %q from the archetype: %w", bundleDir, err)
	}

	loc := time.Local
	if tz := layout.TimeZone; tz != "" {
		if loc, err = time.LoadLocation(tz); err != nil {
			return "", fmt.Errorf("failed to read the site's timeZone %q: %w", tz, err)
		}
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	keys := []string{"title", "date", "draft", layout.Target.AuthorsKey(), layout.Target.TagsKey()}
	set := map[string]any{
		keys[0]: o.Title,
		keys[1]: now.In(loc).Truncate(time.Second),
		keys[2]: true,
		keys[3]: nonNilStrings(o.Authors),
		keys[4]: nonNilStrings(o.Tags),
	}
	if k := layout.Target.Keys[bundle.FieldAuthor]; k != "" && k != keys[3] && len(o.Authors) > 0 {
		keys = append(keys, k)
		set[k] = strings.Join(o.Authors, ", ")
	}

	files := map[string][]byte{}
	index := ""
	err = afero.Walk(scratch, bundleDir, func(name string, fi fs.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		data, err := afero.ReadFile(scratch, name)
		if err != nil {
			return err
		}
		if base := filepath.Base(name); filepath.Dir(name) == bundleDir && strings.TrimSuffix(base, filepath.Ext(base)) == "index" {
			if data, err = setFrontMatter(data, keys, set); err != nil {
				return fmt.Errorf("failed to complete the front matter of %q: %w", name, err)
			}
			index = name
		}
		files[name] = data
		return nil
	})
	if err != nil {
		return "", err
	}
	if index == "" {
		return "", fmt.Errorf("the archetype %q holds no index.md", section)
	}
	if err := writeBundle(o.Fs, bundleDir, files, index); err != nil {
		return "", err
	}
	return index, nil
}

// writeBundle writes files into the new folder dir, index last, each through a temporary file;
// on failure it removes dir, so no half-written bundle is left behind.
func writeBundle(fsys afero.Fs, dir string, files map[string][]byte, index string) (err error) {
	defer func() {
		if err != nil {
			_ = fsys.RemoveAll(dir)
		}
	}()
	write := func(name string, data []byte) error {
		if err := fsys.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return fmt.Errorf("failed to create %q: %w", filepath.Dir(name), err)
		}
		tmp := name + ".kiosque-tmp"
		if err := afero.WriteFile(fsys, tmp, data, 0o644); err != nil {
			return fmt.Errorf("failed to write %q: %w", name, err)
		}
		if err := fsys.Rename(tmp, name); err != nil {
			_ = fsys.Remove(tmp)
			return fmt.Errorf("failed to write %q: %w", name, err)
		}
		return nil
	}
	for name, data := range files {
		if name != index {
			if err := write(name, data); err != nil {
				return err
			}
		}
	}
	return write(index, files[index])
}

// setFrontMatter sets the keys of set in a content file's front matter, new ones added in
// the order of keys. YAML front matter is edited in
// place, keeping the archetype's order and comments; TOML and JSON are decoded and encoded.
func setFrontMatter(src []byte, keys []string, set map[string]any) ([]byte, error) {
	cfm, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	if cfm.FrontMatterFormat == "" {
		return nil, errors.New("it has no front matter")
	}
	var fm bytes.Buffer
	if cfm.FrontMatterFormat == metadecoders.YAML {
		if err := setYAML(src, keys, set, &fm); err != nil {
			return nil, err
		}
	} else {
		m := cfm.FrontMatter
		if m == nil {
			m = map[string]any{}
		}
		for k, v := range set {
			m[k] = v
		}
		if err := parser.InterfaceToFrontMatter(m, cfm.FrontMatterFormat, &fm); err != nil {
			return nil, err
		}
	}
	return append(fm.Bytes(), cfm.Content...), nil
}

// setYAML writes the YAML front matter of src, delimiters included, with the keys of set
// replaced or added in the order of keys.
func setYAML(src []byte, keys []string, set map[string]any, w *bytes.Buffer) error {
	text := strings.TrimPrefix(string(src), "\ufeff")
	body, ok := strings.CutPrefix(strings.ReplaceAll(text, "\r\n", "\n"), "---\n")
	if !ok {
		return errors.New("the front matter does not open with ---")
	}
	end := strings.Index(body, "\n---")
	if end < 0 {
		if !strings.HasPrefix(body, "---") {
			return errors.New("the front matter is not closed with ---")
		}
		end = -1
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(body[:end+1]), &doc); err != nil {
		return err
	}
	if doc.Kind == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return errors.New("the front matter is not a mapping")
	}
	for _, k := range keys {
		var v yaml.Node
		if err := v.Encode(set[k]); err != nil {
			return err
		}
		if s, ok := set[k].([]string); ok && len(s) > 0 {
			v.Style = yaml.FlowStyle
		}
		replaced := false
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == k {
				v.LineComment = m.Content[i+1].LineComment
				m.Content[i+1] = &v
				replaced = true
			}
		}
		if !replaced {
			m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, &v)
		}
	}
	w.WriteString("---\n")
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	w.WriteString("---\n")
	return nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
