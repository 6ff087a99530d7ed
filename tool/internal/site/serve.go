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

	p := &preview{opts: o.Options, hub: map[chan struct{}]bool{}, stop: make(chan struct{})}
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
	site    atomic.Pointer[afero.Fs] // the last good build, rooted at its publish folder
	buildMu sync.Mutex               // one build at a time

	mu   sync.Mutex
	hub  map[chan struct{}]bool // one channel per open page
	stop chan struct{}
}

// rebuild builds the site into memory and, when it succeeds, serves it and reloads the pages.
func (p *preview) rebuild() error {
	p.buildMu.Lock()
	defer p.buildMu.Unlock()
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
	var out afero.Fs = afero.NewBasePathFs(mem, cfg.publishDir)
	p.site.Store(&out)
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

// watch rebuilds the site when a file of its folder changes, a short while after the last
// change, so that an editor's save (often several writes) builds once.
func (p *preview) watch(log io.Writer) (*fsnotify.Watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("failed to watch %q: %w", p.opts.WorkingDir, err)
	}
	publish := filepath.Join(p.opts.WorkingDir, "public")
	if p.opts.Destination != "" {
		publish = p.opts.Destination
		if !filepath.IsAbs(publish) {
			publish = filepath.Join(p.opts.WorkingDir, publish)
		}
	}
	skip := func(dir string) bool {
		base := filepath.Base(dir)
		return dir == publish || (dir != p.opts.WorkingDir && strings.HasPrefix(base, ".")) ||
			base == "node_modules" || dir == filepath.Join(p.opts.WorkingDir, "resources")
	}
	add := func(root string) {
		_ = filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return nil
			}
			if skip(dir) {
				return filepath.SkipDir
			}
			if err := w.Add(dir); err != nil {
				fmt.Fprintf(log, "kiosque: warning: failed to watch %q: %v\n", dir, err)
			}
			return nil
		})
	}
	add(p.opts.WorkingDir)
	later := debounce.New(200 * time.Millisecond)
	go func() {
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				base := filepath.Base(ev.Name)
				if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".kiosque-tmp") || base == "4913" {
					continue // editors' and kiosque's temporary files
				}
				if strings.HasPrefix(ev.Name, publish+string(filepath.Separator)) {
					continue
				}
				if ev.Has(fsnotify.Create) {
					if fi, err := p.opts.Fs.Stat(ev.Name); err == nil && fi.IsDir() && !skip(ev.Name) {
						add(ev.Name)
					}
				}
				later(func() {
					start := time.Now()
					if err := p.rebuild(); err != nil {
						fmt.Fprintf(log, "kiosque: error: %v\n", err)
						return
					}
					fmt.Fprintf(log, "kiosque: rebuilt in %s\n", time.Since(start).Round(time.Millisecond))
				})
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
