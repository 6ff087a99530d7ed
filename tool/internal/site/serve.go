package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"mime"
	"net"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/bep/debounce"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/herrors"
	"github.com/gohugoio/hugo/common/types"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// ErrPortBusy reports that the preview's address is already taken.
var ErrPortBusy = errors.New("the address is already in use")

// ReloadPath is the preview's event stream: each rebuild sends an event, and the script
// injected into every page reloads it.
const ReloadPath = "/_kiosque/reload"

// reloadScript is injected before </body> of every HTML page of the preview.
const reloadScript = `<script>new EventSource("` + ReloadPath + `").onmessage = () => location.reload();</script>`

// ServeOptions say which site to preview, and where.
type ServeOptions struct {
	// Options name the site; drafts are always shown and links are root-relative.
	Options
	// Addr is the host:port to listen on, "127.0.0.1:1313" for example; port 0 picks one.
	Addr string
	// Ready, when set, is called with the preview's address once the first build is served.
	Ready func(url string)
	// Prepare, when set, runs before every full build, the first one included, and before
	// the rebuild of a change to a file of the Inputs (kiosque's CLI imports its inbox
	// there); its error stops that build. It returns the files it wrote, which the watcher
	// does not take for edits and the rebuild takes as changes.
	Prepare func() (wrote []string, err error)
	// Reads, when set, reports whether a file of Options.Inputs is one that Prepare reads;
	// changes to the others set off no rebuild.
	Reads func(name string) bool
	// Rebuilt, when set, is told of every rebuild a change set off: how long it took, or why
	// it failed (the preview then keeps serving the last good build).
	Rebuilt func(took time.Duration, err error)
}

// Serve previews the site: it builds it into memory, serves it over HTTP on Addr, rebuilds
// what a change of a file of the site folder touches (on a real disk), as Hugo's own server
// does, and makes open pages reload. It returns when ctx is done. A taken address is an
// error wrapping ErrPortBusy.
func Serve(ctx context.Context, o ServeOptions) error {
	log := o.Log
	if log == nil {
		log = io.Discard
	}
	ln, err := net.Listen("tcp", o.Addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("failed to listen on %s: %w", o.Addr, ErrPortBusy)
	}
	if err != nil {
		return fmt.Errorf("failed to listen on %s: %w", o.Addr, err)
	}
	defer ln.Close()

	p := newPreview(o)
	if err := p.rebuild(nil); err != nil {
		return err
	}
	defer func() {
		p.buildMu.Lock()
		defer p.buildMu.Unlock()
		p.sites.Close()
	}()
	if _, ok := o.Fs.(*afero.OsFs); ok {
		w, err := p.watch(log)
		if err != nil {
			return err
		}
		defer w.Close()
	}

	srv := &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if o.Ready != nil {
		o.Ready("http://" + ln.Addr().String() + "/")
	}
	select {
	case <-ctx.Done():
	case err := <-served:
		return fmt.Errorf("failed to serve the preview: %w", err)
	}
	close(p.stop)
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("failed to stop the preview: %w", err)
	}
	return nil
}

// newPreview returns the preview of the site o names, not built yet: drafts shown, links from
// the root.
func newPreview(o ServeOptions) *preview {
	o.BuildDrafts, o.Environment, o.BaseURL = true, "development", "/"
	return &preview{opts: o.Options, prepare: o.Prepare, reads: o.Reads, rebuilt: o.Rebuilt, hub: map[chan struct{}]bool{}, stop: make(chan struct{}),
		visited: types.NewEvictingQueue[string](visitedPages)}
}

// preview serves the last good build and tells the pages open in browsers to reload. It keeps
// Hugo's sites alive between builds, in running mode, so that a change rebuilds only what it
// touches, as Hugo's own server does.
type preview struct {
	opts    Options
	prepare func() ([]string, error)
	reads   func(string) bool
	rebuilt func(time.Duration, error)
	site    atomic.Pointer[afero.Fs] // the last good build, rooted at its publish folder
	buildMu sync.Mutex               // one build at a time
	sources []string                 // the folders the build reads, from the first build
	publish string                   // the publish folder, which the preview never writes

	// What the last full build set up, kept for the next changes (under buildMu).
	sites     *hugolib.HugoSites
	built     builtConfig
	setup     Options                      // opts with the configuration and layout read
	theme     afero.Fs                     // the in-memory theme layer, generated files included
	generated map[string][]byte            // the generated files in theme
	pages     map[string]*article.Article  // the pages they were made from, by page path
	written   *outputs                     // the files the current build writes
	failed    error                        // the last build's error, which the next one recovers from
	stale     bool                         // the next build must be a full one
	visited   *types.EvictingQueue[string] // the pages seen lately, which a rebuild renders

	ownMu sync.Mutex
	own   map[string]stamp // what Prepare wrote last, as it left it

	pendMu  sync.Mutex
	pending []fsnotify.Event // the changes the next rebuild takes

	mu   sync.Mutex
	hub  map[chan struct{}]bool // one channel per open page
	stop chan struct{}
}

// visitedPages is how many of the pages visited last a rebuild renders at once, as Hugo's
// server does (its fast render mode): the others are rendered when they are visited.
const visitedPages = 20

// maxChanges is how many changed files a rebuild takes one by one, as Hugo's server does:
// more (a checkout, a mass edit) rebuild the whole site.
const maxChanges = 50

// rebuild brings the preview up to date with the changed files of events and, when it
// succeeds, reloads the pages. The first build, a change of the configuration or of the
// site folder's own folders, and many changes at once rebuild the whole site; the others
// rebuild only what they touch. Prepare runs before a full build and when a file of the Inputs
// changed; the files it wrote are changes too.
func (p *preview) rebuild(events []fsnotify.Event) error {
	p.buildMu.Lock()
	defer p.buildMu.Unlock()
	full := p.sites == nil || p.stale || p.needsFull(events)
	if full || slices.ContainsFunc(events, func(ev fsnotify.Event) bool { return p.inInputs(ev.Name) }) {
		wrote, err := p.runPrepare()
		if err != nil {
			p.stale = true // the changes of events are not built: the next build builds all
			return err
		}
		for _, name := range wrote { // its files, not the folders it made for them
			if fi, err := p.opts.Fs.Stat(name); err == nil && !fi.IsDir() {
				events = append(events, fsnotify.Event{Name: name, Op: fsnotify.Create})
			}
		}
	}
	var err error
	pages := true // whether pages were built, and the search index must follow
	if full || len(events) > maxChanges {
		err = p.buildAll()
	} else {
		pages, err = p.buildChanged(events)
	}
	if err != nil {
		return err
	}
	p.mu.Lock()
	for ch := range p.hub {
		select {
		case ch <- struct{}{}:
		default: // a reload is already pending for this page
		}
	}
	p.mu.Unlock()
	if !pages {
		return nil // a static file or an own write: the pages, and so the index, are as they were
	}
	// The search index comes after the reload: the edit shows first, the search follows.
	return writeSearchIndex(p.sites, p.built.fs.PublishDir)
}

// runPrepare runs Prepare, when set, and returns the files it wrote.
func (p *preview) runPrepare() ([]string, error) {
	if p.prepare == nil {
		return nil, nil
	}
	p.ownMu.Lock() // the watcher waits: the events of these writes are not edits
	defer p.ownMu.Unlock()
	wrote, err := p.prepare()
	p.own = stamps(p.opts.Fs, wrote)
	return wrote, err
}

// needsFull reports whether events hold a change that only a full build takes: a
// configuration file, or a folder created right in the site folder.
func (p *preview) needsFull(events []fsnotify.Event) bool {
	root := p.opts.WorkingDir
	configDir := filepath.Join(root, "config") + string(filepath.Separator)
	for _, ev := range events {
		if filepath.Dir(ev.Name) == root || strings.HasPrefix(ev.Name, configDir) {
			return true
		}
	}
	return len(events) > maxChanges
}

// buildAll builds the whole site into a new in-memory publish folder and serves it.
func (p *preview) buildAll() error {
	p.stale = true // until this build succeeds
	// The configuration and layout are read again: they may have changed.
	setup, err := readSetup(p.opts, true)
	if err != nil {
		return err
	}
	pages, _ := setup.Layout.Target.LoadPagesMeta(setup.Fs, setup.Layout.ContentDir, nil)
	generated, err := generatedFrom(setup, setup.User, setup.Layout, pages)
	if err != nil {
		return err
	}
	mem, theme, written := afero.NewMemMapFs(), afero.NewMemMapFs(), newOutputs()
	sites, cfg, err := newSites(setup, internal{publish: mem, server: true, theme: theme, generated: generated, written: written, flags: map[string]any{
		"noBuildLock": true, "disableLiveReload": true, // the preview injects its own reload script
		"internal": map[string]any{"running": true, "watch": true, "fastRenderMode": true},
	}})
	if err != nil {
		return err
	}
	if err := sites.Build(hugolib.BuildCfg{NoBuildLock: true}); err != nil {
		sites.Close()
		return fmt.Errorf("failed to build the site: %w", err)
	}
	if err := copyStatic(sites, cfg, nil); err != nil {
		sites.Close()
		return err
	}
	if p.sites != nil {
		p.sites.Close()
	}
	p.sites, p.built, p.setup, p.theme, p.generated, p.written = sites, cfg, setup, theme, generated, written
	p.pages = make(map[string]*article.Article, len(pages))
	for _, pg := range pages {
		p.pages[pg.Page] = pg
	}
	p.failed, p.stale = nil, false
	var out afero.Fs = afero.NewBasePathFs(mem, cfg.publishDir)
	p.site.Store(&out)
	if p.sources == nil {
		p.sources, p.publish = sourceDirs(p.opts, cfg), cfg.publishDir
	}
	return nil
}

// buildChanged rebuilds, in the sites kept alive, what the changed files of events touch,
// the generated files they change included; it copies the changed static files and removes
// the pages of removed files from the publish folder.
func (p *preview) buildChanged(events []fsnotify.Event) (pages bool, err error) {
	events = p.withCreatedFiles(events)
	changed, err := p.regenerate(events)
	if err != nil {
		p.stale = true
		return false, err
	}
	events = append(events, changed...)
	var static, dynamic []fsnotify.Event
	for _, ev := range events {
		switch {
		case p.inInputs(ev.Name) || p.sites.ShouldSkipFileChangeEvent(ev):
		case p.sites.BaseFs.SourceFilesystems.IsStatic(ev.Name):
			static = append(static, ev)
		default:
			dynamic = append(dynamic, ev)
		}
	}
	if len(dynamic) > 0 {
		gone := p.removedOutputs(dynamic)
		if p.failed != nil { // rebuild the files that failed too, as Hugo's server does
			for _, fe := range herrors.UnwrapFileErrorsWithErrorContext(p.failed) {
				dynamic = append(dynamic, fsnotify.Event{Name: fe.Position().Filename, Op: fsnotify.Write})
			}
		}
		p.written.reset()
		p.failed = p.sites.Build(hugolib.BuildCfg{NoBuildLock: true, RecentlyTouched: p.visited, ErrRecovery: p.failed != nil}, dynamic...)
		if p.failed != nil {
			return false, fmt.Errorf("failed to build the site: %w", p.failed)
		}
		out := *p.site.Load()
		for _, name := range gone {
			if !p.written.has(name) {
				_ = out.Remove(name)
			}
		}
	}
	if len(static) > 0 {
		return len(dynamic) > 0, p.syncStatic(static)
	}
	return len(dynamic) > 0, nil
}

// withCreatedFiles returns events with a creation event for every file of the folders they
// create: a folder moved or copied in announces only itself.
func (p *preview) withCreatedFiles(events []fsnotify.Event) []fsnotify.Event {
	out := events
	for _, ev := range events {
		if fi, err := p.opts.Fs.Stat(ev.Name); err != nil || !fi.IsDir() || !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Rename) {
			continue
		}
		_ = afero.Walk(p.opts.Fs, ev.Name, func(name string, fi fs.FileInfo, err error) error {
			switch {
			case err != nil:
			case ignoredName(fi.Name()) && fi.IsDir():
				return filepath.SkipDir
			case !fi.IsDir() && !ignoredName(fi.Name()):
				out = append(out, fsnotify.Event{Name: name, Op: fsnotify.Create})
			}
			return nil
		})
	}
	return out
}

// regenerate reads again the pages the changed files of events touch and, when what the
// generated files (archive sections, similar lists) take from them changed, makes those
// files again, updates the ones that changed in the theme layer and returns their changes,
// for Hugo to rebuild the pages that use them.
func (p *preview) regenerate(events []fsnotify.Event) ([]fsnotify.Event, error) {
	if !p.reloadPages(events) {
		return nil, nil
	}
	pages := slices.SortedFunc(maps.Values(p.pages), func(a, b *article.Article) int { return strings.Compare(a.Page, b.Page) })
	generated, err := generatedFrom(p.setup, p.setup.User, p.setup.Layout, pages)
	if err != nil {
		return nil, err
	}
	themeDir := themeDirOf(p.opts)
	var changes []fsnotify.Event
	for name, data := range generated {
		old, ok := p.generated[name]
		if ok && bytes.Equal(old, data) {
			continue
		}
		if err := addToTheme(p.theme, themeDir, name, data); err != nil {
			return nil, err
		}
		op := fsnotify.Write
		if !ok {
			op = fsnotify.Create
		}
		changes = append(changes, fsnotify.Event{Name: filepath.Join(themeDir, filepath.FromSlash(name)), Op: op})
	}
	for name := range p.generated {
		if _, ok := generated[name]; !ok {
			target := filepath.Join(themeDir, filepath.FromSlash(name))
			_ = p.theme.Remove(target)
			changes = append(changes, fsnotify.Event{Name: target, Op: fsnotify.Remove})
		}
	}
	p.generated = generated
	return changes, nil
}

// reloadPages reads again the pages of the bundles the changed files of events touch, finds
// those gone, and reports whether what the generated files take from the pages changed.
func (p *preview) reloadPages(events []fsnotify.Event) bool {
	if changed, ok := p.reloadEdited(events); ok {
		return changed
	}
	touched := func(bundle string) bool {
		for _, ev := range events {
			name := filepath.ToSlash(ev.Name)
			if strings.HasSuffix(strings.TrimSuffix(name, ".md"), "/"+bundle) || strings.Contains(name, "/"+bundle+"/") {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	fresh, _ := p.setup.Layout.Target.LoadPagesMeta(p.opts.Fs, p.setup.Layout.ContentDir, func(bundle string) bool {
		seen["/"+bundle] = true
		_, known := p.pages["/"+bundle]
		return known && !touched(bundle)
	})
	changed := false
	for _, a := range fresh {
		if old, ok := p.pages[a.Page]; !ok || !sameForGenerated(old, a) {
			changed = true
		}
		p.pages[a.Page] = a
	}
	for page := range p.pages {
		if !seen[page] || touched(strings.TrimPrefix(page, "/")) && !slices.ContainsFunc(fresh, func(a *article.Article) bool { return a.Page == page }) {
			delete(p.pages, page) // removed, or a draft now
			changed = true
		}
	}
	return changed
}

// reloadEdited reads again the pages events change, without walking the content folder,
// when they only change pages known already (the common save) or other files than pages; ok
// is false otherwise (a page created, removed or made a draft, a folder, an error).
func (p *preview) reloadEdited(events []fsnotify.Event) (changed, ok bool) {
	fresh := make([]*article.Article, 0, len(events))
	for _, ev := range events {
		fi, err := p.opts.Fs.Stat(ev.Name)
		if err != nil || fi.IsDir() || !ev.Has(fsnotify.Write) && !ev.Has(fsnotify.Create) {
			return false, false
		}
		a, err := p.setup.Layout.Target.LoadPage(p.opts.Fs, p.setup.Layout.ContentDir, ev.Name)
		switch {
		case err != nil:
			return false, false
		case a == nil && strings.HasSuffix(ev.Name, ".md"):
			return false, false // perhaps a page made a draft
		case a == nil:
			continue // an image, a layout: no page
		case p.pages[a.Page] == nil:
			return false, false
		}
		fresh = append(fresh, a)
	}
	for _, a := range fresh {
		changed = changed || !sameForGenerated(p.pages[a.Page], a)
		p.pages[a.Page] = a
	}
	return changed, true
}

// sameForGenerated reports whether the pages a and b give the generated files the same:
// the same date, tags and authors.
func sameForGenerated(a, b *article.Article) bool {
	return a.Date.Equal(b.Date) && slices.Equal(a.Tags, b.Tags) && slices.Equal(a.Authors, b.Authors)
}

// removedOutputs returns the files of the publish folder that the pages of the files events
// remove were written to (their output formats and resources), before Hugo forgets them.
func (p *preview) removedOutputs(events []fsnotify.Event) []string {
	var removed []string
	for _, ev := range events {
		if !ev.Has(fsnotify.Remove) && !ev.Has(fsnotify.Rename) {
			continue
		}
		if _, err := p.opts.Fs.Stat(ev.Name); err == nil {
			continue // written back in place: an editor's atomic save
		}
		removed = append(removed, ev.Name)
	}
	if len(removed) == 0 {
		return nil
	}
	var gone []string
	addURL := func(u string) {
		if u == "" {
			return
		}
		if s, err := url.PathUnescape(u); err == nil {
			u = s
		}
		if strings.HasSuffix(u, "/") {
			u += "index.html"
		}
		gone = append(gone, filepath.FromSlash(u))
	}
	for _, pg := range p.sites.Pages() {
		f := pg.File()
		if f == nil || !slices.ContainsFunc(removed, func(r string) bool {
			return f.Filename() == r || strings.HasPrefix(f.Filename(), r+string(filepath.Separator))
		}) {
			continue
		}
		for _, of := range pg.OutputFormats() {
			addURL(of.RelPermalink())
		}
		for _, r := range pg.Resources() {
			addURL(r.RelPermalink())
		}
	}
	return gone
}

// syncStatic copies the changed static files of events into the publish folder, and removes
// those removed.
func (p *preview) syncStatic(events []fsnotify.Event) error {
	out := *p.site.Load()
	for _, ev := range events {
		if _, err := p.opts.Fs.Stat(ev.Name); err != nil {
			_ = out.RemoveAll(p.sites.BaseFs.SourceFilesystems.MakeStaticPathRelative(ev.Name))
		}
	}
	return copyStatic(p.sites, p.built, nil)
}

// watch rebuilds the site when a file it is built from changes, a short while after the last
// change, so that an editor's save (often several writes) builds once. It watches only what
// the build reads: the site's configuration files, Hugo's folders (content, layouts, static,
// ...) and the Inputs; never the publish folder, logs, temporary files, or the files Prepare
// wrote.
func (p *preview) watch(log io.Writer) (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("failed to watch %q: %w", p.opts.WorkingDir, err)
	}
	root := p.opts.WorkingDir
	rootDirs := map[string]bool{} // the source folders right under the site folder
	for _, d := range p.sources {
		if filepath.Dir(d) == root {
			rootDirs[filepath.Base(d)] = true
		}
	}
	add := func(dir string) {
		_ = afero.Walk(p.opts.Fs, dir, func(d string, fi fs.FileInfo, err error) error {
			if err != nil || !fi.IsDir() {
				return nil
			}
			if d != dir && ignoredName(fi.Name()) || d == p.publish {
				return filepath.SkipDir
			}
			if err := w.Add(d); err != nil {
				fmt.Fprintf(log, "kiosque: warning: failed to watch %q: %v\n", d, err)
			}
			return nil
		})
	}
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, fmt.Errorf("failed to watch %q: %w", root, err)
	}
	for _, d := range p.sources {
		if fi, err := p.opts.Fs.Stat(d); err == nil && fi.IsDir() {
			add(d)
		}
	}
	later := debounce.New(200 * time.Millisecond)
	go func() {
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if p.relevant(ev, root, rootDirs, add) {
					p.pendMu.Lock()
					p.pending = append(p.pending, ev)
					p.pendMu.Unlock()
					later(p.rebuildLater)
				}
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				fmt.Fprintf(log, "kiosque: warning: watching the site folder: %v\n", err)
			}
		}
	}()
	return w, nil
}

// relevant reports whether the event ev is a change the build must see; it watches the new
// source folders it announces with add.
func (p *preview) relevant(ev fsnotify.Event, root string, rootDirs map[string]bool, add func(string)) bool {
	base, dir := filepath.Base(ev.Name), filepath.Dir(ev.Name)
	if ev.Op == fsnotify.Chmod || ignoredName(base) || ev.Name == p.publish || strings.HasPrefix(ev.Name, p.publish+string(filepath.Separator)) {
		return false
	}
	fi, err := p.opts.Fs.Stat(ev.Name)
	isDir := err == nil && fi.IsDir()
	if p.ownWrite(ev.Name, fi, err) {
		if isDir {
			add(ev.Name)
		}
		return false
	}
	if dir == root {
		// The site folder itself: only configuration files and new source folders count,
		// not logs or the output of other tools.
		if isDir && rootDirs[base] && ev.Has(fsnotify.Create) {
			add(ev.Name)
			return true
		}
		return configNames[base]
	}
	if isDir && ev.Has(fsnotify.Create) {
		add(ev.Name)
		return true
	}
	if p.reads != nil && !isDir && p.inInputs(ev.Name) && !p.reads(ev.Name) {
		return false
	}
	return true
}

// rebuildLater is the debounced rebuild the watcher sets off, of the changes seen since the
// last one.
func (p *preview) rebuildLater() {
	p.pendMu.Lock()
	events := p.pending
	p.pending = nil
	p.pendMu.Unlock()
	if len(events) == 0 {
		return
	}
	start := time.Now()
	err := p.rebuild(events)
	if p.rebuilt != nil {
		p.rebuilt(time.Since(start), err)
	}
}

// inInputs reports whether name lies in one of the Inputs folders.
func (p *preview) inInputs(name string) bool {
	for _, in := range p.opts.Inputs {
		if strings.HasPrefix(name, filepath.Clean(in)+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// stamp is what a file Prepare wrote looked like once written.
type stamp struct {
	dir     bool
	size    int64
	modTime time.Time
}

// stamps records how the files named are now.
func stamps(fsys afero.Fs, names []string) map[string]stamp {
	out := make(map[string]stamp, len(names))
	for _, n := range names {
		if fi, err := fsys.Stat(n); err == nil {
			out[filepath.Clean(n)] = stamp{dir: fi.IsDir(), size: fi.Size(), modTime: fi.ModTime()}
		}
	}
	return out
}

// ownWrite reports whether name, whose Stat gave fi and err, is as Prepare left it.
func (p *preview) ownWrite(name string, fi fs.FileInfo, err error) bool {
	p.ownMu.Lock()
	defer p.ownMu.Unlock()
	s, ok := p.own[name]
	if !ok || err != nil {
		return false
	}
	return s.dir && fi.IsDir() || !s.dir && s.size == fi.Size() && s.modTime.Equal(fi.ModTime())
}

// configNames are the names of a site's configuration files, as Hugo looks for them.
var configNames = func() map[string]bool {
	m := map[string]bool{}
	for _, base := range config.DefaultConfigNames {
		for _, ext := range config.ValidConfigFileExtensions {
			m[base+"."+ext] = true
		}
	}
	return m
}()

// ignoredName reports whether a file or folder name is one a build never needs to see
// change: dot files and folders (.git, kiosque's own temporary files), editors' backup,
// swap and lock files, logs, and node_modules.
func ignoredName(base string) bool {
	return strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") ||
		strings.HasSuffix(base, ".kiosque-tmp") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp") ||
		strings.HasSuffix(base, ".log") || strings.Contains(base, "___jb_") || base == "4913" || base == "node_modules"
}

// ServeHTTP serves the last good build, with the reload script in every HTML page.
func (p *preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == ReloadPath {
		p.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if isPage(r.URL.Path) {
		p.renderOnVisit(r.URL.EscapedPath())
	}
	site := *p.site.Load()
	name := path.Clean("/" + r.URL.Path)
	if fi, err := site.Stat(name); err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
	}
	status := http.StatusOK
	data, err := afero.ReadFile(site, name)
	if err != nil {
		status = http.StatusNotFound
		if data, err = afero.ReadFile(site, "/404.html"); err != nil {
			http.NotFound(w, r)
			return
		}
		name = "/404.html"
	}
	if strings.HasSuffix(name, ".html") {
		data = injectReload(data)
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		_, _ = w.Write(data)
	}
}

// isPage reports whether a request for the path is probably one for a page, as Hugo's server
// guesses: a folder, an HTML file or a name without extension.
func isPage(path string) bool {
	return strings.HasSuffix(path, "/") || strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".htm") || !strings.Contains(path, ".")
}

// renderOnVisit renders the page at uri (escaped, as Hugo writes links) if the rebuilds since
// it was last visited left it out: a rebuild renders only the pages visited lately, the
// others when they are visited, as Hugo's server does. While a build runs, the page is served
// as it is: the build's reload brings the new one.
func (p *preview) renderOnVisit(uri string) {
	if p.visited.Contains(uri) || !p.buildMu.TryLock() {
		return
	}
	defer p.buildMu.Unlock()
	if p.sites == nil || p.failed != nil {
		return // the page of the last good build, until the error is fixed
	}
	only := types.NewEvictingQueue[string](1)
	only.Add(uri)
	start := time.Now()
	if err := p.sites.Build(hugolib.BuildCfg{NoBuildLock: true, RecentlyTouched: only, PartialReRender: true}); err != nil {
		p.failed = err
		if p.rebuilt != nil {
			p.rebuilt(time.Since(start), fmt.Errorf("failed to render %s: %w", uri, err))
		}
		return
	}
	p.visited.Add(uri)
}

// events streams one event per rebuild to an open page, until the page or the preview goes.
func (p *preview) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan struct{}, 1)
	p.mu.Lock()
	p.hub[ch] = true
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.hub, ch)
		p.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	flusher.Flush()
	for {
		select {
		case <-ch:
			if _, err := io.WriteString(w, "data: reload\n\n"); err != nil {
				return
			}
			flusher.Flush()
		case <-r.Context().Done():
			return
		case <-p.stop:
			return
		}
	}
}

// injectReload adds the reload script before the page's </body>, or at its end.
func injectReload(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, reloadScript...)
	}
	out := make([]byte, 0, len(page)+len(reloadScript))
	out = append(out, page[:i]...)
	out = append(out, reloadScript...)
	return append(out, page[i:]...)
}
