package bundle

import (
	"path"
	"runtime"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestWriterStages writes a bundle in the Writer's three steps on a memory filesystem and on
// the disk: Plan stages the index file outside the section and leaves the bundle unwritten,
// Flush and Commit move it into place, CleanStaging leaves no staging folder. On Linux the
// disk's staged files are flushed at once (syncfs), never on a memory filesystem.
func TestWriterStages(t *testing.T) {
	for _, c := range []struct {
		msg   string
		fsys  func(t *testing.T) afero.Fs
		batch bool
	}{
		{"memory", func(*testing.T) afero.Fs { return afero.NewMemMapFs() }, false},
		{"disk", func(t *testing.T) afero.Fs { return afero.NewBasePathFs(afero.NewOsFs(), t.TempDir()) }, runtime.GOOS == "linux"},
	} {
		fsys := c.fsys(t)
		if err := fsys.MkdirAll("/c", 0o755); err != nil {
			t.Fatal(err)
		}
		w := &Writer{Fs: fsys, ContentDir: "/c", Manifest: &Manifest{Entries: map[string]Entry{}}}
		a := *halle
		a.Page = "/articles/la-halle-rouvre"
		p, err := w.Plan(&a, "articles/la-halle-rouvre")
		if err != nil {
			t.Fatalf("%s: %v", c.msg, err)
		}
		final := "/c/articles/la-halle-rouvre/index.md"
		staged := path.Join("/c", StagingName, "articles/la-halle-rouvre.index.md")
		want, _ := Render(&a)
		if got, err := afero.ReadFile(fsys, staged); err != nil || string(got) != string(want) {
			t.Errorf("%s: staged %q (%v), want the rendered bundle", c.msg, got, err)
		}
		if ok, _ := afero.Exists(fsys, final); ok {
			t.Errorf("%s: the plan wrote the bundle before its commit", c.msg)
		}
		if w.batch != c.batch {
			t.Errorf("%s: flushed at once = %v, want %v", c.msg, w.batch, c.batch)
		}
		if err := w.Flush([]*Plan{p}); err != nil {
			t.Errorf("%s: Flush: %v", c.msg, err)
		}
		if err := w.Commit(p); err != nil {
			t.Fatalf("%s: Commit: %v", c.msg, err)
		}
		if got, err := afero.ReadFile(fsys, final); err != nil || string(got) != string(want) {
			t.Errorf("%s: committed %q (%v), want the rendered bundle", c.msg, got, err)
		}
		if err := w.CleanStaging(); err != nil {
			t.Errorf("%s: CleanStaging: %v", c.msg, err)
		}
		if ok, _ := afero.Exists(fsys, path.Join("/c", StagingName)); ok {
			t.Errorf("%s: the staging folder is left", c.msg)
		}
	}
}

// TestWriteFiles writes files at once, on a memory filesystem and on the disk: each file
// lands whole, with no temporary file beside it; on the disk, a file that cannot be written
// (its folder is a file) fails alone, named, while the others are written.
func TestWriteFiles(t *testing.T) {
	for _, c := range []struct {
		msg     string
		fsys    func(t *testing.T) afero.Fs
		blocked bool // the second file's folder is a file
	}{
		{"memory", func(*testing.T) afero.Fs { return afero.NewMemMapFs() }, false},
		{"disk", func(t *testing.T) afero.Fs { return afero.NewBasePathFs(afero.NewOsFs(), t.TempDir()) }, true},
	} {
		fsys := c.fsys(t)
		if err := fsys.MkdirAll("/c/authors", 0o755); err != nil {
			t.Fatal(err)
		}
		if c.blocked {
			if err := afero.WriteFile(fsys, "/c/authors/blocked", []byte("a file"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		files := []File{
			{"/c/authors/anne-delorme/_index.md", []byte("---\ntitle: Anne Delorme\n---\n")},
			{"/c/authors/blocked/_index.md", []byte("---\ntitle: Blocked\n---\n")},
			{"/c/authors/paul-vernet/_index.md", []byte("---\ntitle: Paul Vernet\n---\n")},
		}
		errs := WriteFiles(fsys, files)
		for i, f := range files {
			got, err := afero.ReadFile(fsys, f.Name)
			switch {
			case i == 1 && c.blocked:
				if len(errs) != len(files) || errs[i] == nil || !strings.Contains(errs[i].Error(), f.Name) {
					t.Errorf("%s: errors %v, want one naming %s", c.msg, errs, f.Name)
				}
				continue
			case err != nil || string(got) != string(f.Data):
				t.Errorf("%s: %s is %q (%v), want %q", c.msg, f.Name, got, err, f.Data)
			case len(errs) == len(files) && errs[i] != nil:
				t.Errorf("%s: %s written, with the error %v", c.msg, f.Name, errs[i])
			}
			if tmp, _ := afero.Glob(fsys, path.Join(path.Dir(f.Name), tempPattern)); len(tmp) > 0 {
				t.Errorf("%s: temporary files left: %q", c.msg, tmp)
			}
		}
		if !c.blocked && errs != nil {
			t.Errorf("%s: errors %v, want none", c.msg, errs)
		}
	}
}
