package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/kiosque-dev/kiosque/tool/internal/importer"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// TestPrintStats checks that build --stats names the slowest stage and prints the slowest
// templates first, at most slowestTemplates of them.
func TestPrintStats(t *testing.T) {
	stages := []stageStat{
		{name: "read", time: 40 * time.Millisecond, heap: 3 << 20},
		{name: "hugo", time: 3 * time.Second, heap: 900 << 20},
		{name: "prune", time: 2 * time.Second, heap: 1 << 30},
	}
	var templates []site.TemplateTime
	for i := range 12 {
		templates = append(templates, site.TemplateTime{Name: "t" + string(rune('a'+i)) + ".html", Count: 1, Total: time.Duration(12-i) * time.Millisecond})
	}
	var b bytes.Buffer
	printStats(&b, stages, templates, 6*time.Second)
	out := b.String()
	for _, want := range []string{
		"kiosque: stats: read           40ms    3.0 MiB\n",
		"kiosque: stats: hugo             3s  900.0 MiB\n",
		"kiosque: stats: prune            2s    1.0 GiB\n",
		"kiosque: stats: slowest stage: hugo, 3s of 6s (50%)\n",
		"kiosque: stats:       12ms      1         0s         0s  ta.html\n",
		"  tj.html\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the figures lack %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "tk.html") {
		t.Errorf("the figures list more than %d templates:\n%s", slowestTemplates, out)
	}
}

// TestBuildStatsGaps checks where the time between stages goes: into otherStage, one line
// for all gaps, between the build's stages; into the next stage between the import's.
func TestBuildStatsGaps(t *testing.T) {
	s := newBuildStats()
	p := importProgress{Progress: noDrawing{}, s: s}
	p.Start("read", 0, importer.Steps)
	p.Done()
	time.Sleep(2 * time.Millisecond) // the import plans its writes before the write stage
	p.Start("write", 0, importer.Steps)
	p.Done()
	s.skip()
	s.Start("hugo")
	s.Done()
	time.Sleep(2 * time.Millisecond) // a stage the build does not report
	s.Start("static")
	s.Done()
	time.Sleep(2 * time.Millisecond)
	s.Start("prune")
	s.Done()
	var names []string
	for _, st := range s.done() {
		names = append(names, st.name)
		if st.name == otherStage && st.time < 4*time.Millisecond {
			t.Errorf("the work between stages took %s, want the two gaps of 2ms at least", st.time)
		}
	}
	if got, want := strings.Join(names, " "), "read write hugo other static prune"; got != want {
		t.Errorf("the stages are %q, want %q", got, want)
	}
}

// noDrawing is an import progress that draws nothing.
type noDrawing struct{}

func (noDrawing) Start(string, int, importer.Unit) {}
func (noDrawing) Step(int)                         {}
func (noDrawing) Done()                            {}
