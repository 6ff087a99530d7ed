package bundle

import (
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// Outcome says what Write did with one article.
type Outcome string

// The outcomes of a write.
const (
	Created   Outcome = "created"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged"
	Kept      Outcome = "kept" // the bundle was edited by hand; left as it is
)

// Writer writes page bundles into a content folder.
type Writer struct {
	Fs         afero.Fs
	ContentDir string
	Manifest   *Manifest
	// Force rewrites bundles that were edited by hand.
	Force bool
	// DryRun decides every outcome but writes nothing.
	DryRun bool
}

// Write writes the bundle of a at content/<bundleDir>/index.md and records it in the
// manifest. bundleDir is relative to the content folder ("articles/<slug>").
func (w *Writer) Write(a *article.Article, bundleDir string) (Outcome, error) {
	data, err := Render(a)
	if err != nil {
		return "", err
	}
	bundleDir = cleanPath(bundleDir)
	name := path.Join(w.ContentDir, bundleDir, "index.md")
	entry, known := w.Manifest.Entries[a.Source.Path]
	newEntry := Entry{Bundle: bundleDir, SourceSHA256: a.Source.SHA256, WrittenSHA256: digest(data)}
	if a.DateSource == article.DateFile || a.DateSource == article.DateImported {
		newEntry.Date = a.Date.Format("2006-01-02T15:04:05Z07:00")
	}

	current, err := afero.ReadFile(w.Fs, name)
	var outcome Outcome
	switch {
	case errors.Is(err, fs.ErrNotExist):
		outcome = Created
	case err != nil:
		return "", fmt.Errorf("failed to read %q: %w", name, err)
	case digest(current) == newEntry.WrittenSHA256:
		outcome = Unchanged
	case !known || entry.Bundle != bundleDir || digest(current) != entry.WrittenSHA256:
		// Not what kiosque last wrote there: a hand edit, or a writer's own bundle.
		if !w.Force {
			return Kept, nil
		}
		outcome = Updated
	default:
		outcome = Updated
	}
	if w.DryRun {
		return outcome, nil
	}
	if outcome != Unchanged {
		if err := writeAtomic(w.Fs, name, data); err != nil {
			return "", err
		}
	}
	w.Manifest.Entries[a.Source.Path] = newEntry
	return outcome, nil
}

// writeAtomic writes data to a temporary file beside name, then renames it over name, so a
// reader never sees half a file and an interrupted write leaves the old file intact.
func writeAtomic(fsys afero.Fs, name string, data []byte) error {
	if err := fsys.MkdirAll(path.Dir(name), 0o755); err != nil {
		return fmt.Errorf("failed to create %q: %w", path.Dir(name), err)
	}
	tmp, err := afero.TempFile(fsys, path.Dir(name), ".kiosque-*.tmp")
	if err != nil {
		return fmt.Errorf("failed to write %q: %w", name, err)
	}
	tmpName := tmp.Name()
	_, werr := tmp.Write(data)
	if serr := tmp.Sync(); werr == nil {
		werr = serr
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = fsys.Rename(tmpName, name)
	}
	if werr != nil {
		_ = fsys.Remove(tmpName)
		return fmt.Errorf("failed to write %q: %w", name, werr)
	}
	return nil
}
