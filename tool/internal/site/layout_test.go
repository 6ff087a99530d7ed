package site_test

import (
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque"
	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// TestReadLayout reads where a site wants its articles and under which keys, from its
// configuration and archetypes, for sites of fictional newsrooms.
func TestReadLayout(t *testing.T) {
	for _, c := range []struct {
		msg       string
		files     map[string]string
		section   string
		content   string
		publish   string
		target    bundle.Target
		archetype string
		langs     []site.Language
		// translations are the languages written as index.<lang>.md
		translations []string
		// folders are the languages with a content folder of their own, and that folder
		folders map[string]string
	}{
		{
			msg:       "kiosque's own site: no configuration",
			content:   "/site/content",
			publish:   "/site/public",
			target:    bundle.Target{Section: "articles", Authors: "authors", Tags: "tags", Format: metadecoders.YAML},
			archetype: "themes/kiosque/archetypes/articles/index.md",
			langs:     []site.Language{{Lang: "fr", ContentDir: "/site/content"}},
		},
		{
			msg: "its own folders, main section, taxonomies and TOML archetype",
			files: map[string]string{
				"hugo.toml": `contentDir = "pages"
publishDir = "www"
mainSections = ["actualites"]
defaultContentLanguage = "fr"
[taxonomies]
  auteur = "auteurs"
  mot-cle = "mots-cles"
`,
				"archetypes/actualites.md": "+++\ntitle = '{{ .Name }}'\ndate = {{ .Date }}\nauthor = ''\nfeatured_image = ''\ndescription = ''\nauteurs = []\n[params]\n  cover = ''\n+++\n",
			},
			content:   "/site/pages",
			publish:   "/site/www",
			target:    bundle.Target{Section: "actualites", Authors: "auteurs", Tags: "mots-cles", Format: metadecoders.TOML, Keys: map[string]string{"author": "author", "image": "featured_image", "description": "description"}},
			archetype: "archetypes/actualites.md",
			langs:     []site.Language{{Lang: "fr", ContentDir: "/site/pages"}},
		},
		{
			msg:     "--section over mainSections, and a JSON default archetype",
			section: "billets",
			files: map[string]string{
				"hugo.toml":                "[params]\nmainSections = [\"actualites\"]\n",
				"archetypes/default.md":    "{\n  \"title\": \"{{ .Name }}\",\n  \"summary\": \"\",\n  \"cover\": \"\"\n}\n",
				"archetypes/actualites.md": "---\nauthor: \"\"\n---\n",
			},
			content:   "/site/content",
			publish:   "/site/public",
			target:    bundle.Target{Section: "billets", Authors: "authors", Tags: "tags", Format: metadecoders.JSON, Keys: map[string]string{"description": "summary", "image": "cover"}},
			archetype: "archetypes/default.md",
			langs:     []site.Language{{Lang: "fr", ContentDir: "/site/content"}},
		},
		{
			msg: "[params.kiosque.frontMatter] wins over what is detected",
			files: map[string]string{
				"hugo.toml": `[taxonomies]
  redacteur = "redacteurs"
  sujet = "sujets"
[params.kiosque.frontMatter]
  author = "signature"
  image = "visuel"
  authors = "redacteurs"
  tags = "sujets"
`,
				"archetypes/articles.md": "---\nauthor: \"\"\nfeatured_image: \"\"\n---\n",
			},
			content:   "/site/content",
			publish:   "/site/public",
			target:    bundle.Target{Section: "articles", Authors: "redacteurs", Tags: "sujets", Format: metadecoders.YAML, Keys: map[string]string{"author": "signature", "image": "visuel"}},
			archetype: "archetypes/articles.md",
			langs:     []site.Language{{Lang: "fr", ContentDir: "/site/content"}},
		},
		{
			msg: "the archetype of the site's own theme, and two languages with folders of their own",
			files: map[string]string{
				"hugo.toml": `theme = ["valmont", "kiosque"]
defaultContentLanguage = "fr"
[languages.fr]
  weight = 1
  contentDir = "content/fr"
[languages.en]
  weight = 2
  contentDir = "content/en"
`,
				"themes/valmont/archetypes/articles/index.md": "---\ntitle: \"\"\nauteur: \"\"\nthumbnail: \"\"\n---\n",
				"themes/valmont/layouts/home.html":            "valmont",
			},
			content:   "/site/content/fr",
			publish:   "/site/public",
			target:    bundle.Target{Section: "articles", Authors: "authors", Tags: "tags", Format: metadecoders.YAML, Keys: map[string]string{"author": "auteur", "image": "thumbnail"}},
			archetype: "themes/valmont/archetypes/articles/index.md",
			langs:     []site.Language{{Lang: "fr", ContentDir: "/site/content/fr"}, {Lang: "en", ContentDir: "/site/content/en"}},
			folders:   map[string]string{"en": "/site/content/en"},
		},
		{
			msg: "two languages in one content folder: the other one's articles are translations",
			files: map[string]string{
				"hugo.toml": "defaultContentLanguage = \"fr\"\n[languages.en]\n  weight = 2\n[languages.fr]\n  weight = 1\n[languages.es]\n  weight = 3\n",
			},
			content:      "/site/content",
			publish:      "/site/public",
			target:       bundle.Target{Section: "articles", Authors: "authors", Tags: "tags", Format: metadecoders.YAML},
			archetype:    "themes/kiosque/archetypes/articles/index.md",
			langs:        []site.Language{{Lang: "fr", ContentDir: "/site/content"}, {Lang: "en", ContentDir: "/site/content"}, {Lang: "es", ContentDir: "/site/content"}},
			translations: []string{"en", "es"},
		},
	} {
		fs := afero.NewMemMapFs()
		for name, data := range c.files {
			if err := afero.WriteFile(fs, "/site/"+name, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		l, err := site.ReadLayout(site.Options{Fs: fs, WorkingDir: "/site", Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes()}, c.section)
		if err != nil {
			t.Errorf("%s: %v", c.msg, err)
			continue
		}
		if l.ContentDir != c.content || l.PublishDir != c.publish {
			t.Errorf("%s: content %q, publish %q; want %q, %q", c.msg, l.ContentDir, l.PublishDir, c.content, c.publish)
		}
		got := l.Target
		if got.Section != c.target.Section || got.Authors != c.target.Authors || got.Tags != c.target.Tags || got.Format != c.target.Format || !maps.Equal(got.Keys, c.target.Keys) {
			t.Errorf("%s: target %+v, want %+v", c.msg, got, c.target)
		}
		if !slices.Equal(got.Translations, c.translations) {
			t.Errorf("%s: translations %v, want %v", c.msg, got.Translations, c.translations)
		}
		if !maps.Equal(got.Folders, c.folders) {
			t.Errorf("%s: folders %v, want %v", c.msg, got.Folders, c.folders)
		}
		if l.Archetype != c.archetype {
			t.Errorf("%s: archetype %q, want %q", c.msg, l.Archetype, c.archetype)
		}
		if !slices.Equal(l.Languages, c.langs) {
			t.Errorf("%s: languages %v, want %v", c.msg, l.Languages, c.langs)
		}
	}
}

// TestReadLayoutRefuses names what is wrong with a section or a mapping.
func TestReadLayoutRefuses(t *testing.T) {
	for _, c := range []struct {
		msg, config, section string
		badSection           bool
	}{
		{"a section out of the content folder", "", "../ailleurs", true},
		{"a section hidden from Hugo", "", "_brouillons", true},
		{"a field kiosque does not fill", "[params.kiosque.frontMatter]\n  couleur = \"teinte\"\n", "", false},
		{"a mapping that is no table", "[params.kiosque]\n  frontMatter = \"author\"\n", "", false},
	} {
		fs := afero.NewMemMapFs()
		if err := afero.WriteFile(fs, "/site/hugo.toml", []byte(c.config), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := site.ReadLayout(site.Options{Fs: fs, WorkingDir: "/site", Theme: kiosque.Theme()}, c.section)
		if err == nil || errors.Is(err, site.ErrSection) != c.badSection {
			t.Errorf("%s: ReadLayout = %v", c.msg, err)
		}
	}
}
