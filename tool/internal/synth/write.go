package synth

import (
	"bytes"
	"fmt"
	"path"

	"github.com/spf13/afero"
)

// Write writes the corpus's scrapes into dir on fsys, creating it, one file per text or HTML
// article and one JSON Lines file per RecordsPerFile indexes. Each file's modification time
// is the date of its (last) article: the seed's layout prints no date, and an importer falls
// back on it. Articles are generated one at a time.
func (c *Corpus) Write(fsys afero.Fs, dir string) error {
	if err := fsys.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("failed to create %q: %w", dir, err)
	}
	var records bytes.Buffer
	var last Article
	flush := func() error {
		if records.Len() == 0 {
			return nil
		}
		err := writeFile(fsys, path.Join(dir, last.File), records.Bytes(), last)
		records.Reset()
		return err
	}
	for i := range c.opts.N {
		a := c.Article(i)
		if i%RecordsPerFile == 0 {
			if err := flush(); err != nil {
				return err
			}
		}
		if a.Layout == JSONL {
			records.Write(c.Scrape(a))
			last = a
			continue
		}
		if err := writeFile(fsys, path.Join(dir, a.File), c.Scrape(a), a); err != nil {
			return err
		}
	}
	return flush()
}

func writeFile(fsys afero.Fs, name string, data []byte, a Article) error {
	if err := afero.WriteFile(fsys, name, data, 0o644); err != nil {
		return fmt.Errorf("failed to write %q: %w", name, err)
	}
	if err := fsys.Chtimes(name, a.Date, a.Date); err != nil {
		return fmt.Errorf("failed to date %q: %w", name, err)
	}
	return nil
}
