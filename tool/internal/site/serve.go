package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/bep/debounce"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
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
	// Prepare, when set, runs before every build, the first one included (kiosque's CLI
	// imports its inbox there); its error stops that build. It returns the files it wrote,
	// which the watcher does not take for edits.
	Prepare func() (wrote []string, err error)
	// Reads, when set, reports whether a file of Options.Inputs is one that Prepare reads;
	// changes to the others set off no rebuild.
	Reads func(name string) bool
	// Rebuilt, when set, is told of every rebuild a change set off: how long it took, or why
	// it failed (the preview then keeps serving the last good build).
	Rebuilt func(took time.Duration, err error)
}

// Serve previews the site: it builds it into memory, serves it over HTTP on Addr, rebuilds
// it when a file of the site folder changes (on a real disk), and makes open pages reload.
// It returns when ctx is done. A taken address is an error wrapping ErrPortBusy.
func Serve(ctx context.Context, o ServeOptions) error {
	o.BuildDrafts, o.Environment, o.BaseURL = true, "development", "/"
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

	p := &preview{opts: o.Options, prepare: o.Prepare, reads: o.Reads, rebuilt: o.Rebuilt, hub: map[chan struct{}]bool{}, stop: make(chan struct{})}
	if err := p.rebuild(); err != nil {
		return err
	}
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

// preview serves the last good build and tells the pages open in browsers to reload.
type preview struct {
	opts    Options
	prepare func() ([]string, error)
	reads   func(string) bool
	rebuilt func(time.Duration, error)
	site    atomic.Pointer[afero.Fs] // the last good build, rooted at its publish folder
	buildMu sync.Mutex               // one build at a time
	sources []string                 // the folders the build reads, from the first build
	publish string                   // the publish folder, which the preview never writes

	ownMu sync.Mutex
	own   map[string]stamp // what Prepare wrote last, as it left it

	mu   sync.Mutex
	hub  map[chan struct{}]bool // one channel per open page
	stop chan struct{}
}

// rebuild builds the site into memory and, when it succeeds, serves it and reloads the pages.
func (p *preview) rebuild() error {
	p.buildMu.Lock()
	defer p.buildMu.Unlock()
	if p.prepare != nil {
		p.ownMu.Lock() // the watcher waits: the events of these writes are not edits
		wrote, err := p.prepare()
		p.own = stamps(p.opts.Fs, wrote)
		p.ownMu.Unlock()
		if err != nil {
			return err
		}
	}
	mem := afero.NewMemMapFs()
	sites, cfg, err := newSites(p.opts, internal{publish: mem, server: true, flags: map[string]any{"noBuildLock": true}})
	if err != nil {
		return err
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{NoBuildLock: true}); err != nil {
		return fmt.Errorf("failed to build the site: %w", err)
	}
	if err := copyStatic(sites, cfg, nil); err != nil {
		return err
	}
	if err := writeSearchIndex(sites, cfg.fs.PublishDir); err != nil {
		return err
	}
	var out afero.Fs = afero.NewBasePathFs(mem, cfg.publishDir)
	p.site.Store(&out)
	if p.sources == nil {
		p.sources, p.publish = sourceDirs(p.opts, cfg), cfg.publishDir
	}
	p.mu.Lock()
	for ch := range p.hub {
		select {
		case ch <- struct{}{}:
		default: // a reload is already pending for this page
		}
	}
	p.mu.Unlock()
	return nil
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

// rebuildLater is the debounced rebuild the watcher sets off.
func (p *preview) rebuildLater() {
	start := time.Now()
	err := p.rebuild()
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
