//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package cli

import (
	"runtime"
	"syscall"
)

// maxRSS returns the peak resident memory of the process so far, in bytes, from getrusage.
func maxRSS() (uint64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	if runtime.GOOS == "darwin" {
		return uint64(ru.Maxrss), true // bytes
	}
	return uint64(ru.Maxrss) * 1024, true // kibibytes
}
