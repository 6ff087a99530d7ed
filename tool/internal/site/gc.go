package site

import (
	"os"
	"runtime/debug"

	"github.com/pbnjay/memory"
)

// BuildGCPercent is the garbage collector's target (GOGC) during a build, unless the
// environment sets GOGC: a build allocates at every template action while it keeps the whole
// site in memory, so that at Go's default of 100 collecting takes a large share of its CPU
// (see the README's figures). At 200 it collects half as often, for about a third more memory.
const BuildGCPercent = 200

// buildMemoryShare is the share of the machine's memory past which a build collects
// garbage as often as it must (a soft limit, debug.SetMemoryLimit), unless the environment
// sets GOMEMLIMIT: BuildGCPercent must not take a large site past the memory it has.
const buildMemoryShare = 0.75

// tuneGC sets the garbage collector for a build (see BuildGCPercent) and returns the
// function that restores the settings it changed.
func tuneGC() (restore func()) {
	var undo []func()
	if os.Getenv("GOGC") == "" {
		prev := debug.SetGCPercent(BuildGCPercent)
		undo = append(undo, func() { debug.SetGCPercent(prev) })
	}
	if total := memory.TotalMemory(); os.Getenv("GOMEMLIMIT") == "" && total > 0 {
		prev := debug.SetMemoryLimit(int64(float64(total) * buildMemoryShare))
		undo = append(undo, func() { debug.SetMemoryLimit(prev) })
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}
