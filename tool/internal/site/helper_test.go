package site_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// picksAcrossLanguages is the bilingual site with editors' picks and similar lists that name
// pages of the other language, a pick under its own title and author, and a similar list of
// the site's own data for a page without one.
const picksAcrossLanguages = bilingualSite + `
-- content/articles/quai/index.md --
---
title: "Le quai nord sera rallongé"
date: 2024-04-01T08:00:00+02:00
authors: [Henri Cazals]
tags: [Port]
source: {lang: fr}
related:
  - page: /articles/bridge
  - page: /articles/pont
    title: "Le pont, enfin"
    author: Lise Marchal
  - page: /articles/pont
  - title: "LE MARCHÉ : NOUVEAUX HORAIRES !"
  - title: "Un article d'ailleurs"
    url: "https://ailleurs.example/"
similar: [/articles/quai, /articles/marche, /articles/absent]
---
Vingt mètres de plus pour les ferries.
-- content/articles/marche/index.md --
---
title: "Le marché : nouveaux horaires !"
date: 2024-04-20T08:00:00+02:00
authors: [Henri Cazals, Lise Marchal]
tags: [Port]
---
Le marché ouvrira à sept heures.
-- english/articles/ferry/index.md --
---
title: "The ferry: a new timetable"
date: 2024-05-02T08:30:00+02:00
authors: [Henri Cazals]
related:
  - page: /articles/quai
similar: [/articles/bridge]
---
Ferries leave earlier.
-- data/kiosque/similar.json --
{"/articles/marche": ["/articles/quai", "/articles/bridge"]}
`

// typesetting is a French site whose text tries the typography and the cut of summaries:
// runs of spaces and tabs before every mark, guillemets, a mark at the very start, entities,
// tags, an English article and a German one, Japanese words at the cut, and a description over
// several lines.
const typesetting = `
-- hugo.toml --
baseURL = "https://courrier-valmont.example/"
title = "Le Courrier de Valmont"
-- content/articles/pont/index.md --
---
title: "Le  pont\t: enfin «  rouvert\t» ; vraiment ?  Oui  !"
subtitle: "« Un\tpont » :  la ville respire"
date: 2024-03-12T08:30:00+01:00
authors: [Anne Delorme]
tags: [Valmont]
similar: [/articles/bridge, /articles/note, /articles/kanji]
---
La mairie l’a confirmé  : les bus reprennent leur trajet ! Les riverains , eux , demandent « plus  de\tbancs » ; la maire répond  ? « Bientôt ».

Le chantier a coûté 12 millions d’euros & il a duré dix-huit mois : une éternité pour les commerçants du quai, qui ont vu leur chiffre d’affaires baisser de moitié pendant les travaux.
-- content/articles/bridge/index.md --
---
title: "The bridge : open again !"
date: 2024-03-11T08:30:00+01:00
authors: [Paul Vernet]
tags: [Valmont]
source: {lang: en}
similar: [/articles/pont]
---
Traffic resumes : buses run again ! Residents ask « more benches » ; the mayor says ? Soon. The works cost 12 million euros and lasted eighteen months, a long time for the shops on the quay.
-- content/articles/note/index.md --
---
title: " : une note"
description: "Une note\n\tsur   trois lignes :\n&amp; un <b>mot</b> en gras, et une fin assez longue pour être coupée au bon endroit, après cent soixante caractères au moins, ici."
date: 2024-03-10T08:30:00+01:00
tags: [Valmont]
---
Une note.
-- content/articles/bericht/index.md --
---
title: "Ein Bericht : auf Deutsch"
date: 2024-03-08T08:30:00+01:00
tags: [Valmont]
source: {lang: de}
similar: [/articles/pont, /articles/bridge]
---
Ein Bericht über die Brücke.
-- content/articles/kanji/index.md --
---
title: "Des mots japonais"
date: 2024-03-09T08:30:00+01:00
tags: [Valmont]
---
Un texte qui finit par des mots japonais pour voir où la coupe tombe quand les mots n’ont pas d’espace entre eux : 日本語の文章はスペースなしで続きますので切れ目は文字ごとになります東京大阪京都名古屋札幌福岡.
`

// TestHelperMatchesTemplates builds sites with the theme's Go helper and without it (as a
// live preview or Hugo alone would) and compares every file they publish: the helper must
// give the theme's pages to the byte.
func TestHelperMatchesTemplates(t *testing.T) {
	for _, c := range []struct {
		name, archive string
		similar       bool
	}{
		{"the sidebar rules, and Hugo's related content for a page without similar", newsroom, false},
		{"similar lists computed at build", chroniques, true},
		{"picks and similar pages across languages, and the site's own data", picksAcrossLanguages, false},
		{"typography and summaries cut", typesetting, false},
		{"text as written", typed, false},
	} {
		without, _, log := buildSiteOpts(t, c.archive, nil, site.Options{Similar: c.similar})
		with, _, log2 := buildSiteOpts(t, c.archive, nil, site.Options{Similar: c.similar, Helper: true})
		if log != log2 {
			t.Errorf("%s: the build logged\n%s\nand with the helper\n%s", c.name, log, log2)
		}
		n := 0
		err := afero.Walk(without, "/site/public", func(name string, fi fs.FileInfo, err error) error {
			if err != nil || fi.IsDir() {
				return err
			}
			n++
			a, _ := afero.ReadFile(without, name)
			b, err := afero.ReadFile(with, name)
			switch {
			case err != nil:
				t.Errorf("%s: %s is missing from the build with the helper", c.name, name)
			case !bytes.Equal(a, b):
				t.Errorf("%s: %s differs with the helper:\n%s", c.name, name, firstDifference(string(a), string(b)))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n < 10 {
			t.Errorf("%s: only %d files published", c.name, n)
		}
	}
}

// TestHelperDoesTheWork checks that a build with the helper leaves the sidebar's page lookups
// to it: the template's own path looks pages up in other languages (find-page.html) for
// the picks and similar pages that do not resolve in the page's.
func TestHelperDoesTheWork(t *testing.T) {
	for _, helper := range []bool{false, true} {
		_, res, _ := buildSiteOpts(t, picksAcrossLanguages, nil, site.Options{Helper: helper, TemplateMetrics: true})
		calls := 0
		for _, tt := range res.Templates {
			if tt.Name == "_partials/kiosque/find-page.html" {
				calls = tt.Count
			}
		}
		if helper && calls > 0 || !helper && calls == 0 {
			t.Errorf("with the helper %v, find-page.html ran %d times: want none with it, some without", helper, calls)
		}
	}
}

// firstDifference shows where a and b part: the line of each.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return "one is longer"
}
