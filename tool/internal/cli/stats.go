package cli

import (
	"fmt"
	"io"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/kiosque-dev/kiosque/tool/internal/importer"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// heapMetric is the Go runtime's count of the bytes of heap objects, live or not yet swept:
// runtime.MemStats.HeapAlloc, read without stopping the world.
const heapMetric = "/memory/classes/heap/objects:bytes"

// sampleEvery is how often buildStats reads the heap.
const sampleEvery = 10 * time.Millisecond

// slowestTemplates is how many of Hugo's template metrics build --stats prints.
const slowestTemplates = 10

// stageStat is what build --stats measured of one stage.
type stageStat struct {
	name string
	time time.Duration
	heap uint64 // the peak of heapMetric while the stage ran
}

// buildStats measures the stages of a build for --stats, as a site.Progress: the time of
// each and the peak of the Go heap while it ran, sampled every sampleEvery. A stage of the
// build runs from its Start to its Done; a stage of the import, from the end of the one
// before (what runs between a Done and the next Start counts in the next stage, as
// importer.Report.Timings counts it) to its Done.
type buildStats struct {
	mu     sync.Mutex
	stages []stageStat
	name   string // the stage running, "" before its Start
	begun  time.Time
	peak   uint64
	sample []metrics.Sample
	stop   chan struct{}
	wg     sync.WaitGroup
}

// newBuildStats starts measuring; stop ends it.
func newBuildStats() *buildStats {
	s := &buildStats{sample: []metrics.Sample{{Name: heapMetric}}, stop: make(chan struct{}), begun: time.Now()}
	s.peak = s.heap()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		t := time.NewTicker(sampleEvery)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				s.mu.Lock()
				s.peak = max(s.peak, s.heap())
				s.mu.Unlock()
			}
		}
	}()
	return s
}

// heap reads heapMetric; the caller holds s.mu.
func (s *buildStats) heap() uint64 {
	metrics.Read(s.sample)
	if s.sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s.sample[0].Value.Uint64()
}

// otherStage names the work a build did between its stages (a stage it does not report).
const otherStage = "other"

// Start begins a stage of the build; what ran since the last stage ended, when it took a
// millisecond or more, counts as otherStage.
func (s *buildStats) Start(stage string) { s.start(stage, false) }

// start names the stage running; a stage not yet done ends first. With gap, what ran since
// the last stage ended counts in this one (as importer.Report.Timings counts it).
func (s *buildStats) start(stage string, gap bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.name != "":
		s.end()
	case !gap && time.Since(s.begun) >= time.Millisecond:
		s.name = otherStage
		s.end()
	}
	s.name = stage
}

// Done ends the stage running.
func (s *buildStats) Done() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.end()
}

// end records the stage running as name and begins the next; the caller holds s.mu. The
// work between stages adds up in one otherStage.
func (s *buildStats) end() {
	now := s.heap()
	st := stageStat{name: s.name, time: time.Since(s.begun), heap: max(s.peak, now)}
	s.name, s.begun, s.peak = "", time.Now(), now
	if st.name == otherStage {
		for i := range s.stages {
			if s.stages[i].name == otherStage {
				s.stages[i].time += st.time
				s.stages[i].heap = max(s.stages[i].heap, st.heap)
				return
			}
		}
	}
	s.stages = append(s.stages, st)
}

// endImport closes the import's stages: their times are the import's own (rep.Timings); an
// import that read nothing but its state, and so had no stages, counts as a read.
func (s *buildStats) endImport(rep *importer.Report) {
	s.mu.Lock()
	defer s.mu.Unlock()
	read := false
	for _, st := range s.stages {
		read = read || st.name == importer.StageRead
	}
	if !read {
		s.name = importer.StageRead
		s.end()
	}
	times := map[string]time.Duration{importer.StageRead: rep.Timings.Read, importer.StageEnrich: rep.Timings.Enrich, importer.StagePlan: rep.Timings.Plan, importer.StageWrite: rep.Timings.Write}
	for i, st := range s.stages {
		if t, ok := times[st.name]; ok {
			s.stages[i].time = t
		}
	}
}

// skip begins the next stage now: what ran since the last one ended (reading the site's
// configuration, say) counts in none.
func (s *buildStats) skip() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.name, s.begun, s.peak = "", time.Now(), s.heap()
}

// done stops the sampling and returns the stages.
func (s *buildStats) done() []stageStat {
	close(s.stop)
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stages
}

// importProgress is an import's progress as build --stats follows it: the stages go to s as
// well as to p, which draws them.
type importProgress struct {
	importer.Progress
	s *buildStats
}

func (p importProgress) Start(stage string, total int, unit importer.Unit) {
	p.s.start(stage, true)
	p.Progress.Start(stage, total, unit)
}

func (p importProgress) Done() {
	p.Progress.Done()
	p.s.Done()
}

// printStats prints what build --stats measured on w: a line per stage with its time and
// heap peak, the slowest stage, the process's peak resident memory, and Hugo's slowest
// templates; total is the whole command's time.
func printStats(w io.Writer, stages []stageStat, templates []site.TemplateTime, total time.Duration) {
	prefix := programName + ": stats: "
	fmt.Fprintf(w, "%s%-8s %10s %10s\n", prefix, "stage", "time", "heap peak")
	slowest := stageStat{}
	for _, st := range stages {
		fmt.Fprintf(w, "%s%-8s %10s %10s\n", prefix, st.name, st.time.Round(time.Millisecond), byteSize(int(st.heap)))
		if st.time > slowest.time {
			slowest = st
		}
	}
	fmt.Fprintf(w, "%s%-8s %10s\n", prefix, "total", total.Round(time.Millisecond))
	if slowest.name != "" && total > 0 {
		fmt.Fprintf(w, "%sslowest stage: %s, %s of %s (%.0f%%)\n", prefix, slowest.name,
			slowest.time.Round(time.Millisecond), total.Round(time.Millisecond), 100*float64(slowest.time)/float64(total))
	}
	mem := "heap peak: the Go runtime's heap objects (" + heapMetric + ") sampled every " + sampleEvery.String()
	if rss, ok := maxRSS(); ok {
		mem = fmt.Sprintf("max resident memory of the process: %s (getrusage); %s", byteSize(int(rss)), mem)
	}
	fmt.Fprintf(w, "%s%s\n", prefix, mem)
	if len(templates) == 0 {
		return
	}
	fmt.Fprintf(w, "%sslowest templates (Hugo's template metrics; a template's time includes that of the partials it calls):\n", prefix)
	fmt.Fprintf(w, "%s%10s %6s %10s %10s  %s\n", prefix, "total", "count", "average", "max", "template")
	for _, t := range templates[:min(len(templates), slowestTemplates)] {
		fmt.Fprintf(w, "%s%10s %6d %10s %10s  %s\n", prefix, t.Total.Round(time.Microsecond), t.Count,
			t.Average.Round(time.Microsecond), t.Max.Round(time.Microsecond), t.Name)
	}
}
