package bundle

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gohugoio/hugo/parser/pageparser"
	"github.com/spf13/afero"
	"github.com/spf13/cast"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// LoadPages reads the regular pages under contentDir and the content folders of the Target's
// languages (every Markdown file but section `_index.md` files and author profiles) as
// Articles, with their Page, title, authors and tags (under the Target's taxonomy keys),
// date and body text, so that an import can link to them and weigh their tags. Drafts are
// left out (a published page must not point to them), and so are pages whose bundle folder
// skip reports. A page that cannot be read is named in the errors and left out.
func (t Target) LoadPages(fsys afero.Fs, contentDir string, skip func(bundle string) bool) ([]*article.Article, []error) {
	return t.loadAll(fsys, contentDir, skip, true)
}

// LoadPagesMeta is LoadPages without the body text, for what needs no more of the pages
// than their front matter (a build's archive sections and similar lists).
func (t Target) LoadPagesMeta(fsys afero.Fs, contentDir string, skip func(bundle string) bool) ([]*article.Article, []error) {
	return t.loadAll(fsys, contentDir, skip, false)
}

// loadAll reads the pages of every content folder, with their body text when body is set.
func (t Target) loadAll(fsys afero.Fs, contentDir string, skip func(bundle string) bool, body bool) ([]*article.Article, []error) {
	return t.loadAllCached(fsys, contentDir, skip, body, pageCaches{})
}

// loadAllCached is loadAll taking the unchanged pages from caches (see loadPages).
func (t Target) loadAllCached(fsys afero.Fs, contentDir string, skip func(bundle string) bool, body bool, caches pageCaches) ([]*article.Article, []error) {
	var pages []*article.Article
	var errs []error
	dirs := t.Dirs(contentDir)
	for _, dir := range dirs {
		p, e := t.loadPages(fsys, dir, dirs, skip, body, caches)
		pages, errs = append(pages, p...), append(errs, e...)
	}
	return pages, errs
}

// loadPages reads the pages of one content folder, but those of the other folders of dirs
// that lie inside it: it walks the folder, then parses the pages on every core (but those
// caches hold unchanged, recording the others), and returns them, and the errors, in the
// walk's order.
func (t Target) loadPages(fsys afero.Fs, contentDir string, dirs []string, skip func(bundle string) bool, body bool, caches pageCaches) ([]*article.Article, []error) {
	if _, err := fsys.Stat(contentDir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	now := time.Now()
	found := t.findPages(fsys, contentDir, dirs, skip)
	loaded := make([]*article.Article, len(found))
	read := make([]cachedPage, len(found))
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(found))) {
		wg.Go(func() {
			for i := range work {
				if cp, ok := caches.cached(found[i]); ok {
					if read[i] = cp; !cp.Draft {
						loaded[i] = cp.article(found[i].bundle)
					}
					continue
				}
				a, draft, err := t.loadPage(fsys, found[i].path, body)
				if err != nil {
					found[i].err = err
					continue
				}
				read[i] = cachePage(found[i], a, draft)
				if !draft {
					a.Page = "/" + found[i].bundle
					loaded[i] = a
				}
			}
		})
	}
	for i := range found {
		if found[i].err == nil {
			work <- i
		}
	}
	close(work)
	wg.Wait()
	var pages []*article.Article
	var errs []error
	for i, f := range found {
		switch {
		case f.err != nil:
			errs = append(errs, f.err)
		case caches.fresh != nil && f.cacheable(now):
			caches.fresh.Pages[f.path] = read[i]
		}
		if f.err == nil && loaded[i] != nil {
			pages = append(pages, loaded[i])
		}
	}
	return pages, errs
}

// foundPage is a page's file a walk of a content folder found, with its size and
// modification time (in nanoseconds) and whether it is a symbolic link, or the error the
// walk met there.
type foundPage struct {
	path, bundle  string
	size, modTime int64
	link          bool
	err           error
}

// findPages walks contentDir for the Markdown files of its pages (see loadPages).
func (t Target) findPages(fsys afero.Fs, contentDir string, dirs []string, skip func(bundle string) bool) []foundPage {
	var found []foundPage
	err := afero.Walk(fsys, contentDir, func(p string, fi fs.FileInfo, err error) error {
		if err != nil {
			found = append(found, foundPage{err: failure.At(p, 0, err)})
			return nil
		}
		rel, rerr := filepath.Rel(contentDir, p)
		if rerr != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if fi.IsDir() {
			if rel == t.AuthorsKey() || strings.HasPrefix(fi.Name(), ".") && rel != "." || rel != "." && slices.Contains(dirs, p) {
				return filepath.SkipDir
			}
			return nil
		}
		bundle, ok := pageBundle(rel, fi.Name())
		if !ok || skip != nil && skip(bundle) {
			return nil
		}
		found = append(found, foundPage{path: p, bundle: bundle, size: fi.Size(), modTime: fi.ModTime().UnixNano(), link: fi.Mode()&fs.ModeSymlink != 0})
		return nil
	})
	if err != nil {
		found = append(found, foundPage{err: err})
	}
	return found
}

// LoadPage reads again one page that LoadPages read, from its Markdown file name: the page
// of the content folder contentDir that name is the index of (a page bundle) or is. It
// returns nil, and no error, for a file that is no page of contentDir or a draft.
func (t Target) LoadPage(fsys afero.Fs, contentDir, name string) (*article.Article, error) {
	rel, err := filepath.Rel(contentDir, name)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, nil
	}
	bundle, ok := pageBundle(filepath.ToSlash(rel), filepath.Base(name))
	if !ok {
		return nil, nil
	}
	a, draft, err := t.loadPage(fsys, name, true)
	if err != nil || draft {
		return nil, err
	}
	a.Page = "/" + bundle
	return a, nil
}

// pageBundle returns the bundle of the file base, at rel (slashed) in its content folder: its
// folder for a bundle's index, else its path without ".md"; ok is false for a file that is
// no page (not Markdown, a list's _index.md, a dot file).
func pageBundle(rel, base string) (bundle string, ok bool) {
	if !strings.HasSuffix(base, ".md") || strings.HasPrefix(base, "_") || strings.HasPrefix(base, ".") {
		return "", false
	}
	if isIndex(base) {
		return path.Dir(rel), true
	}
	return strings.TrimSuffix(rel, ".md"), true
}

// loadPage reads one page, with its body text when body is set, and whether it is a draft.
func (t Target) loadPage(fsys afero.Fs, name string, body bool) (*article.Article, bool, error) {
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		return nil, false, failure.At(name, 0, err)
	}
	cf, err := pageparser.ParseFrontMatterAndContent(bytes.NewReader(data))
	if err != nil {
		return nil, false, failure.At(name, 0, err)
	}
	fm := cf.FrontMatter
	a := &article.Article{
		Title:   cast.ToString(fm["title"]),
		Authors: cast.ToStringSlice(fm[t.AuthorsKey()]),
		Tags:    cast.ToStringSlice(fm[t.TagsKey()]),
	}
	if d, err := cast.ToTimeE(fm["date"]); err == nil {
		a.Date = d // in its own zone, so that its day and month are those Hugo shows
	}
	if src, ok := fm["source"].(map[string]any); ok {
		a.Source.URL = cast.ToString(src["url"])
		a.Source.Mirror = cast.ToString(src["mirror"])
	}
	if body {
		for _, para := range strings.Split(string(cf.Content), "\n\n") {
			if t := plainText(para); t != "" {
				a.Body = append(a.Body, article.Block{Kind: article.Paragraph, Text: t})
			}
		}
	}
	return a, cast.ToBool(fm["draft"]), nil
}

// plainText returns a Markdown block as text, closely enough to match teasers against it:
// block markers and backslash escapes removed.
func plainText(md string) string {
	md = strings.TrimSpace(md)
	md = strings.TrimLeft(md, "#> ")
	md = strings.TrimPrefix(md, "- ")
	var b strings.Builder
	esc := false
	for _, r := range md {
		if r == '\\' && !esc {
			esc = true
			continue
		}
		esc = false
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
