package importer

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

// The scrapes of a fictional newsroom writing in French and in English.
const (
	tramFr = "Le tramway de Morlanges roule jusqu’à la gare\nPar Julien Averty\nLa ligne du tramway de Morlanges rejoint la gare depuis lundi matin, après deux ans de travaux sur le boulevard des Tilleuls.\nLes rames passent toutes les huit minutes aux heures de pointe.\n"
	tramEn = "The Morlanges tram reaches the station\nBy Tessa Harlow\nThe Morlanges tram line has run to the railway station since Monday morning, after two years of work along the Tilleuls boulevard.\nTrams call every eight minutes at rush hour.\n"
)

// languageSite returns a site whose English articles have a content folder of their own
// (content/en) beside the default French one (content/fr), and the options of its import.
func languageSite(t *testing.T) (afero.Fs, Options) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	writeFile(t, fsys, site+"/scrapes/tram-fr.txt", tramFr)
	writeFile(t, fsys, site+"/scrapes/tram-fr.meta.json", `{"published": "2026-04-13T08:00:00+02:00", "lang": "fr"}`)
	writeFile(t, fsys, site+"/scrapes/tram-en.txt", tramEn)
	writeFile(t, fsys, site+"/scrapes/tram-en.meta.json", `{"published": "2026-04-13T09:00:00+02:00", "lang": "en"}`)
	opts := importOpts(fsys)
	opts.ContentDir = site + "/content/fr"
	opts.Target = bundle.Target{Folders: map[string]string{"en": site + "/content/en"}}
	return fsys, opts
}

// TestLanguageFolders imports into a site whose languages have content folders of their
// own: each article goes to its language's folder, the manifest and the state stay in the
// default one, a re-run reads nothing, and a hand edit in the English folder is kept.
func TestLanguageFolders(t *testing.T) {
	fsys, opts := languageSite(t)
	rep := runImport(t, opts)
	for _, c := range []struct{ msg, source, folder, file string }{
		{"the French article", "scrapes/tram-fr.txt", "", site + "/content/fr/articles/le-tramway-de-morlanges-roule-jusqu-a-la-gare/index.md"},
		{"the English article", "scrapes/tram-en.txt", "en", site + "/content/en/articles/the-morlanges-tram-reaches-the-station/index.md"},
	} {
		var it Item
		for _, i := range rep.Items {
			if i.Source == c.source {
				it = i
			}
		}
		if it.Outcome != bundle.Created || it.Folder != c.folder {
			t.Errorf("%s: item %+v, want created in folder %q", c.msg, it, c.folder)
		}
		if _, err := fsys.Stat(c.file); err != nil {
			t.Errorf("%s: %v", c.msg, err)
		}
	}
	for _, name := range []string{bundle.ManifestName, bundle.StateName} {
		if _, err := fsys.Stat(site + "/content/en/" + name); err == nil {
			t.Errorf("the English folder has a %s of its own", name)
		}
		if _, err := fsys.Stat(site + "/content/fr/" + name); err != nil {
			t.Errorf("the default folder has no %s: %v", name, err)
		}
	}

	count := newOpenCounter(fsys, site+"/scrapes")
	opts.Fs = count
	rep = runImport(t, opts)
	if len(count.opened) != 0 || rep.Count(bundle.Unchanged) != 2 {
		t.Errorf("the re-run opened %v and reported %+v: want nothing opened, 2 unchanged", count.opened, rep.Items)
	}

	opts.Fs = fsys
	edited := site + "/content/en/articles/the-morlanges-tram-reaches-the-station/index.md"
	writeFile(t, fsys, edited, "---\ntitle: The tram reaches the station at last\n---\n\nTrams call every eight minutes.\n")
	rep = runImport(t, opts)
	if n := rep.Count(bundle.Kept); n != 1 {
		t.Errorf("%d bundles kept after a hand edit in the English folder, want 1: %+v", n, rep.Items)
	}
	if data, _ := afero.ReadFile(fsys, edited); !strings.Contains(string(data), "at last") {
		t.Errorf("the hand edit was overwritten:\n%s", data)
	}
}

// TestLanguageFoldersSlugTaken gives a French article a new folder when a page of the
// English folder already has its slug: the two would be each other's translation.
func TestLanguageFoldersSlugTaken(t *testing.T) {
	fsys, opts := languageSite(t)
	writeFile(t, fsys, site+"/content/en/articles/le-tramway-de-morlanges-roule-jusqu-a-la-gare/index.md", "---\ntitle: A note on the tram's French name\n---\n\nA text.\n")
	rep := runImport(t, opts)
	for _, it := range rep.Items {
		if it.Source != "scrapes/tram-fr.txt" {
			continue
		}
		if it.Outcome != bundle.Created || !strings.HasPrefix(it.Bundle, "articles/le-tramway-de-morlanges-roule-jusqu-a-la-gare-") {
			t.Errorf("the French article: %+v, want created in a suffixed folder", it)
		}
		return
	}
	t.Errorf("no item for the French article: %+v", rep.Items)
}
