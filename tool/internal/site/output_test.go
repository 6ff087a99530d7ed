package site

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"
)

// TestBuildRemovesStaleOutput builds a site with two articles and a static file, deletes one
// article, and builds again: the deleted article's page is gone, its folder too, and the
// other article, the static file and dot files (a deploy's .git) are still there; a folder
// that only held emptied folders goes, one that holds a dot file stays.
func TestBuildRemovesStaleOutput(t *testing.T) {
	fs := afero.NewMemMapFs()
	writeSite(t, fs, "/site", map[string]string{
		"content/articles/le-pont/index.md":   "---\ntitle: Le pont\n---\nLe pont rouvre.\n",
		"content/articles/la-foire/index.md":  "---\ntitle: La foire\n---\nLa foire ferme.\n",
		"static/robots-extra.txt":             "User-agent: *\n",
		"public/.git/HEAD":                    "ref: refs/heads/gh-pages\n",
		"public/.nojekyll":                    "",
		"public/articles/ancien/index.html":   "a page of a build long gone",
		"public/articles/ancien/photo.jpg":    "jpeg",
		"public/articles/la-foire/extra.html": "a stale file beside a live page",
		"public/vieux/1999/01/index.html":     "a month of a build long gone",
		"public/brouillons/.keep":             "",
	})
	opts := Options{Fs: fs, WorkingDir: "/site", Theme: testTheme}
	res, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed != 4 {
		t.Errorf("the first build removed %d files, want 4 (ancien/index.html, ancien/photo.jpg, la-foire/extra.html, vieux/1999/01/index.html)", res.Removed)
	}
	if err := fs.RemoveAll("/site/content/articles/la-foire"); err != nil {
		t.Fatal(err)
	}
	if res, err = Build(opts); err != nil {
		t.Fatal(err)
	}
	if res.Removed != 1 {
		t.Errorf("the second build removed %d files, want 1 (la-foire/index.html)", res.Removed)
	}
	for _, c := range []struct {
		msg, name string
		want      bool
	}{
		{"the deleted article's page", "/site/public/articles/la-foire/index.html", false},
		{"the deleted article's folder", "/site/public/articles/la-foire", false},
		{"a page of an old build", "/site/public/articles/ancien", false},
		{"a folder that held only emptied folders", "/site/public/vieux", false},
		{"a folder that holds a dot file", "/site/public/brouillons/.keep", true},
		{"the live article", "/site/public/articles/le-pont/index.html", true},
		{"a static file, unchanged since the last build", "/site/public/robots-extra.txt", true},
		{"a dot folder", "/site/public/.git/HEAD", true},
		{"a dot file", "/site/public/.nojekyll", true},
		{"the home page", "/site/public/index.html", true},
	} {
		if ok, _ := afero.Exists(fs, c.name); ok != c.want {
			t.Errorf("%s (%s): exists is %v, want %v", c.msg, c.name, ok, c.want)
		}
	}
}

// TestPublishDirMustNotHoldTheSite checks that a destination over the site's own files is
// refused before anything is written.
func TestPublishDirMustNotHoldTheSite(t *testing.T) {
	for _, c := range []struct{ msg, dest string }{
		{"the site folder", "."},
		{"the folder above it", ".."},
		{"the content folder", "content"},
		{"a folder inside content", "content/public"},
		{"an input folder", "scrapes"},
	} {
		fs := afero.NewMemMapFs()
		writeSite(t, fs, "/home/anne/site", map[string]string{"content/articles/le-pont/index.md": "---\ntitle: Le pont\n---\n"})
		_, err := Build(Options{Fs: fs, WorkingDir: "/home/anne/site", Theme: testTheme, Destination: c.dest, Inputs: []string{"/home/anne/site/scrapes"}})
		if !errors.Is(err, ErrPublishDir) {
			t.Errorf("%s: Build returned %v, want ErrPublishDir", c.msg, err)
		}
		if ok, _ := afero.Exists(fs, "/home/anne/site/content/articles/le-pont/index.md"); !ok {
			t.Errorf("%s: the article is gone", c.msg)
		}
	}
}

// TestPublishDirMustNotHoldALanguageFolder refuses a destination over the content folder of
// one of the site's languages, which a build would otherwise clear of its pages.
func TestPublishDirMustNotHoldALanguageFolder(t *testing.T) {
	fs := afero.NewMemMapFs()
	writeSite(t, fs, "/home/anne/site", map[string]string{
		"hugo.toml":                            "defaultContentLanguage = \"fr\"\n[languages.fr]\n  weight = 1\n[languages.en]\n  weight = 2\n  contentDir = \"english\"\n",
		"english/articles/the-bridge/index.md": "---\ntitle: The bridge\n---\n",
	})
	_, err := Build(Options{Fs: fs, WorkingDir: "/home/anne/site", Theme: testTheme, Destination: "english"})
	if !errors.Is(err, ErrPublishDir) {
		t.Errorf("Build returned %v, want ErrPublishDir", err)
	}
	if ok, _ := afero.Exists(fs, "/home/anne/site/english/articles/the-bridge/index.md"); !ok {
		t.Errorf("the English article is gone")
	}
}

// TestBuildWritesEachFileOnce builds a site whose authors have accents and an apostrophe in
// their names, with the profiles an import writes for them: each author has one page, at the
// address without accents, showing both the profile and the articles, and no file of the
// build is written twice (two pages at one address would write it from two goroutines).
func TestBuildWritesEachFileOnce(t *testing.T) {
	fs := afero.NewMemMapFs()
	writeSite(t, fs, "/site", map[string]string{
		"content/articles/le-pont/index.md":  "---\ntitle: Le pont\nauthors: [Adèle Castaing, Zoé L'Hermite]\n---\nLe pont rouvre.\n",
		"content/articles/la-foire/index.md": "---\ntitle: La foire\nauthors: [Adèle Castaing]\n---\nLa foire ferme.\n",
	})
	opts := Options{Fs: fs, WorkingDir: "/site", Theme: fstest.MapFS{
		"layouts/baseof.html": {Data: []byte(`{{ block "main" . }}{{ end }}`)},
		"layouts/home.html":   {Data: []byte(`{{ define "main" }}home{{ end }}`)},
		"layouts/page.html":   {Data: []byte(`{{ define "main" }}{{ .Title }}{{ end }}`)},
		"layouts/list.html":   {Data: []byte(`{{ define "main" }}{{ .Title }}: {{ .Content }} {{ range .Pages }}[{{ .Title }}]{{ end }}{{ end }}`)},
	}}
	layout, err := ReadLayout(opts, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Adèle Castaing", "Zoé L'Hermite"} {
		if _, err := layout.Target.WriteAuthorProfile(fs, layout.ContentDir, name); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rewritten) > 0 {
		t.Errorf("the build wrote these files more than once: %v", res.Rewritten)
	}
	for _, c := range []struct{ msg, name, want string }{
		{"the page of an author with accents", "/site/public/authors/adele-castaing/index.html", "Adèle Castaing:  [La foire][Le pont]"},
		{"the page of an author with an apostrophe", "/site/public/authors/zoe-lhermite/index.html", "Zoé L&#39;Hermite:  [Le pont]"},
	} {
		if got := read(t, fs, c.name); got != c.want {
			t.Errorf("%s (%s) is %q, want %q", c.msg, c.name, got, c.want)
		}
	}
}

func TestEmptyDir(t *testing.T) {
	fsys := afero.NewMemMapFs()
	if err := fsys.MkdirAll("/site/empty", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(fsys, "/site/public/.git/HEAD", []byte("ref"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		msg, dir string
		want     bool
	}{
		{"a missing folder holds nothing of earlier builds", "/site/missing", true},
		{"an empty folder neither", "/site/empty", true},
		{"a folder holding anything, a dot folder even, is read", "/site/public", false},
	} {
		if got := emptyDir(fsys, c.dir); got != c.want {
			t.Errorf("%s: emptyDir(%s) = %v, want %v", c.msg, c.dir, got, c.want)
		}
	}
}

// TestPruneKeepsALinkedFolder: public/img is a symbolic link to a folder outside the publish
// folder, and the build writes static/img/logo.png through it. Prune neither enters the link
// nor removes it: the files of the linked folder the build did not write stay.
func TestPruneKeepsALinkedFolder(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	fs := afero.NewOsFs()
	writeSite(t, fs, site, map[string]string{
		"content/articles/le-pont/index.md": "---\ntitle: Le pont\n---\nLe pont rouvre.\n",
		"static/img/logo.png":               "png",
	})
	shared := filepath.Join(root, "shared-img")
	os.MkdirAll(shared, 0o755)
	os.WriteFile(filepath.Join(shared, "archive-1998.jpg"), []byte("jpeg"), 0o644)
	os.MkdirAll(filepath.Join(site, "public"), 0o755)
	if err := os.Symlink(shared, filepath.Join(site, "public", "img")); err != nil {
		t.Skip(err)
	}
	if _, err := Build(Options{Fs: fs, WorkingDir: site, Theme: testTheme}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(shared, "archive-1998.jpg")); err != nil {
		t.Errorf("a file outside the publish folder was removed: %v", err)
	}
	if fi, err := os.Lstat(filepath.Join(site, "public", "img")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink public/img is gone or replaced: %v", err)
	}
}
