package bundle

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// TestLoadPagesMetaCached: a second reading takes the unchanged pages from the cache and
// parses again the page whose size or time changed; it reads what LoadPagesMeta reads.
func TestLoadPagesMetaCached(t *testing.T) {
	fsys := afero.NewMemMapFs()
	pages := map[string]string{
		"/c/articles/pont/index.md":  "---\ntitle: Le pont\ndate: 2024-03-01T00:30:00+01:00\nauthors: [Lise Marchal]\ntags: [Valmont, Port]\nsource:\n  url: https://example.org/pont\n---\nLe pont rouvre.\n",
		"/c/articles/foire/index.md": "---\ntitle: La foire\ndate: 2024-04-01\n---\nLa foire ferme.\n",
		"/c/articles/brouillon.md":   "---\ntitle: Brouillon\ndraft: true\n---\nPas encore.\n",
	}
	for name, data := range pages {
		write(t, fsys, name, data)
	}
	plain, _ := Target{}.LoadPagesMeta(fsys, "/c", nil)
	first, errs := Target{}.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil)
	if len(errs) != 0 || !reflect.DeepEqual(metaOf(first), metaOf(plain)) || len(plain) != 2 {
		t.Fatalf("the first reading gave %+v (errors %v), LoadPagesMeta %+v", first, errs, plain)
	}
	if ok, _ := afero.Exists(fsys, testPagesCache); !ok {
		t.Fatal("no cache was written")
	}
	cached, _ := Target{}.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil)
	if !reflect.DeepEqual(metaOf(cached), metaOf(plain)) {
		t.Errorf("the cached reading gave %+v, want %+v", cached, plain)
	}

	// A page whose bytes change but not its size or time is taken from the cache: the proof
	// that the cache is read. One whose time changes is parsed again.
	stamp := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	pont := "/c/articles/pont/index.md"
	write(t, fsys, pont, "---\ntitle: Le POnt\ndate: 2024-03-01T00:30:00+01:00\nauthors: [Lise Marchal]\ntags: [Valmont, Port]\nsource:\n  url: https://example.org/pont\n---\nLe pont rouvre.\n")
	if err := fsys.Chtimes(pont, stamp, stamp); err != nil {
		t.Fatal(err)
	}
	if _, errs := (Target{}).LoadPagesMetaCached(fsys, "/c", testPagesCache, nil); len(errs) != 0 {
		t.Fatal(errs)
	}
	write(t, fsys, pont, "---\ntitle: Le Pont\ndate: 2024-03-01T00:30:00+01:00\nauthors: [Lise Marchal]\ntags: [Valmont, Port]\nsource:\n  url: https://example.org/pont\n---\nLe pont rouvre.\n")
	if err := fsys.Chtimes(pont, stamp, stamp); err != nil {
		t.Fatal(err)
	}
	again, _ := Target{}.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil)
	if title := titleOf(again, "/articles/pont"); title != "Le POnt" {
		t.Errorf("a page of the same size and time: title %q, want the cached %q", title, "Le POnt")
	}
	later := stamp.Add(time.Second)
	if err := fsys.Chtimes(pont, later, later); err != nil {
		t.Fatal(err)
	}
	again, _ = Target{}.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil)
	if title := titleOf(again, "/articles/pont"); title != "Le Pont" {
		t.Errorf("a page whose time changed: title %q, want %q read again", title, "Le Pont")
	}

	// Other taxonomy keys make the cache useless: the pages are read again under them.
	other := Target{Authors: "writers"}
	write(t, fsys, "/c/articles/foire/index.md", "---\ntitle: La foire\ndate: 2024-04-01\nwriters: [Noé Garcin]\n---\nLa foire ferme.\n")
	stampFile(t, fsys, "/c/articles/foire/index.md", stamp)
	Target{}.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil) // cached under "authors", with no authors
	byWriters, _ := other.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil)
	for _, p := range byWriters {
		if p.Page == "/articles/foire" && !reflect.DeepEqual(p.Authors, []string{"Noé Garcin"}) {
			t.Errorf("under the key writers: authors %v, want [Noé Garcin]", p.Authors)
		}
	}

	// A broken cache is ignored.
	write(t, fsys, testPagesCache, "{not json")
	broken, errs := Target{}.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil)
	if len(errs) != 0 || len(broken) != 2 {
		t.Errorf("with a broken cache: %d pages, errors %v; want 2 pages", len(broken), errs)
	}
}

// testPagesCache is the cache file of the tests, outside the content folder.
const testPagesCache = "/cache/kiosque/pages.json"

func write(t *testing.T, fsys afero.Fs, name, data string) {
	t.Helper()
	if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func stampFile(t *testing.T, fsys afero.Fs, name string, at time.Time) {
	t.Helper()
	if err := fsys.Chtimes(name, at, at); err != nil {
		t.Fatal(err)
	}
}

// metaOf returns what LoadPagesMeta reads of each page, as text by page: its date with its
// offset, since the day and month Hugo shows are those of the page's own zone.
func metaOf(pages []*article.Article) map[string]string {
	out := map[string]string{}
	for _, p := range pages {
		out[p.Page] = fmt.Sprintf("%s|%q|%q|%s|%s|%s", p.Title, p.Authors, p.Tags, p.Date.Format(time.RFC3339), p.Source.URL, p.Source.Mirror)
	}
	return out
}

// titleOf returns the title of the page of pages at the address page.
func titleOf(pages []*article.Article, page string) string {
	for _, p := range pages {
		if p.Page == page {
			return p.Title
		}
	}
	return ""
}

// TestLoadPagesMetaCachedDistrustsRecentFiles: a page changed in the last seconds is read
// again at the next build, even when an edit keeps its size and time (a coarse clock's tick).
func TestLoadPagesMetaCachedDistrustsRecentFiles(t *testing.T) {
	fsys := afero.NewMemMapFs()
	name := "/c/articles/pont/index.md"
	now := time.Now()
	write(t, fsys, name, "---\ntitle: Le pont\n---\nx\n")
	stampFile(t, fsys, name, now)
	Target{}.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil)
	write(t, fsys, name, "---\ntitle: Le POnt\n---\nx\n")
	stampFile(t, fsys, name, now)
	again, _ := Target{}.LoadPagesMetaCached(fsys, "/c", testPagesCache, nil)
	if title := titleOf(again, "/articles/pont"); title != "Le POnt" {
		t.Errorf("a page edited within the same tick: title %q, want %q", title, "Le POnt")
	}
}
