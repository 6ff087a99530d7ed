//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package bundle

import "errors"

// errWouldBlock is never returned: this system has no file locks kiosque knows, and Lock
// guards only against imports of the same process.
var errWouldBlock = errors.New("locked")

func lockFile(uintptr) error   { return nil }
func unlockFile(uintptr) error { return nil }
