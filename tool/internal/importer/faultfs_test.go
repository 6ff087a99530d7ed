package importer

import (
	"errors"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// errInjected is the failure faultFs injects.
var errInjected = errors.New("injected failure")

// faultFs wraps an afero.Fs to count the operations that change the filesystem and to make
// them fail: all of them after the first budget ones (a power cut when budget >= 0), or the
// writes of files whose name contains failOn, cut half-way through the data.
type faultFs struct {
	afero.Fs
	mu      sync.Mutex
	changes []string
	budget  int
	failOn  string
}

func newFaultFs(base afero.Fs) *faultFs { return &faultFs{Fs: base, budget: -1} }

// change records an operation that changes the filesystem and says whether it may run.
func (f *faultFs) change(op, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.changes = append(f.changes, op+" "+name)
	if f.budget >= 0 && len(f.changes) > f.budget {
		return &os.PathError{Op: op, Path: name, Err: errInjected}
	}
	return nil
}

func (f *faultFs) Create(name string) (afero.File, error) {
	return f.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (f *faultFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) == 0 {
		return f.Fs.OpenFile(name, flag, perm)
	}
	if err := f.change("open", name); err != nil {
		return nil, err
	}
	file, err := f.Fs.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &faultFile{File: file, fs: f}, nil
}

func (f *faultFs) Mkdir(name string, perm os.FileMode) error {
	if err := f.change("mkdir", name); err != nil {
		return err
	}
	return f.Fs.Mkdir(name, perm)
}

func (f *faultFs) MkdirAll(name string, perm os.FileMode) error {
	if fi, err := f.Fs.Stat(name); err == nil && fi.IsDir() {
		return nil // nothing to change
	}
	if err := f.change("mkdir", name); err != nil {
		return err
	}
	return f.Fs.MkdirAll(name, perm)
}

func (f *faultFs) Remove(name string) error {
	if err := f.change("remove", name); err != nil {
		return err
	}
	return f.Fs.Remove(name)
}

func (f *faultFs) RemoveAll(name string) error {
	if err := f.change("remove", name); err != nil {
		return err
	}
	return f.Fs.RemoveAll(name)
}

func (f *faultFs) Rename(oldname, newname string) error {
	if err := f.change("rename", newname); err != nil {
		return err
	}
	return f.Fs.Rename(oldname, newname)
}

func (f *faultFs) Chmod(name string, mode os.FileMode) error {
	if err := f.change("chmod", name); err != nil {
		return err
	}
	return f.Fs.Chmod(name, mode)
}

func (f *faultFs) Chtimes(name string, atime, mtime time.Time) error {
	if err := f.change("chtimes", name); err != nil {
		return err
	}
	return f.Fs.Chtimes(name, atime, mtime)
}

// faultFile is a file opened for writing on a faultFs.
type faultFile struct {
	afero.File
	fs *faultFs
}

func (f *faultFile) Write(p []byte) (int, error) {
	if f.fs.failOn != "" && strings.Contains(f.Name(), f.fs.failOn) {
		n, _ := f.File.Write(p[:len(p)/2])
		return n, &os.PathError{Op: "write", Path: f.Name(), Err: errInjected}
	}
	if err := f.fs.change("write", f.Name()); err != nil {
		return 0, err
	}
	return f.File.Write(p)
}
