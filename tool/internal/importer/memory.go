package importer

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// heapFloor is the least memory limit limitHeap sets: below it (an archive of up to some
// sixty thousand articles), an import runs as any Go program does, the collector spending
// no more than its default.
const heapFloor = 1536 << 20

// limitHeap sets the Go runtime's soft memory limit for the rest of an import, once its
// articles are read: twice the heap they hold, or heapFloor when that is more. The enriching
// and writing that follow add half that heap at most, and by default the collector lets a
// heap grow to twice what it holds before it collects: on an archive of a hundred thousand
// articles, that is the difference between 1.7 and 2.5 gigabytes. The limit only makes the
// collector run sooner as the heap nears it, and stays above what the import holds. A limit
// the user set (GOMEMLIMIT) is left as it is. It returns the function that puts back the
// limit before it.
func limitHeap() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	limit := int64(heapFloor)
	if live[0].Value.Kind() == metrics.KindUint64 {
		if v := live[0].Value.Uint64(); v < math.MaxInt64/2 {
			limit = max(limit, 2*int64(v))
		}
	}
	before := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(before) }
}
