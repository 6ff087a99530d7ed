package scrape

import "github.com/kiosque-dev/kiosque/tool/internal/article"

// Explanation is where every line of one text article went, and why: what
// `kiosque parse --explain` prints.
type Explanation struct {
	Source article.Source
	Lines  []LineFate
}

// LineFate is one block of a page (a line, or a hard-wrapped paragraph joined back) with
// what the reader made of it.
type LineFate struct {
	// Text is the block as read.
	Text string
	// Fate is where it went: body, title, meta, teaser or dropped.
	Fate string
	// Reason says why: the cue, the dropped reason, or the body's prose score.
	Reason string
	// Prose is the block's prose score, from 0 (furniture) to 1 (a paragraph).
	Prose float64
}

// fateNames are the names Explanation gives fates.
var fateNames = map[fate]string{fateBody: "body", fateTitle: "title", fateMeta: "meta", fateTeaser: "teaser", fateDropped: "dropped"}

func (o Options) explain(p *textParse) {
	if o.Explain == nil {
		return
	}
	e := Explanation{Source: p.a.Source, Lines: make([]LineFate, len(p.lines))}
	for i, l := range p.lines {
		e.Lines[i] = LineFate{Text: l, Fate: fateNames[p.fates[i]], Reason: p.why[i], Prose: p.feat[i].score}
	}
	o.Explain(e)
}
