package bundle

import (
	"os"

	"github.com/spf13/afero"
)

// OnDisk reports whether the folder dir of fsys is a folder of the operating system's own
// filesystem (afero.OsFs, or a BasePathFs over it), not of a memory filesystem: one whose
// files can be flushed to the disk, and whose folders' modification times change with their
// entries.
func OnDisk(fsys afero.Fs, dir string) bool {
	f, err := fsys.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	return osFile(f) != nil
}

// osFile returns the file of the operating system f is, or wraps (afero.BasePathFs), or nil.
func osFile(f afero.File) *os.File {
	for {
		switch g := f.(type) {
		case *os.File:
			return g
		case *afero.BasePathFile:
			f = g.File
		default:
			return nil
		}
	}
}
