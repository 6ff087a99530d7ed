package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/spf13/afero"
)

// ManifestName is the manifest's file name in the content folder. Hugo ignores dot files.
const ManifestName = ".kiosque-manifest.json"

// Entry is what the manifest knows of one imported bundle.
type Entry struct {
	// Bundle is the bundle's folder relative to the content folder ("articles/<slug>").
	Bundle string `json:"bundle"`
	// SourceSHA256 is the digest of the scrape the bundle was written from.
	SourceSHA256 string `json:"source_sha256"`
	// WrittenSHA256 is the digest of the index.md kiosque last wrote.
	WrittenSHA256 string `json:"written_sha256"`
	// Date is the date kiosque gave an article whose scrape carries none, kept across re-runs.
	Date string `json:"date,omitempty"`
}

// Manifest maps each scrape's source path to its Entry.
type Manifest struct {
	Entries map[string]Entry `json:"entries"`
}

// LoadManifest reads the manifest of contentDir; a missing manifest is an empty one.
func LoadManifest(fsys afero.Fs, contentDir string) (*Manifest, error) {
	m := &Manifest{Entries: map[string]Entry{}}
	name := path.Join(contentDir, ManifestName)
	data, err := afero.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("failed to read %q: %w", name, err)
	}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("failed to read %q: %w", name, err)
	}
	if m.Entries == nil {
		m.Entries = map[string]Entry{}
	}
	return m, nil
}

// Save writes the manifest atomically, with sorted keys so that it diffs well.
func (m *Manifest) Save(fsys afero.Fs, contentDir string) error {
	keys := make([]string, 0, len(m.Entries))
	for k := range m.Entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(fsys, path.Join(contentDir, ManifestName), append(data, '\n'))
}

// BundleOwner returns the source that owns a bundle folder, if any.
func (m *Manifest) BundleOwner(bundle string) (string, bool) {
	for src, e := range m.Entries {
		if e.Bundle == bundle {
			return src, true
		}
	}
	return "", false
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
