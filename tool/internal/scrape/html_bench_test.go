package scrape

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkReadHTML reads every HTML page of the test data; it reports the time per page.
func BenchmarkReadHTML(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil || len(paths) == 0 {
		b.Fatal("no pages", err)
	}
	var pages [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ReadHTML("x.html", pages[i%len(pages)], Options{})
	}
}

// BenchmarkAEB runs the HTML reader over the Article Extraction Benchmark, whose folder
// (html/<id>.html.gz and ground-truth.json) KIOSQUE_AEB names, and reports the benchmark's
// own scores of the body: precision, recall and F1 over 4-token shingles, and the time per
// page. It is skipped without the folder: the pages are not part of the repository.
//
//	KIOSQUE_AEB=DIR go test -run '^$' -bench AEB -benchtime 1x -cpu 1 ./tool/internal/scrape/
func BenchmarkAEB(b *testing.B) {
	dir := os.Getenv("KIOSQUE_AEB")
	if dir == "" {
		b.Skip("KIOSQUE_AEB names no benchmark folder")
	}
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		b.Fatal(err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 0, len(truth))
	pages := map[string][]byte{}
	for id := range truth {
		f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, id)
		pages[id] = page
	}
	sort.Strings(ids)
	preds := map[string]string{}
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		for _, id := range ids {
			a := ReadHTML(id+".html", pages[id], Options{})
			preds[id] = strings.Join(a.Paragraphs(), "\n")
		}
	}
	elapsed, cpuUsed := time.Since(start), cpuTime()-cpu
	b.StopTimer()
	var pairs [][2]string
	for _, id := range ids {
		pairs = append(pairs, [2]string{preds[id], truth[id].ArticleBody})
	}
	p, r, f1 := shingleScore(pairs)
	b.ReportMetric(p, "precision")
	b.ReportMetric(r, "recall")
	b.ReportMetric(f1, "F1")
	b.ReportMetric(float64(elapsed.Microseconds())/1000/float64(b.N*len(ids)), "ms/page")
	// The CPU time the process spent, garbage collection included: on a shared machine it
	// says more than the wall clock.
	b.ReportMetric(float64(cpuUsed.Microseconds())/1000/float64(b.N*len(ids)), "cpu-ms/page")
	if out := os.Getenv("KIOSQUE_AEB_PAGES"); out != "" {
		// One line a page: its id and body F1, to compare two runs.
		var lines []string
		for i, id := range ids {
			p, r, f := shingleScore(pairs[i : i+1])
			lines = append(lines, fmt.Sprintf("%s %.3f %.3f %.3f", id, f, p, r))
		}
		if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime returns the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// wordRe matches a token of the benchmark: a run of Unicode word characters.
var wordRe = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingles returns the multiset of a text's 4-token windows; a text of fewer than 4 tokens
// gives one shorter shingle, an empty text none.
func shingles(s string) map[string]int {
	toks := wordRe.FindAllString(s, -1)
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	if len(toks) < 4 {
		out[strings.Join(toks, " ")]++
		return out
	}
	for i := 0; i+4 <= len(toks); i++ {
		out[strings.Join(toks[i:i+4], " ")]++
	}
	return out
}

// shingleScore scores predicted against true texts as the benchmark does: per page, tp, fp
// and fn divided by their sum; precision averaged over the pages that predict something,
// recall over those whose truth has something; F1 of the two averages.
func shingleScore(pairs [][2]string) (precision, recall, f1 float64) {
	var ps, rs []float64
	for _, pr := range pairs {
		pred, gold := shingles(pr[0]), shingles(pr[1])
		var tp, fp, fn float64
		for s, n := range pred {
			m := gold[s]
			tp += float64(min(n, m))
			fp += float64(max(n-m, 0))
		}
		for s, m := range gold {
			fn += float64(max(m-pred[s], 0))
		}
		sum := tp + fp + fn
		if sum == 0 {
			continue // both empty: the page enters neither average
		}
		tp, fp, fn = tp/sum, fp/sum, fn/sum
		if tp+fp > 0 {
			ps = append(ps, tp/(tp+fp))
		}
		if tp+fn > 0 {
			rs = append(rs, tp/(tp+fn))
		}
	}
	mean := func(v []float64) float64 {
		if len(v) == 0 {
			return 0
		}
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s / float64(len(v))
	}
	precision, recall = mean(ps), mean(rs)
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}
