package enrich

import (
	"runtime"
	"sync"
)

// inParts splits the indexes below n into one run of consecutive indexes per core, calls f
// on each run [lo, hi) from a goroutine of its own, and returns what each call returned, in
// the runs' order.
func inParts[T any](n int, f func(lo, hi int) T) []T {
	parts := max(1, min(runtime.GOMAXPROCS(0), n))
	out := make([]T, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { out[p] = f(p*n/parts, (p+1)*n/parts) })
	}
	wg.Wait()
	return out
}

// eachPart is inParts for calls that return nothing.
func eachPart(n int, f func(lo, hi int)) {
	inParts(n, func(lo, hi int) struct{} {
		f(lo, hi)
		return struct{}{}
	})
}
