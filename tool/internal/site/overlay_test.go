package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"
)

// testTheme is a minimal theme: enough layouts to show which settings and files won.
var testTheme = fstest.MapFS{
	"layouts/baseof.html": {Data: []byte(`<title>{{ site.Title }}</title>{{ block "main" . }}{{ end }}`)},
	"layouts/home.html":   {Data: []byte(`{{ define "main" }}theme home lang={{ site.Language.Lang }} author={{ site.Params.kiosque.defaultAuthor }} taxonomies={{ range $k, $v := site.Taxonomies }}{{ $k }} {{ end }}{{ end }}`)},
	"layouts/page.html":   {Data: []byte(`{{ define "main" }}theme page {{ .Title }} authors={{ range .GetTerms "authors" }}{{ .LinkTitle }}{{ end }}{{ end }}`)},
}

func buildMem(t *testing.T, files map[string]string) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	for name, data := range files {
		if err := afero.WriteFile(fs, "/site/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Build(Options{Fs: fs, WorkingDir: "/site", Theme: testTheme}); err != nil {
		t.Fatalf("build: %v", err)
	}
	return fs
}

func read(t *testing.T, fs afero.Fs, name string) string {
	t.Helper()
	data, err := afero.ReadFile(fs, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestDefaultsApplyWithoutConfig(t *testing.T) {
	fs := buildMem(t, map[string]string{
		"content/articles/a/index.md": "---\ntitle: Un article\nauthors: [Anne Delorme]\n---\nTexte.\n",
	})
	home := read(t, fs, "/site/public/index.html")
	for _, want := range []string{"<title>Kiosque</title>", "lang=fr", "author=La rédaction", "authors", "tags"} {
		if !strings.Contains(home, want) {
			t.Errorf("home page %q lacks %q", home, want)
		}
	}
	if page := read(t, fs, "/site/public/articles/a/index.html"); !strings.Contains(page, "authors=Anne Delorme") {
		t.Errorf("article page %q: the authors taxonomy is not set up", page)
	}
}

func TestUserConfigWinsOverDefaults(t *testing.T) {
	fs := buildMem(t, map[string]string{
		"hugo.toml":                   "title = \"Le Courrier de Valmont\"\n[params.kiosque]\ndefaultAuthor = \"La Gazette\"\n[taxonomies]\ntag = \"tags\"\n",
		"content/articles/a/index.md": "---\ntitle: Un article\n---\nTexte.\n",
	})
	home := read(t, fs, "/site/public/index.html")
	for _, c := range []struct{ what, want string }{
		{"the user's title", "<title>Le Courrier de Valmont</title>"},
		{"the user's default author", "author=La Gazette"},
		{"the default language, which the user left unset", "lang=fr"},
	} {
		if !strings.Contains(home, c.want) {
			t.Errorf("%s: home page %q lacks %q", c.what, home, c.want)
		}
	}
	if strings.Contains(home, "authors") {
		t.Errorf("the user's own taxonomies must replace the defaults whole: %q", home)
	}
}

func TestUserLayoutOverridesTheme(t *testing.T) {
	fs := buildMem(t, map[string]string{
		"layouts/home.html":           `{{ define "main" }}user home{{ end }}`,
		"content/articles/a/index.md": "---\ntitle: Un article\n---\nTexte.\n",
	})
	if home := read(t, fs, "/site/public/index.html"); !strings.Contains(home, "user home") {
		t.Errorf("home page %q: the site's own layout did not win over the theme's", home)
	}
	if page := read(t, fs, "/site/public/articles/a/index.html"); !strings.Contains(page, "theme page Un article") {
		t.Errorf("article page %q: the theme's layout should fill in", page)
	}
}

func TestHugoEnvironmentIsIgnored(t *testing.T) {
	t.Setenv("HUGO_TITLE", "From the environment")
	fs := buildMem(t, map[string]string{"content/articles/a/index.md": "---\ntitle: A\n---\n"})
	if home := read(t, fs, "/site/public/index.html"); !strings.Contains(home, "<title>Kiosque</title>") {
		t.Errorf("HUGO_* variables must not override kiosque's settings: %q", home)
	}
}

func TestRelativeWorkingDirIsRefused(t *testing.T) {
	_, err := Build(Options{Fs: afero.NewMemMapFs(), WorkingDir: "site", Theme: testTheme})
	if err == nil || !strings.Contains(err.Error(), "absolute") {
		t.Errorf("err = %v, want an error about the absolute path", err)
	}
}
