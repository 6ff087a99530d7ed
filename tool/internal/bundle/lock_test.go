package bundle

import (
	"errors"
	"testing"

	"github.com/spf13/afero"
)

// TestLock takes a content folder twice, on a memory filesystem and on the disk: the second
// Lock fails with ErrLocked, naming the lock file, until the first is released.
func TestLock(t *testing.T) {
	for name, fsys := range map[string]afero.Fs{"memory": afero.NewMemMapFs(), "disk": afero.NewOsFs()} {
		dir := "/site/content"
		if name == "disk" {
			dir = t.TempDir() + "/content"
		}
		unlock, err := Lock(fsys, dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := Lock(fsys, dir); !errors.Is(err, ErrLocked) || err.Error() != dir+"/"+LockName+": "+ErrLocked.Error() {
			t.Errorf("%s: a second lock gives %v, want ErrLocked naming the lock file", name, err)
		}
		if other, err := Lock(fsys, dir+"-autre"); err != nil {
			t.Errorf("%s: another folder cannot be locked: %v", name, err)
		} else {
			other()
		}
		unlock()
		again, err := Lock(fsys, dir)
		if err != nil {
			t.Errorf("%s: the released folder cannot be locked again: %v", name, err)
		} else {
			again()
		}
	}
}
