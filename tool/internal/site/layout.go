package site

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/spf13/afero"
	"github.com/spf13/cast"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

// Layout is a site's layout, read from its configuration through Hugo: where its content
// and its built pages go, the section articles go to, its taxonomies, languages and time
// zone, and the format and keys of its front matter. Every command asks it where to read
// and write rather than assume kiosque's own layout.
type Layout struct {
	// ContentDir is the absolute content folder (of the default language).
	ContentDir string
	// PublishDir is the absolute publish folder.
	PublishDir string
	// MainSections are the sections the configuration names as its main ones (mainSections),
	// nil when it names none.
	MainSections []string
	// Taxonomies maps each taxonomy's singular name to its plural one, as Hugo reads them.
	Taxonomies map[string]string
	// DefaultLanguage is the language of the site's default content (defaultContentLanguage).
	DefaultLanguage string
	// Languages are the site's languages, the default first.
	Languages []Language
	// TimeZone is the site's time zone (timeZone), "" for the machine's.
	TimeZone string
	// Archetype is the archetype file whose format and keys the Target follows, relative to
	// the site folder; "" when no archetype applies.
	Archetype string
	// Target is what an import writes for the site: section, taxonomy keys, format, keys.
	Target bundle.Target
}

// Language is one language of a site.
type Language struct {
	// Lang is its code, "fr" or "en".
	Lang string
	// ContentDir is its absolute content folder: the site's own, or one of its own.
	ContentDir string
}

// ErrSection reports a section name that is not a folder of the content folder.
var ErrSection = errors.New("a section is a folder name inside the content folder, such as articles")

// roleNames are the taxonomy names, singular or plural, that kiosque takes for the bylines
// and for the subjects of a site whose [params.kiosque.frontMatter] does not say.
var roleNames = map[string][]string{
	"authors": {"author", "authors", "auteur", "auteurs", "autor", "autores", "autori", "byline", "bylines", "writer", "writers"},
	"tags":    {"tag", "tags", "mot-cle", "mots-cles", "mot-clé", "mots-clés", "motcle", "motscles", "etiquette", "etiquettes", "étiquette", "étiquettes", "keyword", "keywords", "etiqueta", "etiquetas", "subject", "subjects", "topic", "topics"},
}

// fieldNames are the keys of an archetype that kiosque fills with a field (bundle.Fields)
// when [params.kiosque.frontMatter] maps none: the names public themes read.
var fieldNames = map[string][]string{
	bundle.FieldAuthor:      {"author", "auteur", "byline"},
	bundle.FieldImage:       {"featured_image", "featuredImage", "featureimage", "featureImage", "cover", "thumbnail"},
	bundle.FieldDescription: {"description", "summary"},
}

// ReadLayout reads the site's layout through Hugo: its configuration with kiosque's defaults,
// as a build would load it. section is the section articles go to; "" means the site's first
// main section, else articles. A section that is not a folder name is an error wrapping
// ErrSection.
func ReadLayout(opts Options, section string) (*Layout, error) {
	configs, layered, _, err := loadConfig(opts, internal{bare: true})
	if err != nil {
		return nil, err
	}
	return layoutOf(opts, configs, layered, section)
}

// layoutOf returns the layout of the site whose configuration is configs, on the overlaid
// filesystem layered.
func layoutOf(opts Options, configs *allconfig.Configs, layered afero.Fs, section string) (*Layout, error) {
	b := configs.Base
	l := &Layout{
		ContentDir:      absDir(opts.WorkingDir, b.ContentDir),
		PublishDir:      publishDirOf(opts, configs),
		Taxonomies:      b.Taxonomies,
		DefaultLanguage: b.DefaultContentLanguage,
		TimeZone:        b.TimeZone,
	}
	if len(b.MainSections) > 0 {
		l.MainSections = b.MainSections
	}
	for _, lang := range configs.Languages {
		dir := l.ContentDir
		if c, ok := configs.LanguageConfigMap[lang.Lang]; ok && c.ContentDir != "" {
			dir = absDir(opts.WorkingDir, c.ContentDir)
		}
		entry := Language{Lang: lang.Lang, ContentDir: dir}
		if lang.Lang == l.DefaultLanguage {
			l.Languages = append([]Language{entry}, l.Languages...)
		} else {
			l.Languages = append(l.Languages, entry)
		}
	}
	if len(l.Languages) > 0 {
		l.ContentDir = l.Languages[0].ContentDir
	}
	var translations []string
	folders := map[string]string{}
	for _, lang := range l.Languages[min(1, len(l.Languages)):] {
		if lang.ContentDir == l.ContentDir {
			translations = append(translations, lang.Lang)
		} else {
			folders[lang.Lang] = lang.ContentDir
		}
	}
	if len(folders) == 0 {
		folders = nil
	}
	if section == "" && len(l.MainSections) > 0 {
		section = l.MainSections[0]
	}
	if section == "" {
		section = bundle.ArticlesSection
	}
	if clean := path.Clean(strings.Trim(filepath.ToSlash(section), "/")); clean != strings.Trim(filepath.ToSlash(section), "/") ||
		!filepath.IsLocal(clean) || strings.HasPrefix(path.Base(clean), ".") || strings.HasPrefix(path.Base(clean), "_") {
		return nil, fmt.Errorf("invalid section %q: %w", section, ErrSection)
	} else {
		section = clean
	}
	mapping, err := frontMatterMapping(b.Params)
	if err != nil {
		return nil, err
	}
	l.Target = bundle.Target{Section: section, Keys: map[string]string{}, Translations: translations, Folders: folders}
	l.Target.Authors = taxonomyFor(l.Taxonomies, "authors", mapping)
	l.Target.Tags = taxonomyFor(l.Taxonomies, "tags", mapping)

	dirs := []string{absDir(opts.WorkingDir, b.ArcheTypeDir)}
	for _, m := range configs.Modules {
		if m.Owner() != nil { // the project is the owner of the themes
			dirs = append(dirs, filepath.Join(m.Dir(), "archetypes"))
		}
	}
	file, data := findArchetype(layered, dirs, section)
	if file != "" {
		l.Archetype = relPath(opts.WorkingDir, file)
		format, keys := scanArchetype(data)
		l.Target.Format = format
		for _, f := range bundle.Fields {
			for _, k := range fieldNames[f] {
				if slices.Contains(keys, k) && k != l.Target.AuthorsKey() && k != l.Target.TagsKey() {
					l.Target.Keys[f] = k
					break
				}
			}
		}
	}
	for f, k := range mapping {
		if bundle.KnownField(f) {
			l.Target.Keys[f] = k
		}
	}
	if l.Target.Format == "" {
		l.Target.Format = metadecoders.YAML
	}
	if len(l.Target.Keys) == 0 {
		l.Target.Keys = nil
	}
	return l, nil
}

// frontMatterMapping returns [params.kiosque.frontMatter]: a field (bundle.Fields, or
// "authors" and "tags" for the taxonomies) to the site's key for it.
func frontMatterMapping(params hmaps.Params) (map[string]string, error) {
	k, _ := params["kiosque"].(hmaps.Params)
	v, ok := k["frontmatter"]
	if !ok {
		return nil, nil
	}
	p, ok := v.(hmaps.Params)
	if !ok {
		return nil, fmt.Errorf("params.kiosque.frontMatter is %v, not a table of keys such as author = \"byline\"", v)
	}
	out := map[string]string{}
	for field, key := range p {
		s, err := cast.ToStringE(key)
		if err != nil || strings.TrimSpace(s) == "" {
			return nil, fmt.Errorf("params.kiosque.frontMatter.%s is %v, not the name of a front matter key", field, key)
		}
		if !bundle.KnownField(field) && field != "authors" && field != "tags" {
			return nil, fmt.Errorf("params.kiosque.frontMatter.%s: kiosque fills %s, authors and tags", field, strings.Join(bundle.Fields, ", "))
		}
		out[field] = s
	}
	return out, nil
}

// taxonomyFor returns the plural name of the site's taxonomy for role ("authors" or "tags"):
// the one [params.kiosque.frontMatter] names, else the first whose name is one roleNames
// knows, else role itself (a key of kiosque's own).
func taxonomyFor(taxonomies map[string]string, role string, mapping map[string]string) string {
	if k := mapping[role]; k != "" {
		return k
	}
	singulars := make([]string, 0, len(taxonomies))
	for s := range taxonomies {
		singulars = append(singulars, s)
	}
	slices.Sort(singulars)
	for _, name := range roleNames[role] {
		for _, s := range singulars {
			if s == name || taxonomies[s] == name {
				return taxonomies[s]
			}
		}
	}
	return role
}

// findArchetype returns the archetype Hugo would create an article of section from, and its
// content: the section's own in the first of dirs that has one (a bundle's index, or a file),
// else the first default.md.
func findArchetype(fsys afero.Fs, dirs []string, section string) (string, []byte) {
	var names []string
	for _, d := range dirs {
		for _, ext := range []string{".md", ".markdown", ".html"} {
			names = append(names, filepath.Join(d, filepath.FromSlash(section), "index"+ext), filepath.Join(d, filepath.FromSlash(section)+ext))
		}
	}
	for _, d := range dirs {
		names = append(names, filepath.Join(d, "default.md"))
	}
	for _, name := range names {
		if data, err := afero.ReadFile(fsys, name); err == nil {
			return name, data
		} else if !errors.Is(err, fs.ErrNotExist) {
			continue
		}
	}
	return "", nil
}

var (
	yamlKey = regexp.MustCompile(`^([A-Za-z_][\w.-]*)\s*:`)
	tomlKey = regexp.MustCompile(`^([A-Za-z_][\w-]*)\s*=`)
	jsonKey = regexp.MustCompile(`^\s{0,4}"([^"]+)"\s*:`)
)

// scanArchetype returns the front matter format of an archetype and its top-level keys. An
// archetype is a template (`date = {{ .Date }}`), which no decoder reads as it is, so its
// keys are found line by line.
func scanArchetype(data []byte) (metadecoders.Format, []string) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var format metadecoders.Format
	var key *regexp.Regexp
	var end string
	switch {
	case bytes.HasPrefix(data, []byte("---")):
		format, key, end = metadecoders.YAML, yamlKey, "---"
	case bytes.HasPrefix(data, []byte("+++")):
		format, key, end = metadecoders.TOML, tomlKey, "+++"
	case bytes.HasPrefix(data, []byte("{")):
		format, key, end = metadecoders.JSON, jsonKey, "}"
	default:
		return "", nil
	}
	var keys []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Scan() // the opening delimiter
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == end || format == metadecoders.TOML && strings.HasPrefix(line, "[") {
			break
		}
		if m := key.FindStringSubmatch(line); m != nil {
			keys = append(keys, m[1])
		}
	}
	return format, keys
}

// absDir returns dir resolved against the site folder.
func absDir(workingDir, dir string) string {
	if filepath.IsAbs(dir) {
		return filepath.Clean(dir)
	}
	return filepath.Join(workingDir, dir)
}

// relPath returns p relative to dir, with forward slashes, or p when it is not inside dir.
func relPath(dir, p string) string {
	if r, err := filepath.Rel(dir, p); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}
