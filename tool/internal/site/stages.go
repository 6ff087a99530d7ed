package site

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gohugoio/hugo/hugolib"
)

// The stages of a build, as reported to Options.Progress.
const (
	// StagePrepare reads the site's configuration, reads its pages for the archive sections
	// and the similar lists, and sets Hugo up.
	StagePrepare = "prepare"
	// StageHugo is Hugo's build: it reads every page and renders the site.
	StageHugo = "hugo"
	// StageStatic copies the static files.
	StageStatic = "static"
	// StageSearch writes the search index of the built pages.
	StageSearch = "search"
	// StagePrune removes the files of earlier builds that this one did not write.
	StagePrune = "prune"
)

// Progress follows the stages of a build, one at a time: kiosque build --stats measures each.
type Progress interface {
	// Start begins a stage.
	Start(stage string)
	// Done ends the stage begun last.
	Done()
}

type noProgress struct{}

func (noProgress) Start(string) {}
func (noProgress) Done()        {}

// progress returns opts.Progress, or one that does nothing.
func (opts Options) progress() Progress {
	if opts.Progress == nil {
		return noProgress{}
	}
	return opts.Progress
}

// TemplateTime is the time a build spent executing one template, from Hugo's template metrics.
type TemplateTime struct {
	// Name is the template's name, such as "_partials/sidebar.html".
	Name string
	// Count is how many times it was executed.
	Count int
	// Total, Average and Max are the time of all its executions, of one on average, and of
	// the longest. An execution's time includes that of the partials it calls.
	Total, Average, Max time.Duration
}

// templateTimes returns the template metrics of the last build of sites, the longest total
// first, or nil when the build did not collect them (Options.TemplateMetrics).
func templateTimes(sites *hugolib.HugoSites) []TemplateTime {
	if sites.Metrics == nil {
		return nil
	}
	var b bytes.Buffer
	sites.Metrics.WriteMetrics(&b)
	return parseMetrics(b.String())
}

// parseMetrics reads the table Hugo's metrics.Store writes (its only output), one template a
// line after three lines of headings: cumulative, average and maximum durations, the count
// and the template's name.
func parseMetrics(table string) []TemplateTime {
	var out []TemplateTime
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		total, err1 := time.ParseDuration(f[0])
		avg, err2 := time.ParseDuration(f[1])
		max, err3 := time.ParseDuration(f[2])
		count, err4 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			continue // a heading
		}
		out = append(out, TemplateTime{Name: strings.Join(f[4:], " "), Count: count, Total: total, Average: avg, Max: max})
	}
	slices.SortStableFunc(out, func(a, b TemplateTime) int { return cmp.Compare(b.Total, a.Total) })
	return out
}
