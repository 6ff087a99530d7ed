package bundle

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/spf13/afero"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// Folders is the set of page names in a content section: its folders, and its Markdown
// files without the extension (Hugo publishes "le-pont.md" at the address of a bundle
// "le-pont/"). Names compare the way macOS and Windows compare file names: without case, and
// with "é" typed as one character or as "e" and an accent being the same name. A new folder
// whose name the set has would clash with a page already there, on such a filesystem if not
// on this one.
type Folders map[string]string

// foldName returns the name as Folders compares it.
func foldName(name string) string {
	return cases.Fold().String(norm.NFC.String(name))
}

// ReadFolders returns the page names of dir; a missing dir has none.
func ReadFolders(fsys afero.Fs, dir string) (Folders, error) {
	f := Folders{}
	entries, err := afero.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, failure.At(dir, 0, err)
	}
	for _, e := range entries {
		switch name := e.Name(); {
		case e.IsDir():
			f.Add(name)
		case strings.HasSuffix(name, ".md"):
			f.Add(strings.TrimSuffix(name, ".md"))
		}
	}
	return f, nil
}

// Has reports whether a folder of that name, in any case or normal form, is in the set.
func (f Folders) Has(name string) bool {
	_, ok := f[foldName(name)]
	return ok
}

// Spelling returns the name the set has for name, in whatever case or normal form, and
// whether it has one.
func (f Folders) Spelling(name string) (string, bool) {
	s, ok := f[foldName(name)]
	return s, ok
}

// Add puts a folder in the set, under its own spelling unless the set has another.
func (f Folders) Add(name string) {
	if !f.Has(name) {
		f[foldName(name)] = name
	}
}
