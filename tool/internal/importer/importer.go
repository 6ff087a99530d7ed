package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/enrich"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
	"github.com/kiosque-dev/kiosque/tool/internal/slug"
)

// ArticlesSection is the content folder imported articles go to.
const ArticlesSection = "articles"

// Options say what to import where.
type Options struct {
	Fs afero.Fs
	// SiteDir is the site folder on Fs: source paths are recorded relative to it.
	SiteDir string
	// ContentDir is the site's content folder on Fs.
	ContentDir string
	// Inputs are scrape files or folders of scrapes.
	Inputs []string
	// DefaultAuthor bylines articles whose scrape names nobody.
	DefaultAuthor string
	// Scrape tunes the readers (the site's cues).
	Scrape scrape.Options
	// Force rewrites bundles edited by hand; DryRun writes nothing.
	Force, DryRun bool
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

// Failure is one input that could not be imported.
type Failure struct {
	Path string
	Err  error
}

// Item is what happened to one imported article.
type Item struct {
	Source  string
	Bundle  string
	Outcome bundle.Outcome
}

// Report sums up an import.
type Report struct {
	Items    []Item
	Failures []Failure
	// Profiles counts the author profiles created.
	Profiles int
}

// Count returns how many items had the outcome o.
func (r *Report) Count(o bundle.Outcome) int {
	n := 0
	for _, it := range r.Items {
		if it.Outcome == o {
			n++
		}
	}
	return n
}

// Run imports the inputs. It returns an error only when the content folder itself cannot be
// used; inputs that fail are listed in the report and the others are still imported.
func Run(opts Options) (*Report, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	manifest, err := bundle.LoadManifest(opts.Fs, opts.ContentDir)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	files, failures := collect(opts.Fs, opts.Inputs)
	rep.Failures = append(rep.Failures, failures...)

	var articles []*article.Article
	for _, f := range files {
		read, err := scrape.Read(opts.Fs, f, opts.Scrape)
		if err != nil {
			rep.Failures = append(rep.Failures, Failure{Path: f, Err: err})
			continue
		}
		for i := range read {
			a := &read[i]
			a.Source.Path = relPath(opts.SiteDir, f)
			if strings.TrimSpace(a.Title) == "" && len(a.Body) == 0 {
				rep.Failures = append(rep.Failures, Failure{Path: f, Err: errors.New("no article text found")})
				continue
			}
			fillDate(opts, manifest, a)
			articles = append(articles, a)
		}
	}

	dirs := place(opts, manifest, articles)
	enrich.Corpus(articles, enrich.Options{DefaultAuthor: opts.DefaultAuthor})

	w := &bundle.Writer{Fs: opts.Fs, ContentDir: opts.ContentDir, Manifest: manifest, Force: opts.Force, DryRun: opts.DryRun}
	authors := map[string]bool{}
	for i, a := range articles {
		outcome, err := w.Write(a, dirs[i])
		if err != nil {
			rep.Failures = append(rep.Failures, Failure{Path: a.Source.Path, Err: err})
			continue
		}
		rep.Items = append(rep.Items, Item{Source: a.Source.Path, Bundle: dirs[i], Outcome: outcome})
		for _, name := range a.Authors {
			authors[name] = true
		}
		for _, t := range a.Related {
			if t.Author != "" {
				authors[t.Author] = true
			}
		}
	}
	if opts.DryRun {
		return rep, nil
	}
	for _, name := range sortedKeys(authors) {
		created, err := bundle.WriteAuthorProfile(opts.Fs, opts.ContentDir, name)
		if err != nil {
			rep.Failures = append(rep.Failures, Failure{Path: name, Err: err})
		} else if created {
			rep.Profiles++
		}
	}
	if err := manifest.Save(opts.Fs, opts.ContentDir); err != nil {
		return rep, err
	}
	return rep, nil
}

// collect lists the scrape files among the inputs, sorted, walking folders.
func collect(fsys afero.Fs, inputs []string) ([]string, []Failure) {
	var files []string
	var failures []Failure
	for _, in := range inputs {
		info, err := fsys.Stat(in)
		if err != nil {
			failures = append(failures, Failure{Path: in, Err: err})
			continue
		}
		if !info.IsDir() {
			files = append(files, in)
			continue
		}
		err = afero.Walk(fsys, in, func(p string, fi fs.FileInfo, err error) error {
			if err != nil {
				failures = append(failures, Failure{Path: p, Err: err})
				return nil
			}
			if !fi.IsDir() && scrape.Supported(p) && !strings.HasPrefix(fi.Name(), ".") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			failures = append(failures, Failure{Path: in, Err: err})
		}
	}
	sort.Strings(files)
	return files, failures
}

// fillDate gives an article without a date of its own the best one known: the date kiosque
// gave it before (so re-runs are stable), else the scrape file's time, else now.
func fillDate(opts Options, m *bundle.Manifest, a *article.Article) {
	if !a.Date.IsZero() {
		return
	}
	if e, ok := m.Entries[a.Source.Path]; ok && e.SourceSHA256 == a.Source.SHA256 && e.Date != "" {
		if d, err := time.Parse(time.RFC3339, e.Date); err == nil {
			a.Date, a.DateSource = d, article.DateFile
			return
		}
	}
	if fi, err := opts.Fs.Stat(filepath.Join(opts.SiteDir, a.Source.Path)); err == nil && !fi.ModTime().IsZero() {
		a.Date, a.DateSource = fi.ModTime().Truncate(time.Second), article.DateFile
		return
	}
	a.Date, a.DateSource = opts.Now().Truncate(time.Second), article.DateImported
}

// place gives each article its bundle folder: the one the manifest knows for its source, else
// a new slug from its title, suffixed when the folder is taken.
func place(opts Options, m *bundle.Manifest, articles []*article.Article) []string {
	dirs := make([]string, len(articles))
	taken := map[string]bool{}
	for _, e := range m.Entries {
		taken[e.Bundle] = true
	}
	for i, a := range articles {
		if e, ok := m.Entries[a.Source.Path]; ok {
			dirs[i] = e.Bundle
		}
	}
	for i, a := range articles {
		if dirs[i] == "" {
			base := path.Join(ArticlesSection, slug.Make(a.Title, a.Lang))
			dir := base
			for n := 2; taken[dir] || exists(opts.Fs, filepath.Join(opts.ContentDir, dir)); n++ {
				dir = base + "-" + strconv.Itoa(n)
			}
			dirs[i] = dir
		}
		taken[dirs[i]] = true
		a.Page = "/" + dirs[i]
	}
	return dirs
}

// relPath returns p relative to dir, with forward slashes, when p lies inside dir.
func relPath(dir, p string) string {
	if dir != "" {
		if r, err := filepath.Rel(dir, p); err == nil && filepath.IsLocal(r) {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(p)
}

func exists(fsys afero.Fs, name string) bool {
	_, err := fsys.Stat(name)
	return err == nil
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Error returns the failure as an error naming its file.
func (f Failure) Error() string { return fmt.Sprintf("%s: %v", f.Path, f.Err) }
