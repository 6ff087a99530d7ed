//go:build unix

package site

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, user and system: on a shared
// machine a steadier measure than the wall clock.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
