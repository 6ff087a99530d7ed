package bundle

import (
	"errors"
	"io"
	"io/fs"
	"path"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// ParseCacheName is the file, in the content folder, where an import keeps what it read of
// each scrape, so that the next import reads again only the scrapes that changed. Losing it
// costs one reading of every scrape, nothing else: it need not be kept in version control.
// Hugo ignores dot files.
const ParseCacheName = ".kiosque-parsed.jsonl"

// OpenParseCache opens the parse cache of contentDir for reading; nil when there is none.
func OpenParseCache(fsys afero.Fs, contentDir string) (afero.File, error) {
	name := path.Join(contentDir, ParseCacheName)
	f, err := fsys.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	return f, nil
}

// SaveParseCache writes the parse cache of contentDir atomically, as write streams it.
func SaveParseCache(fsys afero.Fs, contentDir string, write func(w io.Writer) error) error {
	return writeAtomicWith(fsys, path.Join(contentDir, ParseCacheName), write)
}
