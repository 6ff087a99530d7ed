package importer

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// site is where the tests' site folder lives on their memory filesystems.
const site = "/site"

// epoch is the modification time given to every test scrape, so that dates are stable.
var epoch = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// corpusFs returns a memory filesystem holding the fictional corpus of testdata/corpus as a
// site folder: scrapes/ and data/.
func corpusFs(t testing.TB) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	err := filepath.WalkDir("testdata/corpus", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/corpus", p)
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

// corpusDisk is corpusFs on the disk, in a temporary folder: there, the import state trusts
// the folders' modification times (see Options.dirTimesKept).
func corpusDisk(t testing.TB) afero.Fs {
	t.Helper()
	fsys := afero.NewBasePathFs(afero.NewOsFs(), t.TempDir())
	mem := corpusFs(t)
	for name, data := range snapshot(t, mem, site) {
		if err := fsys.MkdirAll(path.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := fsys.Chtimes(name, epoch, epoch); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

// importOpts returns the options of an import of the site's scrapes/ folder.
func importOpts(fsys afero.Fs) Options {
	return Options{
		Fs:            fsys,
		SiteDir:       site,
		ContentDir:    site + "/content",
		Inputs:        []string{site + "/scrapes"},
		DefaultAuthor: "La rédaction",
		Now:           func() time.Time { return epoch.Add(time.Hour) },
	}
}

// runImport imports and fails the test if the site itself could not be used.
func runImport(t testing.TB, opts Options) *Report {
	t.Helper()
	rep, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// dryRun imports base in a dry run and fails the test if the run changed the filesystem.
func dryRun(t testing.TB, base afero.Fs) *Report {
	t.Helper()
	fsys := newFaultFs(base)
	opts := importOpts(fsys)
	opts.DryRun = true
	rep := runImport(t, opts)
	if len(fsys.changes) != 0 {
		t.Errorf("a dry run changed the filesystem: %q", fsys.changes)
	}
	return rep
}

// takeAway removes the file name and returns its bytes, for the test to put back.
func takeAway(t testing.TB, fsys afero.Fs, name string) []byte {
	t.Helper()
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	if err := fsys.Remove(name); err != nil {
		t.Fatal(err)
	}
	return data
}

// putBack writes again, as of now, a file that takeAway removed.
func putBack(t testing.TB, fsys afero.Fs, name string, data []byte) {
	t.Helper()
	if err := afero.WriteFile(fsys, name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot returns every file under root with its content.
func snapshot(t testing.TB, fsys afero.Fs, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := afero.Walk(fsys, root, func(p string, fi fs.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		data, err := afero.ReadFile(fsys, p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sortedFiles(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
