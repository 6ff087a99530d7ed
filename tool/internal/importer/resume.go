package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"iter"
	"slices"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

// Resumed is a web archive whose reading went on where an interrupted import stopped.
type Resumed struct {
	// File is the archive, relative to the site folder.
	File string
	// Records are the records taken from the checkpoints instead of being parsed again.
	Records int
	// Bytes are the bytes of the archive not read again.
	Bytes int64
}

// readingHeader says which archive, and which reading of it, checkpoints are of: the
// archive's path, size and modification time, and what the reading ran with.
type readingHeader struct {
	Archive  string `json:"archive"`
	Size     int64  `json:"size"`
	ModTime  int64  `json:"mtime"`
	Settings string `json:"settings"`
}

// checkpointKey names the checkpoint folder of an archive, by its path relative to the site.
func checkpointKey(rel string) string {
	sum := sha256.Sum256([]byte(rel))
	return hex.EncodeToString(sum[:8])
}

// readingSettings digests what shapes the reading of a scrape: the cues, the limits and the
// program; "" when the program cannot be told, or the reading is explained (an explanation
// is only given by reading).
func readingSettings(opts Options) string {
	program := programStamp()
	if program == "" || opts.Scrape.Explain != nil {
		return ""
	}
	return digestJSON(struct {
		Program string
		Cues    *scrape.Cues
		Limits  scrape.Limits
	}{program, opts.Scrape.Cues, opts.Scrape.Limits})
}

// resume returns how the reading of the web archive file goes on from the checkpoints an
// interrupted import left, and saves its own (not in a dry run); nil when the reading
// cannot be resumed. The checkpoints of another reading (other settings) are dropped; those
// of an archive whose size or time changed are matched record by record.
func (im *run) resume(file string) *scrape.Resume {
	opts := im.opts
	settings := readingSettings(opts)
	fi, err := opts.Fs.Stat(file)
	if settings == "" || err != nil {
		return nil
	}
	rel := relPath(opts.SiteDir, file)
	key := checkpointKey(rel)
	now := readingHeader{Archive: rel, Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Settings: settings}
	r := &scrape.Resume{Every: opts.CheckpointEvery}
	var was readingHeader
	data, count := bundle.LoadCheckpoints(opts.Fs, opts.ContentDir, key)
	if data != nil && json.Unmarshal(data, &was) == nil && was.Archive == rel && was.Settings == settings {
		r.Unchanged = was == now
		if r.Unchanged || opts.DryRun {
			r.Done = bundle.Checkpoints(opts.Fs, opts.ContentDir, key, count)
		} else { // read now: the checkpoints are started anew below
			r.Done = drain(slices.Collect(bundle.Checkpoints(opts.Fs, opts.ContentDir, key, count)))
		}
	}
	if opts.DryRun {
		return r
	}
	n := 0
	if r.Unchanged {
		n = count
	} else {
		header, err := json.Marshal(now)
		if err != nil || bundle.StartCheckpoints(opts.Fs, opts.ContentDir, key, header) != nil {
			return r
		}
	}
	im.mu.Lock()
	im.checkpoints = append(im.checkpoints, key)
	im.mu.Unlock()
	r.Save = func(data []byte) error {
		n++
		return bundle.SaveCheckpoint(opts.Fs, opts.ContentDir, key, n, data)
	}
	return r
}

// drain yields the checkpoints of done once, letting go of each as it is yielded: the
// reading decodes them, and the bytes need not be held through it as well.
func drain(done [][]byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for i, cp := range done {
			done[i] = nil
			if !yield(cp) {
				return
			}
		}
	}
}

// forgetCheckpoints removes the checkpoints of the archives the import read, once it ended.
func (im *run) forgetCheckpoints() error {
	for _, key := range im.checkpoints {
		if err := bundle.RemoveCheckpoints(im.opts.Fs, im.opts.ContentDir, key); err != nil {
			return err
		}
	}
	return nil
}
