package cli

import (
	"bytes"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestBuildSeedInMemory runs `kiosque build` on a memory filesystem holding only the seed,
// then checks the article page: title, body, sidebar teasers and author links.
func TestBuildSeedInMemory(t *testing.T) {
	seed, err := os.ReadFile("../../../scrapes/000_a6584d1d54081efa.txt")
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	if err := afero.WriteFile(fs, "/site/scrapes/seed.txt", seed, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(env{fs: fs, dir: "/site", stdout: &stdout, stderr: &stderr}, []string{"build"}); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr.String())
	}
	page, err := afero.ReadFile(fs, "/site/public/articles/poutine-et-macron-promettent-de-poursuivre-les-efforts-de-paix-au-karabakh/index.html")
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	aside := html[strings.Index(html, "<aside"):]
	for _, c := range []struct{ where, in, want string }{
		{"title", html, "<h1>Poutine et Macron promettent de poursuivre les efforts de paix au Karabakh</h1>"},
		{"first paragraph", html, "<p>Le président russe Vladimir Poutine et son homologue français Emmanuel Macron"},
		{"last paragraph", html, "«\u00a0sous l’égide de la coprésidence du groupe de Minsk de l’OSCE\u00a0».</p>"},
		{"default byline", html, `Par <a href="../../authors/la-redaction/" rel="author">La rédaction</a>`},
		{"sidebar heading", aside, `<h2 id="editors-picks">La rédaction vous conseille</h2>`},
		{"sidebar subheading", aside, "À lire aussi"},
		{"teaser 1", aside, "Sous la Présidence d’Honneur de M. Nicolas DARAGON"},
		{"teaser 1 author", aside, `par <a href="../../authors/jean-eckian/" rel="author">Jean Eckian</a>`},
		{"teaser 2", aside, "Le ministère des Affaires étrangères de l’Azerbaïdjan a de nouveau accusé"},
		{"teaser 3", aside, "les factions «\u00a0Hayastan\u00a0» (Arménie)»"},
	} {
		if !strings.Contains(c.in, c.want) {
			t.Errorf("%s: the page lacks %q", c.where, c.want)
		}
	}
	if n := strings.Count(aside, `<li class="teaser">`); n != 3 {
		t.Errorf("sidebar holds %d teasers, want 3", n)
	}
	if n := strings.Count(aside, `href="../../authors/krikor-amirzayan/"`); n != 2 {
		t.Errorf("sidebar links Krikor Amirzayan %d times, want 2", n)
	}
	for _, p := range []string{"/site/public/index.html", "/site/public/authors/krikor-amirzayan/index.html", "/site/public/authors/la-redaction/index.html"} {
		if ok, _ := afero.Exists(fs, p); !ok {
			t.Errorf("%s was not built", p)
		}
	}
}

// TestBuildWarnsOfFilesWrittenTwice builds a site whose author has a profile in the folder
// of the address, accents removed, beside the page Hugo makes for the author's name: the
// build warns of the files both pages write, and says where the profile belongs.
func TestBuildWarnsOfFilesWrittenTwice(t *testing.T) {
	fs := afero.NewMemMapFs()
	for name, data := range map[string]string{
		"/site/content/articles/la-halle/index.md":     "---\ntitle: La halle rouvre\nauthors: [Léa Sauvigny]\n---\nLa halle de Valmont rouvre samedi.\n",
		"/site/content/authors/lea-sauvigny/_index.md": "---\ntitle: Léa Sauvigny\n---\nCorrespondante à Valmont.\n",
	} {
		if err := afero.WriteFile(fs, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run(env{fs: fs, dir: "/site", stdout: &stdout, stderr: &stderr}, []string{"build"}); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr.String())
	}
	for _, want := range []string{
		"kiosque: warning: 3 files written twice, by two pages at one address: authors/lea-sauvigny/index.html, authors/lea-sauvigny/index.xml, authors/lea-sauvigny/page/1/index.html\n",
		"kiosque: hint: an author's profile belongs in the folder of the name in lower case, accents kept; kiosque import moves those of earlier imports\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("the build's messages lack %q:\n%s", want, stderr.String())
		}
	}
}

// TestServePortBusy checks the message and hint of `kiosque serve` on a taken port.
func TestServePortBusy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	fs := afero.NewMemMapFs()
	if err := fs.MkdirAll("/site/content", 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(env{fs: fs, dir: "/site", stdout: &stdout, stderr: &stderr}, []string{"serve", "--port", port})
	if code != exitFailed {
		t.Errorf("serve on a taken port exited %d, want %d", code, exitFailed)
	}
	for _, want := range []string{
		"kiosque: error: failed to listen on 127.0.0.1:" + port + ": the address is already in use\n",
		"kiosque: hint: another program (perhaps another kiosque serve) uses port " + port,
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
