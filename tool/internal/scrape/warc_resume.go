package scrape

import (
	"encoding/json"
	"iter"

	"github.com/nlnwa/gowarc/v3"
)

// Resume carries the reading of a web archive over an interruption: as it reads, the reader
// saves checkpoints, each holding what the records read since the last one gave (an article,
// an image, a redirect, a reason to skip, a failure) with their offsets and digests; the next
// reading of the archive takes those records from the checkpoints instead of reading them
// again. The result is the one an uninterrupted reading gives.
type Resume struct {
	// Done yields the checkpoints an earlier reading of the archive saved, in the order
	// saved, one at a time; nil for none.
	Done iter.Seq[[]byte]
	// Unchanged says the archive is the one Done was saved from (its size and modification
	// time): the reading seeks past the records Done holds. Otherwise it reads every record
	// again, but does not parse those that Done holds at the same offset with the same
	// WARC-Block-Digest (or WARC-Record-ID when the record has no digest).
	Unchanged bool
	// Save, when set, receives each checkpoint; an error only costs the records since the
	// last checkpoint, which a later reading reads again.
	Save func(checkpoint []byte) error
	// Every is the number of records between checkpoints (DefaultCheckpoint when 0).
	Every int
	// Resumed, when set, is told how many records were not parsed again, and how many bytes
	// of the archive were not read again.
	Resumed func(records int, bytes int64)
}

// DefaultCheckpoint is the number of records between two checkpoints of a reading.
const DefaultCheckpoint = 256

// warcCheckpoint is one checkpoint of a reading.
type warcCheckpoint struct {
	// Next is the offset of the record the reading went on with; -1 when it had ended.
	Next int64 `json:"next"`
	// Records counts the records met before Next, silent ones included.
	Records int `json:"records"`
	// Outcomes are what the records since the last checkpoint gave.
	Outcomes []warcOutcome `json:"outcomes"`
}

// resume applies what an interrupted reading did, when r says the archive is unchanged, and
// returns the offset to go on from (-1 when the reading had ended) and the number of records
// taken from the checkpoints; otherwise it keeps the outcomes to match the records against.
// It sets up the checkpoints to come.
func (w *warcRead) resume(r *Resume) (start int64, reused int) {
	if r == nil {
		return 0, 0
	}
	w.save, w.every = r.Save, r.Every
	if w.every <= 0 {
		w.every = DefaultCheckpoint
	}
	if r.Done == nil {
		return 0, 0
	}
	if !r.Unchanged {
		w.done = map[int64]warcOutcome{}
	}
	for data := range r.Done {
		var cp warcCheckpoint
		if start < 0 || json.Unmarshal(data, &cp) != nil {
			break // a checkpoint that cannot be read: what it holds is read again
		}
		for _, o := range cp.Outcomes {
			if r.Unchanged {
				w.apply(o)
				reused++
			} else {
				w.done[o.Offset] = o
			}
		}
		if r.Unchanged {
			start, w.records = cp.Next, cp.Records
		}
	}
	return start, reused
}

// known returns what the record gave when an earlier reading of a changed archive read it
// at the same offset with the same digest, and it was not damaged then.
func (w *warcRead) known(rec gowarc.Record) (warcOutcome, bool) {
	o, ok := w.done[rec.Offset]
	if !ok || o.Fail != "" || o.Digest == "" || o.Digest != recordDigest(rec.WarcRecord) {
		return warcOutcome{}, false
	}
	w.reused++
	return o, true
}

// checkpoint saves the outcomes pending when there are enough of them, or at the end of the
// reading (next < 0); next is the offset of the record the reading goes on with.
func (w *warcRead) checkpoint(next int64) {
	if w.save == nil || (next >= 0 && len(w.pending) < w.every) {
		return
	}
	data, err := json.Marshal(warcCheckpoint{Next: next, Records: w.records, Outcomes: w.pending})
	if err == nil {
		err = w.save(data)
	}
	if err != nil {
		w.save = nil // the records from here on are read again next time
	}
	w.pending = nil
}
