package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

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
