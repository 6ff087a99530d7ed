package site

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
