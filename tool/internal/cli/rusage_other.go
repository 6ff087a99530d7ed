//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package cli

// maxRSS reports that getrusage is not available here.
func maxRSS() (uint64, bool) { return 0, false }
