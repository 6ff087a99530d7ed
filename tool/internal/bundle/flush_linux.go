package bundle

import (
	"github.com/spf13/afero"
	"golang.org/x/sys/unix"
)

// canFlushAll reports whether the folder dir of fsys lies on the disk, where flushAll can
// flush its whole filesystem at once.
func canFlushAll(fsys afero.Fs, dir string) bool { return OnDisk(fsys, dir) }

// flushAll writes to the disk every file of the filesystem that holds the folder dir of
// fsys (syncfs), as one system call.
func flushAll(fsys afero.Fs, dir string) error {
	f, err := fsys.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	of := osFile(f)
	if of == nil {
		return f.Sync()
	}
	conn, err := of.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := conn.Control(func(fd uintptr) { serr = unix.Syncfs(int(fd)) }); err != nil {
		return err
	}
	return serr
}
