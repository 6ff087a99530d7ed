package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/config"
	"github.com/spf13/afero"
)

// DefaultAuthor is the byline of articles whose scrape names nobody, unless the site sets
// params.kiosque.defaultAuthor.
const DefaultAuthor = "La rédaction"

// defaultConfig is what a site gets for every key its own configuration leaves unset.
const defaultConfig = `
title = "Kiosque"
locale = "fr-FR"
defaultContentLanguage = "fr"
removePathAccents = true
titleCaseStyle = "none"
enableRobotsTXT = true
summaryLength = 40

[taxonomies]
  author = "authors"
  tag = "tags"

[pagination]
  pagerSize = 20

[services.rss]
  limit = 50

# home, sections, authors and tags each have an RSS feed. The search index is no output of
# Hugo's: kiosque writes it after the build, in shards (see SearchDir).
[outputs]
  home = ["html", "rss"]
  section = ["html", "rss"]
  taxonomy = ["html"]
  term = ["html", "rss"]
  page = ["html"]

[sitemap]
  changeFreq = "daily"


[markup.goldmark.renderer]
  unsafe = false

[related]
  includeNewer = true
  threshold = 20
  toLower = true
  [[related.indices]]
    name = "tags"
    weight = 100
  [[related.indices]]
    name = "authors"
    weight = 40

[params.kiosque]
  defaultAuthor = "La rédaction"
`

// atomicKeys are top-level keys whose defaults apply only as a whole: a site that declares
// its own taxonomies wants exactly those.
var atomicKeys = map[string]bool{"taxonomies": true, "related": true, "outputs": true, "menus": true}

// LoadUserConfig reads the site's own configuration (hugo.toml or config.toml in any format,
// and the config/ folder), without Hugo's defaults. A site without one gets an empty Provider.
func LoadUserConfig(fsys afero.Fs, workingDir, environment string) (config.Provider, error) {
	user := config.New()
	if name := ConfigFile(fsys, workingDir); name != "" {
		p, err := config.FromFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("failed to read %q: %w", name, err)
		}
		user.Set("", p.Get(""))
	}
	p, _, err := config.LoadConfigFromDir(fsys, filepath.Join(workingDir, "config"), environment)
	if err != nil {
		return nil, fmt.Errorf("failed to read %q: %w", filepath.Join(workingDir, "config"), err)
	}
	if p != nil {
		user.Set("", p.Get(""))
	}
	return user, nil
}

// ConfigFile returns the site's configuration file (hugo.toml, hugo.yaml, config.toml, ...,
// in Hugo's order), or "" when it has none.
func ConfigFile(fsys afero.Fs, workingDir string) string {
	for _, base := range config.DefaultConfigNames {
		for _, ext := range config.ValidConfigFileExtensions {
			name := filepath.Join(workingDir, base+"."+ext)
			if _, err := fsys.Stat(name); !errors.Is(err, fs.ErrNotExist) {
				return name
			}
		}
	}
	return ""
}

// applyDefaults sets on flags each default the user's configuration leaves unset.
func applyDefaults(flags, user config.Provider) {
	defaults := config.FromTOMLConfigString(defaultConfig)
	for _, k := range defaults.Keys() {
		v := defaults.Get(k)
		if p, ok := v.(hmaps.Params); ok && !atomicKeys[k] {
			setUnsetLeaves(flags, user, k, p)
			continue
		}
		if !user.IsSet(k) {
			flags.Set(k, v)
		}
	}
}

func setUnsetLeaves(flags, user config.Provider, prefix string, p hmaps.Params) {
	for k, v := range p {
		key := prefix + "." + strings.ToLower(k)
		if sub, ok := v.(hmaps.Params); ok {
			setUnsetLeaves(flags, user, key, sub)
			continue
		}
		if !user.IsSet(key) {
			flags.Set(key, v)
		}
	}
}
