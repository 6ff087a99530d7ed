package browsertest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// The demo site, built once for all the tests of the package and served on 127.0.0.1.
var (
	siteFs    afero.Fs
	serverURL string
	buildErr  error
)

// seedArticle is the path of the seed's article in the demo site.
const seedArticle = "/articles/poutine-et-macron-promettent-de-poursuivre-les-efforts-de-paix-au-karabakh/"

// checkedPages are the pages axe-core and the Nu Html Checker look at; ready is an element
// that shows the page has done its work (the search page fills its results from a script).
var checkedPages = []struct{ name, path, ready string }{
	{"home", "/", "main#main"},
	{"article", seedArticle, "aside.sidebar"},
	{"article with an image", "/articles/le-pont-de-valmont-rouvre/", "figure.lead-image img"},
	{"section", "/articles/", "main#main"},
	{"author", "/authors/anne-delorme/", "main#main"},
	{"authors", "/authors/", "main#main"},
	{"tag", "/tags/valmont/", "main#main"},
	{"tags", "/tags/", "main#main"},
	{"archives", "/archives/", "main#main"},
	{"year", "/archives/2026/", ".archive-month"},
	{"month", "/archives/2026/11/", "article.card"},
	{"search", "/search/?q=valmont", ".search-hits"},
	{"404", "/404.html", "main#main"},
}

func TestMain(m *testing.M) {
	srv := httptest.NewServer(http.HandlerFunc(serve))
	serverURL = srv.URL
	siteFs, buildErr = buildDemoSite(serverURL + "/")
	code := m.Run()
	srv.Close()
	os.Exit(code)
}

// serve answers from the built site, with the site's 404 page for what it does not hold.
func serve(w http.ResponseWriter, r *http.Request) {
	if siteFs == nil {
		http.Error(w, "the site was not built", http.StatusInternalServerError)
		return
	}
	name := filepath.Join("/site/public", filepath.FromSlash(r.URL.Path))
	if strings.HasSuffix(r.URL.Path, "/") {
		name = filepath.Join(name, "index.html")
	}
	if fi, err := siteFs.Stat(name); err != nil || fi.IsDir() {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		data, _ := afero.ReadFile(siteFs, "/site/public/404.html")
		w.Write(data)
		return
	}
	http.FileServer(afero.NewHttpFs(siteFs).Dir("/site/public")).ServeHTTP(w, r)
}

// buildDemoSite builds, in memory, the repository's demo site (hugo.toml and content/, which
// hold the seed) plus the fictional articles of testdata/newsroom.txtar.
func buildDemoSite(baseURL string) (afero.Fs, error) {
	mem := afero.NewMemMapFs()
	return mem, buildDemoSiteIn(mem, "/site", baseURL)
}

// buildDemoSiteIn writes the demo site into dir on fsys and builds it there, into dir/public.
func buildDemoSiteIn(fsys afero.Fs, dir, baseURL string) error {
	root := filepath.Join("..", "..", "..")
	for _, name := range []string{"hugo.toml", "content", "data"} {
		if err := copyDir(fsys, dir, os.DirFS(root), name); err != nil {
			return err
		}
	}
	archive, err := txtar.ParseFile(filepath.Join("testdata", "newsroom.txtar"))
	if err != nil {
		return err
	}
	for _, f := range archive.Files {
		if err := writeFile(fsys, filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
	}
	images := map[string][2]int{
		"content/articles/le-pont-de-valmont-rouvre/cover.png": {1600, 900},
		"content/authors/anne-delorme/photo.png":               {300, 400},
	}
	for name, size := range images {
		if err := writeFile(fsys, filepath.Join(dir, name), testImage(size[0], size[1])); err != nil {
			return err
		}
	}
	var log bytes.Buffer
	if _, err := site.Build(site.Options{Fs: fsys, WorkingDir: dir, Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes(), BaseURL: baseURL, Log: &log, Similar: true}); err != nil {
		return fmt.Errorf("failed to build the demo site: %w\n%s", err, log.String())
	}
	return nil
}

// copyDir copies the file or folder name of src to dir/name on dst; a missing name copies
// nothing.
func copyDir(dst afero.Fs, dir string, src fs.FS, name string) error {
	if _, err := fs.Stat(src, name); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return fs.WalkDir(src, name, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		return writeFile(dst, filepath.Join(dir, filepath.FromSlash(p)), data)
	})
}

// writeFile writes a file and the folders it needs.
func writeFile(fsys afero.Fs, name string, data []byte) error {
	if err := fsys.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(fsys, name, data, 0o644)
}

// testImage returns a PNG of the given size: a soft gradient.
func testImage(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(60 + x*100/w), uint8(90 + y*80/h), 150, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// demoSite fails the test when the demo site did not build.
func demoSite(t *testing.T) {
	t.Helper()
	if buildErr != nil {
		t.Fatal(buildErr)
	}
}

// need skips the test with the reason when a tool is missing, or fails it when
// KIOSQUE_REQUIRE_BROWSER=1 says the tools must be there (as in CI).
func need(t *testing.T, reason string) {
	t.Helper()
	if os.Getenv("KIOSQUE_REQUIRE_BROWSER") == "1" {
		t.Fatalf("%s (KIOSQUE_REQUIRE_BROWSER=1 makes this a failure)", reason)
	}
	t.Skipf("skipped: %s", reason)
}

// chromiumPath returns the browser to drive, skipping the test when there is none.
func chromiumPath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("KIOSQUE_CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(p); err != nil {
		need(t, fmt.Sprintf("no Chromium at %s; install it (apt-get install chromium) or set KIOSQUE_CHROMIUM", p))
	}
	return p
}

// nodeModule returns the path of a file of an npm package installed by .ci/run, skipping the
// test when it is missing.
func nodeModule(t *testing.T, rel string) string {
	t.Helper()
	dir := os.Getenv("KIOSQUE_NODE_MODULES")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", ".ci", "npm", "node_modules")
	}
	p, err := filepath.Abs(filepath.Join(dir, rel))
	if err == nil {
		_, err = os.Stat(p)
	}
	if err != nil {
		need(t, fmt.Sprintf("%s is missing; run `npm ci --prefix .ci/npm` or set KIOSQUE_NODE_MODULES", filepath.Join(dir, rel)))
	}
	return p
}

// browser starts a headless Chromium for the test and returns its context.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		need(t, fmt.Sprintf("Chromium at %s does not start: %v", exe, err))
	}
	return ctx
}

// artifacts returns the folder for screenshots and reports: $KIOSQUE_ARTIFACTS, or a
// temporary folder kept after the test, whose path is logged.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("KIOSQUE_ARTIFACTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "kiosque-artifacts-"); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		t.Fatal(err)
	}
	return dir
}
