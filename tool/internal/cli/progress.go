package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/kiosque-dev/kiosque/tool/internal/importer"
)

// newProgress returns the import progress for w: a bar when w is a terminal, counters
// printed at every tenth of a long stage otherwise.
func newProgress(w io.Writer) importer.Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &barProgress{w: w}
	}
	return &lineProgress{w: w}
}

// barProgress draws one bar per stage with github.com/schollz/progressbar.
type barProgress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(stage string, total int, unit importer.Unit) {
	if total <= 0 {
		total = -1 // a spinner
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(fmt.Sprintf("%s: %-6s", programName, stage)),
		progressbar.OptionShowCount(),
		progressbar.OptionShowBytes(unit == importer.Bytes),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

func (p *barProgress) Step(n int) { _ = p.bar.Add(n) }

func (p *barProgress) Done() {
	_ = p.bar.Finish()
	_ = p.bar.Clear()
}

// lineProgress prints plain counters: the stage's count when it ends, and every tenth of the
// way through stages of a thousand steps, or 64 MiB, or more.
type lineProgress struct {
	w            io.Writer
	stage        string
	unit         importer.Unit
	total, done  int
	nextReported int
}

func (p *lineProgress) Start(stage string, total int, unit importer.Unit) {
	p.stage, p.unit, p.total, p.done = stage, unit, total, 0
	p.nextReported = total / 10
}

func (p *lineProgress) Step(n int) {
	p.done += n
	long := p.total >= 1000
	if p.unit == importer.Bytes {
		long = p.total >= 64<<20
	}
	if long && p.done >= p.nextReported && p.done < p.total {
		p.print()
		p.nextReported += p.total / 10
	}
}

func (p *lineProgress) Done() {
	if p.total > 0 {
		p.print()
	}
}

// print prints the count: "kiosque: read 3/12", or in bytes "kiosque: read 1.5 MiB/12.0 MiB".
func (p *lineProgress) print() {
	if p.unit == importer.Bytes {
		fmt.Fprintf(p.w, "%s: %s %s/%s\n", programName, p.stage, byteSize(p.done), byteSize(p.total))
		return
	}
	fmt.Fprintf(p.w, "%s: %s %d/%d\n", programName, p.stage, p.done, p.total)
}

// byteSize writes a number of bytes in binary units: "512 B", "1.5 KiB", "12.0 MiB".
func byteSize(n int) string {
	if n < 1<<10 {
		return fmt.Sprintf("%d B", n)
	}
	v, unit := float64(n)/(1<<10), "KiB"
	for _, u := range []string{"MiB", "GiB", "TiB"} {
		if v < 1<<10 {
			break
		}
		v, unit = v/(1<<10), u
	}
	return fmt.Sprintf("%.1f %s", v, unit)
}
