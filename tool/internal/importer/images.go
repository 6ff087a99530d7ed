package importer

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
	"github.com/kiosque-dev/kiosque/tool/internal/slug"
)

// Fetcher downloads a remote image: its bytes and content type.
type Fetcher func(ctx context.Context, address string) (data []byte, contentType string, err error)

// The limits of NewHTTPFetcher.
const (
	FetchTimeout  = 20 * time.Second
	MaxImageBytes = 15 << 20
)

// NewHTTPFetcher returns a Fetcher over HTTP(S) that gives up after FetchTimeout, refuses
// images over MaxImageBytes, and accepts only answers whose content type is an image.
func NewHTTPFetcher(client *http.Client) Fetcher {
	if client == nil {
		client = &http.Client{Timeout: FetchTimeout}
	}
	return func(ctx context.Context, address string) ([]byte, string, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, address, nil)
		if err != nil {
			return nil, "", err
		}
		req.Header.Set("Accept", "image/*")
		resp, err := client.Do(req)
		if err != nil {
			return nil, "", err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, "", fmt.Errorf("the server answered %s", resp.Status)
		}
		if resp.ContentLength > MaxImageBytes {
			return nil, "", fmt.Errorf("the image is over %d MB", MaxImageBytes>>20)
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, MaxImageBytes+1))
		if err != nil {
			return nil, "", err
		}
		if len(data) > MaxImageBytes {
			return nil, "", fmt.Errorf("the image is over %d MB", MaxImageBytes>>20)
		}
		ct := resp.Header.Get("Content-Type")
		if ct == "" {
			ct = http.DetectContentType(data)
		}
		if mt, _, _ := mime.ParseMediaType(ct); !strings.HasPrefix(mt, "image/") {
			return nil, "", fmt.Errorf("not an image: %s", ct)
		}
		return data, ct, nil
	}
}

// bundleImages gives an article's images their files in its bundle: an image the scrape
// folder or a web archive holds is copied (only from inside the inputs, and up to
// MaxImageBytes; an archived one is read from its record when the bundle is written); a
// remote one is fetched when opts.FetchImages is set (never in a dry run). Each image placed
// gets its bundle file name as Src; each fetch that fails is returned as a warning, and the
// image keeps its address.
func bundleImages(opts Options, a *article.Article) ([]bundle.Asset, []*failure.Error) {
	var (
		assets []bundle.Asset
		warns  []*failure.Error
		taken  = map[string]bool{"index.md": true}
		placed = map[string]string{} // address -> bundle file
	)
	place := func(b *article.Block) {
		if b.Src == "" {
			return
		}
		if name, ok := placed[b.Src]; ok {
			b.Src = name
			return
		}
		src := b.Src
		switch {
		case b.Record != nil && opts.inInputs(b.File):
			file, rec := b.File, *b.Record
			name := assetName(pathOf(src), rec.ContentType, taken)
			assets = append(assets, bundle.Asset{Name: name, Load: func() ([]byte, error) { return readArchived(opts.Fs, file, rec.Offset, src) }})
			placed[src], b.Src = name, name
		case b.File != "" && opts.inInputs(b.File):
			file := b.File
			name := assetName(filepath.ToSlash(file), "", taken)
			assets = append(assets, bundle.Asset{Name: name, Load: func() ([]byte, error) { return readImage(opts.Fs, file) }})
			placed[src], b.Src = name, name
		case opts.FetchImages != nil && !opts.DryRun && isRemote(src):
			ctx, cancel := context.WithTimeout(context.Background(), FetchTimeout)
			data, ct, err := opts.FetchImages(ctx, src)
			cancel()
			if err != nil {
				warns = append(warns, failure.At(sourceFile(a), a.Source.Record, fmt.Errorf("failed to fetch the image %q: %w", src, err)))
				return
			}
			name := assetName(pathOf(src), ct, taken)
			assets = append(assets, bundle.Asset{Name: name, Load: func() ([]byte, error) { return data, nil }})
			placed[src], b.Src = name, name
		}
	}
	place(&a.Image)
	for i := range a.Body {
		if a.Body[i].Kind == article.Image {
			place(&a.Body[i])
		}
	}
	return assets, warns
}

// inInputs reports whether file lies inside an input: a folder given as an input, or the
// folder of a file given as one. A page's image that points elsewhere ("../../config/x.png")
// is never copied into the site.
func (opts Options) inInputs(file string) bool {
	for _, in := range opts.Inputs {
		root := filepath.Clean(in)
		if fi, err := opts.Fs.Stat(root); err == nil && !fi.IsDir() {
			root = filepath.Dir(root)
		}
		if rel, err := filepath.Rel(root, filepath.Clean(file)); err == nil && filepath.IsLocal(rel) {
			return true
		}
	}
	return false
}

// inputRoot returns the input folder that holds file (the innermost, when inputs nest), or
// the folder of file when it is given as an input itself.
func (opts Options) inputRoot(file string) string {
	root := ""
	for _, in := range opts.Inputs {
		in = filepath.Clean(in)
		if in == filepath.Clean(file) {
			return filepath.Dir(in)
		}
		if rel, err := filepath.Rel(in, filepath.Clean(file)); err == nil && filepath.IsLocal(rel) && len(in) > len(root) {
			root = in
		}
	}
	return root
}

// readImage reads an image of the scrape folder, refusing one over MaxImageBytes.
func readImage(fsys afero.Fs, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxImageBytes {
		return nil, fmt.Errorf("the image is over %d MB", MaxImageBytes>>20)
	}
	return data, nil
}

// readArchived reads an image a web archive holds at offset, refusing one over MaxImageBytes.
func readArchived(fsys afero.Fs, archive string, offset int64, src string) ([]byte, error) {
	data, err := scrape.ReadArchived(fsys, archive, offset, src, MaxImageBytes)
	if err != nil {
		return nil, fmt.Errorf("failed to read the image %q from %q: %w", src, archive, err)
	}
	return data, nil
}

func isRemote(src string) bool {
	u, err := url.Parse(src)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func pathOf(src string) string {
	if u, err := url.Parse(src); err == nil {
		return u.Path
	}
	return ""
}

// imageExts are the image extensions a bundle file may keep as they are.
var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true}

// assetName returns a free, safe file name for an image: the base name of its path as a slug
// (a-z, 0-9 and dashes), with an image extension (from the content type
// when the path has none), and a number when the name is taken ("photo-2.jpg").
func assetName(p, contentType string, taken map[string]bool) string {
	base := strings.ToLower(path.Base(p))
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	if !imageExts[ext] {
		ext = ".jpg"
		if exts, err := mime.ExtensionsByType(contentType); err == nil {
			for _, e := range exts {
				if imageExts[e] {
					ext = e
					break
				}
			}
		}
	}
	stem = slug.Make(stem, "")
	if stem == "" || stem == "index" {
		stem = "image"
	}
	name := stem + ext
	for n := 2; taken[name]; n++ {
		name = stem + "-" + strconv.Itoa(n) + ext
	}
	taken[name] = true
	return name
}
