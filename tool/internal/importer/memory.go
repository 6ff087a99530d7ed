package importer

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
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

// heapMin is the heap size below which an import does not collect: as the articles are read
// the live heap is small (some hundred megabytes for ten thousand), and the default
// collector (GOGC=100) would run every time it doubles, a few dozen times over the read
// stage for as many full marks of a growing heap. Past half of heapMin live, the import
// collects as any Go program does.
const heapMin = 512 << 20

// gcTuning guards the collector's percentage while imports run (tests run several at once):
// the first one sets it, the last one puts back the percentage before it.
var gcTuning struct {
	sync.Mutex
	runs   int
	before int
}

// gcSentinel is an object whose finalizer runs after each collection while an import runs.
type gcSentinel struct{ _ *gcSentinel }

// floorHeap makes the collector wait until the heap reaches heapMin, for the rest of an
// import: after each collection it sets the percentage (debug.SetGCPercent) that lets the
// live heap grow to heapMin, or to twice itself when that is more (the default). A
// percentage the user set (GOGC) is left as it is. It returns the function that puts back
// the percentage before it.
func floorHeap() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	gcTuning.Lock()
	defer gcTuning.Unlock()
	if gcTuning.runs == 0 {
		gcTuning.before = debug.SetGCPercent(heapPercent())
		runtime.SetFinalizer(&gcSentinel{}, retune)
	}
	gcTuning.runs++
	return func() {
		gcTuning.Lock()
		defer gcTuning.Unlock()
		if gcTuning.runs--; gcTuning.runs == 0 {
			debug.SetGCPercent(gcTuning.before)
		}
	}
}

// retune is the finalizer of a gcSentinel: while an import runs, it sets the collector's
// percentage after the live heap the collection found, and arms another sentinel.
func retune(*gcSentinel) {
	gcTuning.Lock()
	defer gcTuning.Unlock()
	if gcTuning.runs > 0 {
		debug.SetGCPercent(heapPercent())
		runtime.SetFinalizer(&gcSentinel{}, retune)
	}
}

// heapPercent returns the collector's percentage that lets the live heap grow to heapMin,
// 100 at least.
func heapPercent() int {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	v := uint64(1 << 20)
	if live[0].Value.Kind() == metrics.KindUint64 {
		v = max(v, live[0].Value.Uint64())
	}
	return max(100, int(float64(heapMin)/float64(v)*100)-100)
}
