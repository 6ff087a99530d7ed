package bundle

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/gohugoio/hugo/parser/pageparser"
	"github.com/spf13/afero"
	"github.com/spf13/cast"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// halle is an article of a fictional newsroom, with everything a site's own keys may want.
var halle = &article.Article{
	Page:     "/actualites/la-halle-rouvre",
	Title:    "La halle de Valmont rouvre",
	Subtitle: "Trois ans de travaux pour la charpente",
	Date:     time.Date(2026, 3, 14, 8, 0, 0, 0, time.FixedZone("", 3600)),
	Authors:  []string{"Anne Delorme", "Paul Vernet"},
	Tags:     []string{"Valmont", "Patrimoine"},
	Image:    article.Block{Kind: article.Image, Src: "halle.jpg", Text: "La charpente"},
	Body:     []article.Block{{Kind: article.Paragraph, Text: "Les marchands reviennent samedi."}},
	Source:   article.Source{Path: "scrapes/halle.txt", Format: "text", SHA256: "ab12"},
	Lang:     "fr",
}

// TestTargetRender writes the front matter a site asks for: its format, its taxonomy names,
// its own keys besides kiosque's, and kiosque's keys kept for the sidebar and re-imports.
func TestTargetRender(t *testing.T) {
	site := Target{Section: "actualites", Authors: "auteurs", Tags: "mots-cles",
		Keys: map[string]string{FieldAuthor: "author", FieldImage: "featured_image", FieldDescription: "description"}}
	for _, c := range []struct {
		msg    string
		format metadecoders.Format
		opens  string
	}{
		{"TOML", metadecoders.TOML, "+++\n"},
		{"YAML", metadecoders.YAML, "---\n"},
		{"JSON", metadecoders.JSON, "{\n"},
	} {
		tg := site
		tg.Format = c.format
		data, err := tg.Render(halle)
		if err != nil {
			t.Fatalf("%s: %v", c.msg, err)
		}
		if !bytes.HasPrefix(data, []byte(c.opens)) {
			t.Errorf("%s: the page opens with %q, want %q", c.msg, data[:min(len(data), 10)], c.opens)
		}
		cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: Hugo cannot read the page back: %v\n%s", c.msg, err, data)
		}
		fm := cf.FrontMatter
		if cf.FrontMatterFormat != c.format {
			t.Errorf("%s: Hugo reads the front matter as %q", c.msg, cf.FrontMatterFormat)
		}
		for key, want := range map[string]string{
			"auteurs":        "[Anne Delorme Paul Vernet]",
			"mots-cles":      "[Valmont Patrimoine]",
			"author":         "Anne Delorme, Paul Vernet",
			"featured_image": "halle.jpg",
			"description":    "Trois ans de travaux pour la charpente",
			"subtitle":       "Trois ans de travaux pour la charpente",
			"title":          "La halle de Valmont rouvre",
		} {
			if got := strings.Join(strings.Fields(cast.ToString(fm[key])), " "); key == "auteurs" || key == "mots-cles" {
				got = "[" + strings.Join(cast.ToStringSlice(fm[key]), " ") + "]"
				if got != want {
					t.Errorf("%s: %s = %s, want %s", c.msg, key, got, want)
				}
			} else if got != want {
				t.Errorf("%s: %s = %q, want %q", c.msg, key, got, want)
			}
		}
		for _, gone := range []string{"authors", "tags"} {
			if _, ok := fm[gone]; ok {
				t.Errorf("%s: the page still has %q: the site's taxonomy is named otherwise", c.msg, gone)
			}
		}
		img, _ := fm["image"].(map[string]any)
		src, _ := fm["source"].(map[string]any)
		if cast.ToString(img["src"]) != "halle.jpg" || cast.ToString(src["file"]) != "scrapes/halle.txt" || fm["related"] == nil {
			t.Errorf("%s: kiosque's own keys are lost: image %v, source %v, related %v", c.msg, fm["image"], fm["source"], fm["related"])
		}
		if !strings.Contains(string(cf.Content), "Les marchands reviennent samedi.") {
			t.Errorf("%s: the body is lost: %q", c.msg, cf.Content)
		}
		fsys := afero.NewMemMapFs()
		if err := afero.WriteFile(fsys, "/c/actualites/la-halle-rouvre/index.md", data, 0o644); err != nil {
			t.Fatal(err)
		}
		pages, errs := tg.LoadPages(fsys, "/c", nil)
		if len(errs) > 0 || len(pages) != 1 || strings.Join(pages[0].Authors, ",") != "Anne Delorme,Paul Vernet" || strings.Join(pages[0].Tags, ",") != "Valmont,Patrimoine" {
			t.Errorf("%s: LoadPages reads back %v %v", c.msg, pages, errs)
		}
	}
}

// TestTargetRenderPlain keeps kiosque's own site writing what it always wrote, byte for
// byte: the manifest's digests of earlier imports still match.
func TestTargetRenderPlain(t *testing.T) {
	want, err := Render(halle)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		msg string
		tg  Target
	}{
		{"the zero Target", Target{}},
		{"kiosque's names spelled out", Target{Section: "articles", Authors: "authors", Tags: "tags", Format: metadecoders.YAML}},
	} {
		got, err := c.tg.Render(halle)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: Render wrote\n%s\nwant\n%s (%v)", c.msg, got, want, err)
		}
	}
}

// TestTargetProfile writes author profiles in the site's taxonomy folder and format.
func TestTargetProfile(t *testing.T) {
	fsys := afero.NewMemMapFs()
	tg := Target{Authors: "auteurs", Format: metadecoders.TOML}
	created, err := tg.WriteAuthorProfile(fsys, "/c", "Anne Delorme")
	if err != nil || !created {
		t.Fatalf("WriteAuthorProfile = %v, %v", created, err)
	}
	data, err := afero.ReadFile(fsys, "/c/auteurs/anne-delorme/_index.md")
	if err != nil {
		t.Fatal(err)
	}
	cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(data))
	if err != nil || cf.FrontMatterFormat != metadecoders.TOML || cf.FrontMatter["title"] != "Anne Delorme" {
		t.Errorf("profile %q: want TOML front matter titled Anne Delorme (%v)", data, err)
	}
	if ok, err := tg.AuthorProfileExists(fsys, "/c", "Anne Delorme"); !ok || err != nil {
		t.Errorf("AuthorProfileExists = %v, %v", ok, err)
	}
}

// TestProfileFolders names each author's profile folder as Hugo keys the author's page, and
// moves a profile an earlier import wrote under the address's spelling, with its photo.
func TestProfileFolders(t *testing.T) {
	fsys := afero.NewMemMapFs()
	tg := Target{}
	for name, data := range map[string]string{
		"/c/authors/adele-castaing/_index.md": "---\ntitle: Adèle Castaing\n---\nJournaliste à Valmont.\n",
		"/c/authors/adele-castaing/photo.jpg": "jpeg",
		"/c/authors/loic-estrade/_index.md":   "---\ntitle: Loïc Estrade (old)\n---\n",
		"/c/authors/loïc-estrade/_index.md":   "---\ntitle: Loïc Estrade\n---\n",
	} {
		if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ msg, name, moved, folder string }{
		{"a name with accents, profiled by an earlier import", "Adèle Castaing", "/c/authors/adele-castaing", "/c/authors/adèle-castaing"},
		{"the same name again", "Adèle Castaing", "", "/c/authors/adèle-castaing"},
		{"a name whose page has its profile already", "Loïc Estrade", "", "/c/authors/loïc-estrade"},
		{"a name without accents", "Anne Delorme", "", "/c/authors/anne-delorme"},
		{"a name with an apostrophe", "Zoé L'Hermite", "", "/c/authors/zoé-l'hermite"},
	} {
		moved, err := tg.MoveAuthorProfile(fsys, "/c", c.name)
		if err != nil || moved != c.moved {
			t.Errorf("%s: MoveAuthorProfile(%q) = %q, %v, want %q", c.msg, c.name, moved, err, c.moved)
		}
		if _, err := tg.WriteAuthorProfile(fsys, "/c", c.name); err != nil {
			t.Errorf("%s: WriteAuthorProfile(%q): %v", c.msg, c.name, err)
		}
		if ok, _ := afero.Exists(fsys, c.folder+"/_index.md"); !ok {
			t.Errorf("%s: no profile in %s", c.msg, c.folder)
		}
	}
	for _, c := range []struct{ msg, name, want string }{
		{"the moved profile", "/c/authors/adèle-castaing/_index.md", "---\ntitle: Adèle Castaing\n---\nJournaliste à Valmont.\n"},
		{"the moved photo", "/c/authors/adèle-castaing/photo.jpg", "jpeg"},
		{"an old folder left as it is when the page has its profile", "/c/authors/loic-estrade/_index.md", "---\ntitle: Loïc Estrade (old)\n---\n"},
	} {
		if got, err := afero.ReadFile(fsys, c.name); err != nil || string(got) != c.want {
			t.Errorf("%s: %s is %q (%v), want %q", c.msg, c.name, got, err, c.want)
		}
	}
	if ok, _ := afero.Exists(fsys, "/c/authors/adele-castaing"); ok {
		t.Errorf("the old folder of the moved profile is still there")
	}
}

// TestTargetTranslations writes an article in another language of the site as the bundle's
// index.<lang>.md, and reads it back as the bundle's page.
func TestTargetTranslations(t *testing.T) {
	tg := Target{Section: "actualites", Translations: []string{"en"}}
	for _, c := range []struct{ msg, lang, want string }{
		{"the site's other language", "en", "index.en.md"},
		{"the default language", "fr", "index.md"},
		{"a language the site does not have", "es", "index.md"},
		{"no language detected", "", "index.md"},
	} {
		if got := tg.IndexFile(c.lang); got != c.want {
			t.Errorf("%s: IndexFile(%q) = %q, want %q", c.msg, c.lang, got, c.want)
		}
	}
	fsys := afero.NewMemMapFs()
	a := *halle
	a.Lang, a.Title, a.Page = "en", "The market hall reopens", "/actualites/the-market-hall-reopens"
	w := &Writer{Fs: fsys, ContentDir: "/c", Target: tg, Manifest: &Manifest{Entries: map[string]Entry{}}}
	p, err := w.Plan(&a, "actualites/the-market-hall-reopens")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(p); err != nil {
		t.Fatal(err)
	}
	if _, err := fsys.Stat("/c/actualites/the-market-hall-reopens/index.en.md"); err != nil {
		t.Errorf("the English article is not index.en.md: %v", err)
	}
	pages, errs := tg.LoadPages(fsys, "/c", nil)
	if len(errs) > 0 || len(pages) != 1 || pages[0].Page != "/actualites/the-market-hall-reopens" {
		t.Errorf("LoadPages = %v %v, want the bundle's page", pages, errs)
	}
}

// TestTargetFolders writes an article in a language with a content folder of its own into
// that folder, records the folder in the manifest, and reads the pages of every folder.
func TestTargetFolders(t *testing.T) {
	tg := Target{Section: "actualites", Folders: map[string]string{"en": "/c/en", "de": "/c/de"}}
	for _, c := range []struct{ msg, lang, folder, dir string }{
		{"a language with a folder of its own", "en", "en", "/c/en"},
		{"the default language", "fr", "", "/c/fr"},
		{"a language the site does not have", "es", "", "/c/fr"},
		{"no language detected", "", "", "/c/fr"},
	} {
		if got := tg.Folder(c.lang); got != c.folder {
			t.Errorf("%s: Folder(%q) = %q, want %q", c.msg, c.lang, got, c.folder)
		}
		if got := tg.Dir("/c/fr", tg.Folder(c.lang)); got != c.dir {
			t.Errorf("%s: Dir = %q, want %q", c.msg, got, c.dir)
		}
	}
	if got, want := tg.Dirs("/c/fr"), []string{"/c/fr", "/c/de", "/c/en"}; !slices.Equal(got, want) {
		t.Errorf("Dirs = %q, want %q", got, want)
	}
	fsys := afero.NewMemMapFs()
	m := &Manifest{Entries: map[string]Entry{}}
	w := &Writer{Fs: fsys, ContentDir: "/c/fr", Target: tg, Manifest: m}
	for _, lang := range []string{"fr", "en"} {
		a := *halle
		a.Lang, a.Source.Path = lang, "scrapes/halle-"+lang+".txt"
		p, err := w.Plan(&a, "actualites/halle-"+lang)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Commit(p); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"/c/fr/actualites/halle-fr/index.md", "/c/en/actualites/halle-en/index.md"} {
		if _, err := fsys.Stat(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if e := m.Entries["scrapes/halle-en.txt"]; e.Folder != "en" || m.Entries["scrapes/halle-fr.txt"].Folder != "" {
		t.Errorf("manifest %+v: want the English bundle in folder en", m.Entries)
	}
	pages, errs := tg.LoadPages(fsys, "/c/fr", nil)
	var got []string
	for _, p := range pages {
		got = append(got, p.Page)
	}
	slices.Sort(got)
	if want := []string{"/actualites/halle-en", "/actualites/halle-fr"}; len(errs) > 0 || !slices.Equal(got, want) {
		t.Errorf("LoadPages = %q %v, want %q", got, errs, want)
	}
}

// TestTargetFoldersNested reads once the pages of a language's folder inside the default
// one (content/en in content), as Hugo does.
func TestTargetFoldersNested(t *testing.T) {
	tg := Target{Folders: map[string]string{"en": "/c/en"}}
	fsys := afero.NewMemMapFs()
	for _, name := range []string{"/c/articles/la-halle/index.md", "/c/en/articles/the-hall/index.md"} {
		if err := afero.WriteFile(fsys, name, []byte("---\ntitle: T\n---\n\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, errs := tg.LoadPages(fsys, "/c", nil)
	var got []string
	for _, p := range pages {
		got = append(got, p.Page)
	}
	slices.Sort(got)
	if want := []string{"/articles/la-halle", "/articles/the-hall"}; len(errs) > 0 || !slices.Equal(got, want) {
		t.Errorf("LoadPages = %q %v, want %q", got, errs, want)
	}
}
