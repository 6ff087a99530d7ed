//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package bundle

import (
	"errors"
	"syscall"
)

// errWouldBlock is the error of a lock another process holds.
var errWouldBlock = syscall.EWOULDBLOCK

// lockFile takes an exclusive lock on the open file fd, or fails at once with errWouldBlock.
func lockFile(fd uintptr) error {
	for {
		err := syscall.Flock(int(fd), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// unlockFile releases the lock of lockFile.
func unlockFile(fd uintptr) error { return syscall.Flock(int(fd), syscall.LOCK_UN) }
