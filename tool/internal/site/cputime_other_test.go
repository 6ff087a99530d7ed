//go:build !unix

package site

import "time"

// cpuTime returns 0: the processor time is measured on unix systems only.
func cpuTime() time.Duration { return 0 }
