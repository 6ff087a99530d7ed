package importer

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/parser/pageparser"
	"github.com/spf13/afero"
	"github.com/spf13/cast"

	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
	kiosquesite "github.com/kiosque-dev/kiosque/tool/internal/site"
)

// nastyDir is the corpus of bad and hostile inputs, with the outcome each must have.
const nastyDir = "testdata/nasty"

// nastyFs returns a memory filesystem holding the nasty corpus as a site folder.
func nastyFs(t *testing.T) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	err := filepath.WalkDir(nastyDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == "want.txt" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(nastyDir, p)
		writeFile(t, fsys, path.Join(site, filepath.ToSlash(rel)), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestNastyCorpus imports the corpus of bad and hostile inputs: exactly the failures, pages
// and duplicates of want.txt, nothing written outside content/, every page readable by Hugo,
// and the hostile names, tags and addresses cleaned.
func TestNastyCorpus(t *testing.T) {
	fsys := nastyFs(t)
	cfg, err := kiosquesite.LoadUserConfig(fsys, site, "production")
	if err != nil {
		t.Fatal(err)
	}
	opts := importOpts(fsys)
	if opts.Scrape.Limits, err = scrape.LimitsFromConfig(cfg.Get("params.kiosque.limits")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, fsys, "/")
	rep := runImport(t, opts)

	var got []string
	for _, f := range rep.Failures {
		got = append(got, "error "+f.Error())
	}
	for _, it := range rep.Items {
		got = append(got, "page "+it.Bundle)
	}
	for _, d := range rep.Duplicates {
		got = append(got, "duplicate "+d.Source+" of "+d.Of)
	}
	data, err := os.ReadFile(filepath.Join(nastyDir, "want.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			want = append(want, l)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("missing: %s", l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("unexpected: %s", l)
		}
	}

	for name, data := range snapshot(t, fsys, "/") {
		if _, ok := before[name]; ok {
			continue
		}
		if !strings.HasPrefix(name, site+"/content/") {
			t.Errorf("%s written outside content/", name)
			continue
		}
		if !strings.HasSuffix(name, ".md") {
			continue
		}
		cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader([]byte(data)))
		if err != nil {
			t.Errorf("%s: Hugo cannot read it: %v", name, err)
			continue
		}
		if strings.ContainsAny(data, "\uFFFD") || strings.Contains(data, "Ã") {
			t.Errorf("%s: mojibake or replacement characters:\n%s", name, data)
		}
		items, err := pageparser.ParseBytes([]byte(data), pageparser.Config{})
		if err != nil {
			t.Errorf("%s: Hugo cannot parse it: %v", name, err)
		}
		for _, it := range items {
			if it.IsLeftShortcodeDelim() || it.IsError() {
				t.Errorf("%s: Hugo finds a shortcode or an error: %q", name, it.ValStr([]byte(data)))
			}
		}
		for _, key := range []string{"authors", "tags"} {
			for _, term := range cast.ToStringSlice(cf.FrontMatter[key]) {
				if strings.ContainsAny(term, "<>") || strings.ContainsFunc(term, isHidden) {
					t.Errorf("%s: %s %q holds markup or hidden characters", name, key, term)
				}
			}
		}
		if strings.ContainsFunc(cast.ToString(cf.FrontMatter["title"]), isHidden) {
			t.Errorf("%s: title %q holds hidden characters", name, cf.FrontMatter["title"])
		}
		for _, r := range cast.ToSlice(cf.FrontMatter["related"]) {
			if u := cast.ToString(cast.ToStringMap(r)["url"]); u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
				t.Errorf("%s: related url %q", name, u)
			}
		}
	}

	for _, c := range []struct{ msg, bundle, key, want string }{
		{"markup out of a sidecar's author", "articles/la-foire-de-valmont-rouvre", "authors", "Auteur Piégé"},
		{"a script out of a sidecar's author", "articles/la-foire-de-valmont-rouvre", "authors", "Lucie Varenne"},
		{"markup out of a sidecar's tag", "articles/la-foire-de-valmont-rouvre", "tags", "Valmont"},
		{"an entity decoded in a tag", "articles/la-foire-de-valmont-rouvre", "tags", "Foire & marchés"},
		{"a javascript: link out of a tag", "articles/la-foire-de-valmont-rouvre", "tags", "Piège"},
		{"markup out of a record's author", "articles/le-marche-de-noel-ouvre-ses-portes", "authors", "Anne Delorme"},
		{"markup and a script out of an HTML page's byline", "articles/le-marche-couvert-de-miraval-rouvre", "authors", "Lise Arnaud"},
		{"a zero-width space and a bidi override out of a byline", "articles/le-port-de-saint-orvel-uevuor-rouvre-ses-quais", "authors", "Anne Delorme"},
	} {
		if fm := readBundle(t, fsys, c.bundle); c.key == "authors" && !slices.Contains(fm.Authors, c.want) || c.key == "tags" && !slices.Contains(fm.Tags, c.want) {
			t.Errorf("%s: %s has %s %q %q, want %q among them", c.msg, c.bundle, c.key, fm.Authors, fm.Tags, c.want)
		}
	}
	for _, c := range []struct{ msg, bundle, want string }{
		{"Windows-1252 lines after UTF-8 ones", "articles/marche-de-noel-les-chalets-reviennent-place-du-marche", "Le maire a salué « une fête retrouvée » devant les commerçants de Valmont."},
		{"a Windows-1252 file", "articles/les-pecheurs-de-port-aubrac-fetent-la-saint-pierre", "La fête s’est achevée par un bal sur la place de l’Église."},
		{"a UTF-8 file cut in the middle of its last character keeps its accents", "articles/la-fete-du-cidre-attire-dix-mille-visiteurs-a-miraval", "Dix mille visiteurs se sont pressés dimanche"},
		{"a script in the body stays text", "articles/le-conseil-de-valmont-vote-le-budget-youtube-x-script-alert-1-script", `\<script\>alert(document.cookie)\</script\>`},
		{"a shortcode in the title stays text", "articles/le-conseil-de-valmont-vote-le-budget-youtube-x-script-alert-1-script", "title: Le conseil de Valmont vote le budget {{< youtube x >}} <script>alert(1)</script>\n"},
		{"front matter delimiters in the body stay text", "articles/le-conseil-de-valmont-vote-le-budget-youtube-x-script-alert-1-script", "\n\n\\-\\--\n\n"},
		{"heading attributes in the body stay text", "articles/le-conseil-de-valmont-vote-le-budget-youtube-x-script-alert-1-script", `\#\# Notre avis \{\#sondage .rouge}`},
		{"a NUL byte out of a record's text", "articles/un-nul-et-un-retour", "Le texte dun record avec un caractère nul."},
	} {
		data, _ := afero.ReadFile(fsys, path.Join(site, "content", c.bundle, "index.md"))
		if !strings.Contains(string(data), c.want) {
			t.Errorf("%s: %s lacks %q:\n%s", c.msg, c.bundle, c.want, data)
		}
	}
	if fm := readBundle(t, fsys, "articles/etc-passwd"); len(fm.Aliases) != 0 {
		t.Errorf("a parent folder in the address gave aliases %q", fm.Aliases)
	}
}

// isHidden reports whether r is a control or format character, which a title, a name or a
// tag never shows.
func isHidden(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x200b || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0xfeff
}
