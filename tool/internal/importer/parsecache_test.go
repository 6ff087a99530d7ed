package importer

import (
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

// corpusScrapes is the number of scrapes in testdata/corpus/scrapes.
const corpusScrapes = 5

// cacheFile is the parse cache of the tests' site.
const cacheFile = site + "/content/" + bundle.ParseCacheName

// openedScrapes returns the scrapes (and sidecars) of the site that an import of fsys
// opened, sorted, with its report.
func openedScrapes(t *testing.T, fsys afero.Fs, opts func(afero.Fs) Options) ([]string, *Report) {
	t.Helper()
	c := newOpenCounter(fsys, site+"/scrapes")
	rep := runImport(t, opts(c))
	var names []string
	for name := range c.opened {
		names = append(names, path.Base(name))
	}
	slices.Sort(names)
	return names, rep
}

// cacheWarnings returns the warnings of rep about the parse cache.
func cacheWarnings(rep *Report) []string {
	var out []string
	for _, w := range rep.Warnings {
		if strings.HasSuffix(w.File, bundle.ParseCacheName) {
			out = append(out, w.Error())
		}
	}
	return out
}

// TestParseCacheReadsOnlyChanges edits, adds and removes scrapes of an imported corpus, and
// checks that the next import reads only the scrapes whose files changed (the scrape, or a
// sidecar that is new), takes the others from the parse cache, and leaves the content
// folder a clean import of the scrapes gives.
func TestParseCacheReadsOnlyChanges(t *testing.T) {
	for _, c := range []struct {
		msg    string
		change func(*testing.T, afero.Fs)
		// opened are the scrapes the next import opens: those it reads, and those whose
		// stamps neither the import state nor the parse cache had, which it hashes.
		opened  []string
		cached  int
		removed bool
	}{
		{"nothing changed but the state lost", func(t *testing.T, fsys afero.Fs) {
			_ = fsys.Remove(site + "/content/" + bundle.StateName)
		}, nil, corpusScrapes, false},
		{"a scrape edited", changeScrape, []string{"b-pecheurs.txt"}, corpusScrapes - 1, false},
		{"a scrape added", addScrape, []string{"f-phare.txt"}, corpusScrapes, false},
		{"a sidecar added", func(t *testing.T, fsys afero.Fs) {
			writeFile(t, fsys, site+"/scrapes/b-pecheurs.meta.json", `{"date": "2026-02-24T07:00:00+01:00"}`)
		}, []string{"b-pecheurs.meta.json", "b-pecheurs.txt"}, corpusScrapes - 1, false},
		{"a scrape removed", func(t *testing.T, fsys afero.Fs) {
			if err := fsys.Remove(site + "/scrapes/c-centenaire.txt"); err != nil {
				t.Fatal(err)
			}
		}, nil, corpusScrapes - 1, true},
	} {
		fsys := corpusFs(t)
		first := runImport(t, importOpts(fsys))
		if first.Cached != 0 {
			t.Errorf("%s: the first import took %d scrapes from a cache", c.msg, first.Cached)
		}
		c.change(t, fsys)
		opened, rep := openedScrapes(t, fsys, importOpts)
		if !slices.Equal(opened, c.opened) {
			t.Errorf("%s: the import opened %q, want %q", c.msg, opened, c.opened)
		}
		if rep.Cached != c.cached {
			t.Errorf("%s: %d scrapes cached, want %d", c.msg, rep.Cached, c.cached)
		}
		if w := cacheWarnings(rep); len(w) > 0 {
			t.Errorf("%s: %q", c.msg, w)
		}
		if !c.removed { // a removed scrape's bundle stays, which a clean import does not write
			assertSameAsClean(t, fsys)
		}
		if data, _ := afero.ReadFile(fsys, cacheFile); strings.Contains(string(data), "c-centenaire.txt") == c.removed {
			t.Errorf("%s: the cache keeps the removed scrape, or lost one:\n%s", c.msg, data)
		}
	}
}

// TestParseCacheSameSize rewrites a scrape at the same size and moves its time: the cache,
// which finds the time changed, compares the file's digest and reads the scrape again.
func TestParseCacheSameSize(t *testing.T) {
	fsys := corpusFs(t)
	runImport(t, importOpts(fsys))
	name := site + "/scrapes/b-pecheurs.txt"
	src, _ := afero.ReadFile(fsys, name)
	writeFile(t, fsys, name, strings.Replace(string(src), "mardi matin", "lundi matin", 1))
	later := epoch.Add(time.Hour)
	if err := fsys.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	rep := runImport(t, importOpts(fsys))
	if rep.Cached != corpusScrapes-1 {
		t.Errorf("%d scrapes cached, want %d", rep.Cached, corpusScrapes-1)
	}
	bundles := snapshot(t, fsys, site+"/content/articles")
	for file, data := range bundles {
		if strings.Contains(file, "les-pecheurs") && strings.HasSuffix(file, "index.md") && !strings.Contains(string(data), "lundi matin") {
			t.Errorf("%s kept the scrape's old text:\n%s", file, data)
		}
	}
}

// TestParseCacheSettings checks that an import with other cues reads every scrape again,
// and that the one after takes them from the cache it left.
func TestParseCacheSettings(t *testing.T) {
	fsys := corpusFs(t)
	runImport(t, importOpts(fsys))
	cues := scrape.DefaultCues()
	cues.RelatedHeadings = append(cues.RelatedHeadings, "Nos autres sujets")
	other := func(fsys afero.Fs) Options {
		o := importOpts(fsys)
		o.Scrape.Cues = &cues
		return o
	}
	opened, rep := openedScrapes(t, fsys, other)
	if len(opened) != corpusScrapes || rep.Cached != 0 {
		t.Errorf("other cues: opened %q, %d cached; want every scrape read", opened, rep.Cached)
	}
	if w := cacheWarnings(rep); len(w) > 0 {
		t.Errorf("other cues: %q", w)
	}
	changeScrape(t, fsys)
	opened, rep = openedScrapes(t, fsys, other)
	if !slices.Equal(opened, []string{"b-pecheurs.txt"}) || rep.Cached != corpusScrapes-1 {
		t.Errorf("the same cues again: opened %q, %d cached", opened, rep.Cached)
	}
}

// TestParseCacheDamaged damages the parse cache in several ways: every scrape is read
// again, with one warning that a re-run does not repeat, the content folder is what a clean
// import gives, and the cache is whole again for the next import.
func TestParseCacheDamaged(t *testing.T) {
	for _, c := range []struct {
		msg    string
		damage func(string) string
	}{
		{"cut in the middle", func(s string) string { return s[:len(s)/2] }},
		{"empty", func(string) string { return "" }},
		{"not JSON", func(string) string { return "PK\x03\x04 a zip file\n" }},
		{"an entry's reading cut", func(s string) string {
			lines := strings.SplitAfter(s, "\n")
			lines[2] = lines[2][:len(lines[2])/2] + "\n"
			return strings.Join(lines, "")
		}},
		{"a line missing", func(s string) string {
			lines := strings.SplitAfter(s, "\n")
			return strings.Join(slices.Delete(lines, 1, 2), "")
		}},
	} {
		fsys := corpusFs(t)
		runImport(t, importOpts(fsys))
		data, err := afero.ReadFile(fsys, cacheFile)
		if err != nil {
			t.Fatal(err)
		}
		if err := afero.WriteFile(fsys, cacheFile, []byte(c.damage(string(data))), 0o600); err != nil {
			t.Fatal(err)
		}
		changeScrape(t, fsys)
		opened, rep := openedScrapes(t, fsys, importOpts)
		if len(opened) != corpusScrapes || rep.Cached != 0 {
			t.Errorf("%s: opened %q, %d cached; want every scrape read", c.msg, opened, rep.Cached)
		}
		if w := cacheWarnings(rep); len(w) != 1 || !strings.Contains(w[0], "the parse cache is damaged") {
			t.Errorf("%s: warnings %q, want one about the cache", c.msg, w)
		}
		assertSameAsClean(t, fsys) // and a re-run replays without the warning
		changeScrapeAgain(t, fsys)
		opened, rep = openedScrapes(t, fsys, importOpts)
		if !slices.Equal(opened, []string{"b-pecheurs.txt"}) || rep.Cached != corpusScrapes-1 || len(cacheWarnings(rep)) > 0 {
			t.Errorf("%s, then a change: opened %q, %d cached, warnings %q", c.msg, opened, rep.Cached, cacheWarnings(rep))
		}
	}
}

// TestParseCacheMirrorImage imports a mirror whose page misses its image, then adds the
// image: the page, whose reading looked for the image in vain, is read again and its bundle
// gets the image; the pages that did not look for it come from the cache.
func TestParseCacheMirrorImage(t *testing.T) {
	fsys := treeFs(t, "testdata/mirror")
	image := site + "/scrapes/www.echo-bocage.example/img/halle.png"
	data := takeAway(t, fsys, image)
	runImport(t, importOpts(fsys))
	if got := readPage(t, fsys, concertPage); strings.Contains(got, "src: halle.png") {
		t.Fatalf("the concert has the image it misses:\n%s", got)
	}
	putBack(t, fsys, image, data)
	rep := runImport(t, importOpts(fsys))
	if rep.Cached != 2 {
		t.Errorf("%d pages cached, want the two that do not show the image", rep.Cached)
	}
	if got := readPage(t, fsys, concertPage); !strings.Contains(got, "image:\n  src: halle.png\n") {
		t.Errorf("the concert lacks the image added since:\n%s", got)
	}
	if got, _ := afero.ReadFile(fsys, site+"/content"+concertPage+"/halle.png"); string(got) != string(data) {
		t.Error("the image added since is not copied into the concert's bundle")
	}
}
