package bundle

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// pagesCacheVersion changes whenever what the cache keeps of a page changes.
const pagesCacheVersion = 1

// pagesCache is the front matter read of each page, by the page file's path, with the
// taxonomy keys it was read under.
type pagesCache struct {
	Version int                   `json:"version"`
	Authors string                `json:"authors"`
	Tags    string                `json:"tags"`
	Pages   map[string]cachedPage `json:"pages"`
}

// cachedPage is what LoadPagesMeta reads of a page file of that size and modification time.
type cachedPage struct {
	Size    int64     `json:"size"`
	ModTime int64     `json:"mtime"`
	Draft   bool      `json:"draft,omitempty"`
	Title   string    `json:"title,omitempty"`
	Authors []string  `json:"authors,omitempty"`
	Tags    []string  `json:"tags,omitempty"`
	Date    time.Time `json:"date"`
	URL     string    `json:"url,omitempty"`
	Mirror  string    `json:"mirror,omitempty"`
}

// PagesCacheName is the file, in the content folder, where a build keeps the front matter it
// read of each page (see LoadPagesMetaCached), so that the next build parses only the pages
// changed since. Losing it costs one full reading, nothing else: it need not be kept in
// version control. Hugo ignores dot files.
const PagesCacheName = ".kiosque-pages.json"

// LoadPagesMetaCached is LoadPagesMeta, but it parses only the pages whose size or
// modification time changed since its last call with the same cache file: it keeps there
// the front matter it read of each page (but of symbolic links, and of files changed in the
// last seconds, which it reads every time). A cache it cannot read is ignored, and one it
// cannot write is left as it was: the pages are read all the same. Like make, it cannot see
// a change that keeps both a file's size and its modification time.
func (t Target) LoadPagesMetaCached(fsys afero.Fs, contentDir, cacheFile string, skip func(bundle string) bool) ([]*article.Article, []error) {
	old, raw := t.readPagesCache(fsys, cacheFile)
	fresh := t.newPagesCache()
	pages, errs := t.loadAllCached(fsys, contentDir, skip, false, pageCaches{old: old, fresh: fresh})
	if data, err := json.Marshal(fresh); err == nil && !bytes.Equal(data, raw) {
		if fsys.MkdirAll(filepath.Dir(cacheFile), 0o755) == nil {
			_ = writeAtomic(fsys, cacheFile, data) // a cache left unwritten costs the next build a full reading
		}
	}
	return pages, errs
}

// pageCaches are the cache a reading of pages uses and the one it fills; both nil for none.
type pageCaches struct{ old, fresh *pagesCache }

func (t Target) newPagesCache() *pagesCache {
	return &pagesCache{Version: pagesCacheVersion, Authors: t.AuthorsKey(), Tags: t.TagsKey(), Pages: map[string]cachedPage{}}
}

// readPagesCache returns the cache in the file name and the file's bytes, or an empty cache
// when there is none, it cannot be read, or it was made by another version or under other
// taxonomy keys.
func (t Target) readPagesCache(fsys afero.Fs, name string) (*pagesCache, []byte) {
	empty := t.newPagesCache()
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		return empty, nil
	}
	var c pagesCache
	if json.Unmarshal(data, &c) != nil || c.Version != pagesCacheVersion || c.Authors != empty.Authors || c.Tags != empty.Tags || c.Pages == nil {
		return empty, data
	}
	return &c, data
}

// racyWindow is how recent a page file's modification time may be for the cache to keep what
// was read of it: a file changed again within the same tick of a coarse clock (a second, on
// some filesystems) keeps its time, and perhaps its size.
const racyWindow = 2 * time.Second

// cacheable reports whether what was read of the file f may be cached, read at now: not a
// symbolic link (its size and time are the link's, not its target's), and not changed
// within racyWindow.
func (f foundPage) cacheable(now time.Time) bool {
	return !f.link && now.Sub(time.Unix(0, f.modTime)) > racyWindow
}

// cached returns the page cached for the file f, when its size and time are the cache's.
func (c pageCaches) cached(f foundPage) (cachedPage, bool) {
	if c.old == nil || f.link {
		return cachedPage{}, false
	}
	cp, ok := c.old.Pages[f.path]
	return cp, ok && cp.Size == f.size && cp.ModTime == f.modTime
}

// article returns the page cached as an Article of the bundle.
func (cp cachedPage) article(bundle string) *article.Article {
	a := &article.Article{Title: cp.Title, Authors: cp.Authors, Tags: cp.Tags, Date: cp.Date, Page: "/" + bundle}
	a.Source.URL, a.Source.Mirror = cp.URL, cp.Mirror
	return a
}

// cachePage returns what the cache keeps of a page a read from the file f.
func cachePage(f foundPage, a *article.Article, draft bool) cachedPage {
	return cachedPage{Size: f.size, ModTime: f.modTime, Draft: draft, Title: a.Title, Authors: a.Authors, Tags: a.Tags,
		Date: a.Date, URL: a.Source.URL, Mirror: a.Source.Mirror}
}
