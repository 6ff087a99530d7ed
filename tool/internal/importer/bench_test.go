package importer

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/synth"
)

// BenchmarkImport10k imports 10,000 generated articles (package synth, seed 1: text, HTML and
// JSON Lines scrapes, French and English) into an empty site on a memory filesystem
// (afero.MemMapFs) and reports the import rate, the time spent reading, enriching
// and writing, and the time of a second import of the same scrapes (which writes nothing).
// Run it with: go test -run '^$' -bench Import10k -benchtime 1x ./tool/internal/importer/
// MemMapFs renames in time proportional to the number of files it holds, so the write stage
// grows faster than on a disk: see BenchmarkImport10kDisk.
func BenchmarkImport10k(b *testing.B) {
	benchmarkImport(b, 10000, func(*testing.B) afero.Fs { return afero.NewMemMapFs() })
}

// BenchmarkImport1k is BenchmarkImport10k on 1,000 scrapes, to see how the cost grows.
func BenchmarkImport1k(b *testing.B) {
	benchmarkImport(b, 1000, func(*testing.B) afero.Fs { return afero.NewMemMapFs() })
}

// BenchmarkImport10kDisk is BenchmarkImport10k on the disk, in a temporary folder.
func BenchmarkImport10kDisk(b *testing.B) {
	benchmarkImport(b, 10000, func(b *testing.B) afero.Fs { return afero.NewBasePathFs(afero.NewOsFs(), b.TempDir()) })
}

// BenchmarkImport100kDisk is BenchmarkImport10kDisk on 100,000 scrapes, the archive size
// of the scale targets (some ten minutes on two cores).
func BenchmarkImport100kDisk(b *testing.B) {
	benchmarkImport(b, 100000, func(b *testing.B) afero.Fs { return afero.NewBasePathFs(afero.NewOsFs(), b.TempDir()) })
}

// stageClock is a Progress that measures the wall and CPU time of each stage: on a loaded
// machine the CPU time says more than the wall time.
type stageClock struct {
	stage     string
	wall0     time.Time
	cpu0      time.Duration
	wall, cpu map[string]time.Duration
}

func newStageClock() *stageClock {
	return &stageClock{wall: map[string]time.Duration{}, cpu: map[string]time.Duration{}}
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (c *stageClock) Start(stage string, _ int, _ Unit) {
	c.stage, c.wall0, c.cpu0 = stage, time.Now(), cpuTime()
}
func (c *stageClock) Step(int) {}
func (c *stageClock) Done() {
	c.wall[c.stage] += time.Since(c.wall0)
	c.cpu[c.stage] += cpuTime() - c.cpu0
}

func benchmarkImport(b *testing.B, n int, newFs func(*testing.B) afero.Fs) {
	var total, totalCPU, rerun, rerunCPU time.Duration
	clock := newStageClock()
	runs := 0
	for b.Loop() {
		b.StopTimer()
		fsys := newFs(b)
		if err := synth.New(synth.Options{N: n, Seed: 1}).Write(fsys, site+"/scrapes"); err != nil {
			b.Fatal(err)
		}
		opts := importOpts(fsys)
		opts.Progress = clock
		b.StartTimer()
		start, cpu := time.Now(), cpuTime()
		rep, err := Run(opts)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		totalCPU += cpuTime() - cpu
		b.StopTimer()
		if len(rep.Failures) > 0 || len(rep.Items) != n {
			b.Fatalf("%d items, %d failures: %v", len(rep.Items), len(rep.Failures), rep.Failures[:min(3, len(rep.Failures))])
		}
		start, cpu = time.Now(), cpuTime()
		if _, err := Run(importOpts(fsys)); err != nil {
			b.Fatal(err)
		}
		rerun += time.Since(start)
		rerunCPU += cpuTime() - cpu
		runs++
		b.StartTimer()
	}
	r := float64(runs)
	b.ReportMetric(float64(n)*r/total.Seconds(), "articles/s")
	b.ReportMetric(float64(n)*r/totalCPU.Seconds(), "articles/cpu-s")
	for _, st := range []string{StageRead, StageEnrich, StagePlan, StageWrite} {
		b.ReportMetric(clock.wall[st].Seconds()/r, st+"-s")
		b.ReportMetric(clock.cpu[st].Seconds()/r, st+"-cpu-s")
	}
	b.ReportMetric(rerun.Seconds()/r, "rerun-s")
	b.ReportMetric(rerunCPU.Seconds()/r, "rerun-cpu-s")
}

// BenchmarkImportEdit10kDisk imports 10,000 generated articles into a temporary folder once,
// then measures re-runs after one scrape was edited: only that scrape is read again, and the
// stages report what the rest costs (enriching the whole corpus, planning every bundle).
// Run it with: go test -run '^$' -bench ImportEdit10kDisk -benchtime 3x ./tool/internal/importer/
func BenchmarkImportEdit10kDisk(b *testing.B) {
	fsys := afero.NewBasePathFs(afero.NewOsFs(), b.TempDir())
	if err := synth.New(synth.Options{N: 10000, Seed: 1}).Write(fsys, site+"/scrapes"); err != nil {
		b.Fatal(err)
	}
	if _, err := Run(importOpts(fsys)); err != nil {
		b.Fatal(err)
	}
	clock := newStageClock()
	runs := 0
	for b.Loop() {
		if err := editScrape(fsys, site+"/scrapes/000001.txt", runs); err != nil {
			b.Fatal(err)
		}
		opts := importOpts(fsys)
		opts.Progress = clock
		if err := editRerun(opts); err != nil {
			b.Fatal(err)
		}
		runs++
	}
	for _, st := range []string{StageRead, StageEnrich, StagePlan, StageWrite} {
		b.ReportMetric(clock.wall[st].Seconds()/float64(runs), st+"-s")
		b.ReportMetric(clock.cpu[st].Seconds()/float64(runs), st+"-cpu-s")
	}
}

// editScrape appends a sentence to the scrape name, a new one each run.
func editScrape(fsys afero.Fs, name string, run int) error {
	f, err := fsys.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "\nA line added by edit %d.\n", run)
	return errors.Join(err, f.Close())
}

// editRerun is the re-run that BenchmarkImportEdit10kDisk measures, named for its profiles.
func editRerun(opts Options) error {
	_, err := Run(opts)
	return err
}
