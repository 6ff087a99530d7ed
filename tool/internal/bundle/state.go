package bundle

import (
	"errors"
	"io/fs"
	"path"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// StateName is the file, in the content folder, where an import records what it read so that
// a re-run with nothing changed reads nothing. Losing it costs one full import, nothing else:
// it need not be kept in version control. Hugo ignores dot files.
const StateName = ".kiosque-state.json"

// LoadState returns the import state of contentDir, nil when there is none.
func LoadState(fsys afero.Fs, contentDir string) ([]byte, error) {
	name := path.Join(contentDir, StateName)
	data, err := afero.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	return data, nil
}

// SaveState writes the import state of contentDir atomically; nil data removes it.
func SaveState(fsys afero.Fs, contentDir string, data []byte) error {
	name := path.Join(contentDir, StateName)
	if data == nil {
		if _, err := fsys.Stat(name); errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err := fsys.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return failure.At(name, 0, err)
		}
		return nil
	}
	return writeAtomic(fsys, name, data)
}
