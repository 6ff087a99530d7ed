package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// ManifestName is the manifest's file name in the content folder. Hugo ignores dot files.
const ManifestName = ".kiosque-manifest.json"

// manifestHint says how to recover a broken manifest.
const manifestHint = "restore it from version control: without it, kiosque takes every bundle it wrote for a writer's own page"

// Entry is what the manifest knows of one imported bundle.
type Entry struct {
	// Bundle is the bundle's folder relative to its content folder ("articles/<slug>").
	Bundle string `json:"bundle"`
	// Folder is the language whose own content folder holds the bundle (Target.Folders), ""
	// for the default content folder, which holds the manifest.
	Folder string `json:"folder,omitempty"`
	// SourceSHA256 is the digest of the scrape the bundle was written from.
	SourceSHA256 string `json:"source_sha256"`
	// WrittenSHA256 is the digest of the index.md kiosque last wrote.
	WrittenSHA256 string `json:"written_sha256"`
	// PendingSHA256 is the digest of an index.md kiosque set out to write and may not have
	// finished: a file with either digest is kiosque's own.
	PendingSHA256 string `json:"pending_sha256,omitempty"`
	// Date is the date kiosque gave an article whose scrape carries none, kept across re-runs.
	Date string `json:"date,omitempty"`
	// DateSource is where that date came from ("file" or "imported").
	DateSource string `json:"date_source,omitempty"`
	// KeptSHA256 is the digest of the index.md kiosque last declined to write over a bundle
	// edited by hand: the warning is given once per change.
	KeptSHA256 string `json:"kept_sha256,omitempty"`
}

// Manifest maps each scrape's source path to its Entry.
type Manifest struct {
	Entries map[string]Entry `json:"entries"`
	// stale lists the temporary files an interrupted save left; Save removes them.
	stale []string
}

// Stale reports whether an interrupted run left temporary files of the manifest behind.
func (m *Manifest) Stale() bool { return len(m.stale) > 0 }

// LoadManifest reads the manifest of contentDir; a missing manifest is an empty one.
func LoadManifest(fsys afero.Fs, contentDir string) (*Manifest, error) {
	m := &Manifest{Entries: map[string]Entry{}, stale: staleTemps(fsys, contentDir)}
	name := path.Join(contentDir, ManifestName)
	data, err := afero.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, failure.At(name, 0, fmt.Errorf("not a manifest: %w", err)).WithHint(manifestHint)
	}
	if m.Entries == nil {
		m.Entries = map[string]Entry{}
	}
	return m, nil
}

// wrote reports whether a file with digest d is one kiosque wrote (or set out to write).
func (e Entry) wrote(d string) bool {
	return d == e.WrittenSHA256 || e.PendingSHA256 != "" && d == e.PendingSHA256
}

// Save writes the manifest atomically; encoding/json sorts the keys, so that it diffs well.
func (m *Manifest) Save(fsys afero.Fs, contentDir string) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := writeAtomic(fsys, path.Join(contentDir, ManifestName), append(data, '\n')); err != nil {
		return err
	}
	for _, s := range m.stale {
		_ = fsys.Remove(s)
	}
	m.stale = nil
	return nil
}

// Bundles returns the set of bundle folders the manifest knows.
func (m *Manifest) Bundles() map[string]bool {
	b := make(map[string]bool, len(m.Entries))
	for _, e := range m.Entries {
		b[e.Bundle] = true
	}
	return b
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
