package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
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

// The site's vocabulary files, relative to the site folder.
const (
	TagsFile    = "data/tags.yaml"
	AuthorsFile = "data/authors.yaml"
)

// The stages of an import, as reported to a Progress.
const (
	StageRead   = "read"
	StageEnrich = "enrich"
	StageWrite  = "write"
)

// Progress follows an import's stages; the CLI draws it as a bar or as counters.
type Progress interface {
	// Start begins a stage of total steps (0 when unknown).
	Start(stage string, total int)
	// Step records n more steps done.
	Step(n int)
	// Done ends the stage.
	Done()
}

// Options say what to import where.
type Options struct {
	Fs afero.Fs
	// SiteDir is the site folder on Fs: source paths are recorded relative to it, and the
	// vocabulary files are read from it.
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
	// FetchImages, when set, downloads the remote images of HTML pages into their bundles
	// (NewHTTPFetcher); images the scrape folder holds are always copied.
	FetchImages Fetcher
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Progress follows the stages; nil for none.
	Progress Progress
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
	// Reason says why, for every outcome but unchanged.
	Reason string
}

// Duplicate is a scrape that holds an article imported from another scrape.
type Duplicate struct {
	// Source is the duplicate scrape.
	Source string
	// Of is the scrape, or for an article imported before, the page, it duplicates.
	Of string
}

// Timings are the time spent in each stage of an import.
type Timings struct {
	Read, Enrich, Write time.Duration
}

// Report sums up an import.
type Report struct {
	Items      []Item
	Duplicates []Duplicate
	Failures   []Failure
	// Profiles lists the author profiles created (or, in a dry run, to be created).
	Profiles []string
	// Warnings are problems that stopped nothing, such as a writer's page that cannot be read.
	Warnings []string
	Timings  Timings
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

type noProgress struct{}

func (noProgress) Start(string, int) {}
func (noProgress) Step(int)          {}
func (noProgress) Done()             {}

// Run imports the inputs. It returns an error only when the site itself cannot be used (its
// content folder, manifest or vocabulary files); inputs that fail are listed in the report
// and the others are still imported.
func Run(opts Options) (*Report, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Progress == nil {
		opts.Progress = noProgress{}
	}
	manifest, err := bundle.LoadManifest(opts.Fs, opts.ContentDir)
	if err != nil {
		return nil, err
	}
	tagVocab, err := loadVocabulary(opts, TagsFile)
	if err != nil {
		return nil, err
	}
	authorVocab, err := loadVocabulary(opts, AuthorsFile)
	if err != nil {
		return nil, err
	}
	rep := &Report{}

	// Read.
	start := time.Now()
	files, failures := collect(opts.Fs, opts.Inputs)
	rep.Failures = append(rep.Failures, failures...)
	opts.Progress.Start(StageRead, len(files))
	var articles []*article.Article
	for _, f := range files {
		read, err := scrape.Read(opts.Fs, f, opts.Scrape)
		opts.Progress.Step(1)
		// A file of records may fail in part: its good records are still imported, and each
		// bad one is reported with its line.
		rep.Failures = append(rep.Failures, readFailures(f, err)...)
		for i := range read {
			a := &read[i]
			a.Source.Path = relPath(opts.SiteDir, f)
			if a.Source.Record > 0 {
				// A record is keyed by its address, else its line, so that it keeps its bundle
				// when other records of the file fail, are fixed or are added.
				if a.Source.URL != "" {
					a.Source.Path += "#" + a.Source.URL
				} else {
					a.Source.Path += "#L" + strconv.Itoa(a.Source.Record)
				}
			}
			if strings.TrimSpace(a.Title) == "" && len(a.Body) == 0 {
				rep.Failures = append(rep.Failures, Failure{Path: f, Err: errors.New("no article text found")})
				continue
			}
			fillDate(opts, manifest, a)
			articles = append(articles, a)
		}
	}
	opts.Progress.Done()
	rep.Timings.Read = time.Since(start)

	// Enrich, over this import and the pages already in the site.
	start = time.Now()
	opts.Progress.Start(StageEnrich, 0)
	ours := map[string]bool{}
	for _, a := range articles {
		if e, ok := manifest.Entries[a.Source.Path]; ok {
			ours[e.Bundle] = true
		}
	}
	existing, errs := bundle.LoadPages(opts.Fs, opts.ContentDir, func(b string) bool { return ours[b] })
	for _, err := range errs {
		rep.Warnings = append(rep.Warnings, err.Error())
	}
	// Scrapes imported before come first, so a duplicate never takes over their bundle.
	sort.SliceStable(articles, func(i, j int) bool {
		_, ki := manifest.Entries[articles[i].Source.Path]
		_, kj := manifest.Entries[articles[j].Source.Path]
		return ki && !kj
	})
	articles, dups := enrich.Dedupe(articles, existing)
	for _, d := range dups {
		of := d.Of.Source.Path
		if d.Of.Page != "" {
			of = d.Of.Page
		}
		rep.Duplicates = append(rep.Duplicates, Duplicate{Source: d.Article.Source.Path, Of: of})
	}
	dirs := place(opts, manifest, articles)
	enrich.Corpus(articles, existing, enrich.Options{DefaultAuthor: opts.DefaultAuthor, Tags: tagVocab, Authors: authorVocab})
	opts.Progress.Done()
	rep.Timings.Enrich = time.Since(start)

	// Write: decide every outcome, record the intended writes, write, record what was written.
	start = time.Now()
	defer func() { rep.Timings.Write = time.Since(start) }()
	w := &bundle.Writer{Fs: opts.Fs, ContentDir: opts.ContentDir, Manifest: manifest, Force: opts.Force, DryRun: opts.DryRun}
	opts.Progress.Start(StageWrite, len(articles))
	var plans []*bundle.Plan
	pending := 0
	for i, a := range articles {
		assets, warns := bundleImages(opts, a)
		rep.Warnings = append(rep.Warnings, warns...)
		p, err := w.Plan(a, dirs[i])
		if err != nil {
			rep.Failures = append(rep.Failures, Failure{Path: a.Source.Path, Err: err})
			continue
		}
		p.Assets = assets
		plans = append(plans, p)
		if p.Pending() {
			pending++
		}
	}
	if pending > 0 && !opts.DryRun {
		w.Intend(plans)
		if err := manifest.Save(opts.Fs, opts.ContentDir); err != nil {
			opts.Progress.Done()
			return rep, err
		}
	}
	authors := map[string]bool{}
	for _, p := range plans {
		opts.Progress.Step(1)
		if err := w.Commit(p); err != nil {
			rep.Failures = append(rep.Failures, Failure{Path: p.Article.Source.Path, Err: err})
			continue
		}
		rep.Items = append(rep.Items, Item{Source: p.Article.Source.Path, Bundle: p.Bundle, Outcome: p.Outcome, Reason: p.Reason})
		for _, name := range p.Article.Authors {
			authors[name] = true
		}
		for _, t := range p.Article.Related {
			if t.Author != "" {
				authors[t.Author] = true
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(authors)) {
		var created bool
		var err error
		if opts.DryRun {
			var ok bool
			ok, err = bundle.AuthorProfileExists(opts.Fs, opts.ContentDir, name)
			created = !ok
		} else {
			created, err = bundle.WriteAuthorProfile(opts.Fs, opts.ContentDir, name)
		}
		if err != nil {
			rep.Failures = append(rep.Failures, Failure{Path: name, Err: err})
		} else if created {
			rep.Profiles = append(rep.Profiles, name)
		}
	}
	defer opts.Progress.Done()
	if opts.DryRun || pending == 0 && !manifestChanged(plans) && !manifest.Stale() {
		return rep, nil
	}
	return rep, manifest.Save(opts.Fs, opts.ContentDir)
}

// manifestChanged reports whether committing the plans changed the manifest without writing
// a bundle (an unchanged bundle whose entry was missing a field, say).
func manifestChanged(plans []*bundle.Plan) bool {
	for _, p := range plans {
		if p.EntryChanged {
			return true
		}
	}
	return false
}

// loadVocabulary reads a vocabulary file of the site, if it has one.
func loadVocabulary(opts Options, name string) (*enrich.Vocabulary, error) {
	file := filepath.Join(opts.SiteDir, filepath.FromSlash(name))
	data, err := afero.ReadFile(opts.Fs, file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("failed to read %q: %w", file, err)
	}
	return enrich.ParseVocabulary(file, data)
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
			a.Date, a.DateSource = d, article.DateSource(e.DateSource)
			if a.DateSource == "" {
				a.DateSource = article.DateFile
			}
			return
		}
	}
	file, _, _ := strings.Cut(a.Source.Path, "#") // a record's file
	if fi, err := opts.Fs.Stat(filepath.Join(opts.SiteDir, file)); err == nil && !fi.ModTime().IsZero() {
		a.Date, a.DateSource = fi.ModTime().Truncate(time.Second), article.DateFile
		return
	}
	a.Date, a.DateSource = opts.Now().Truncate(time.Second), article.DateImported
}

// place gives each article its bundle folder: the one the manifest knows for its source, else
// a new slug from its title. A slug already taken gets a suffix derived from the scrape's
// path, the same on every run.
func place(opts Options, m *bundle.Manifest, articles []*article.Article) []string {
	dirs := make([]string, len(articles))
	taken := m.Bundles()
	for i, a := range articles {
		if e, ok := m.Entries[a.Source.Path]; ok {
			dirs[i] = e.Bundle
		}
	}
	free := func(dir string) bool {
		return !taken[dir] && !exists(opts.Fs, filepath.Join(opts.ContentDir, filepath.FromSlash(dir)))
	}
	for i, a := range articles {
		if dirs[i] == "" {
			base := slug.Make(a.Title, a.Lang)
			dir := path.Join(bundle.ArticlesSection, base)
			if !free(dir) {
				dir = path.Join(bundle.ArticlesSection, slug.Suffixed(base, a.Source.Path))
				for n := 2; !free(dir); n++ {
					dir = path.Join(bundle.ArticlesSection, slug.Suffixed(base, a.Source.Path+"#"+strconv.Itoa(n)))
				}
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

// Error returns the failure as an error naming its file.
func (f Failure) Error() string { return fmt.Sprintf("%s: %v", f.Path, f.Err) }

// readFailures splits a reader's error into one Failure per bad record, or one for the file.
func readFailures(file string, err error) []Failure {
	if err == nil {
		return nil
	}
	var failures []Failure
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			var rec *scrape.RecordError
			if errors.As(e, &rec) {
				failures = append(failures, Failure{Path: fmt.Sprintf("%s:%d", file, rec.Line), Err: rec.Err})
			} else {
				failures = append(failures, Failure{Path: file, Err: e})
			}
		}
		return failures
	}
	return []Failure{{Path: file, Err: err}}
}
