//go:build unix

package bundle

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/sys/unix"
)

// TestLoadPagesMetaCachedReadsLinksAgain: a page that is a symbolic link is read again at
// every build, since its size and time are the link's: an edit of the file it points to is
// seen, even when the link and the file are old.
func TestLoadPagesMetaCachedReadsLinksAgain(t *testing.T) {
	root := t.TempDir()
	shared := filepath.Join(root, "shared", "pont.md")
	page := filepath.Join(root, "c", "articles", "pont", "index.md")
	cache := filepath.Join(root, "cache.json")
	for _, dir := range []string{filepath.Dir(shared), filepath.Dir(page)} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	writeOld := func(text string) {
		if err := os.WriteFile(shared, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(shared, old, old); err != nil {
			t.Fatal(err)
		}
	}
	writeOld("---\ntitle: Le pont\n---\nx\n")
	if err := os.Symlink(shared, page); err != nil {
		t.Skip(err)
	}
	stamp := []unix.Timeval{unix.NsecToTimeval(old.UnixNano()), unix.NsecToTimeval(old.UnixNano())}
	if err := unix.Lutimes(page, stamp); err != nil {
		t.Skip(err)
	}
	fsys := afero.NewOsFs()
	Target{}.LoadPagesMetaCached(fsys, filepath.Join(root, "c"), cache, nil)
	writeOld("---\ntitle: Le pont de Valmont rouvre enfin\n---\nx\n")
	cached, _ := Target{}.LoadPagesMetaCached(fsys, filepath.Join(root, "c"), cache, nil)
	if len(cached) != 1 || cached[0].Title != "Le pont de Valmont rouvre enfin" {
		t.Errorf("a linked page edited: read %+v, want the new title", cached)
	}
}
