package scrape

import (
	"io"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/scrape/warctest"
)

// BenchmarkReadWARC reads a generated web archive of 64 MiB, gzip'd record by record,
// streamed through a pipe so that it never sits in memory: 256 article pages of 20 distinct
// addresses captured again and again (so most captures are superseded), among 384 images of
// 128 KiB. It reports records and MiB (before gzip) per second, the writer's gzip included, and
// the peak of the heap in use, sampled every 64 records: the memory one record takes, not
// the archive.
//
//	go test -run '^$' -bench ReadWARC -benchtime 1x ./tool/internal/scrape/
func BenchmarkReadWARC(b *testing.B) {
	const pages, images = 256, 384
	image := strings.Repeat("\xff\xd8\xff\xe0 not a photo ", 128<<10/16)
	records := 0
	var size int64
	for i := 0; i < b.N; i++ {
		r, w := io.Pipe()
		go func() {
			n := 0
			for p := 0; p < pages; p++ {
				uri := lantern + "/news/story-" + strconv.Itoa(p%20)
				rec := warctest.Record{URL: uri, Date: day(1 + p%27), Body: ferryPage}
				n += writeMember(w, rec)
				for j := 0; j < images/pages+1 && p*images/pages+j < images; j++ {
					img := warctest.Record{URL: uri + ".jpg", Date: day(1), ContentType: "image/jpeg", Body: image}
					n += writeMember(w, img)
				}
			}
			size = int64(n)
			w.Close()
		}()
		var peak uint64
		seen := 0
		sample := func() {
			if seen++; seen%64 == 0 {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
		arts, err := readWARCStream("bench.warc.gz", r, Options{Skip: func(Skip) { sample() }})
		if err != nil || len(arts) != 20 {
			b.Fatalf("%d articles, %v", len(arts), err)
		}
		records += seen + len(arts)
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	}
	b.ReportMetric(float64(records)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(size)*float64(b.N)/(1<<20)/b.Elapsed().Seconds(), "MiB/s")
}

// writeMember writes a record as a gzip member and returns the record's size before gzip.
func writeMember(w io.Writer, r warctest.Record) int {
	data := r.Bytes()
	w.Write(warctest.Member(true, data))
	return len(data)
}
