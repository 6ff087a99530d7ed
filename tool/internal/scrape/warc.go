package scrape

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// Skip is a record of a web archive that gives no article of its own, with the reason: a
// page that is not an article (a home, tag or search page, a feed, an image), a capture of
// an address captured again later, or a redirect.
type Skip struct {
	// File is the web archive.
	File string
	// Offset is the record's byte offset in the file.
	Offset int64
	// URL is the record's WARC-Target-URI.
	URL string
	// Reason says why the record gives no article.
	Reason string
}

// IsWARC reports whether name is a web archive (ISO 28500): NAME.warc or NAME.warc.gz.
func IsWARC(name string) bool {
	low := strings.ToLower(name)
	return strings.HasSuffix(low, ".warc") || strings.HasSuffix(low, ".warc.gz")
}

// warcCapture is one capture of an address: the article read from it, and where it is.
type warcCapture struct {
	a      article.Article
	date   time.Time
	offset int64
}

// warcRead holds the state of one web archive read.
type warcRead struct {
	name     string
	opts     Options
	m        *matcher
	order    []string                // the addresses of articles, in the order first met
	latest   map[string]*warcCapture // the latest capture of each address
	earlier  map[string][]article.Source
	redirect map[string][]article.Source // the redirects to each address
	images   map[string]warcImage        // the images held, by folded address
	errs     []error
}

// readWARC reads a web archive record by record: each response record of status 200 with an
// HTML page is read as an HTML page (its address the WARC-Target-URI, its crawl date the
// WARC-Date), and gives one Article per address, the latest capture's; the earlier captures
// and the redirects to it are its Duplicates (its aliases). Each image of an article that the
// archive holds (a response of status 200 and an image type) is pointed at its record (Block
// File and Record), which ReadArchived reads. The records that give no article
// are handed to opts.Skip with the reason. A corrupt or truncated record is a
// *failure.Error at its byte offset, and the reading goes on with the next record.
func readWARC(fsys afero.Fs, name string, opts Options) ([]article.Article, error) {
	if _, err := regularFile(fsys, name); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	defer f.Close()
	if opts.Read != nil {
		return readWARCStream(name, countingReader{f, opts.Read}, opts)
	}
	return readWARCStream(name, f, opts)
}

// countingReader hands the number of bytes of each read to count.
type countingReader struct {
	r     io.Reader
	count func(n int)
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.count(n)
	}
	return n, err
}

// readWARCStream reads a web archive from r; name is recorded as its source path.
func readWARCStream(name string, r io.Reader, opts Options) ([]article.Article, error) {
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0, warcOptions()...)
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	defer wr.Close()
	w := &warcRead{name: name, opts: opts, m: opts.matcher(), latest: map[string]*warcCapture{},
		earlier: map[string][]article.Source{}, redirect: map[string][]article.Source{},
		images: map[string]warcImage{}}
	records, lastFail := 0, int64(-1)
	for {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			if records == 0 {
				return nil, failure.At(name, 0, ErrEmpty)
			}
			break
		}
		records++
		if err != nil {
			rec.Close()
			if errors.Is(err, gowarc.ErrNoRecord) && records == 1 {
				return nil, failure.At(name, 0, errors.New("not a web archive: no WARC record found"))
			}
			if rec.Offset == lastFail { // no progress: what follows cannot be read
				break
			}
			lastFail = rec.Offset
			w.fail(rec.Offset, err)
			if errors.Is(err, gowarc.ErrNoRecord) {
				break
			}
			continue
		}
		w.record(rec)
		rec.Close()
	}
	return w.articles(), errors.Join(w.errs...)
}

// warcOptions are the library's options for reading an archive: its findings are collected,
// not fatal, so that a damaged record is reported and the others are read.
func warcOptions() []gowarc.WarcRecordOption {
	return []gowarc.WarcRecordOption{
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrWarn),
	}
}

// skippedHint says what a damaged record costs.
const skippedHint = "the record is skipped; the others are read"

// fail records the failure of the record at offset, which the library could not read.
func (w *warcRead) fail(offset int64, err error) {
	reason := "corrupt record: " + strings.TrimPrefix(err.Error(), "gowarc: ")
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		reason = "truncated record: " + strings.TrimPrefix(err.Error(), "gowarc: ")
	}
	w.errs = append(w.errs, failure.At(w.name, int(offset), errors.New(reason)).WithHint(skippedHint))
}

// skip hands a record that gives no article to the caller.
func (w *warcRead) skip(offset int64, uri, reason string) {
	if w.opts.Skip != nil {
		w.opts.Skip(Skip{File: w.name, Offset: offset, URL: uri, Reason: reason})
	}
}

// record reads one record.
func (w *warcRead) record(rec gowarc.Record) {
	r := rec.WarcRecord
	uri := r.WarcHeader().Get(gowarc.WarcTargetURI)
	if r.Type()&(gowarc.Response|gowarc.Revisit) != 0 {
		if reason := damage(rec.Validation); reason != "" {
			w.errs = append(w.errs, failure.At(w.name, int(rec.Offset), errors.New(reason)).WithHint(skippedHint))
			return
		}
	}
	switch r.Type() {
	case gowarc.Response:
	case gowarc.Revisit:
		w.skip(rec.Offset, uri, "a revisit: the page had not changed since an earlier capture")
		return
	default: // warcinfo, request, metadata, resource, conversion: no page of a site
		return
	}
	block, ok := r.Block().(gowarc.HttpResponseBlock)
	if !ok {
		w.skip(rec.Offset, uri, "not an HTTP response")
		return
	}
	date, _ := r.Date()
	status := block.HttpStatusCode()
	switch {
	case status >= 300 && status < 400:
		w.redirectFrom(rec.Offset, uri, block)
		return
	case status != 200:
		w.skip(rec.Offset, uri, "HTTP status "+strconv.Itoa(status))
		return
	}
	media := mediaType(block)
	if strings.HasPrefix(media, "image/") {
		w.addImage(uri, rec.Offset, date, media)
	}
	if media != "text/html" && media != "application/xhtml+xml" {
		w.skip(rec.Offset, uri, "not an HTML page ("+media+")")
		return
	}
	if reason := notArticle(uri); reason != "" {
		w.skip(rec.Offset, uri, reason)
		return
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		w.fail(rec.Offset, err)
		return
	}
	body, err := decodeBody(block, payload)
	if err != nil {
		w.skip(rec.Offset, uri, err.Error())
		return
	}
	max := w.opts.Limits.fileSize()
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		w.fail(rec.Offset, err)
		return
	}
	if int64(len(data)) > max {
		w.errs = append(w.errs, tooLarge(w.name, int(rec.Offset), "page", int64(len(data)), max))
		return
	}
	md := &meta{url: uri, crawled: date, crawledField: "WARC-Date", from: "record"}
	a := readHTML(nil, w.name, data, w.m, md)
	a.Source = article.Source{Path: w.name, Format: "warc", URL: uri, SHA256: digest(data), Record: int(rec.Offset)}
	if a.Title == "" && len(a.Body) == 0 {
		w.skip(rec.Offset, uri, "no article text found")
		return
	}
	clean(&a)
	w.add(uri, &warcCapture{a: a, date: date, offset: rec.Offset})
}

// add keeps the latest capture of an address; the others become its duplicates.
func (w *warcRead) add(uri string, c *warcCapture) {
	old, ok := w.latest[uri]
	if !ok {
		w.order = append(w.order, uri)
		w.latest[uri] = c
		return
	}
	if c.date.Before(old.date) {
		old, c = c, old
	}
	w.latest[uri] = c
	w.earlier[uri] = append(w.earlier[uri], old.a.Source)
	w.skip(old.offset, uri, "captured again at byte "+strconv.FormatInt(c.offset, 10)+", the capture kept")
}

// redirectFrom records a redirect: its address becomes an alias of its target.
func (w *warcRead) redirectFrom(offset int64, uri string, block gowarc.HttpResponseBlock) {
	loc := ""
	if h := block.HttpHeader(); h != nil {
		loc = h.Get("Location")
	}
	from, err1 := url.Parse(uri)
	to, err2 := url.Parse(strings.TrimSpace(loc))
	if loc == "" || err1 != nil || err2 != nil {
		w.skip(offset, uri, "a redirect to nowhere")
		return
	}
	target := from.ResolveReference(to).String()
	w.redirect[target] = append(w.redirect[target], article.Source{Path: w.name, Format: "warc", URL: uri, Record: int(offset)})
	w.skip(offset, uri, "a redirect to "+target)
}

// articles returns the latest capture of each address, in the order first met, with its
// earlier captures and the redirects to it as duplicates, and its images that the archive
// holds pointed at their records.
func (w *warcRead) articles() []article.Article {
	out := make([]article.Article, 0, len(w.order))
	for _, uri := range w.order {
		a := w.latest[uri].a
		a.Duplicates = append(append(a.Duplicates, w.earlier[uri]...), w.redirect[uri]...)
		w.placeImages(&a)
		out = append(out, a)
	}
	return out
}

// decodeBody undoes what the server did to a page on the wire, as crawlers record it raw:
// chunked transfer, then gzip or deflate compression. Another compression cannot be read.
func decodeBody(block gowarc.HttpResponseBlock, r io.Reader) (io.Reader, error) {
	// The parsed header has no Transfer-Encoding (net/http moves it out): read the raw one.
	if strings.EqualFold(rawHeader(block.ProtocolHeaderBytes(), "Transfer-Encoding"), "chunked") {
		r = httputil.NewChunkedReader(r)
	}
	switch enc := strings.ToLower(rawHeader(block.ProtocolHeaderBytes(), "Content-Encoding")); enc {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("a page whose gzip compression cannot be read: %w", err)
		}
		return zr, nil
	case "deflate": // zlib as the standard says, or the raw deflate some servers send
		br := bufio.NewReader(r)
		if b, err := br.Peek(1); err == nil && b[0]&0x0f == 8 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("a page whose deflate compression cannot be read: %w", err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	default:
		return nil, fmt.Errorf("a page compressed with %s, which kiosque cannot read", enc)
	}
}

// rawHeader returns the value of the first field called name in an HTTP header as recorded.
func rawHeader(header []byte, name string) string {
	for _, line := range strings.Split(string(header), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// mediaType returns the media type of an HTTP response, in lower case; "" when it says none.
func mediaType(block gowarc.HttpResponseBlock) string {
	h := block.HttpHeader()
	if h == nil {
		return ""
	}
	media, _, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		return strings.ToLower(strings.TrimSpace(h.Get("Content-Type")))
	}
	return media
}

// damage returns why a record's validation shows it damaged, or "" when it is whole: cut
// short, its content not the one its digest names, or a length that cannot be read. Other
// findings (a missing record id, a bare line feed) do not keep a page from being read.
func damage(validation []error) string {
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) && cl.Actual < cl.Expected {
			return fmt.Sprintf("truncated record: %d of its %d bytes", cl.Actual, cl.Expected)
		}
	}
	for _, v := range validation {
		var d *gowarc.DigestError
		if errors.As(v, &d) {
			return "corrupt record: its content does not match its digest (" + d.Algorithm + ")"
		}
		var h *gowarc.HeaderFieldError
		if errors.As(v, &h) && h.FieldName == gowarc.ContentLength {
			return "corrupt record: its Content-Length cannot be read"
		}
	}
	return ""
}

// listSegments are the path segments of the pages that list articles instead of being one.
var listSegments = map[string]string{
	"tag": "a tag page", "tags": "a tag page", "topic": "a tag page", "topics": "a tag page",
	"category": "a category page", "categories": "a category page", "section": "a category page",
	"rubrique": "a category page",
	"author":   "an author page", "authors": "an author page", "auteur": "an author page",
	"search": "a search page", "recherche": "a search page",
	"page": "a list page",
	"feed": "a feed", "rss": "a feed", "atom": "a feed",
}

// notArticle returns why the page at uri is not an article by its address (a home page, a
// tag, category, author or search page, a feed), or "" when it may be one.
func notArticle(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "an address that cannot be read"
	}
	if q := u.Query(); q.Has("s") || q.Has("q") || q.Has("query") {
		return "a search page"
	}
	p := strings.Trim(u.Path, "/")
	if p == "" || p == "index.html" || p == "index.htm" {
		return "the home page"
	}
	segs := strings.Split(strings.ToLower(p), "/")
	for _, s := range segs {
		if r, ok := listSegments[s]; ok {
			return r
		}
	}
	if last := segs[len(segs)-1]; strings.HasSuffix(last, ".rss") || strings.HasSuffix(last, ".xml") || strings.HasSuffix(last, ".atom") {
		return "a feed"
	}
	return ""
}
