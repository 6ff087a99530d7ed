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

func (p *barProgress) Start(stage string, total int) {
	if total <= 0 {
		total = -1 // a spinner
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(fmt.Sprintf("%s: %-6s", programName, stage)),
		progressbar.OptionShowCount(),
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
// way through stages of a thousand steps or more.
type lineProgress struct {
	w            io.Writer
	stage        string
	total, done  int
	nextReported int
}

func (p *lineProgress) Start(stage string, total int) {
	p.stage, p.total, p.done = stage, total, 0
	p.nextReported = total / 10
}

func (p *lineProgress) Step(n int) {
	p.done += n
	if p.total >= 1000 && p.done >= p.nextReported && p.done < p.total {
		fmt.Fprintf(p.w, "%s: %s %d/%d\n", programName, p.stage, p.done, p.total)
		p.nextReported += p.total / 10
	}
}

func (p *lineProgress) Done() {
	if p.total > 0 {
		fmt.Fprintf(p.w, "%s: %s %d/%d\n", programName, p.stage, p.done, p.total)
	}
}
