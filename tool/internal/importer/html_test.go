package importer

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// htmlSiteFs returns a memory filesystem holding testdata/htmlsite (a small mirror of a
// fictional newspaper) as a site folder.
func htmlSiteFs(t testing.TB) afero.Fs {
	t.Helper()
	return treeFs(t, "testdata/htmlsite")
}

// treeFs returns a memory filesystem holding the folder dir of testdata as a site folder.
func treeFs(t testing.TB, dir string) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		name := path.Join(site, filepath.ToSlash(rel))
		if err := afero.WriteFile(fsys, name, data, 0o644); err != nil {
			return err
		}
		return fsys.Chtimes(name, epoch, epoch)
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

const (
	derbyPage    = "/articles/valmont-gagne-le-derby"
	festivalPage = "/articles/le-festival-des-nuits-d-ete-s-ouvre"
	usinePage    = "/articles/l-usine-morel-embauche"
	usineImage   = "https://cdn.gazette-valmont.example/photos/usine-morel.jpg"
)

func readPage(t *testing.T, fsys afero.Fs, page string) string {
	t.Helper()
	data, err := afero.ReadFile(fsys, site+"/content"+page+"/index.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestImportHTMLSite imports a mirror of three pages whose editors' picks link to each other
// by addresses written differently (a trailing slash or none, with or without "www.", http
// or https, an index page, a tracking parameter): each pick resolves to the imported page,
// the mirror's image is copied into its bundle, and the remote lead image is fetched.
func TestImportHTMLSite(t *testing.T) {
	fsys := htmlSiteFs(t)
	opts := importOpts(fsys)
	fetched := 0
	opts.FetchImages = func(_ context.Context, address string) ([]byte, string, error) {
		if address != usineImage {
			return nil, "", errors.New("no such image")
		}
		fetched++
		return []byte("\xff\xd8\xff fake jpeg"), "image/jpeg", nil
	}
	rep := runImport(t, opts)
	if len(rep.Failures) != 0 || len(rep.Items) != 3 {
		t.Fatalf("failures %v, items %+v", rep.Failures, rep.Items)
	}
	derby := readPage(t, fsys, derbyPage)
	for _, want := range []string{
		"    page: " + festivalPage + "\n",
		"    page: " + usinePage + "\n",
		"  - title: Le classement complet du championnat\n    url: https://autre-journal.example/sport/classement\n",
	} {
		if !strings.Contains(derby, want) {
			t.Errorf("derby lacks %q:\n%s", want, derby)
		}
	}
	festival := readPage(t, fsys, festivalPage)
	if !strings.Contains(festival, "    page: "+derbyPage+"\n") {
		t.Errorf("the festival's inline « Lire aussi » does not resolve to the derby:\n%s", festival)
	}
	// The first figure is the lead image; the second stays in the body.
	if !strings.Contains(festival, "image:\n  src: scene.png\n  alt: La scène du château\n  caption: La scène montée dans la cour du château.\n") {
		t.Errorf("the festival's lead image is not the bundle's file:\n%s", festival)
	}
	if !strings.Contains(festival, "![Le public](public.png)\nLe public de l\\'an dernier. — Jade Morin\n") {
		t.Errorf("the festival's body image is not the bundle's file:\n%s", festival)
	}
	for _, name := range []string{"scene.png", "public.png"} {
		img, err := afero.ReadFile(fsys, site+"/content"+festivalPage+"/"+name)
		want, _ := os.ReadFile("testdata/htmlsite/scrapes/www.gazette-valmont.example/img/" + name)
		if err != nil || string(img) != string(want) {
			t.Errorf("%s not copied into the bundle: %v", name, err)
		}
	}
	usine := readPage(t, fsys, usinePage)
	if !strings.Contains(usine, "image:\n  src: usine-morel.jpg\n") || !strings.Contains(usine, "    page: "+derbyPage+"\n") {
		t.Errorf("usine: want the fetched lead image and the pick resolved:\n%s", usine)
	}
	if data, err := afero.ReadFile(fsys, site+"/content"+usinePage+"/usine-morel.jpg"); err != nil || string(data) != "\xff\xd8\xff fake jpeg" {
		t.Errorf("usine-morel.jpg not written: %v", err)
	}

	// A second run writes nothing new.
	before := snapshot(t, fsys, site+"/content")
	rep = runImport(t, opts)
	if after := snapshot(t, fsys, site+"/content"); len(after) != len(before) {
		t.Errorf("second run: %d files, want %d", len(after), len(before))
	}
	for _, it := range rep.Items {
		if it.Outcome != "unchanged" {
			t.Errorf("second run: %s %s (%s)", it.Source, it.Outcome, it.Reason)
		}
	}
}

// TestImportHTMLFetchFails reports an image that cannot be fetched and imports the page with
// the image's address.
func TestImportHTMLFetchFails(t *testing.T) {
	fsys := htmlSiteFs(t)
	opts := importOpts(fsys)
	opts.FetchImages = func(context.Context, string) ([]byte, string, error) {
		return nil, "", errors.New("connection refused")
	}
	rep := runImport(t, opts)
	if len(rep.Failures) != 0 || len(rep.Items) != 3 {
		t.Fatalf("failures %v, items %+v", rep.Failures, rep.Items)
	}
	warned := false
	for _, w := range rep.Warnings {
		warned = warned || strings.Contains(w.Error(), "failed to fetch the image \""+usineImage+"\": connection refused")
	}
	if !warned {
		t.Errorf("no warning for the failed fetch: %q", rep.Warnings)
	}
	if usine := readPage(t, fsys, usinePage); !strings.Contains(usine, "  src: "+usineImage+"\n") {
		t.Errorf("the image keeps its address:\n%s", usine)
	}
}

// TestHTTPFetcher checks the fetcher's answers: an image, a page that is not an image, an
// error status, and an image over the size cap.
func TestHTTPFetcher(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/photo.png":
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write([]byte("\x89PNG fake"))
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte("<p>not an image</p>"))
		case "/huge.jpg":
			w.Header().Set("Content-Type", "image/jpeg")
			_, _ = w.Write(make([]byte, MaxImageBytes+10))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	fetch := NewHTTPFetcher(srv.Client())
	data, ct, err := fetch(context.Background(), srv.URL+"/photo.png")
	if err != nil || string(data) != "\x89PNG fake" || ct != "image/png" {
		t.Errorf("photo.png: %q %q %v", data, ct, err)
	}
	for _, tc := range []struct{ path, want string }{
		{"/page", "not an image"},
		{"/missing.jpg", "404"},
		{"/huge.jpg", "over 15 MB"},
	} {
		if _, _, err := fetch(context.Background(), srv.URL+tc.path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.path, err, tc.want)
		}
	}
}

func TestAssetName(t *testing.T) {
	taken := map[string]bool{"index.md": true}
	for _, tc := range []struct{ path, ct, want string }{
		{"/img/Scène du Château.PNG", "", "scene-du-chateau.png"},
		{"/photos/usine.jpg", "", "usine.jpg"},
		{"/autre/usine.jpg", "", "usine-2.jpg"},
		{"/image", "image/webp", "image.webp"},
		{"/index.md", "", "image.jpg"},
	} {
		if got := assetName(tc.path, tc.ct, taken); got != tc.want {
			t.Errorf("assetName(%q, %q) = %q, want %q", tc.path, tc.ct, got, tc.want)
		}
	}
}

// TestImportHTMLImageOutsideInputs imports a page whose image points out of the scrapes
// folder, at another file of the site: the file is not copied into the bundle, and the image
// keeps its address.
func TestImportHTMLImageOutsideInputs(t *testing.T) {
	fsys := afero.NewMemMapFs()
	writeFile(t, fsys, site+"/config/secret.png", "not for the public")
	writeFile(t, fsys, site+"/scrapes/halle.html", `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>La halle de Valmont rouvre</title>
</head>
<body>
<article>
<h1>La halle de Valmont rouvre</h1>
<p>La halle couverte de Valmont a rouvert samedi après deux ans de travaux. Les charpentiers ont remplacé la moitié des poutres, et la verrière a retrouvé ses vitres d'origine.</p>
<figure><img src="../config/secret.png" alt="La halle"><figcaption>La halle rénovée.</figcaption></figure>
<p>Les commerçants du marché y retrouvent leurs places dès la semaine prochaine. La mairie promet une fête d'inauguration le premier dimanche du mois, avec un bal en soirée.</p>
</article>
</body>
</html>
`)
	rep := runImport(t, importOpts(fsys))
	if len(rep.Failures) != 0 || len(rep.Items) != 1 {
		t.Fatalf("failures %v, items %+v", rep.Failures, rep.Items)
	}
	for name := range snapshot(t, fsys, site+"/content") {
		if strings.HasSuffix(name, ".png") {
			t.Errorf("%s copied from outside the scrapes folder", name)
		}
	}
	page := readPage(t, fsys, "/"+rep.Items[0].Bundle)
	if !strings.Contains(page, "](../config/secret.png)") && !strings.Contains(page, "src: ../config/secret.png") {
		t.Errorf("the image lost its address:\n%s", page)
	}
}
