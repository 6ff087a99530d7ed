package bundle

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sync"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// LockName is the lock file's name in the content folder. Hugo ignores dot files.
const LockName = ".kiosque-lock"

// ErrLocked is the reason of an import refused because another one is writing to the same
// content folder.
var ErrLocked = errors.New("another import is writing to this site")

// lockHint says what to do about ErrLocked.
const lockHint = "wait for the other import to finish, then run this one again"

// held lists the content folders locked by this process on filesystems that are not the
// operating system's (a memory filesystem), which the operating system cannot lock.
var held = struct {
	sync.Mutex
	m map[heldKey]bool
}{m: map[heldKey]bool{}}

type heldKey struct {
	fs   afero.Fs
	name string
}

// fdFile is a file the operating system can lock.
type fdFile interface{ Fd() uintptr }

// Lock takes the content folder for one import, so that two imports never write to it at
// once: while the lock is held, a second Lock of the same folder, from this process or
// another, fails at once with ErrLocked (the failure names the lock file). The operating
// system drops the lock when the process ends, killed or not, so a lock never outlives its
// import. The lock file is created once and left in place; unlock releases the lock.
func Lock(fsys afero.Fs, contentDir string) (unlock func(), err error) {
	name := path.Join(contentDir, LockName)
	f, err := fsys.Open(name) // read-only: taking the lock changes nothing on disk
	if errors.Is(err, fs.ErrNotExist) {
		if err := fsys.MkdirAll(contentDir, 0o755); err != nil {
			return nil, failure.At(contentDir, 0, err)
		}
		created, cerr := fsys.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if cerr != nil {
			return nil, failure.At(name, 0, cerr)
		}
		created.Close()
		f, err = fsys.Open(name)
	}
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	locked := failure.At(name, 0, ErrLocked).WithHint(lockHint)
	if fd, ok := f.(fdFile); ok {
		if err := lockFile(fd.Fd()); err != nil {
			f.Close()
			if errors.Is(err, errWouldBlock) {
				return nil, locked
			}
			return nil, failure.At(name, 0, err)
		}
		return func() {
			_ = unlockFile(fd.Fd())
			f.Close()
		}, nil
	}
	f.Close()
	key := heldKey{fsys, name}
	held.Lock()
	defer held.Unlock()
	if held.m[key] {
		return nil, locked
	}
	held.m[key] = true
	return func() {
		held.Lock()
		delete(held.m, key)
		held.Unlock()
	}, nil
}
