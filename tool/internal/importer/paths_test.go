package importer

import (
	"errors"
	"maps"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

// TestManifestCannotLeadOutside imports a scrape whose manifest entry (edited by hand, or
// forged) names a bundle outside the content folder: the scrape fails, and nothing is
// written outside content/.
func TestManifestCannotLeadOutside(t *testing.T) {
	for _, bundleDir := range []string{"../../evil", "articles/../../evil", "/etc/evil", "articles/./x", ".", "articles", "authors/anne-delorme", "articles/a/b"} {
		fsys := afero.NewMemMapFs()
		writeFile(t, fsys, site+"/scrapes/pont.txt", "Le pont des Tanneurs rouvre\nLe pont des Tanneurs a rouvert lundi après six mois de travaux, a annoncé la mairie.\n")
		writeFile(t, fsys, site+"/content/"+bundle.ManifestName, `{"entries": {"scrapes/pont.txt": {"bundle": "`+bundleDir+`", "source_sha256": "x", "written_sha256": "y"}}}`)
		rep := runImport(t, importOpts(fsys))
		if len(rep.Failures) != 1 || rep.Failures[0].File != "scrapes/pont.txt" || !strings.Contains(rep.Failures[0].Reason(), "refusing to write the bundle") {
			t.Errorf("bundle %q: failures %v, want the scrape refused", bundleDir, rep.Failures)
		}
		for name := range snapshot(t, fsys, "/") {
			if !strings.HasPrefix(name, site+"/content/") && !strings.HasPrefix(name, site+"/scrapes/") {
				t.Errorf("bundle %q: %s written outside the content folder", bundleDir, name)
			}
		}
	}
}

// TestSlugsDoNotClash imports articles whose slugs a page of the site already has under
// another case, or as a leaf page, and authors whose profile folder exists in capitals: the
// articles get suffixed folders, no second profile is created, and the writers' pages are
// left alone. On macOS or Windows, the folders would otherwise be the same.
func TestSlugsDoNotClash(t *testing.T) {
	fsys := afero.NewMemMapFs()
	mine := map[string]string{
		site + "/content/articles/Le-Pont-Des-Tanneurs/index.md": "---\ntitle: Mon pont\n---\n",
		site + "/content/articles/la-foire-rouvre.md":            "---\ntitle: Ma foire\n---\n",
		site + "/content/authors/ŁUKASZ-NOWAK/_index.md":         "---\ntitle: Łukasz Nowak\n---\n",
	}
	for name, data := range mine {
		writeFile(t, fsys, name, data)
	}
	writeFile(t, fsys, site+"/scrapes/pont.txt", "Le pont des Tanneurs\nPar Łukasz Nowak\nLe pont des Tanneurs a rouvert lundi après six mois de travaux, a annoncé la mairie.\n")
	writeFile(t, fsys, site+"/scrapes/foire.txt", "La foire rouvre\nPar Łukasz Nowak\nLes forains sont de retour place du Marché pour dix jours, a annoncé le comité.\n")
	rep := runImport(t, importOpts(fsys))
	if len(rep.Failures) != 0 {
		t.Fatalf("failures %v", rep.Failures)
	}
	for _, it := range rep.Items {
		base := path.Base(it.Bundle)
		if it.Outcome != bundle.Created || !strings.HasPrefix(base, "le-pont-des-tanneurs-") && !strings.HasPrefix(base, "la-foire-rouvre-") {
			t.Errorf("%s: %s, want a suffixed folder beside the writer's page", it.Source, it.Bundle)
		}
	}
	if len(rep.Profiles) != 0 {
		t.Errorf("profiles created %q, want none: Łukasz Nowak has one, in capitals", rep.Profiles)
	}
	for name, data := range mine {
		if got, _ := afero.ReadFile(fsys, name); string(got) != data {
			t.Errorf("%s was touched", name)
		}
	}
}

// TestConcurrentImport runs an import while another holds the site: it refuses at once with
// a clear failure, and writes nothing.
func TestConcurrentImport(t *testing.T) {
	fsys := corpusFs(t)
	unlock, err := bundle.Lock(fsys, site+"/content")
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, fsys, site)
	_, err = Run(importOpts(fsys))
	if !errors.Is(err, bundle.ErrLocked) {
		t.Errorf("error %v, want bundle.ErrLocked", err)
	}
	if after := snapshot(t, fsys, site); !maps.Equal(before, after) {
		t.Error("the refused import changed the site")
	}
	unlock()
	if rep := runImport(t, importOpts(fsys)); rep.Count(bundle.Created) != 3 {
		t.Errorf("after the other import: %d created, want 3", rep.Count(bundle.Created))
	}
}

// TestRelPath gives, for paths inside the site folder and outside it, clean or not, what
// filepath.Rel gives, with forward slashes, and the path itself when there is none.
func TestRelPath(t *testing.T) {
	for _, c := range []struct{ msg, dir, p, want string }{
		{"a scrape of the site", "/site", "/site/scrapes/a.txt", "scrapes/a.txt"},
		{"a bundle's file", "/site", "/site/content/articles/x/index.md", "content/articles/x/index.md"},
		{"the site folder itself", "/site", "/site", "."},
		{"a folder that begins like the site's", "/site", "/site2/scrapes/a.txt", "../site2/scrapes/a.txt"},
		{"a scrape beside the site", "/site", "/downloads/a.txt", "../downloads/a.txt"},
		{"a path with a dot element", "/site", "/site/./scrapes/a.txt", "scrapes/a.txt"},
		{"a path that climbs back", "/site", "/site/scrapes/../content/a.md", "content/a.md"},
		{"a doubled separator", "/site", "/site//scrapes/a.txt", "scrapes/a.txt"},
		{"a trailing separator", "/site", "/site/scrapes/", "scrapes"},
		{"a site folder with a trailing separator", "/site/", "/site/scrapes/a.txt", "scrapes/a.txt"},
		{"the root as the site folder", "/", "/scrapes/a.txt", "scrapes/a.txt"},
		{"a relative site folder", "site", "site/scrapes/a.txt", "scrapes/a.txt"},
		{"no site folder", "", "/site/scrapes/a.txt", "/site/scrapes/a.txt"},
		{"a relative path under an absolute folder", "/site", "scrapes/a.txt", "scrapes/a.txt"},
	} {
		if got := relPath(filepath.FromSlash(c.dir), filepath.FromSlash(c.p)); got != c.want {
			t.Errorf("%s: relPath(%q, %q) = %q, want %q", c.msg, c.dir, c.p, got, c.want)
		}
	}
}
