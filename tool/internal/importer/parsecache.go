package importer

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

// parseCache is what earlier imports read of each scrape (bundle.ParseCacheName), so that an
// import reads again only the scrapes that changed: for every scrape, the files its reading
// looked at (the scrape, its sidecar, a mirror's images, found or not) with their stamps,
// and what the reading gave. It is of one reading (readingSettings, as the checkpoints of a
// web archive are): another kiosque, other cues or limits, and every scrape is read again.
//
// The file is JSON Lines: a header, then two lines per scrape, its cacheHead and its
// cachedRead, the latter decoded only when the scrape is taken from the cache. What the
// readings gave is never held in memory: the entries of the file are read from it when they
// are taken, and the scrapes read again in this run go to a spool file beside it as they
// come. When anything changed, save writes the new cache in order from both; a scrape taken
// from the cache is never copied until then.
type parseCache struct {
	opts     Options
	settings string
	file     afero.File             // the cache file, or nil
	fileMu   sync.Mutex             // guards file: ReadAt is not safe for concurrent use on every afero.Fs
	old      map[string]*cacheEntry // the entries of the file, by cacheKey
	// warning says why the file, or an entry of it, could not be used.
	warning *failure.Error

	mu      sync.Mutex
	spool   afero.File             // the readings of this run, nil in a dry run
	end     int64                  // the spool's size
	now     map[string]*cacheEntry // the entries of this run: scrapes taken (in file) or read (in spool)
	hits    int
	changed bool // now differs from old: the file is written again
}

// cacheHeader is the first line of the parse cache.
type cacheHeader struct {
	Settings string `json:"settings"`
}

// cacheHead is the first line of a scrape's entry: the scrape as the reader was given it,
// the input folder it was found under, and the files its reading looked at.
type cacheHead struct {
	File string `json:"file"`
	Root string `json:"root,omitempty"`
	Deps []dep  `json:"deps"`
}

// dep is a file a reading looked at, and its stamp then (a digest only for a file it
// opened); Missing when the reading looked for it in vain.
type dep struct {
	Path    string `json:"path"`
	Missing bool   `json:"missing,omitempty"`
	Dir     bool   `json:"dir,omitempty"`
	stamp
}

// cacheEntry is a scrape's entry: its head, and where its reading lies as JSON, n bytes at
// off of the cache file, or of the spool when spooled (a scrape read in this run).
type cacheEntry struct {
	head    cacheHead
	off     int64
	n       int
	spooled bool
}

// cachedRead is what a reading gave, as the parse cache keeps it: the articles, the records
// that failed or gave no article.
type cachedRead struct {
	Articles []article.Stored `json:"articles"`
	Failures []failed         `json:"failures,omitempty"`
	Skipped  []scrape.Skip    `json:"skipped,omitempty"`
}

// cacheKey keys an entry by the scrape's path and its input folder.
func cacheKey(file, root string) string {
	return file + "\x00" + root
}

// loadParseCache returns the parse cache of the content folder for a reading with settings;
// an empty cache when there is none, it is of other settings or it cannot be read (then with
// a warning); nil when the reading cannot use one (settings is ""). Close it once saved.
func loadParseCache(opts Options, settings string) *parseCache {
	if settings == "" {
		return nil
	}
	c := &parseCache{opts: opts, settings: settings, old: map[string]*cacheEntry{}, now: map[string]*cacheEntry{}}
	if !opts.DryRun {
		spool, err := afero.TempFile(opts.Fs, opts.ContentDir, ".kiosque-*.tmp")
		if err != nil {
			c.warning = saveFailure(opts, err)
		}
		c.spool = spool
	}
	f, err := bundle.OpenParseCache(opts.Fs, opts.ContentDir)
	if f == nil || err != nil {
		if err != nil {
			c.warn(err)
		}
		return c
	}
	c.file = f
	if err := c.decode(bufio.NewReaderSize(f, 1<<16)); err != nil {
		c.old = map[string]*cacheEntry{}
		if !errors.Is(err, errOtherReading) {
			c.warn(err)
		}
	}
	return c
}

// errOtherReading is a parse cache of another reading, which is not used, without a warning.
var errOtherReading = errors.New("a parse cache of another reading")

// decode indexes the cache file's entries into c.old.
func (c *parseCache) decode(r *bufio.Reader) error {
	line, err := r.ReadBytes('\n')
	var h cacheHeader
	if err != nil || json.Unmarshal(line, &h) != nil {
		return errors.New("its header cannot be read")
	}
	if h.Settings != c.settings {
		return errOtherReading
	}
	off := int64(len(line))
	for n := 2; ; n += 2 {
		line, err := r.ReadBytes('\n')
		if err == io.EOF && len(line) == 0 {
			return nil
		}
		read, rerr := r.ReadBytes('\n')
		var head cacheHead
		if err != nil || rerr != nil || json.Unmarshal(line, &head) != nil || head.File == "" || !json.Valid(read) {
			return fmt.Errorf("line %d cannot be read", n)
		}
		c.old[cacheKey(head.File, head.Root)] = &cacheEntry{head: head, off: off + int64(len(line)), n: len(read) - 1}
		off += int64(len(line) + len(read))
	}
}

// warn keeps the first warning about a cache that cannot be read.
func (c *parseCache) warn(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.warning == nil {
		c.warning = failure.At(cacheName(c.opts), 0, fmt.Errorf("the parse cache is damaged (%s): its scrapes are read again", failure.All(err)[0].Reason())).
			WithHint("nothing to do: the import writes it anew")
	}
}

// cacheName names the parse cache relative to the site folder.
func cacheName(opts Options) string {
	return relPath(opts.SiteDir, filepath.Join(opts.ContentDir, bundle.ParseCacheName))
}

// lookup returns what the reading of file (found under root) gave, when the cache holds it
// and none of the files the reading looked at changed since.
func (c *parseCache) lookup(file, root string) (readResult, bool) {
	if c == nil {
		return readResult{}, false
	}
	key := cacheKey(file, root)
	e, ok := c.old[key]
	if !ok {
		return readResult{}, false
	}
	deps, fresh, ok := c.unchanged(e.head.Deps)
	if !ok {
		return readResult{}, false
	}
	read := make([]byte, e.n)
	c.fileMu.Lock()
	_, err := c.file.ReadAt(read, e.off)
	c.fileMu.Unlock()
	var cr cachedRead
	if err != nil || json.Unmarshal(read, &cr) != nil {
		c.warn(fmt.Errorf("the entry of %s cannot be read", relPath(c.opts.SiteDir, file)))
		return readResult{}, false
	}
	r := readResult{skipped: cr.Skipped}
	r.articles = make([]article.Article, len(cr.Articles))
	for i := range cr.Articles {
		r.articles[i] = article.Article(cr.Articles[i])
	}
	var errs []error
	for _, f := range cr.Failures {
		errs = append(errs, f.error())
	}
	r.err = errors.Join(errs...)
	if len(errs) == 1 {
		r.err = errs[0]
	}
	head := e.head
	if fresh {
		head = cacheHead{File: e.head.File, Root: e.head.Root, Deps: deps}
	}
	c.mu.Lock()
	if c.spool != nil {
		c.now[key] = &cacheEntry{head: head, off: e.off, n: e.n}
	}
	c.hits++
	c.changed = c.changed || fresh
	c.mu.Unlock()
	return r, true
}

// keep writes what a reading gave (read, as JSON) to the spool, as the entry of this run
// under key; with c.mu held. A spool that fails is dropped, with the warning that the cache
// could not be written.
func (c *parseCache) keep(key string, head cacheHead, read []byte) {
	if c.spool == nil {
		return
	}
	if _, err := c.spool.WriteAt(read, c.end); err != nil {
		c.dropSpool(err)
		return
	}
	c.now[key] = &cacheEntry{head: head, off: c.end, n: len(read), spooled: true}
	c.end += int64(len(read))
}

// dropSpool gives up writing the cache, for the error err of its spool; with c.mu held.
func (c *parseCache) dropSpool(err error) {
	name := c.spool.Name()
	c.spool.Close()
	_ = c.opts.Fs.Remove(name)
	c.spool, c.now = nil, map[string]*cacheEntry{}
	if c.warning == nil {
		c.warning = saveFailure(c.opts, err)
	}
}

// unchanged reports whether the files deps stamped are as they were: looked for in vain
// still missing, the others of the same size and time, or, of a time that changed, with the
// same digest. It returns the stamps refreshed, and true in fresh when some were.
func (c *parseCache) unchanged(deps []dep) (out []dep, fresh, ok bool) {
	out = deps
	now := time.Now()
	for i, d := range deps {
		fi, err := c.opts.Fs.Stat(d.Path)
		if d.Missing {
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, false, false
			}
			continue
		}
		if err != nil || fi.IsDir() != d.Dir || fi.Size() != d.Size {
			return nil, false, false
		}
		if d.fits(fi) {
			continue
		}
		if d.Dir {
			return nil, false, false
		}
		s, ok := d.recheck(c.opts.Fs, d.Path, fi, now)
		if !ok {
			return nil, false, false
		}
		if !fresh {
			out, fresh = slices.Clone(deps), true
		}
		out[i].stamp = s
	}
	return out, fresh, true
}

// store keeps what the reading of file (found under root) gave, and the files it looked at
// (rec), unless the reading may give otherwise next time: a file it could not look at, a
// failure of the filesystem (see lasting).
func (c *parseCache) store(file, root string, rec *recorder, r readResult) {
	if c == nil {
		return
	}
	c.mu.Lock()
	live := c.spool != nil // dropSpool, on another reader's goroutine, may have closed it
	if live {
		c.changed = true // the old entry, if any, is of other files
	}
	c.mu.Unlock()
	if !live {
		return
	}
	deps, ok := rec.deps(time.Now())
	if !ok {
		return
	}
	cr := cachedRead{Skipped: r.skipped, Articles: make([]article.Stored, len(r.articles))}
	for i := range r.articles {
		cr.Articles[i] = article.Stored(r.articles[i])
	}
	for _, f := range failure.All(r.err) {
		if !lasting(f) {
			return
		}
		cr.Failures = append(cr.Failures, failedOf(f))
	}
	data, err := json.Marshal(cr)
	if err != nil {
		return
	}
	c.mu.Lock()
	c.keep(cacheKey(file, root), cacheHead{File: file, Root: root, Deps: deps}, data)
	c.mu.Unlock()
}

// lasting reports whether a reading's failure comes from the files' bytes, which the next
// reading of the same bytes meets again (a damaged record, an empty file), rather than from
// the filesystem, which may not fail next time, or from a format no reader handles (which
// the command line explains by the error itself).
func lasting(f *failure.Error) bool {
	var pe *fs.PathError
	var le *os.LinkError
	return !errors.As(f, &pe) && !errors.As(f, &le) && !errors.Is(f, scrape.ErrUnsupported)
}

// save writes the cache for the next import, when this run changed it: the entries of the
// scrapes it took or read, and those of earlier imports whose scrape still exists. An error
// comes back as a warning: it only costs the next import a reading. It closes the cache.
func (c *parseCache) save() {
	if c == nil {
		return
	}
	defer c.close()
	if c.spool == nil {
		return
	}
	for key, e := range c.old {
		if _, ok := c.now[key]; ok {
			continue
		}
		if _, err := c.opts.Fs.Stat(e.head.File); err != nil {
			c.changed = true // a scrape removed since
			continue
		}
		c.now[key] = e
	}
	if !c.changed && c.warning == nil {
		return
	}
	err := bundle.SaveParseCache(c.opts.Fs, c.opts.ContentDir, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<16)
		enc := json.NewEncoder(bw)
		if err := enc.Encode(cacheHeader{Settings: c.settings}); err != nil {
			return err
		}
		var read []byte
		for _, key := range slices.Sorted(maps.Keys(c.now)) {
			e := c.now[key]
			if err := enc.Encode(e.head); err != nil {
				return err
			}
			read = slices.Grow(read[:0], e.n)[:e.n]
			from := c.file
			if e.spooled {
				from = c.spool
			}
			if _, err := from.ReadAt(read, e.off); err != nil {
				return err
			}
			bw.Write(read)
			bw.WriteByte('\n')
		}
		return bw.Flush()
	})
	if err != nil {
		c.warning = saveFailure(c.opts, err)
	}
}

// saveFailure is the warning of a parse cache that could not be written.
func saveFailure(opts Options, err error) *failure.Error {
	return failure.At(cacheName(opts), 0, fmt.Errorf("failed to write the parse cache: %s", failure.All(err)[0].Reason())).
		WithHint("the next import reads every scrape again")
}

// stamps adds to known the files the readings of this run's entries opened, by path, with
// their stamps and digests then (see record).
func (c *parseCache) stamps(known map[string]stamp) {
	if c == nil {
		return
	}
	for _, e := range c.now {
		for _, d := range e.head.Deps {
			if !d.Missing && !d.Dir && d.SHA256 != "" {
				known[d.Path] = d.stamp
			}
		}
	}
}

// close closes the cache file and removes the spool.
func (c *parseCache) close() {
	if c.file != nil {
		c.file.Close()
	}
	if c.spool != nil {
		name := c.spool.Name()
		c.spool.Close()
		_ = c.opts.Fs.Remove(name)
	}
}

// recorder is the filesystem a scrape is read from: it notes every file the reading looks
// at, with its stamp, and digests the files it opens as they are read (or, read out of
// order, once read).
type recorder struct {
	afero.Fs
	mu    sync.Mutex
	seen  map[string]*dep
	files []*hashingFile
	bad   bool // a file that could not be looked at
}

func newRecorder(fsys afero.Fs) *recorder {
	return &recorder{Fs: fsys, seen: map[string]*dep{}}
}

// note records what looking at name gave.
func (r *recorder) note(name string, fi fs.FileInfo, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.seen[name]; ok {
		return
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		r.seen[name] = &dep{Path: name, Missing: true}
	case err != nil:
		r.bad = true
	default:
		r.seen[name] = &dep{Path: name, Dir: fi.IsDir(), stamp: stampOf(fi, "")}
	}
}

// Stat notes the file it looks at.
func (r *recorder) Stat(name string) (fs.FileInfo, error) {
	fi, err := r.Fs.Stat(name)
	r.note(name, fi, err)
	return fi, err
}

// Open notes the file it opens, and digests it as it is read.
func (r *recorder) Open(name string) (afero.File, error) {
	f, err := r.Fs.Open(name)
	if err != nil {
		r.note(name, nil, err)
		return nil, err
	}
	fi, err := f.Stat()
	r.note(name, fi, err)
	if err != nil || !fi.Mode().IsRegular() {
		return f, nil
	}
	h := &hashingFile{File: f, name: name, size: fi.Size(), sum: sha256.New()}
	r.mu.Lock()
	r.files = append(r.files, h)
	r.mu.Unlock()
	return h, nil
}

// OpenFile opens for reading as Open does; a reading never writes.
func (r *recorder) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0 {
		r.mu.Lock()
		r.bad = true
		r.mu.Unlock()
		return r.Fs.OpenFile(name, flag, perm)
	}
	return r.Open(name)
}

// deps returns the files the reading looked at, sorted, stamped as recorded at now; false
// when one could not be looked at.
func (r *recorder) deps(now time.Time) ([]dep, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bad {
		return nil, false
	}
	for _, h := range r.files {
		d := r.seen[h.name]
		if d == nil || d.SHA256 != "" {
			continue
		}
		if d.SHA256 = h.digest(); d.SHA256 == "" { // read out of order: a resumed web archive
			sum, err := fileDigest(r.Fs, h.name)
			if err != nil {
				return nil, false
			}
			if fi, err := r.Fs.Stat(h.name); err != nil || stampOf(fi, "") != d.stamp {
				return nil, false // changed since it was read: the digest is of other bytes
			}
			d.SHA256 = sum
		}
	}
	out := make([]dep, 0, len(r.seen))
	for _, name := range slices.Sorted(maps.Keys(r.seen)) {
		d := *r.seen[name]
		if !d.Missing {
			d.stamp = d.stamp.settled(now)
		}
		out = append(out, d)
	}
	return out, true
}

// hashingFile is a file a reading opened: it digests the bytes read, as long as they are read
// from the start, in order.
type hashingFile struct {
	afero.File
	name   string
	size   int64
	sum    hash.Hash
	n      int64
	broken bool // read out of order
}

// Read reads and digests.
func (h *hashingFile) Read(p []byte) (int, error) {
	n, err := h.File.Read(p)
	if !h.broken {
		h.sum.Write(p[:n])
		h.n += int64(n)
	}
	return n, err
}

// ReadAt reads out of order: the file is not digested.
func (h *hashingFile) ReadAt(p []byte, off int64) (int, error) {
	h.broken = true
	return h.File.ReadAt(p, off)
}

// Seek moves out of order: the file is not digested.
func (h *hashingFile) Seek(offset int64, whence int) (int64, error) {
	if offset != 0 || whence != io.SeekCurrent {
		h.broken = true
	}
	return h.File.Seek(offset, whence)
}

// digest returns the SHA-256 of the file's bytes in hex, when they were all read in order.
func (h *hashingFile) digest() string {
	if h.broken || h.n != h.size {
		return ""
	}
	return hex.EncodeToString(h.sum.Sum(nil))
}
