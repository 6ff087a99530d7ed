package importer

import (
	"os"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

// openCounter is a filesystem that counts the files opened under a folder.
type openCounter struct {
	afero.Fs
	under  string
	mu     sync.Mutex // the import's workers open files at once
	opened map[string]int
}

func newOpenCounter(base afero.Fs, under string) *openCounter {
	return &openCounter{Fs: base, under: under, opened: map[string]int{}}
}

func (c *openCounter) Open(name string) (afero.File, error) {
	c.count(name)
	return c.Fs.Open(name)
}

func (c *openCounter) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	c.count(name)
	return c.Fs.OpenFile(name, flag, perm)
}

func (c *openCounter) count(name string) {
	if strings.HasPrefix(name, c.under+"/") {
		c.mu.Lock()
		c.opened[name]++
		c.mu.Unlock()
	}
}

// assertReplays checks that a re-run of fsys with nothing changed reports what an import that
// reads everything reports (one whose state was lost), and writes nothing.
func assertReplays(t *testing.T, fsys afero.Fs, msg string) {
	t.Helper()
	lost := afero.NewMemMapFs()
	for name, data := range snapshot(t, fsys, site) {
		writeFile(t, lost, name, data)
		fi, _ := fsys.Stat(name)
		_ = lost.Chtimes(name, fi.ModTime(), fi.ModTime())
	}
	_ = lost.Remove(path.Join(site, "content", bundle.StateName))
	want := runImport(t, importOpts(lost))
	watch := newFaultFs(fsys)
	got := runImport(t, importOpts(watch))
	if len(watch.changes) != 0 {
		t.Errorf("%s: the re-run changed the filesystem: %q", msg, watch.changes)
	}
	if !slices.Equal(got.Items, want.Items) {
		t.Errorf("%s: items\n%+v\nwant (read anew)\n%+v", msg, got.Items, want.Items)
	}
	if !slices.Equal(got.Duplicates, want.Duplicates) {
		t.Errorf("%s: duplicates %+v, want %+v", msg, got.Duplicates, want.Duplicates)
	}
	if g, w := messages(got), messages(want); !slices.Equal(g, w) {
		t.Errorf("%s: failures and warnings\n%q\nwant\n%q", msg, g, w)
	}
}

// messages returns a report's failures and warnings as the command line prints them.
func messages(rep *Report) []string {
	var out []string
	for _, f := range rep.Failures {
		out = append(out, "error: "+f.Error()+" hint: "+f.Hint)
	}
	for _, w := range rep.Warnings {
		out = append(out, "warning: "+w.Error()+" hint: "+w.Hint)
	}
	return out
}

// TestReplay re-imports an unchanged site: no scrape is opened, and the report is the one
// an import that reads everything gives, failure, duplicate and all.
func TestReplay(t *testing.T) {
	fsys := corpusFs(t)
	runImport(t, importOpts(fsys))
	count := newOpenCounter(fsys, site+"/scrapes")
	rep := runImport(t, importOpts(count))
	if len(count.opened) != 0 {
		t.Errorf("the re-run opened %v", count.opened)
	}
	if n := rep.Count(bundle.Unchanged); n != 3 {
		t.Errorf("%d bundles unchanged, want 3: %+v", n, rep.Items)
	}
	if len(rep.Failures) != 1 || len(rep.Duplicates) != 1 {
		t.Errorf("failures %v, duplicates %v: want the empty scrape and the copy", rep.Failures, rep.Duplicates)
	}
	assertReplays(t, fsys, "an unchanged site")
}

// TestReplayTouched gives a scrape a new modification time, its bytes unchanged: the re-run
// hashes that file alone, writes nothing but the new stamp, and the next one opens nothing.
func TestReplayTouched(t *testing.T) {
	fsys := corpusFs(t)
	runImport(t, importOpts(fsys))
	name := site + "/scrapes/b-pecheurs.txt"
	later := epoch.Add(48 * time.Hour)
	if err := fsys.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	count := newOpenCounter(fsys, site+"/scrapes")
	rep := runImport(t, importOpts(count))
	if !maps1(count.opened, name) {
		t.Errorf("the re-run opened %v, want %s once", count.opened, name)
	}
	if n := rep.Count(bundle.Unchanged); n != 3 {
		t.Errorf("%d bundles unchanged, want 3: %+v", n, rep.Items)
	}
	count = newOpenCounter(fsys, site+"/scrapes")
	runImport(t, importOpts(count))
	if len(count.opened) != 0 {
		t.Errorf("the next re-run opened %v", count.opened)
	}
	assertReplays(t, fsys, "a touched scrape")
}

// maps1 reports whether opened holds name, opened once, and nothing else.
func maps1(opened map[string]int, name string) bool {
	return len(opened) == 1 && opened[name] == 1
}

// TestReplaySameSize changes a scrape without changing its size: its new time makes the
// re-run hash it, see the change and import it.
func TestReplaySameSize(t *testing.T) {
	fsys := corpusFs(t)
	runImport(t, importOpts(fsys))
	name := site + "/scrapes/b-pecheurs.txt"
	src, _ := afero.ReadFile(fsys, name)
	changed := strings.Replace(string(src), "mardi matin", "lundi matin", 1)
	if len(changed) != len(src) || changed == string(src) {
		t.Fatal("the edit must keep the size")
	}
	writeFile(t, fsys, name, changed)
	later := epoch.Add(time.Minute) // as an editor saving it gives
	if err := fsys.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	rep := runImport(t, importOpts(fsys))
	if got := itemOf(rep, pecheursDir); got.Outcome != bundle.Updated || got.Reason != bundle.ReasonScrape {
		t.Errorf("after a same-size change: %+v, want updated as the scrape changed", got)
	}
	assertReplays(t, fsys, "a same-size change")
}

// TestReplayAfterChange checks the re-run after each kind of change: the scrape read anew,
// a new scrape that changes the links of others, a bundle edited by hand, a new sidecar, a
// new vocabulary, a lost manifest, a profile removed, a writer's own page added, a scrape
// removed; on a memory filesystem and on the disk, where the state does not read again the
// folders whose modification time it recorded.
func TestReplayAfterChange(t *testing.T) {
	for _, fs := range []struct {
		msg    string
		corpus func(testing.TB) afero.Fs
	}{{"memory", corpusFs}, {"disk", corpusDisk}} {
		for _, c := range replayChanges {
			want := fs.corpus(t)
			runImport(t, importOpts(want))
			got := fs.corpus(t)
			runImport(t, importOpts(got))
			runImport(t, importOpts(got)) // the run that replays
			c.change(t, want)
			c.change(t, got)
			_ = want.Remove(path.Join(site, "content", bundle.StateName))
			w, g := runImport(t, importOpts(want)), runImport(t, importOpts(got))
			if !slices.Equal(g.Items, w.Items) || !slices.Equal(messages(g), messages(w)) || !slices.Equal(g.Profiles, w.Profiles) {
				t.Errorf("%s, %s: after a replay\n%+v %q %v\nwant (without one)\n%+v %q %v", fs.msg, c.msg, g.Items, messages(g), g.Profiles, w.Items, messages(w), w.Profiles)
			}
			assertReplays(t, got, fs.msg+", "+c.msg)
		}
	}
}

// replayChanges are the changes of TestReplayAfterChange.
var replayChanges = []struct {
	msg    string
	change func(t *testing.T, fsys afero.Fs)
}{
	{"a changed scrape", changeScrape},
	{"a new scrape announcing another", addScrape},
	{"a bundle edited by hand", func(t *testing.T, fsys afero.Fs) {
		name := path.Join(site, "content", budgetDir, "index.md")
		data, _ := afero.ReadFile(fsys, name)
		writeFile(t, fsys, name, string(data)+"\nUn paragraphe de la rédaction.\n")
	}},
	{"a new sidecar", func(t *testing.T, fsys afero.Fs) {
		writeFile(t, fsys, site+"/scrapes/f-phare.meta.json", `{"date": "2026-02-11T07:00:00+01:00"}`)
	}},
	{"a new vocabulary of tags", func(t *testing.T, fsys afero.Fs) {
		writeFile(t, fsys, site+"/"+TagsFile, "Port-Aubrac: [Port-Aubrac]\n")
	}},
	{"a lost manifest", func(t *testing.T, fsys afero.Fs) {
		_ = fsys.Remove(path.Join(site, "content", bundle.ManifestName))
	}},
	{"a profile removed", func(t *testing.T, fsys afero.Fs) {
		_ = fsys.RemoveAll(path.Join(site, "content", bundle.AuthorsSection, "hugo-martel"))
	}},
	{"a writer's own page added", func(t *testing.T, fsys afero.Fs) {
		_ = fsys.MkdirAll(path.Join(site, "content", "articles", "mon-billet"), 0o755)
		writeFile(t, fsys, path.Join(site, "content", "articles", "mon-billet", "index.md"),
			"---\ntitle: Les pêcheurs de Port-Aubrac et le budget de Valmont\ntags: [Port-Aubrac, Valmont]\n---\nUn billet de la rédaction.\n")
	}},
	{"a scrape removed", func(t *testing.T, fsys afero.Fs) {
		_ = fsys.Remove(site + "/scrapes/c-centenaire.txt")
	}},
}

// TestStateFile writes a state and reads it back whole, with the paths a filesystem allows
// that a line of the file must quote: spaces, a tab, a line break, an opening quote.
func TestStateFile(t *testing.T) {
	odd := []string{"scrapes/le marché.txt", "scrapes/a\ttab.txt", "scrapes/two\nlines.txt", `scrapes/"quoted".txt`, `"scrapes/opening.txt`}
	want := &state{Settings: "abc", Files: map[string]stamp{}, Dirs: map[string]int64{"scrapes": 17, "content/articles": 0},
		Failures: []failed{{File: "scrapes/e-vide.txt", Reason: "empty file"}}}
	for i, p := range odd {
		want.Files[p] = stamp{Size: int64(i), ModTime: int64(1000 + i), SHA256: strings.Repeat("ab", 32)}
		want.Items = append(want.Items, Item{Source: p, Bundle: "articles/x" + p, Index: "index.md", Outcome: bundle.Kept, Reason: bundle.ReasonHandEdit, Noted: i%2 == 0})
	}
	want.Files["data/tags.yaml"] = stamp{Size: 3, ModTime: 0}
	want.Items = append(want.Items, Item{Source: "scrapes/r.jsonl#L2", Bundle: "articles/r", Index: "index.en.md", Folder: "en", Outcome: bundle.Unchanged})
	data, err := encodeState(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeState(data)
	if err != nil {
		t.Fatalf("the state written cannot be read back: %v\n%s", err, data)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
	for _, bad := range []string{"not json", `{"settings":"x"}` + "\nf 12 x - scrapes/a.txt\n", `{"settings":"x"}` + "\nz what\n", `{"settings":"x"}` + "\ni\tcreated\n"} {
		if _, err := decodeState([]byte(bad)); err == nil {
			t.Errorf("%q read as a state", bad)
		}
	}
}
