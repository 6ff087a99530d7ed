package bundle

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"path"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// ResumeName is the folder, in the content folder, where an import keeps the checkpoints of
// the web archives it reads, a folder per archive, so that an interrupted import goes on
// where it stopped; an import that ends removes those of the archives it read. Hugo ignores
// dot folders.
const ResumeName = ".kiosque-resume"

// headerName is the file, in an archive's checkpoint folder, that says which archive and
// reading its checkpoints are of.
const headerName = "archive.json"

// checkpointDir returns the checkpoint folder of the archive key.
func checkpointDir(contentDir, key string) string {
	return path.Join(contentDir, ResumeName, key)
}

// checkpointName returns the name of the n-th checkpoint (from 1), in the order saved.
func checkpointName(n int) string {
	return fmt.Sprintf("%06d.json", n)
}

// LoadCheckpoints returns the header of the archive key's checkpoints, nil when it has none,
// and how many checkpoints it has, up to the first one missing.
func LoadCheckpoints(fsys afero.Fs, contentDir, key string) (header []byte, count int) {
	dir := checkpointDir(contentDir, key)
	header, err := afero.ReadFile(fsys, path.Join(dir, headerName))
	if err != nil {
		return nil, 0
	}
	for {
		if _, err := fsys.Stat(path.Join(dir, checkpointName(count+1))); err != nil {
			return header, count
		}
		count++
	}
}

// Checkpoints yields the first count checkpoints of the archive key, one at a time, in the
// order saved, and stops at one that cannot be read.
func Checkpoints(fsys afero.Fs, contentDir, key string, count int) iter.Seq[[]byte] {
	dir := checkpointDir(contentDir, key)
	return func(yield func([]byte) bool) {
		for n := 1; n <= count; n++ {
			data, err := afero.ReadFile(fsys, path.Join(dir, checkpointName(n)))
			if err != nil || !yield(data) {
				return
			}
		}
	}
}

// StartCheckpoints removes the checkpoints of the archive key and writes its header.
func StartCheckpoints(fsys afero.Fs, contentDir, key string, header []byte) error {
	if err := RemoveCheckpoints(fsys, contentDir, key); err != nil {
		return err
	}
	return writeAtomic(fsys, path.Join(checkpointDir(contentDir, key), headerName), header)
}

// SaveCheckpoint writes the n-th checkpoint (from 1) of the archive key atomically.
func SaveCheckpoint(fsys afero.Fs, contentDir, key string, n int, data []byte) error {
	return writeAtomic(fsys, path.Join(checkpointDir(contentDir, key), checkpointName(n)), data)
}

// RemoveCheckpoints removes the checkpoints of the archive key, and the checkpoint folder of
// the content folder once it holds no other archive's.
func RemoveCheckpoints(fsys afero.Fs, contentDir, key string) error {
	dir := checkpointDir(contentDir, key)
	if _, err := fsys.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := fsys.RemoveAll(dir); err != nil {
		return failure.At(dir, 0, err)
	}
	root := path.Join(contentDir, ResumeName)
	if names, err := afero.ReadDir(fsys, root); err == nil && len(names) == 0 {
		_ = fsys.Remove(root)
	}
	return nil
}
