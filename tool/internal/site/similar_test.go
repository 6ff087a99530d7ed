package site_test

import (
	"bytes"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/afero"
	"golang.org/x/net/html"

	"github.com/kiosque-dev/kiosque"
	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// chroniques is a fictional site of "Le Courrier de Valmont" written by hand: no page but one
// has a similar list in front matter. "Port de Saint-Orvel" is rarer than "Valmont", so
// kiosque lists quai-nord second for the chronicle of the port, where Hugo's related search,
// which weighs every tag alike and breaks ties by date, would list it last.
const chroniques = `
-- hugo.toml --
baseURL = "https://courrier-valmont.example/"
title = "Le Courrier de Valmont"
-- content/articles/Chronique du port.md --
---
title: "Chronique du port"
date: 2024-05-01T08:00:00+02:00
authors: [Lise Marchal]
tags: [Valmont, Port de Saint-Orvel]
---
Les chalutiers rentrent plus tôt cette saison.
-- content/articles/été-à-valmont.md --
---
title: "L’été à Valmont"
date: 2024-04-10T08:00:00+02:00
authors: [Henri Cazals]
tags: [Valmont, Port de Saint-Orvel]
similar: [/articles/marche]
---
Le programme des fêtes de l’été.
-- content/articles/quai-nord/index.md --
---
title: "Le quai nord sera rallongé"
date: 2024-04-01T08:00:00+02:00
authors: [Henri Cazals]
tags: [Port de Saint-Orvel]
---
Vingt mètres de plus pour les ferries.
-- content/articles/marche/index.md --
---
title: "Le marché couvert change d’horaires"
date: 2024-04-20T08:00:00+02:00
authors: [Henri Cazals]
tags: [Valmont]
---
Le marché ouvrira à sept heures.
-- content/articles/mairie/index.md --
---
title: "La mairie rénove sa façade"
date: 2024-04-21T08:00:00+02:00
authors: [Henri Cazals]
tags: [Valmont]
---
Des échafaudages jusqu’en juin.
-- content/articles/ecole/index.md --
---
title: "L’école Jean-Rostand agrandie"
date: 2024-04-22T08:00:00+02:00
authors: [Henri Cazals]
tags: [Valmont]
---
Deux classes de plus à la rentrée.
`

// buildChroniques builds the archive (plus extra files) with Options.Similar set and returns
// the filesystem and what the site folder held before the build.
func buildChroniques(t *testing.T, archive string, extra map[string]string) (afero.Fs, map[string]string) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		extra[f.Name] = string(f.Data)
	}
	for name, data := range extra {
		if err := afero.WriteFile(fsys, "/site/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	opts := site.Options{Fs: fsys, WorkingDir: "/site", Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes(), Log: &log, Similar: true}
	if _, err := site.Build(opts); err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	if strings.Contains(log.String(), "ERROR") || strings.Contains(log.String(), "WARN") {
		t.Errorf("the build logged:\n%s", log.String())
	}
	return fsys, extra
}

// sidebarLinks returns the addresses of a built page's sidebar teasers, none without one.
func sidebarLinks(t *testing.T, fsys afero.Fs, page string) []string {
	t.Helper()
	doc := parsePage(t, fsys, "/site/public/articles/"+page+"/index.html")
	if find(doc, func(n *html.Node) bool { return n.Data == "aside" }) == nil {
		return nil
	}
	var links []string
	for _, tz := range sidebar(t, doc) {
		links = append(links, tz.href)
	}
	return links
}

// TestSimilarFillsWritersPages checks that every page without a similar list in front matter
// gets its sidebar from the lists kiosque computes at build time.
func TestSimilarFillsWritersPages(t *testing.T) {
	fsys, _ := buildChroniques(t, chroniques, map[string]string{})
	for _, c := range []struct {
		name, page string
		want       []string
	}{
		{
			name: "a writer's page (a file name with spaces and capitals) gets kiosque's list, rarest tags first; pages sharing only Valmont, on most pages, fall under the floor",
			page: "chronique-du-port",
			want: []string{"/articles/ete-a-valmont/", "/articles/quai-nord/"},
		},
		{
			name: "a page with similar in front matter keeps it",
			page: "ete-a-valmont",
			want: []string{"/articles/marche/"},
		},
		{
			name: "a bundle gets kiosque's list: the shared author ranks a page sharing its subject first, and links none alone",
			page: "quai-nord",
			want: []string{"/articles/ete-a-valmont/", "/articles/chronique-du-port/"},
		},
	} {
		if got := sidebarLinks(t, fsys, c.page); !slices.Equal(got, c.want) {
			t.Errorf("%s: sidebar of %s\n got %q\nwant %q", c.name, c.page, got, c.want)
		}
	}
}

// TestSiteSimilarDataWins gives the site its own data/kiosque/similar.json: its lists win, page
// by page, over the ones kiosque generates into the theme's data.
func TestSiteSimilarDataWins(t *testing.T) {
	fsys, _ := buildChroniques(t, chroniques, map[string]string{
		"data/kiosque/similar.json": `{"/articles/marche": ["/articles/mairie"], "/articles/quai-nord": []}`,
	})
	for _, c := range []struct {
		name, page string
		want       []string
	}{
		{"the site's own list replaces kiosque's", "marche", []string{"/articles/mairie/"}},
		{"an empty list is a list: no sidebar, and no Hugo related search", "quai-nord", nil},
		{"a page the site's file lacks keeps kiosque's list (Hugo merges the two maps)", "chronique-du-port",
			[]string{"/articles/ete-a-valmont/", "/articles/quai-nord/"}},
	} {
		if got := sidebarLinks(t, fsys, c.page); !slices.Equal(got, c.want) {
			t.Errorf("%s: sidebar of %s\n got %q\nwant %q", c.name, c.page, got, c.want)
		}
	}
}

// TestSimilarNeverWritten checks that the generated lists stay in memory: after the build, the
// site folder holds what it held, plus public/ and the cache of the pages' front matter
// (bundle.PagesCacheName), and no public file is the data.
func TestSimilarNeverWritten(t *testing.T) {
	fsys, before := buildChroniques(t, chroniques, map[string]string{})
	after := map[string]string{}
	err := afero.Walk(fsys, "/site", func(name string, fi fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() {
			return nil
		}
		if strings.HasSuffix(name, "similar.json") {
			t.Errorf("%s was written", name)
		}
		if !strings.HasPrefix(name, "/site/public/") && path.Base(name) != bundle.PagesCacheName {
			data, err := afero.ReadFile(fsys, name)
			if err != nil {
				return err
			}
			after[strings.TrimPrefix(name, "/site/")] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(before, after) {
		t.Errorf("the site folder changed outside public/:\nbefore %q\n after %q", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
}
