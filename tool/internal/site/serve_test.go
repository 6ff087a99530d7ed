package site

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque"
)

// TestServe starts the preview on a free port of 127.0.0.1, fetches a draft article over
// HTTP, edits it on disk, waits for the reload event and fetches the new text, then stops.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	fsys := afero.NewOsFs()
	writeSite(t, fsys, dir, linkSite)
	draft := filepath.Join(dir, "content/articles/brouillon/index.md")
	writeSite(t, fsys, dir, map[string]string{"content/articles/brouillon/index.md": "---\ntitle: Un brouillon\ndraft: true\n---\nPremière version.\n"})

	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{
			Options: Options{Fs: fsys, WorkingDir: dir, Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes(), Log: testLog{t}},
			Addr:    "127.0.0.1:0",
			Ready:   func(u string) { ready <- u },
		})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatalf("Serve returned before serving: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("the preview did not start")
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("the preview listens on %s, want 127.0.0.1", base)
	}

	page := get(t, base+"articles/brouillon/", http.StatusOK)
	for _, want := range []string{"<h1>Un brouillon</h1>", "Première version.", `new EventSource("/_kiosque/reload")`} {
		if !strings.Contains(page, want) {
			t.Errorf("the draft's page lacks %q", want)
		}
	}
	if page := get(t, base+"articles/nulle-part/", http.StatusNotFound); !strings.Contains(page, "Page introuvable") {
		t.Errorf("a missing page is not the site's 404 page")
	}

	// Subscribe to reloads, then edit the draft.
	resp, err := http.Get(base + strings.TrimPrefix(ReloadPath, "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := os.WriteFile(draft, []byte("---\ntitle: Un brouillon\ndraft: true\n---\nSeconde version.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	event := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(resp.Body).ReadString('\n')
		event <- line
	}()
	select {
	case line := <-event:
		if line != "data: reload\n" {
			t.Errorf("the reload stream sent %q", line)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no reload event after editing the draft")
	}
	if page := get(t, base+"articles/brouillon/", http.StatusOK); !strings.Contains(page, "Seconde version.") {
		t.Errorf("the rebuilt page lacks the edit")
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve returned %v after stopping", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the preview did not stop")
	}
	if _, err := http.Get(base); err == nil {
		t.Errorf("the preview still answers after stopping")
	}
}

// TestServePortBusy checks that a taken port is reported as ErrPortBusy, before any build.
func TestServePortBusy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = Serve(context.Background(), ServeOptions{
		Options: Options{Fs: afero.NewMemMapFs(), WorkingDir: "/site", Theme: kiosque.Theme()},
		Addr:    ln.Addr().String(),
	})
	if !errors.Is(err, ErrPortBusy) {
		t.Errorf("Serve on a taken port returned %v, want ErrPortBusy", err)
	}
}

func get(t *testing.T, u string, status int) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != status {
		t.Errorf("GET %s: status %d, want %d", u, resp.StatusCode, status)
	}
	return string(body)
}

// TestServeRebuildsWhatChanged checks that the preview rebuilds a change in the sites it
// keeps, without building the whole site again: an edited article shows its new text (and,
// dated anew, appears in its new month's archive), a removed one is gone from its address and from the home page, and new Markdown articles
// appear: a page bundle whose folder alone was seen, and a page dated in a month no other
// article has, with that month's archive.
func TestServeRebuildsWhatChanged(t *testing.T) {
	fsys, dir := afero.NewMemMapFs(), "/site"
	writeSite(t, fsys, dir, map[string]string{
		"hugo.toml": "title = \"La Gazette de Bellerive\"\n",
		"content/articles/le-lavoir/index.md": "---\ntitle: Le lavoir de Bellerive\ndate: 2026-02-10T08:00:00+01:00\ntags: [Bellerive, Patrimoine]\n---\n" +
			"Le lavoir sera restauré avant juin.\n",
		"content/articles/la-halle/index.md": "---\ntitle: La halle aux grains\ndate: 2026-02-12T08:00:00+01:00\ntags: [Bellerive, Marché]\n---\n" +
			"La halle accueille un marché le samedi.\n",
	})
	p := newPreview(ServeOptions{Options: Options{Fs: fsys, WorkingDir: dir, Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes(), Log: testLog{t}, Similar: true}})
	if err := p.rebuild(nil); err != nil {
		t.Fatal(err)
	}
	defer p.sites.Close()
	sites := p.sites
	change := func(what string, events ...fsnotify.Event) {
		t.Helper()
		if err := p.rebuild(events); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if p.sites != sites {
			t.Errorf("%s: the preview built the whole site again", what)
		}
	}
	lavoir, halle := filepath.Join(dir, "content/articles/le-lavoir"), filepath.Join(dir, "content/articles/la-halle")
	if page := serveGet(t, p, "/articles/le-lavoir/", http.StatusOK); !strings.Contains(page, "Le lavoir sera restauré avant juin.") {
		t.Errorf("the first build lacks the article's text")
	}

	writeSite(t, fsys, dir, map[string]string{"content/articles/le-lavoir/index.md": "---\ntitle: Le lavoir de Bellerive\ndate: 2026-02-10T08:00:00+01:00\ntags: [Bellerive, Patrimoine]\n---\n" +
		"Le lavoir sera restauré en octobre.\n"})
	change("an edit", fsnotify.Event{Name: filepath.Join(lavoir, "index.md"), Op: fsnotify.Write})
	page := serveGet(t, p, "/articles/le-lavoir/", http.StatusOK)
	if !strings.Contains(page, "Le lavoir sera restauré en octobre.") || strings.Contains(page, "avant juin") {
		t.Errorf("the edited article does not show the edit")
	}

	// An edit of the date moves the article to another month's archive.
	writeSite(t, fsys, dir, map[string]string{"content/articles/le-lavoir/index.md": "---\ntitle: Le lavoir de Bellerive\ndate: 2025-06-10T08:00:00+01:00\ntags: [Bellerive, Patrimoine]\n---\n" +
		"Le lavoir sera restauré en octobre.\n"})
	change("a new date", fsnotify.Event{Name: filepath.Join(lavoir, "index.md"), Op: fsnotify.Write})
	if month := serveGet(t, p, "/archives/2025/06/", http.StatusOK); !strings.Contains(month, "Le lavoir de Bellerive") {
		t.Errorf("the article's new month has no archive listing it")
	}

	if err := fsys.RemoveAll(halle); err != nil {
		t.Fatal(err)
	}
	change("a removal", fsnotify.Event{Name: filepath.Join(halle, "index.md"), Op: fsnotify.Remove}, fsnotify.Event{Name: halle, Op: fsnotify.Remove})
	serveGet(t, p, "/articles/la-halle/", http.StatusNotFound)
	if home := serveGet(t, p, "/", http.StatusOK); strings.Contains(home, "La halle aux grains") {
		t.Errorf("the home page still lists the removed article")
	}

	writeSite(t, fsys, dir, map[string]string{
		"content/articles/le-moulin.md": "---\ntitle: Le moulin du Clos-Fleuri\ndate: 2025-11-04T08:00:00+01:00\ntags: [Bellerive]\n---\n" +
			"Le moulin tourne de nouveau.\n",
		"content/articles/la-fontaine/index.md": "---\ntitle: La fontaine des Glycines\ndate: 2026-02-14T08:00:00+01:00\n---\nLa fontaine coule.\n",
	})
	// A new bundle's folder is the only change seen: its files were there before the watch.
	change("new articles", fsnotify.Event{Name: filepath.Join(dir, "content/articles/le-moulin.md"), Op: fsnotify.Create},
		fsnotify.Event{Name: filepath.Join(dir, "content/articles/la-fontaine"), Op: fsnotify.Create})
	if page := serveGet(t, p, "/articles/la-fontaine/", http.StatusOK); !strings.Contains(page, "La fontaine coule.") {
		t.Errorf("the new bundle is not served")
	}
	if page := serveGet(t, p, "/articles/le-moulin/", http.StatusOK); !strings.Contains(page, "Le moulin tourne de nouveau.") {
		t.Errorf("the new article is not served")
	}
	if home := serveGet(t, p, "/", http.StatusOK); !strings.Contains(home, "Le moulin du Clos-Fleuri") {
		t.Errorf("the home page does not list the new article")
	}
	if month := serveGet(t, p, "/archives/2025/11/", http.StatusOK); !strings.Contains(month, "Le moulin du Clos-Fleuri") {
		t.Errorf("the new article's month has no archive listing it")
	}
}

// serveGet returns the preview's page at path, checking its status.
func serveGet(t *testing.T, p *preview, path string, status int) string {
	t.Helper()
	rec := httptest.NewRecorder()
	p.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != status {
		t.Errorf("GET %s: status %d, want %d", path, rec.Code, status)
	}
	return rec.Body.String()
}
