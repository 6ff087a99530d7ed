package importer

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// The pages of testdata/mirror, a wget --mirror tree of L'Écho du Bocage.
const (
	echoHost    = "https://www.echo-bocage.example"
	marchePage  = "/articles/le-marche-de-printemps-change-de-place"
	cidrePage   = "/articles/la-fete-du-cidre-revient-a-saint-orvel"
	concertPage = "/articles/un-concert-sous-la-halle"
	concertFile = site + "/scrapes/www.echo-bocage.example/agenda/concert/index.html"
)

// TestImportMirror imports a wget --mirror tree whose links were rewritten to its files
// (--convert-links, --adjust-extension): a page that names no address of its own gets the
// one of its path (its host folder, then its path, an index page standing for its folder),
// the links between the pages resolve to the imported pages by the addresses of their files,
// even to a page that names another address as its own, and the images are copied into
// their bundles. A page imported later links to the pages imported before in the same way.
func TestImportMirror(t *testing.T) {
	fsys := treeFs(t, "testdata/mirror")
	rep := runImport(t, importOpts(fsys))
	if len(rep.Failures) != 0 || len(rep.Items) != 3 {
		t.Fatalf("failures %v, items %+v; want the three pages", rep.Failures, rep.Items)
	}
	for page, wants := range map[string][]string{
		marchePage: {
			"  url: " + echoHost + "/2024/03/marche-de-printemps.html\n",
			"  - title: Saint-Orvel presse ses pommes\n    page: " + cidrePage + "\n    url: " + echoHost + "/2024/04/fete-du-cidre.html\n",
			"  - title: Les Cordes du Bocage jouent samedi\n    page: " + concertPage + "\n",
			"image:\n  src: affiche.png\n",
		},
		cidrePage: {
			"  url: " + echoHost + "/2024/04/fete-du-cidre\n  mirror: " + echoHost + "/2024/04/fete-du-cidre.html\n",
			"  - title: Soixante exposants au Champ-de-Foire\n    page: " + marchePage + "\n",
		},
		concertPage: {
			"  url: " + echoHost + "/agenda/concert/\n",
			"  - title: Huit producteurs et un pressoir à cheval\n    page: " + cidrePage + "\n",
			"  - title: Soixante exposants au Champ-de-Foire\n    page: " + marchePage + "\n",
			"image:\n  src: halle.png\n",
		},
	} {
		got := readPage(t, fsys, page)
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %q:\n%s", page, want, got)
			}
		}
	}
	for page, name := range map[string]string{marchePage: "affiche.png", concertPage: "halle.png"} {
		got, err := afero.ReadFile(fsys, site+"/content"+page+"/"+name)
		want, _ := os.ReadFile("testdata/mirror/scrapes/www.echo-bocage.example/img/" + name)
		if err != nil || string(got) != string(want) {
			t.Errorf("%s not copied into %s: %v", name, page, err)
		}
	}

	// The concert page comes in a later import: its links lead to the pages imported before,
	// the cidre's by the address of its file, which its bundle records.
	later := treeFs(t, "testdata/mirror")
	concert := takeAway(t, later, concertFile)
	runImport(t, importOpts(later))
	putBack(t, later, concertFile, concert)
	runImport(t, importOpts(later))
	if got := readPage(t, later, concertPage); !strings.Contains(got, "  - title: Huit producteurs et un pressoir à cheval\n    page: "+cidrePage+"\n") {
		t.Errorf("the concert, imported later, does not link to the cidre:\n%s", got)
	}
}
