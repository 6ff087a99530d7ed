package scrape

import (
	"bufio"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/scrape/warctest"
)

// warcMiB is the size of the web archive the WARC benchmarks generate, in MiB of records
// before gzip: -warc-mib 1024 reads a 1 GiB archive.
var warcMiB = flag.Int("warc-mib", 64, "size in MiB (before gzip) of the web archive the WARC benchmarks generate")

// benchArchive writes a generated web archive of about mib MiB into a temporary folder of b,
// gzip'd record by record as crawlers write them, and returns its path, its size before gzip
// and the number of its articles. For each MiB, it holds 4 captures of article pages, each
// followed by 2 images of 128 KiB: the pages are captures of one address in 12.8 (so most
// are superseded: 20 addresses at 64 MiB), the images random bytes, which gzip does not
// shrink, as a photo's.
func benchArchive(b *testing.B, mib int) (name string, size int64, articles int) {
	b.Helper()
	pages := 4 * mib
	addresses := max(1, pages*20/256)
	name = filepath.Join(b.TempDir(), "bench.warc.gz")
	f, err := os.Create(name)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewChaCha8([32]byte{'k', 'i', 'o', 's', 'q', 'u', 'e'}))
	image := make([]byte, 128<<10)
	for p := range pages {
		uri := lantern + "/news/story-" + strconv.Itoa(p%addresses)
		size += writeMember(w, warctest.Record{URL: uri, Date: day(1 + p%27), Body: ferryPage})
		for j := range 2 {
			for k := 0; k < len(image); k += 8 {
				v := rng.Uint64()
				for n := range 8 {
					image[k+n] = byte(v >> (8 * n))
				}
			}
			img := warctest.Record{URL: uri + "-" + strconv.Itoa(j) + ".jpg", Date: day(1), ContentType: "image/jpeg", Body: string(image)}
			size += writeMember(w, img)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return name, size, addresses
}

// writeMember writes a record as a gzip member and returns the record's size before gzip.
func writeMember(w *bufio.Writer, r warctest.Record) int64 {
	data := r.Bytes()
	w.Write(warctest.Member(true, data))
	return int64(len(data))
}

// heapPeak samples the heap in use every 64 calls and keeps the highest.
type heapPeak struct {
	calls int
	peak  uint64
}

func (h *heapPeak) sample() {
	if h.calls++; h.calls%64 == 0 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.peak = max(h.peak, m.HeapInuse)
	}
}

// BenchmarkReadWARC reads a generated web archive (benchArchive: 64 MiB, -warc-mib to
// change) from a file record by record. It reports records and MiB (before gzip) per second
// of the wall clock, the CPU seconds the reading took (on a shared machine, they say more
// than the clock), the peak of the heap in use, sampled every 64 records (the memory one
// record takes, and the articles kept, not the archive), and the archive's size on disk.
//
//	go test -run '^$' -bench ReadWARC -benchtime 1x ./tool/internal/scrape/
//	go test -run '^$' -bench ReadWARC -benchtime 1x ./tool/internal/scrape/ -warc-mib 1024
func BenchmarkReadWARC(b *testing.B) {
	name, size, want := benchArchive(b, *warcMiB)
	fi, err := os.Stat(name)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	records, cpu := 0, time.Duration(0)
	var peak heapPeak
	for i := 0; i < b.N; i++ {
		peak = heapPeak{}
		start := cpuTime()
		arts, err := readWARC(afero.NewOsFs(), name, Options{Skip: func(Skip) { peak.sample() }})
		cpu += cpuTime() - start
		if err != nil || len(arts) != want {
			b.Fatalf("%d articles, %v; want %d", len(arts), err, want)
		}
		records += peak.calls + len(arts)
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(size)*float64(b.N)/(1<<20)/b.Elapsed().Seconds(), "MiB/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peak.peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(fi.Size())/(1<<20), "disk-MiB")
}

// BenchmarkResumeWARC reads a generated web archive (benchArchive) once whole, saving a
// checkpoint every 32 records, then again as the import that follows one interrupted halfway
// does: from the first half of the checkpoints, seeking past the records they hold. It reports the seconds
// (wall clock and CPU) of each reading and the share of the time the checkpoints saved.
//
//	go test -run '^$' -bench ResumeWARC -benchtime 1x ./tool/internal/scrape/
func BenchmarkResumeWARC(b *testing.B) {
	name, _, want := benchArchive(b, *warcMiB)
	b.ResetTimer()
	var full, resumed, fullCPU, resumedCPU time.Duration
	for i := 0; i < b.N; i++ {
		var saved [][]byte
		save := func(cp []byte) error { saved = append(saved, cp); return nil }
		start, cpu := time.Now(), cpuTime()
		arts, err := readWARC(afero.NewOsFs(), name, Options{Resume: &Resume{Save: save, Every: 32}})
		full, fullCPU = full+time.Since(start), fullCPU+cpuTime()-cpu
		if err != nil || len(arts) != want || len(saved) < 2 {
			b.Fatalf("%d articles, %d checkpoints, %v; want %d articles", len(arts), len(saved), err, want)
		}
		start, cpu = time.Now(), cpuTime()
		again, err := readWARC(afero.NewOsFs(), name, Options{Resume: &Resume{Done: slices.Values(saved[:len(saved)/2]), Unchanged: true}})
		resumed, resumedCPU = resumed+time.Since(start), resumedCPU+cpuTime()-cpu
		if err != nil || len(again) != want {
			b.Fatalf("resumed: %d articles, %v; want %d", len(again), err, want)
		}
	}
	n := float64(b.N)
	b.ReportMetric(full.Seconds()/n, "full-s/op")
	b.ReportMetric(resumed.Seconds()/n, "resumed-s/op")
	b.ReportMetric(fullCPU.Seconds()/n, "full-cpu-s/op")
	b.ReportMetric(resumedCPU.Seconds()/n, "resumed-cpu-s/op")
	b.ReportMetric(100*(1-resumed.Seconds()/full.Seconds()), "%saved")
}
