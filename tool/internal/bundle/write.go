package bundle

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// Outcome says what Write did with one article.
type Outcome string

// The outcomes of a write.
const (
	Created   Outcome = "created"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged"
	Kept      Outcome = "kept" // the bundle was edited by hand, or is a writer's own: left as it is
)

// The reasons a Plan gives for its outcome.
const (
	ReasonNew        = "new article"
	ReasonScrape     = "scrape changed"
	ReasonEnrichment = "tags, links or similar articles changed"
	ReasonHandEdit   = "edited by hand since the last import"
	ReasonForced     = "edited by hand, overwritten (--force)"
	ReasonNotOurs    = "not written by kiosque: a writer's own page"
)

// Writer writes page bundles into a content folder, and into the content folders of the
// Target's languages that have their own (Target.Folders).
type Writer struct {
	Fs afero.Fs
	// ContentDir is the default content folder.
	ContentDir string
	Manifest   *Manifest
	// Target is the site's section, taxonomy names and front matter format.
	Target Target
	// Force rewrites bundles that were edited by hand (never a writer's own page).
	Force bool
	// DryRun decides every outcome but writes nothing.
	DryRun bool

	mu sync.Mutex // guards Manifest while plans are committed at once
	// batch is decided when the first file is staged: true when the filesystem of the
	// staging folders can be flushed at once (see Flush), so that no file is flushed alone.
	batchOnce sync.Once
	batch     bool
	made      sync.Map // the staging folders made
}

// StagingName is the folder, in each content folder, where an import writes the index files
// of its bundles before it moves them into place (see Writer.Plan and Writer.Commit), each
// named by its bundle ("articles/<slug>.index.md"). It lasts only while an import writes,
// and Hugo ignores dot files.
const StagingName = ".kiosque-staging"

// Plan is what writing one article will do, decided before anything is written.
type Plan struct {
	Article *article.Article
	// Bundle is the bundle's folder relative to the content folder ("articles/<slug>").
	Bundle  string
	Outcome Outcome
	// Reason says why, in a few words ("new article", "scrape changed", ...).
	Reason string
	// EntryChanged reports that committing the plan changes the manifest even though the
	// bundle is unchanged.
	EntryChanged bool
	// Noted marks a bundle edited by hand and kept that needs no new warning: kiosque would
	// write what it wrote before, or what an earlier import already declined to write.
	Noted bool
	// Stale lists temporary files an interrupted import left in the bundle folder.
	Stale []string
	// Index is the name of the bundle's index file: index.md, or index.<lang>.md for an
	// article in another language of the site (see Target.IndexFile).
	Index string
	// Folder is the language whose own content folder holds the bundle (Target.Folder), ""
	// for the Writer's ContentDir.
	Folder string
	// Assets are the bundle's other files (images copied from the scrape), written beside
	// index.md when the plan writes or keeps the bundle as kiosque's own.
	Assets []Asset
	// staged is the file the plan's index was written to in the staging folder, which
	// Commit moves into place; "" when the plan writes nothing (or in a dry run).
	staged string
	entry  Entry
}

// Asset is a file of a bundle besides index.md, such as an image copied from the scrape.
type Asset struct {
	// Name is the file's name in the bundle folder.
	Name string
	// Load returns the file's bytes; it runs when the plan is committed.
	Load func() ([]byte, error)
}

// Pending reports whether the plan writes a file.
func (p *Plan) Pending() bool { return p.Outcome == Created || p.Outcome == Updated }

// Plan decides what writing a at content/<bundleDir>/index.md (index.<lang>.md for an
// article in another language of the site, and the content folder of the article's language
// when it has one of its own) would do, and renders it for the Writer's Target; bundleDir
// must be a folder of the Target's section. A plan that writes (Pending) writes its index
// file into the staging folder (StagingName), outside the section, where Commit takes it
// from: the plan keeps no copy of the file in memory. Plans may be made at once, from
// several goroutines.
func (w *Writer) Plan(a *article.Article, bundleDir string) (*Plan, error) {
	p, data, err := w.plan(a, bundleDir)
	if err != nil || !p.Pending() || w.DryRun {
		return p, err
	}
	if err := w.stage(p, data); err != nil {
		return nil, err
	}
	return p, nil
}

// plan is Plan without the staging: it returns the plan and the index file it would write.
func (w *Writer) plan(a *article.Article, bundleDir string) (*Plan, []byte, error) {
	data, err := w.Target.Render(a)
	if err != nil {
		return nil, nil, err
	}
	bundleDir = cleanPath(bundleDir)
	if section := w.Target.ArticlesDir(); !filepath.IsLocal(filepath.FromSlash(bundleDir)) || path.Clean(bundleDir) != bundleDir || path.Dir(bundleDir) != section {
		return nil, nil, fmt.Errorf("refusing to write the bundle %q: it is not a folder of content/%s", bundleDir, section)
	}
	p := &Plan{Article: a, Bundle: bundleDir, Index: w.Target.IndexFile(a.Lang), Folder: w.Target.Folder(a.Lang)}
	p.entry = Entry{Bundle: bundleDir, Folder: p.Folder, SourceSHA256: a.Source.SHA256, WrittenSHA256: digest(data)}
	if a.DateSource == article.DateFile || a.DateSource == article.DateImported {
		p.entry.Date = a.Date.Format(time.RFC3339)
		p.entry.DateSource = string(a.DateSource)
	}
	entry, known := w.Manifest.Entries[a.Source.Path]
	known = known && entry.Folder == p.Folder // a bundle of another content folder is another page
	name := path.Join(w.Target.Dir(w.ContentDir, p.Folder), bundleDir, p.Index)
	if known && entry.Bundle == bundleDir {
		p.Stale = staleTemps(w.Fs, path.Dir(name))
	}
	current, err := afero.ReadFile(w.Fs, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p.Outcome, p.Reason = Created, ReasonNew
	case err != nil:
		return nil, nil, failure.At(name, 0, err)
	case !known || entry.Bundle != bundleDir:
		// kiosque never wrote this file: a writer's own page is never touched.
		p.Outcome, p.Reason = Kept, ReasonNotOurs
	case digest(current) == p.entry.WrittenSHA256:
		p.Outcome = Unchanged
		p.EntryChanged = entry != p.entry
	case !entry.wrote(digest(current)):
		p.Outcome, p.Reason = Kept, ReasonHandEdit
		switch {
		case w.Force:
			p.Outcome, p.Reason = Updated, ReasonForced
		case p.entry.WrittenSHA256 == entry.WrittenSHA256 || p.entry.WrittenSHA256 == entry.KeptSHA256:
			p.Noted = true
		default:
			p.EntryChanged = true // Commit records what it kept
		}
	case entry.SourceSHA256 != a.Source.SHA256:
		p.Outcome, p.Reason = Updated, ReasonScrape
	default:
		p.Outcome, p.Reason = Updated, ReasonEnrichment
	}
	return p, data, nil
}

// stagingDir returns the staging folder of a plan's content folder.
func (w *Writer) stagingDir(p *Plan) string {
	return path.Join(w.Target.Dir(w.ContentDir, p.Folder), StagingName)
}

// stage writes a plan's index file into the staging folder. Unless the staging folders'
// filesystem can be flushed at once (Flush), the file is flushed to the disk on its own. A
// failure names the bundle's index file, whose write it stops.
func (w *Writer) stage(p *Plan, data []byte) error {
	final := path.Join(w.Dir(p), p.Index)
	name := path.Join(w.stagingDir(p), p.Bundle+"."+p.Index) // one per bundle and index
	if _, ok := w.made.Load(path.Dir(name)); !ok {
		if err := mkdirAll(w.Fs, path.Dir(name)); err != nil {
			return failure.At(final, 0, err)
		}
		w.made.Store(path.Dir(name), true)
	}
	w.batchOnce.Do(func() { w.batch = canFlushAll(w.Fs, w.stagingDir(p)) })
	f, err := w.Fs.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return failure.At(final, 0, err)
	}
	if err := finish(w.Fs, f, data, !w.batch); err != nil {
		return failure.At(final, 0, err)
	}
	p.staged = name
	return nil
}

// Flush makes the files the plans staged last on the disk, before Commit moves any of them
// into place, so that a bundle's index file is, after a power cut, either the old one or the
// new one whole: at once for each content folder where the system can (syncfs on Linux),
// else each file was flushed as it was staged.
func (w *Writer) Flush(plans []*Plan) error {
	if !w.batch {
		return nil
	}
	done := map[string]bool{}
	for _, p := range plans {
		if p.staged == "" || done[w.stagingDir(p)] {
			continue
		}
		done[w.stagingDir(p)] = true
		if err := flushAll(w.Fs, w.stagingDir(p)); err != nil {
			return failure.At(w.stagingDir(p), 0, err)
		}
	}
	return nil
}

// CleanStaging removes the staging folders of the content folders: what an import left
// there once it committed its plans, or what an interrupted one left.
func (w *Writer) CleanStaging() error {
	for _, dir := range w.Target.Dirs(w.ContentDir) {
		name := path.Join(dir, StagingName)
		if _, err := w.Fs.Stat(name); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := w.Fs.RemoveAll(name); err != nil {
			return failure.At(name, 0, err)
		}
	}
	return nil
}

// Intend records in the manifest, before any bundle is written, the digest each pending plan
// will write: if the import stops half-way, the next one still recognises those files as its
// own (old or new) and not as hand edits. Save the manifest after calling it.
func (w *Writer) Intend(plans []*Plan) {
	for _, p := range plans {
		if !p.Pending() {
			continue
		}
		e := w.Manifest.Entries[p.Article.Source.Path]
		if e.Bundle != p.Bundle || e.Folder != p.Folder {
			e = Entry{Bundle: p.Bundle, Folder: p.Folder, SourceSHA256: p.entry.SourceSHA256, Date: p.entry.Date, DateSource: p.entry.DateSource}
		}
		e.PendingSHA256 = p.entry.WrittenSHA256
		w.Manifest.Entries[p.Article.Source.Path] = e
	}
}

// Commit carries out a plan: when the plan writes, it moves the index file the plan staged
// into the bundle's folder (a rename, so a reader never sees half a file and an interrupted
// write leaves the old file whole), and it records the result in the manifest. Flush the
// plans first. Kept bundles are left as they are; for one edited by
// hand, the manifest records what kiosque declined to write. Distinct plans may be committed
// at once, from several goroutines.
func (w *Writer) Commit(p *Plan) error {
	if w.DryRun {
		return nil
	}
	if p.Outcome == Kept {
		if p.Reason == ReasonHandEdit && p.EntryChanged {
			w.mu.Lock()
			e := w.Manifest.Entries[p.Article.Source.Path]
			e.KeptSHA256 = p.entry.WrittenSHA256
			w.Manifest.Entries[p.Article.Source.Path] = e
			w.mu.Unlock()
		}
		return nil
	}
	for _, s := range p.Stale {
		_ = w.Fs.Remove(s)
	}
	if err := w.writeAssets(p); err != nil {
		return err
	}
	if p.Pending() {
		name := path.Join(w.Dir(p), p.Index)
		if err := mkdirAll(w.Fs, w.Dir(p)); err != nil {
			return failure.At(w.Dir(p), 0, err)
		}
		if err := w.Fs.Rename(p.staged, name); err != nil {
			return failure.At(name, 0, err)
		}
	}
	w.mu.Lock()
	w.Manifest.Entries[p.Article.Source.Path] = p.entry
	w.mu.Unlock()
	return nil
}

// Dir returns the folder of a plan's bundle.
func (w *Writer) Dir(p *Plan) string {
	return path.Join(w.Target.Dir(w.ContentDir, p.Folder), p.Bundle)
}

// writeAssets writes the files of a plan's bundle that are missing or differ.
func (w *Writer) writeAssets(p *Plan) error {
	for _, a := range p.Assets {
		data, err := a.Load()
		if err != nil {
			return fmt.Errorf("failed to copy %q into %q: %w", a.Name, p.Bundle, err)
		}
		name := path.Join(w.Dir(p), a.Name)
		if have, err := afero.ReadFile(w.Fs, name); err == nil && bytes.Equal(have, data) {
			continue
		}
		if err := writeAtomic(w.Fs, name, data); err != nil {
			return err
		}
	}
	return nil
}

// tempPattern names the temporary files of atomic writes; Hugo ignores dot files.
const tempPattern = ".kiosque-*.tmp"

// staleTemps returns the temporary files of atomic writes left in dir by an interrupted run.
func staleTemps(fsys afero.Fs, dir string) []string {
	names, err := afero.Glob(fsys, path.Join(dir, tempPattern))
	if err != nil {
		return nil
	}
	return names
}

// writeAtomic writes data to a temporary file beside name, then renames it over name, so a
// reader never sees half a file and an interrupted write leaves the old file intact. A
// failure names the file.
func writeAtomic(fsys afero.Fs, name string, data []byte) error {
	return writeAtomicWith(fsys, name, func(w io.Writer) error { return writeAll(w, data) })
}

// File is a file to write: its name and bytes.
type File struct {
	Name string
	Data []byte
}

// WriteFiles writes files of one filesystem each as writeAtomic does, a temporary file beside
// it renamed over it, but flushes them to the disk at once where the system can (see
// Writer.Flush) rather than one by one. It returns the error of each file, naming it; nil
// when every file was written.
func WriteFiles(fsys afero.Fs, files []File) []error {
	var errs []error
	fail := func(i int, err error) {
		if errs == nil {
			errs = make([]error, len(files))
		}
		errs[i] = failure.At(files[i].Name, 0, err)
	}
	if len(files) == 0 {
		return nil
	}
	temps := make([]string, len(files))
	batch := false
	for i, f := range files {
		if err := mkdirAll(fsys, path.Dir(f.Name)); err != nil {
			fail(i, err)
			continue
		}
		if i == 0 {
			batch = canFlushAll(fsys, path.Dir(f.Name))
		}
		tmp, err := afero.TempFile(fsys, path.Dir(f.Name), tempPattern)
		if err != nil {
			fail(i, err)
			continue
		}
		if err := finish(fsys, tmp, f.Data, !batch); err != nil {
			fail(i, err)
			continue
		}
		temps[i] = tmp.Name()
	}
	var ferr error
	if batch {
		ferr = flushAll(fsys, path.Dir(files[0].Name))
	}
	for i, f := range files {
		switch {
		case temps[i] == "":
		case ferr != nil:
			_ = fsys.Remove(temps[i])
			fail(i, ferr)
		default:
			if err := fsys.Rename(temps[i], f.Name); err != nil {
				_ = fsys.Remove(temps[i])
				fail(i, err)
			}
		}
	}
	return errs
}

// writeAll writes data to w, a short write being an error.
// finish writes data to f, makes it durable on the disk when sync is set, and closes it; on
// any failure it removes f.
func finish(fsys afero.Fs, f afero.File, data []byte, sync bool) error {
	err := writeAll(f, data)
	if sync && err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = fsys.Remove(f.Name())
	}
	return err
}

func writeAll(w io.Writer, data []byte) error {
	n, err := w.Write(data)
	if err == nil && n < len(data) {
		err = fmt.Errorf("short write (%d of %d bytes)", n, len(data))
	}
	return err
}

// writeAtomicWith is writeAtomic for a file that write streams to w.
func writeAtomicWith(fsys afero.Fs, name string, write func(w io.Writer) error) error {
	if err := mkdirAll(fsys, path.Dir(name)); err != nil {
		return failure.At(path.Dir(name), 0, err)
	}
	tmp, err := afero.TempFile(fsys, path.Dir(name), tempPattern)
	if err != nil {
		return failure.At(name, 0, err)
	}
	tmpName := tmp.Name()
	werr := write(tmp)
	if serr := tmp.Sync(); werr == nil {
		werr = serr
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = fsys.Rename(tmpName, name)
	}
	if werr != nil {
		_ = fsys.Remove(tmpName)
		return failure.At(name, 0, werr)
	}
	return nil
}

// mkdirAll is fsys.MkdirAll for the folder of a file about to be written, which is most often
// a new bundle's folder in a section that exists: one system call makes it, where MkdirAll
// looks at the folder and its parent first. Any other case is MkdirAll's.
func mkdirAll(fsys afero.Fs, dir string) error {
	if fsys.Mkdir(dir, 0o755) == nil {
		return nil
	}
	return fsys.MkdirAll(dir, 0o755)
}
