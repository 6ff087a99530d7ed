package scrape

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// htmlCase is what a test page must read as; every field is written by hand from the page.
type htmlCase struct {
	file, msg    string
	title        string
	authors      []string
	date         string // RFC 3339
	lang         string
	related      []article.Teaser
	first, last  string // the body's first and last blocks
	notInBody    []string
	dropped      []article.Dropped
	image        string // the lead image's address
	caption      string
	credit       string
	extra        func(t *testing.T, a article.Article)
	bodyHeadings []string
}

func readTestPage(t *testing.T, name string) article.Article {
	t.Helper()
	arts, err := Read(afero.NewOsFs(), filepath.Join("testdata", "html", name), Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(arts) != 1 {
		t.Fatalf("%s: %d articles, want 1", name, len(arts))
	}
	return arts[0]
}

func TestReadHTMLPages(t *testing.T) {
	mustDate := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	const echo = "https://www.echo-bocage.example"
	const ledger = "https://millbrook-ledger.example"
	for _, tc := range []htmlCase{
		{
			file: "liste.html", msg: "a list of links under « La rédaction vous conseille »",
			title:   "La halle de Valmont rouvre après deux ans de travaux",
			authors: []string{"Claire Fontaine"},
			date:    "2024-03-09T07:30:00+01:00", lang: "fr",
			related: []article.Teaser{
				{Title: "Le parking de la mairie rendu aux voitures", URL: echo + "/valmont/le-parking-de-la-mairie-rendu-aux-voitures"},
				{Title: "Les producteurs bio du canton s'organisent", URL: echo + "/canton/les-producteurs-bio-s-organisent?utm_source=bloc"},
				{Title: "La charpente de la halle sauvée par des compagnons", URL: echo + "/valmont/la-charpente-de-la-halle-sauvee"},
			},
			first:        "Les premiers étals ont été montés dès six heures samedi, sous la charpente de chêne entièrement restaurée. Une quarantaine de producteurs du canton ont retrouvé leur place, certains après deux ans passés sur le parking de la mairie.",
			last:         "Le maire, Bernard Quéméner, a promis une fête d'inauguration en mai, quand les derniers aménagements de la place seront achevés.",
			bodyHeadings: []string{"Un marché le mercredi"},
			notInBody:    []string{"Par Claire Fontaine", "La rédaction vous conseille", "Le parking de la mairie rendu", "Accueil", "Tous droits réservés", "La façade restaurée"},
			dropped:      []article.Dropped{{Line: "La rédaction vous conseille", Reason: ReasonRelatedHeading}},
			image:        echo + "/img/halle-facade.jpg", caption: "La façade restaurée, samedi matin.", credit: "Lucas Berthier",
			extra: func(t *testing.T, a article.Article) {
				if a.SiteName != "L'Écho du Bocage" || a.Description != "Fermée depuis 2022, la halle du marché accueille de nouveau les producteurs du canton." {
					t.Errorf("site name %q, description %q", a.SiteName, a.Description)
				}
				if strings.Join(a.Categories, "|") != "Valmont" || strings.Join(a.Tags, "|") != "marché|patrimoine" {
					t.Errorf("categories %q, tags %q", a.Categories, a.Tags)
				}
				if a.Source.URL != echo+"/valmont/la-halle-rouvre" || a.Source.Format != "html" {
					t.Errorf("source %+v", a.Source)
				}
			},
		},
		{
			file: "cartes.html", msg: "cards with an author and a date under « À lire aussi »",
			title:   "Le club de rugby de Valmont monte en Fédérale 2",
			authors: []string{"Hugo Lenoir", "Sarah Benali"},
			date:    "2024-04-14T18:05:00+02:00", lang: "fr",
			related: []article.Teaser{
				{Title: "L'école de rugby fête ses cent ans", Author: "Hugo Lenoir", URL: echo + "/sport/l-ecole-de-rugby-fete-ses-cent-ans", Date: mustDate("2024-02-03T10:00:00+01:00")},
				{Title: "Le stade Jean-Moulin sera agrandi", Author: "Sarah Benali", URL: echo + "/sport/le-stade-jean-moulin-agrandi", Date: mustDate("2024-01-12T00:00:00Z")},
			},
			first:     "Il a fallu attendre la dernière minute du match pour que le stade Jean-Moulin explose. L'essai transformé de l'ailier Théo Garnier a donné la victoire aux Valmontais, 24 à 20, face à Saint-Brice, et avec elle la montée en Fédérale 2.",
			last:      "La saison prochaine, les déplacements mèneront les joueurs jusqu'en Bretagne et en Normandie. Le budget devra passer de 180 000 à 260 000 euros, et le président compte sur les entreprises du canton pour suivre.",
			notInBody: []string{"À lire aussi", "cent ans", "Par Hugo Lenoir"},
			dropped:   []article.Dropped{{Line: "À lire aussi", Reason: ReasonRelatedHeading}},
		},
		{
			file: "lire-aussi.html", msg: "an inline « Lire aussi : <a> » paragraph between body paragraphs",
			title:   "Les cigognes sont de retour dans le marais",
			authors: []string{"Anne-Laure Picard"},
			date:    "2024-03-21T09:40:00Z", lang: "fr",
			related: []article.Teaser{
				{Title: "Le marais de la Claye classé réserve naturelle", URL: echo + "/nature/le-marais-de-la-claye-classe"},
				{Title: "La maison du marais rouvre ses portes", URL: echo + "/nature/la-maison-du-marais"},
			},
			first:     "Les premières cigognes blanches se sont posées au marais de la Claye la semaine dernière, avec quinze jours d'avance sur l'an passé. Les ornithologues de l'association Bocage Vivant en ont compté vingt-huit lundi matin.",
			last:      "L'association organise des sorties d'observation chaque samedi d'avril, sur inscription, au départ de la maison du marais.",
			notInBody: []string{"Lire aussi", "réserve naturelle", "lire également", "rouvre ses portes", "Publié le", "Anne-Laure Picard"},
		},
		{
			file: "classe-related.html", msg: "a block with no heading but a related class",
			title:   "Millbrook council approves new library hours",
			authors: []string{"Dana Whitfield"},
			date:    "2024-05-02T16:20:00-04:00", lang: "en",
			related: []article.Teaser{
				{Title: "State grant will fix library roof", URL: ledger + "/news/library-roof-grant"},
				{Title: "What residents asked for in the town survey", URL: ledger + "/news/survey-results"},
			},
			first:     "The Millbrook town council voted 5-2 on Tuesday night to keep the public library open until 9 p.m. on weekdays, starting in June. The change reverses cuts made three years ago, when the library closed at 6 p.m. to save on staff.",
			last:      "Councilor Ben Ashworth, who voted against, said the town should first repair the building's leaking roof. The repairs are scheduled for the fall, paid for by a state grant.",
			notInBody: []string{"State grant will fix"},
		},
		{
			file: "related-en.html", msg: "an English « Related » heading over a list",
			title:   "Harbor festival draws record crowd",
			authors: []string{"Priya Raman"},
			date:    "2024-06-10T00:00:00Z", lang: "en",
			related: []article.Teaser{
				{Title: "Fire department wins chowder contest again", URL: ledger + "/news/chowder-contest"},
				{Title: "Where to park during the harbor festival", URL: ledger + "/news/festival-parking"},
			},
			first:     "More than twelve thousand people walked the harbor front on Saturday for the twentieth Millbrook Harbor Festival, a record since the event began in 2004. Organizers had planned for nine thousand.",
			last:      "Police reported no major incidents. The festival committee will meet in August to decide whether the event should grow to two days next year.",
			notInBody: []string{"Related", "By Priya Raman"},
			dropped:   []article.Dropped{{Line: "Related", Reason: ReasonRelatedHeading}},
		},
		{
			file: "jsonld-byline.html", msg: "JSON-LD names another author and date than the visible byline: structured data wins",
			title:   "La ligne de bus 12 prolongée jusqu'à la gare",
			authors: []string{"Maëlle Guérin"},
			date:    "2024-06-03T06:00:00+02:00", lang: "fr",
			first: "À partir du 1er septembre, la ligne 12 du réseau Bocabus ne s'arrêtera plus place de l'Église mais ira jusqu'à la gare de Valmont. Les voyageurs du quartier des Tilleuls gagneront ainsi une correspondance directe avec les trains vers Nantes.",
			last:  "Les horaires seront publiés fin juillet. Le premier bus partira à 6h10, pour attraper le train de 6h42.",
			extra: func(t *testing.T, a article.Article) {
				if want := mustDate("2024-06-03T11:15:00+02:00"); !a.Updated.Equal(want) {
					t.Errorf("updated = %v, want %v", a.Updated, want)
				}
			},
		},
		{
			file: "cp1252.html", msg: "a Windows-1252 page without a charset declaration",
			title:   "L’œuvre oubliée de l’église Saint-Méen retrouve sa place",
			authors: []string{"Élodie Marchetti"},
			date:    "2023-08-05T10:15:00Z", lang: "fr",
			first:     "Roulée dans un grenier du presbytère depuis 1962, la toile de la Cène a retrouvé samedi le mur du chœur de l’église Saint-Méen. Il a fallu dix-huit mois de restauration à l’atelier de Rennes pour lui rendre ses couleurs.",
			last:      "La toile sera visible tous les après-midi de l’été, et une conférence sur son peintre, un élève de Jouvenet, est prévue le 20 août.",
			notInBody: []string{"\uFFFD", "Publié le"},
			extra: func(t *testing.T, a article.Article) {
				if !strings.Contains(strings.Join(a.Paragraphs(), "\n"), "les 42 000 € nécessaires… en vendant") {
					t.Errorf("the euro sign or the ellipsis is lost:\n%s", strings.Join(a.Paragraphs(), "\n"))
				}
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			a := readTestPage(t, tc.file)
			if a.Title != tc.title {
				t.Errorf("%s: title = %q, want %q", tc.msg, a.Title, tc.title)
			}
			if strings.Join(a.Authors, "|") != strings.Join(tc.authors, "|") {
				t.Errorf("%s: authors = %q, want %q", tc.msg, a.Authors, tc.authors)
			}
			if got := a.Date.Format(time.RFC3339); got != tc.date || a.DateSource != article.DatePublished {
				t.Errorf("%s: date = %s (%s), want %s", tc.msg, got, a.DateSource, tc.date)
			}
			if a.Lang != tc.lang {
				t.Errorf("%s: lang = %q, want %q", tc.msg, a.Lang, tc.lang)
			}
			if len(a.Related) != len(tc.related) {
				t.Errorf("%s: %d teasers, want %d: %+v", tc.msg, len(a.Related), len(tc.related), a.Related)
			}
			for i := 0; i < len(a.Related) && i < len(tc.related); i++ {
				got, want := a.Related[i], tc.related[i]
				if got.Title != want.Title || got.URL != want.URL || got.Author != want.Author || !got.Date.Equal(want.Date) {
					t.Errorf("%s: teaser %d = %+v, want %+v", tc.msg, i, got, want)
				}
			}
			body := a.Paragraphs()
			if len(body) == 0 {
				t.Fatalf("%s: no body", tc.msg)
			}
			if body[0] != tc.first {
				t.Errorf("%s: body starts with %q, want %q", tc.msg, body[0], tc.first)
			}
			if body[len(body)-1] != tc.last {
				t.Errorf("%s: body ends with %q, want %q", tc.msg, body[len(body)-1], tc.last)
			}
			all := strings.Join(body, "\n")
			for _, s := range tc.notInBody {
				if strings.Contains(all, s) {
					t.Errorf("%s: body holds %q:\n%s", tc.msg, s, all)
				}
			}
			var headings []string
			for _, b := range a.Body {
				if b.Kind == article.Heading {
					headings = append(headings, b.Text)
				}
			}
			if strings.Join(headings, "|") != strings.Join(tc.bodyHeadings, "|") {
				t.Errorf("%s: subheadings = %q, want %q", tc.msg, headings, tc.bodyHeadings)
			}
			for _, d := range tc.dropped {
				found := false
				for _, have := range a.Dropped {
					found = found || have == d
				}
				if !found {
					t.Errorf("%s: %+v not dropped: %+v", tc.msg, d, a.Dropped)
				}
			}
			if a.Image.Src != tc.image || a.Image.Caption != tc.caption || a.Image.Credit != tc.credit {
				t.Errorf("%s: lead image = %+v, want %s (%q, %q)", tc.msg, a.Image, tc.image, tc.caption, tc.credit)
			}
			if tc.extra != nil {
				tc.extra(t, a)
			}
		})
	}
}

// TestReadHTMLMirror reads a page of a mirror: its images, relative or on the page's host,
// are found in the mirror's folder; read without a file system, they stay addresses.
func TestReadHTMLMirror(t *testing.T) {
	page := filepath.Join("testdata", "mirror", "www.echo-bocage.example", "2024", "03", "marche-de-printemps.html")
	img := filepath.Join("testdata", "mirror", "www.echo-bocage.example", "img")
	arts, err := Read(afero.NewOsFs(), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	const host = "https://www.echo-bocage.example"
	if a.Image.Src != host+"/img/affiche.png" || a.Image.File != filepath.Join(img, "affiche.png") {
		t.Errorf("lead image = %+v, want the og:image found in the mirror", a.Image)
	}
	var images []article.Block
	kinds := ""
	for _, b := range a.Body {
		kinds += string(b.Kind[0])
		if b.Kind == article.Image {
			images = append(images, b)
		}
	}
	if kinds != "pippip" {
		t.Errorf("blocks %q, want paragraph, image, two paragraphs, image, paragraph", kinds)
	}
	want := []article.Block{
		{Kind: article.Image, Src: host + "/img/plants.png", Text: "Des plants de tomates", Caption: "Les plants de tomates de la ferme des Aulnes.", File: filepath.Join(img, "plants.png")},
		{Kind: article.Image, Src: host + "/img/plan.png", Text: "Le plan du marché", File: filepath.Join(img, "plan.png")},
	}
	if len(images) != len(want) {
		t.Fatalf("images = %+v, want %+v", images, want)
	}
	for i := range want {
		if images[i] != want[i] {
			t.Errorf("image %d = %+v, want %+v", i, images[i], want[i])
		}
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	remote := ReadHTML(page, data, Options{})
	for _, b := range append(remote.Body, remote.Image) {
		if b.File != "" {
			t.Errorf("without a file system, %s was found at %s", b.Src, b.File)
		}
	}
}

// TestReadHTMLSidecarAndRecord checks that what a sidecar or a JSON record says wins over
// the page's own metadata.
func TestReadHTMLSidecarAndRecord(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "html", "jsonld-byline.html"))
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, "s/bus.html", page, 0o644)
	_ = afero.WriteFile(fs, "s/bus.meta.json", []byte(`{"title": "Le bus 12 ira à la gare", "authors": ["Nora Vidal"], "date": "2024-06-04", "url": "https://www.echo-bocage.example/bus-12"}`), 0o644)
	arts, err := Read(fs, "s/bus.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "Le bus 12 ira à la gare" || strings.Join(a.Authors, "|") != "Nora Vidal" || a.Date.Format("2006-01-02") != "2024-06-04" || a.Source.URL != "https://www.echo-bocage.example/bus-12" {
		t.Errorf("the sidecar does not win: %q %q %v %q", a.Title, a.Authors, a.Date, a.Source.URL)
	}

	rec := `{"url": "https://www.echo-bocage.example/bus", "authors": "Nora Vidal", "html": ` + jsonString(string(page)) + "}\n"
	arts, err = ReadJSON("r.jsonl", []byte(rec), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a = arts[0]
	if a.Title != "La ligne de bus 12 prolongée jusqu'à la gare" || strings.Join(a.Authors, "|") != "Nora Vidal" || a.Source.Format != "jsonl" || a.Source.Record != 1 {
		t.Errorf("record read as %q by %q (%+v)", a.Title, a.Authors, a.Source)
	}
	if len(a.Body) != 3 {
		t.Errorf("record body = %q", a.Paragraphs())
	}
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestDecodeHTML reads the same page in several encodings.
func TestDecodeHTML(t *testing.T) {
	const want = "<p>L’été à Saint-Méen coûte 5 €</p>"
	cp1252 := []byte("<p>L\x92\xe9t\xe9 \xe0 Saint-M\xe9en co\xfbte 5 \x80</p>")
	for _, tc := range []struct {
		msg  string
		data []byte
	}{
		{"UTF-8", []byte(want)},
		{"UTF-8 with a byte order mark", append([]byte{0xEF, 0xBB, 0xBF}, want...)},
		{"UTF-8 that declares ISO-8859-1", []byte(`<meta charset="iso-8859-1">` + want)},
		{"Windows-1252 without a declaration", cp1252},
		{"Windows-1252 that declares UTF-8", append([]byte(`<meta charset="utf-8">`), cp1252...)},
	} {
		got := decodeHTML(tc.data)
		if !strings.HasSuffix(got, want) {
			t.Errorf("%s: decoded as %q", tc.msg, got)
		}
	}
}

// TestHasRelatedCue reads class values: the language tables' words and the plugins' names
// say related, as whole dash-separated parts of a class; other classes do not.
func TestHasRelatedCue(t *testing.T) {
	for _, c := range []struct {
		class string
		want  bool
		msg   string
	}{
		{"bloc-lire-aussi", true, "a French word at the end of a class"},
		{"sur-le-meme-sujet encart", true, "a French class among others"},
		{"a-voir-aussi", true, "a French class alone"},
		{"box read-also-list", true, "an English word inside a class"},
		{"you-may-also-like", true, "an English class alone"},
		{"yarpp_related", true, "a plugin's class, with an underscore"},
		{"jp-relatedposts", true, "related inside a word"},
		{"unrelated-note", false, "unrelated is not related"},
		{"elire-maire", false, "lire inside another word"},
		{"article-body texte", false, "an ordinary class"},
	} {
		if got := hasRelatedCue(c.class); got != c.want {
			t.Errorf("%s: hasRelatedCue(%q) = %v, want %v", c.msg, c.class, got, c.want)
		}
	}
}
