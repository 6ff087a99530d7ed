package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/enrich"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
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
	StagePlan   = "plan" // rendering every bundle and staging the files that changed
	StageWrite  = "write"
)

// Unit is what a stage of an import counts.
type Unit int

// The units of a stage: steps (files, bundles), or bytes, which the read stage counts when
// the inputs hold a web archive, so that a long archive shows its progress as it is read.
const (
	Steps Unit = iota
	Bytes
)

// Progress follows an import's stages; the CLI draws it as a bar or as counters.
type Progress interface {
	// Start begins a stage of total steps in unit (0 when unknown).
	Start(stage string, total int, unit Unit)
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
	// ContentDir is the site's content folder on Fs (its default language's, which holds the
	// lock, the manifest and the state; Target.Folders names the other languages' own).
	ContentDir string
	// Target is where in ContentDir articles and author profiles go, and the keys and format
	// of their front matter (the site's layout; the zero Target is kiosque's own).
	Target bundle.Target
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
	// CheckpointEvery is the number of records of a web archive between two checkpoints of
	// its reading (scrape.DefaultCheckpoint when 0), which an interrupted import resumes from.
	CheckpointEvery int
}

// Item is what happened to one imported article.
type Item struct {
	Source string
	Bundle string
	// Index is the name of the bundle's index file (index.md, index.en.md).
	Index string
	// Folder is the language whose own content folder holds the bundle, "" for the site's
	// content folder (see bundle.Target.Folders).
	Folder  string `json:",omitempty"`
	Outcome bundle.Outcome
	// Reason says why, for every outcome but unchanged.
	Reason string
	// Noted marks a bundle kept as an earlier import already reported it (see bundle.Plan).
	Noted bool
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
	Read, Enrich, Plan, Write time.Duration
}

// Report sums up an import.
type Report struct {
	Items      []Item
	Duplicates []Duplicate
	// Failures are the inputs (files, lines or records) that could not be imported, each
	// naming its file relative to the site folder.
	Failures []*failure.Error
	// Profiles lists the author profiles created (or, in a dry run, to be created).
	Profiles []string
	// MovedProfiles lists the authors whose profile was moved (or, in a dry run, is to be)
	// from the folder of an earlier import to the folder of the author's page (see
	// bundle.Target.MoveAuthorProfile).
	MovedProfiles []string
	// Warnings are problems that stopped nothing, such as a writer's page that cannot be
	// read, named like the failures.
	Warnings []*failure.Error
	// Skipped are the records of web archives that gave no article of their own (pages that
	// are not articles, earlier captures, redirects), each naming its file relative to the
	// site folder.
	Skipped []scrape.Skip
	// Resumed are the web archives whose reading went on where an interrupted import
	// stopped.
	Resumed []Resumed
	// Cached counts the scrapes taken from the parse cache (bundle.ParseCacheName) instead
	// of being read again: those that did not change since an earlier import read them.
	Cached  int
	Timings Timings
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

func (noProgress) Start(string, int, Unit) {}
func (noProgress) Step(int)                {}
func (noProgress) Done()                   {}

// Run imports the inputs. It returns an error only when the site itself cannot be used (its
// content folder, manifest or vocabulary files, or another import writing to it: see
// bundle.Lock); inputs that fail are listed in the report and the others are still imported.
// An import is four stages, each a function: read the scrapes, enrich them with the pages
// already in the site, write their bundles, and write the profiles of their authors.
func Run(opts Options) (*Report, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Progress == nil {
		opts.Progress = noProgress{}
	}
	opts.Scrape = opts.Scrape.Prepared() // the cues are folded once, not at every scrape
	if !opts.DryRun {
		unlock, err := bundle.Lock(opts.Fs, opts.ContentDir)
		if err != nil {
			return nil, err
		}
		defer unlock()
	}
	start := time.Now()
	settings, pre, rep, ok := opts.check() // the manifest is a file of the content folder it stamps
	if ok {
		rep.Timings.Read = time.Since(start)
		return rep, nil
	}
	manifest, err := bundle.LoadManifest(opts.Fs, opts.ContentDir)
	if err != nil {
		return nil, err
	}
	vocab, err := loadVocabularies(opts)
	if err != nil {
		return nil, err
	}
	rep = &Report{}
	im := &run{opts: opts, manifest: manifest, rep: rep, guessed: map[*article.Article]*failure.Error{}, once: map[*failure.Error]bool{}, known: map[string]stamp{}}

	defer floorHeap()()
	start = time.Now()
	articles := im.read()
	rep.Timings.Read = time.Since(start)
	defer limitHeap()()

	start = time.Now()
	articles, dirs, err := im.enrich(articles, vocab)
	rep.Timings.Enrich = time.Since(start)
	if err != nil {
		return nil, err
	}

	start = time.Now()
	readFailures := len(rep.Failures)
	plans, written, pending, err := im.write(articles, dirs)
	if err == nil {
		err = im.writeProfiles(written)
	}
	rep.Timings.Write = time.Since(start) - rep.Timings.Plan
	if err != nil || opts.DryRun {
		return rep, err
	}
	if pending > 0 || manifestChanged(plans) || manifest.Stale() {
		if err := manifest.Save(opts.Fs, opts.ContentDir); err != nil {
			return rep, err
		}
	}
	if len(rep.Failures) == readFailures { // else the next run writes what failed: keep them
		if err := im.forgetCheckpoints(); err != nil {
			return rep, err
		}
	}
	return rep, opts.saveState(opts.record(rep, manifest, settings, pre, im.known, im.once, len(rep.Failures) == readFailures))
}

// run is one import under way: its options, the site's manifest and the report it fills.
type run struct {
	opts     Options
	manifest *bundle.Manifest
	rep      *Report
	guessed  map[*article.Article]*failure.Error // the warning of each article dated by a guess
	once     map[*failure.Error]bool             // the warnings a re-run does not repeat
	known    map[string]stamp                    // the files read and written, as then (see record)

	mu          sync.Mutex
	checkpoints []string // the checkpoint folders of the web archives read (see resume)
}

// vocabularies are the site's tag and author files.
type vocabularies struct {
	tags, authors *enrich.Vocabulary
}

func loadVocabularies(opts Options) (vocabularies, error) {
	tags, err := loadVocabulary(opts, TagsFile)
	if err != nil {
		return vocabularies{}, err
	}
	authors, err := loadVocabulary(opts, AuthorsFile)
	return vocabularies{tags, authors}, err
}

// read is the first stage: it reads every input over the cores and returns the articles, each
// keyed by its source path; failures, warnings and skipped records go to the report.
func (im *run) read() []*article.Article {
	opts, rep := im.opts, im.rep
	files, failures, warnings := Collect(opts.Fs, opts.Inputs)
	rep.Failures = append(rep.Failures, opts.relative(failures)...)
	rep.Warnings = append(rep.Warnings, opts.relative(warnings)...)
	sizes := readSizes(opts.Fs, files)
	if sizes == nil {
		opts.Progress.Start(StageRead, len(files), Steps)
	} else {
		total := 0
		for _, n := range sizes {
			total += n
		}
		opts.Progress.Start(StageRead, total, Bytes)
	}
	defer opts.Progress.Done()
	cache := loadParseCache(opts, readingSettings(opts))
	results := im.readAll(files, sizes, cache)
	cache.save()
	cache.stamps(im.known)
	if cache != nil {
		rep.Cached = cache.hits
		if cache.warning != nil {
			rep.Warnings = append(rep.Warnings, cache.warning)
			im.once[cache.warning] = true
		}
	}
	var articles []*article.Article
	for i, r := range results {
		if r.resumed.Records > 0 {
			r.resumed.File = relPath(opts.SiteDir, files[i])
			rep.Resumed = append(rep.Resumed, r.resumed)
		}
		for _, sk := range r.skipped {
			sk.File = relPath(opts.SiteDir, sk.File)
			rep.Skipped = append(rep.Skipped, sk)
		}
		// A file of records may fail in part: its good records are still imported, and each
		// bad one is reported with its line.
		rep.Failures = append(rep.Failures, opts.relative(failure.All(failure.In(files[i], r.err)))...)
		for j := range r.articles {
			if a := im.accept(files[i], &r.articles[j]); a != nil {
				articles = append(articles, a)
			}
		}
	}
	return articles
}

// accept keys an article read from file f by its source path, dates it, and returns it, or
// reports it and returns nil when it holds no text.
func (im *run) accept(f string, a *article.Article) *article.Article {
	opts := im.opts
	key := ""
	if a.Source.Record > 0 || a.Source.Format == "warc" {
		// A record (of a JSON file or a web archive) is keyed by its address, else its line,
		// so that it keeps its bundle when other records of the file fail, are fixed or are
		// added.
		if a.Source.URL != "" {
			key = "#" + a.Source.URL
		} else {
			key = "#L" + strconv.Itoa(a.Source.Record)
		}
	}
	a.Source.Path = relPath(opts.SiteDir, f) + key
	for j := range a.Duplicates { // the earlier captures of a web archive's page
		if a.Duplicates[j].Path == f {
			a.Duplicates[j].Path = relPath(opts.SiteDir, f)
		}
	}
	rekey(im.manifest, filepath.ToSlash(f)+key, a.Source.Path)
	if strings.TrimSpace(a.Title) == "" && len(a.Body) == 0 {
		im.rep.Failures = append(im.rep.Failures, failure.At(relPath(opts.SiteDir, f), a.Source.Record, errors.New("no article text found")))
		return nil
	}
	_, known := im.manifest.Entries[a.Source.Path]
	if w := fillDate(opts, im.manifest, a); w != nil && !known {
		im.guessed[a] = w // warned once, when the article is new
	}
	return a
}

// enrich is the second stage: over this import and the pages already in the site, it drops
// duplicates, places each article in its folder, and gives it tags, authors, links and
// similar articles. It returns the articles kept and their folders.
func (im *run) enrich(articles []*article.Article, vocab vocabularies) ([]*article.Article, []string, error) {
	opts, rep, manifest := im.opts, im.rep, im.manifest
	opts.Progress.Start(StageEnrich, 0, Steps)
	defer opts.Progress.Done()
	ours := map[string]bool{}
	for _, a := range articles {
		if e, ok := manifest.Entries[a.Source.Path]; ok {
			ours[e.Bundle] = true
		}
	}
	existing, errs := opts.Target.LoadPages(opts.Fs, opts.ContentDir, func(b string) bool { return ours[b] })
	for _, err := range errs {
		rep.Warnings = append(rep.Warnings, opts.relative(failure.All(err))...)
	}
	// Scrapes imported before come first, so a duplicate never takes over their bundle.
	sort.SliceStable(articles, func(i, j int) bool {
		_, ki := manifest.Entries[articles[i].Source.Path]
		_, kj := manifest.Entries[articles[j].Source.Path]
		return ki && !kj
	})
	articles, dups := enrich.Dedupe(articles, existing)
	for _, a := range articles { // a duplicate's date is never used: no warning for it
		if w, ok := im.guessed[a]; ok {
			rep.Warnings = append(rep.Warnings, w)
			im.once[w] = true
		}
	}
	for _, d := range dups {
		of := d.Of.Source.Path
		if d.Of.Page != "" {
			of = d.Of.Page
		}
		rep.Duplicates = append(rep.Duplicates, Duplicate{Source: d.Article.Source.Path, Of: of})
	}
	dirs, err := place(opts, manifest, articles)
	if err != nil {
		return nil, nil, err
	}
	enrich.Corpus(articles, existing, enrich.Options{DefaultAuthor: opts.DefaultAuthor, Tags: vocab.tags, Authors: vocab.authors})
	return articles, dirs, nil
}

// write is the third stage: it plans every bundle (StagePlan: its outcome and the files it
// stages), records the intended writes in the manifest, writes the bundles and records what
// was written. It returns the plans, those committed, and how many had something to write.
func (im *run) write(articles []*article.Article, dirs []string) (plans, written []*bundle.Plan, pending int, err error) {
	opts, rep, manifest := im.opts, im.rep, im.manifest
	w := &bundle.Writer{Fs: opts.Fs, ContentDir: opts.ContentDir, Target: opts.Target, Manifest: manifest, Force: opts.Force, DryRun: opts.DryRun}
	if !opts.DryRun {
		if err := w.CleanStaging(); err != nil { // what an interrupted import staged
			return nil, nil, 0, err
		}
		defer func() {
			if cerr := w.CleanStaging(); err == nil {
				err = cerr
			}
		}()
	}
	// Rendering and planning (which stages the files to write) read files and fetch
	// images: it is spread over workers, and its results are taken in the articles' order.
	type planned struct {
		plan  *bundle.Plan
		warns []*failure.Error
		err   error
	}
	start := time.Now()
	opts.Progress.Start(StagePlan, len(articles), Steps)
	out := make([]planned, len(articles))
	var mu sync.Mutex // opts.Progress need not be safe for concurrent use
	forEach(len(articles), writers(), func(i int) {
		assets, warns := bundleImages(opts, articles[i])
		p, err := w.Plan(articles[i], dirs[i])
		if err == nil {
			p.Assets = assets
		}
		out[i] = planned{p, warns, err}
		mu.Lock()
		opts.Progress.Step(1)
		mu.Unlock()
	})
	opts.Progress.Done()
	rep.Timings.Plan = time.Since(start)
	for i, r := range out {
		rep.Warnings = append(rep.Warnings, r.warns...)
		if r.err != nil {
			rep.Failures = append(rep.Failures, opts.failuresOf(articles[i], r.err)...)
			continue
		}
		plans = append(plans, r.plan)
		if r.plan.Pending() {
			pending++
		}
	}
	if pending > 0 && !opts.DryRun {
		if err := w.Flush(plans); err != nil {
			return plans, nil, pending, err
		}
		w.Intend(plans)
		if err := manifest.Save(opts.Fs, opts.ContentDir); err != nil {
			return plans, nil, pending, err
		}
	}
	// The stage counts the bundles written: a re-run that writes nothing shows no progress.
	if !opts.DryRun {
		opts.Progress.Start(StageWrite, pending, Steps)
		defer opts.Progress.Done()
	}
	errs := make([]error, len(plans))
	infos := make([]fs.FileInfo, len(plans)) // of the index files written, as written
	forEach(len(plans), writers(), func(k int) {
		errs[k] = w.Commit(plans[k])
		if plans[k].Pending() && !opts.DryRun {
			if errs[k] == nil {
				infos[k], _ = opts.Fs.Stat(path.Join(w.Dir(plans[k]), plans[k].Index))
			}
			mu.Lock()
			opts.Progress.Step(1)
			mu.Unlock()
		}
	})
	for k, p := range plans {
		if errs[k] != nil {
			rep.Failures = append(rep.Failures, opts.failuresOf(p.Article, errs[k])...)
			continue
		}
		if infos[k] != nil {
			name := filepath.FromSlash(path.Join(w.Dir(p), p.Index))
			im.known[name] = stampOf(infos[k], manifest.Entries[p.Article.Source.Path].WrittenSHA256)
		}
		written = append(written, p)
		rep.Items = append(rep.Items, Item{Source: p.Article.Source.Path, Bundle: p.Bundle, Index: p.Index, Folder: p.Folder, Outcome: p.Outcome, Reason: p.Reason, Noted: p.Noted})
	}
	return plans, written, pending, nil
}

// writers is how many bundles are planned or written at once: writing waits on the disk more
// than on the processor, so there are more writers than cores.
func writers() int {
	return max(4, 2*runtime.GOMAXPROCS(0))
}

// forEach calls f with every index below n, from up to workers goroutines at once, and
// returns when every call has returned.
func forEach(n, workers int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// writeProfiles is the last stage: it writes a profile page for every author the written
// bundles name (writers and the writers of their teasers) that has none yet.
func (im *run) writeProfiles(plans []*bundle.Plan) error {
	opts, rep := im.opts, im.rep
	authors := map[string]string{} // name -> the first scrape naming it
	for _, p := range plans {
		for _, name := range p.Article.Authors {
			if _, ok := authors[name]; !ok {
				authors[name] = sourceFile(p.Article)
			}
		}
		for _, t := range p.Article.Related {
			if _, ok := authors[t.Author]; !ok && t.Author != "" {
				authors[t.Author] = sourceFile(p.Article)
			}
		}
	}
	profiles, err := bundle.ReadFolders(opts.Fs, filepath.Join(opts.ContentDir, opts.Target.AuthorsKey()))
	if err != nil {
		return err
	}
	folders := map[string]bool{} // the profile folders of the authors named
	for name := range authors {
		folders[bundle.TermFolder(name)] = true
	}
	// The profiles to create are written at once, after the loop (bundle.WriteFiles); what
	// happened to each author is reported in the authors' order.
	type outcome struct {
		name    string
		err     error
		created bool
		file    int // the author's file in files, or -1
	}
	var outcomes []outcome
	var files []bundle.File
	for _, name := range slices.Sorted(maps.Keys(authors)) {
		if other, ok := profiles.Spelling(bundle.TermFolder(name)); ok && other != bundle.TermFolder(name) {
			continue // the author's folder, under a spelling the filesystem may take for this one
		}
		profiles.Add(bundle.TermFolder(name))
		o := outcome{name: name, file: -1}
		moved, err := im.moveProfile(name, folders)
		switch {
		case err != nil:
			o.err = err
		case moved:
			rep.MovedProfiles = append(rep.MovedProfiles, name)
			continue
		case opts.DryRun:
			var ok bool
			ok, o.err = opts.Target.AuthorProfileExists(opts.Fs, opts.ContentDir, name)
			o.created = !ok
		default:
			var f bundle.File
			f, o.created, o.err = opts.Target.AuthorProfile(opts.Fs, opts.ContentDir, name)
			if o.created {
				o.file = len(files)
				files = append(files, f)
			}
		}
		outcomes = append(outcomes, o)
	}
	errs := bundle.WriteFiles(opts.Fs, files)
	for _, o := range outcomes {
		if o.file >= 0 && errs != nil && errs[o.file] != nil {
			o.err = errs[o.file]
		}
		if o.err != nil {
			rep.Failures = append(rep.Failures, opts.relative(failure.All(failure.In(authors[o.name], o.err)))...)
		} else if o.created {
			rep.Profiles = append(rep.Profiles, o.name)
		}
	}
	return nil
}

// moveProfile moves the author's profile from the folder an earlier import gave it to the
// folder of the author's page (in a dry run, tells whether it would), unless the old folder
// is the profile of another author of folders, "Adele" beside "Adèle".
func (im *run) moveProfile(name string, folders map[string]bool) (bool, error) {
	opts := im.opts
	if folders[bundle.TermSlug(name)] {
		return false, nil
	}
	var old string
	var err error
	if opts.DryRun {
		old, err = opts.Target.OldAuthorProfile(opts.Fs, opts.ContentDir, name)
	} else {
		old, err = opts.Target.MoveAuthorProfile(opts.Fs, opts.ContentDir, name)
	}
	return old != "", err
}

// readResult is what scrape.Read gave for one file.
type readResult struct {
	articles []article.Article
	err      error
	skipped  []scrape.Skip // the records of a web archive that gave no article
	resumed  Resumed       // what a web archive's reading took from checkpoints
}

// readSizes returns the size of each file when one of them is a web archive, for the read
// stage to count bytes; nil otherwise.
func readSizes(fsys afero.Fs, files []string) []int {
	if !slices.ContainsFunc(files, scrape.IsWARC) {
		return nil
	}
	sizes := make([]int, len(files))
	for i, f := range files {
		if fi, err := fsys.Stat(f); err == nil {
			sizes[i] = int(fi.Size())
		}
	}
	return sizes
}

// readAll reads the files over the cores, with a worker per core, and returns what each
// gave in the files' order. Progress steps a file at a time, or, with sizes, a file's bytes:
// a web archive's as they are read, another's once read. An import that explains its reading
// reads one file at a time, so that the explanations come in order. A file the cache (which
// may be nil) holds unchanged is taken from it, the others are read and kept in it; a web
// archive's reading goes on from its checkpoints.
func (im *run) readAll(files []string, sizes []int, cache *parseCache) []readResult {
	opts := im.opts
	out := make([]readResult, len(files))
	workers := runtime.GOMAXPROCS(0)
	if opts.Scrape.Explain != nil {
		workers = 1
	}
	var mu sync.Mutex // opts.Progress need not be safe for concurrent use
	step := func(n int) {
		mu.Lock()
		opts.Progress.Step(n)
		mu.Unlock()
	}
	forEach(len(files), workers, func(i int) {
		left := 1
		if sizes != nil {
			left = sizes[i]
		}
		root := opts.inputRoot(files[i])
		r, ok := cache.lookup(files[i], root)
		if ok && scrape.IsWARC(files[i]) { // checkpoints left by an import cut after its reading
			im.mu.Lock()
			im.checkpoints = append(im.checkpoints, checkpointKey(relPath(opts.SiteDir, files[i])))
			im.mu.Unlock()
		}
		if !ok {
			r = im.readFile(files[i], root, cache, sizes != nil, &left, step)
		}
		out[i] = r
		step(left)
	})
	return out
}

// readFile reads a file found under the input folder root, and keeps what it gave in the
// cache (which may be nil); a web archive's reading goes on from its checkpoints. With
// count, the bytes of a web archive are stepped as they are read, up to left, which goes
// down by as many.
func (im *run) readFile(file, root string, cache *parseCache, count bool, left *int, step func(int)) readResult {
	var r readResult
	sopts := im.opts.Scrape
	sopts.Skip = func(sk scrape.Skip) { r.skipped = append(r.skipped, sk) }
	sopts.Root = root
	if scrape.IsWARC(file) {
		if sopts.Resume = im.resume(file); sopts.Resume != nil {
			sopts.Resume.Resumed = func(records int, bytes int64) {
				r.resumed.Records += records
				r.resumed.Bytes += bytes
			}
		}
	}
	if count {
		sopts.Read = func(n int) {
			n = min(n, *left) // a file that grew while read
			*left -= n
			step(n)
		}
	}
	var fsys afero.Fs = im.opts.Fs
	var rec *recorder // what the reading looks at, for the cache
	if cache != nil {
		rec = newRecorder(fsys)
		fsys = rec
	}
	r.articles, r.err = scrape.Read(fsys, file, sopts)
	cache.store(file, root, rec, r)
	return r
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
		return nil, failure.At(name, 0, err)
	}
	v, err := enrich.ParseVocabulary(name, data)
	if err != nil {
		return nil, failure.In(name, err)
	}
	return v, nil
}

// Collect lists the scrape files among the inputs, sorted, walking folders. An input or a
// folder that cannot be read, and a symbolic link that leads nowhere, is a failure; a
// symbolic link to a folder is not followed (so a link to a parent folder cannot loop), with
// a warning.
func Collect(fsys afero.Fs, inputs []string) (files []string, failures, warnings []*failure.Error) {
	for _, in := range inputs {
		info, err := fsys.Stat(in)
		if err != nil {
			failures = append(failures, failure.At(in, 0, err))
			continue
		}
		if !info.IsDir() {
			files = append(files, in)
			continue
		}
		err = afero.Walk(fsys, in, func(p string, fi fs.FileInfo, err error) error {
			if err != nil {
				failures = append(failures, failure.At(p, 0, err))
				return nil
			}
			if fi.IsDir() || strings.HasPrefix(fi.Name(), ".") {
				return nil
			}
			if fi.Mode()&fs.ModeSymlink != 0 {
				target, err := fsys.Stat(p)
				switch {
				case err != nil && scrape.Supported(p):
					failures = append(failures, failure.At(p, 0, fmt.Errorf("a symbolic link that cannot be followed: %w", unwrapPath(err))))
					return nil
				case err == nil && target.IsDir():
					warnings = append(warnings, failure.At(p, 0, errors.New("a symbolic link to a folder, not followed")).
						WithHint("give the folder it links to as an input of its own"))
					return nil
				}
			}
			if scrape.Supported(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			failures = append(failures, failure.At(in, 0, err))
		}
	}
	sort.Strings(files)
	return files, failures, warnings
}

// unwrapPath returns the cause of a path error, which names the file again.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// relative names the files of failures relative to the site folder.
func (opts Options) relative(failures []*failure.Error) []*failure.Error {
	for _, f := range failures {
		if filepath.IsAbs(f.File) {
			f.File = relPath(opts.SiteDir, f.File)
		}
	}
	return failures
}

// failuresOf returns err as failures of the article's scrape (at its record's line), keeping
// those that name a file of their own, such as the bundle a write failed on.
func (opts Options) failuresOf(a *article.Article, err error) []*failure.Error {
	var out []*failure.Error
	for _, f := range failure.All(err) {
		if f.File == "" {
			g := *f
			g.File, g.Line = sourceFile(a), a.Source.Record
			f = &g
		}
		out = append(out, f)
	}
	return opts.relative(out)
}

// sourceFile returns the scrape file an article was read from, without a record's key.
func sourceFile(a *article.Article) string {
	file, _, _ := strings.Cut(a.Source.Path, "#")
	return file
}

// fillDate gives an article without a date of its own the best one known: the date kiosque
// gave it before (so re-runs are stable), else the scrape file's time, else now. A new guess
// comes with a warning saying how to give the article its real date; nil otherwise.
func fillDate(opts Options, m *bundle.Manifest, a *article.Article) *failure.Error {
	if !a.Date.IsZero() {
		return nil
	}
	if e, ok := m.Entries[a.Source.Path]; ok && e.SourceSHA256 == a.Source.SHA256 && e.Date != "" {
		if d, err := time.Parse(time.RFC3339, e.Date); err == nil {
			a.Date, a.DateSource = d, article.DateSource(e.DateSource)
			if a.DateSource == "" {
				a.DateSource = article.DateFile
			}
			return nil
		}
	}
	file := sourceFile(a)
	how := fmt.Sprintf("give it one in its sidecar %s: {\"date\": \"2026-03-01T08:00:00+01:00\"}", scrape.SidecarPath(file))
	if a.Source.Record > 0 {
		how = "give the record a \"date\" field"
	}
	name := file
	if !filepath.IsAbs(name) {
		name = filepath.Join(opts.SiteDir, name)
	}
	if fi, err := opts.Fs.Stat(name); err == nil && !fi.ModTime().IsZero() {
		a.Date, a.DateSource = fi.ModTime().Truncate(time.Second), article.DateFile
		return failure.At(file, a.Source.Record, fmt.Errorf("no date found; dated %s by the file's modification time", a.Date.Format(time.DateOnly))).WithHint(how)
	}
	a.Date, a.DateSource = opts.Now().Truncate(time.Second), article.DateImported
	return failure.At(file, a.Source.Record, fmt.Errorf("no date found; dated %s, the day of the import", a.Date.Format(time.DateOnly))).WithHint(how)
}

// rekey moves the manifest entry of old to key, unless key has one: an older kiosque keyed a
// scrape outside the site folder by its absolute path, and the article keeps its bundle.
func rekey(m *bundle.Manifest, old, key string) {
	if _, ok := m.Entries[key]; ok || old == key {
		return
	}
	if e, ok := m.Entries[old]; ok {
		m.Entries[key] = e
		delete(m.Entries, old)
	}
}

// place gives each article its bundle folder: the one the manifest knows for its source, else
// a new slug from its title. A slug already taken, by another article or by a page of the
// section in any case or Unicode normal form (bundle.Folders), in any of the site's content
// folders (two pages of one path in two languages' folders would be each other's
// translation), gets a suffix derived from the scrape's path, the same on every run.
func place(opts Options, m *bundle.Manifest, articles []*article.Article) ([]string, error) {
	section := opts.Target.ArticlesDir()
	pages := bundle.Folders{}
	for _, dir := range opts.Target.Dirs(opts.ContentDir) {
		f, err := bundle.ReadFolders(opts.Fs, filepath.Join(dir, filepath.FromSlash(section)))
		if err != nil {
			return nil, err
		}
		for _, name := range f {
			pages.Add(name)
		}
	}
	dirs := make([]string, len(articles))
	taken := bundle.Folders{}
	for dir := range m.Bundles() {
		taken.Add(dir)
	}
	for i, a := range articles {
		if e, ok := m.Entries[a.Source.Path]; ok {
			dirs[i] = e.Bundle
		}
	}
	free := func(dir string) bool { return !taken.Has(dir) && !pages.Has(path.Base(dir)) }
	for i, a := range articles {
		if dirs[i] == "" {
			base := slug.Make(a.Title, a.Lang)
			dir := path.Join(section, base)
			if !free(dir) {
				dir = path.Join(section, slug.Suffixed(base, a.Source.Path))
				for n := 2; !free(dir); n++ {
					dir = path.Join(section, slug.Suffixed(base, a.Source.Path+"#"+strconv.Itoa(n)))
				}
			}
			dirs[i] = dir
		}
		taken.Add(dirs[i])
		a.Page = "/" + dirs[i]
	}
	return dirs, nil
}

// relPath returns p relative to dir, with forward slashes ("../downloads/x.txt" for a scrape
// beside the site folder): front matter and the manifest never hold a machine's absolute
// paths, unless no relative path exists (another drive on Windows).
func relPath(dir, p string) string {
	if dir != "" {
		if r, ok := within(dir, p); ok {
			return filepath.ToSlash(r)
		}
		if r, err := filepath.Rel(dir, p); err == nil {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(p)
}

// within returns what filepath.Rel(dir, p) does when p is dir, a separator and a clean
// relative path, without cleaning either: the case of every file a walk of the site finds,
// hundreds of thousands on a large archive. Windows paths (volumes, reserved names) take Rel.
func within(dir, p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, dir)
	if !ok || runtime.GOOS == "windows" || len(rest) < 2 || rest[0] != filepath.Separator || !cleanElements(rest[1:]) {
		return "", false
	}
	return rest[1:], true
}

// cleanElements reports whether the relative path p is clean: elements between single
// separators, none of them "." or "..".
func cleanElements(p string) bool {
	for p != "" {
		elem, tail, more := strings.Cut(p, string(filepath.Separator))
		if elem == "" || elem == "." || elem == ".." || more && tail == "" {
			return false
		}
		p = tail
	}
	return true
}
