//go:build windows

package bundle

import "golang.org/x/sys/windows"

// errWouldBlock is the error of a lock another process holds.
var errWouldBlock = windows.ERROR_LOCK_VIOLATION

// lockFile takes an exclusive lock on the open file fd, or fails at once with errWouldBlock.
func lockFile(fd uintptr) error {
	return windows.LockFileEx(windows.Handle(fd), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, new(windows.Overlapped))
}

// unlockFile releases the lock of lockFile.
func unlockFile(fd uintptr) error {
	return windows.UnlockFileEx(windows.Handle(fd), 0, 1, 0, new(windows.Overlapped))
}
