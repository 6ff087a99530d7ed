package site

import (
	"runtime/debug"
	"testing"
)

// gcPercent returns the garbage collector's current target.
func gcPercent() int {
	v := debug.SetGCPercent(100)
	debug.SetGCPercent(v)
	return v
}

func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct {
		msg, gogc string
		want      int
	}{
		{"without GOGC, a build collects at BuildGCPercent", "", BuildGCPercent},
		{"GOGC set wins", "50", 100},
	} {
		t.Setenv("GOGC", c.gogc)
		restore := tuneGC()
		if got := gcPercent(); got != c.want {
			t.Errorf("%s: GOGC=%q: the build collects at %d, want %d", c.msg, c.gogc, got, c.want)
		}
		restore()
		if got := gcPercent(); got != 100 {
			t.Errorf("%s: after the build the target is %d, want 100 back", c.msg, got)
		}
	}
}
