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
	records  int    // the records met, silent ones included
	noText   string // why the last page read gave no article
	// The checkpoints of the reading (see Resume): the outcomes of the records read since
	// the last one, and what was done before, by offset.
	save    func([]byte) error
	every   int
	pending []warcOutcome
	done    map[int64]warcOutcome
	reused  int // the records of a changed archive taken from done
}

// readWARC reads a web archive record by record: each response record of status 200 with an
// HTML page is read as an HTML page (its address the WARC-Target-URI, its crawl date the
// WARC-Date), and gives one Article per address, the latest capture's; the earlier captures
// and the redirects to it are its Duplicates (its aliases). Each image of an article that the
// archive holds (a response of status 200 and an image type) is pointed at its record (Block
// File and Record), which ReadArchived reads. The records that give no article
// are handed to opts.Skip with the reason. A corrupt or truncated record is a
// *failure.Error at its byte offset, and the reading goes on with the next record. With
// opts.Resume, the reading goes on where an interrupted one stopped (see Resume).
func readWARC(fsys afero.Fs, name string, opts Options) ([]article.Article, error) {
	fi, err := regularFile(fsys, name)
	if err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	defer f.Close()
	w := newWARCRead(name, opts)
	start, reused := w.resume(opts.Resume)
	if reused > 0 && opts.Resume.Resumed != nil {
		skipped := start
		if start < 0 {
			skipped = fi.Size()
		}
		opts.Resume.Resumed(reused, skipped)
	}
	if start < 0 { // the reading had ended
		return w.articles(), errors.Join(w.errs...)
	}
	if start > 0 {
		if _, err := f.Seek(start, io.SeekStart); err != nil {
			return nil, failure.At(name, 0, err)
		}
		if opts.Read != nil {
			opts.Read(int(start))
		}
	}
	if opts.Read != nil {
		return w.stream(countingReader{f, opts.Read}, start)
	}
	return w.stream(f, start)
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

// newWARCRead begins the reading of the web archive name.
func newWARCRead(name string, opts Options) *warcRead {
	return &warcRead{name: name, opts: opts, m: opts.matcher(), latest: map[string]*warcCapture{},
		earlier: map[string][]article.Source{}, redirect: map[string][]article.Source{},
		images: map[string]warcImage{}}
}

// readWARCStream reads a web archive from r; name is recorded as its source path.
func readWARCStream(name string, r io.Reader, opts Options) ([]article.Article, error) {
	return newWARCRead(name, opts).stream(r, 0)
}

// stream reads the records of r, which starts at byte offset of the archive.
func (w *warcRead) stream(r io.Reader, offset int64) ([]article.Article, error) {
	wr, err := gowarc.NewWarcFileReaderFromStream(r, offset, warcOptions()...)
	if err != nil {
		return nil, failure.At(w.name, 0, err)
	}
	defer wr.Close()
	lastFail := int64(-1)
	for {
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) && rec.WarcRecord == nil {
			if w.records == 0 {
				return nil, failure.At(w.name, 0, ErrEmpty)
			}
			break
		}
		w.checkpoint(rec.Offset)
		w.records++
		if err != nil {
			rec.Close()
			if errors.Is(err, gowarc.ErrNoRecord) && w.records == 1 {
				return nil, failure.At(w.name, 0, errors.New("not a web archive: no WARC record found"))
			}
			if rec.Offset == lastFail { // no progress: what follows cannot be read
				break
			}
			lastFail = rec.Offset
			w.note(w.failed(rec.Offset, err))
			if errors.Is(err, gowarc.ErrNoRecord) {
				break
			}
			continue
		}
		if o, ok := w.known(rec); ok {
			w.note(o)
		} else if o, ok := w.record(rec); ok {
			w.note(o)
		}
		rec.Close()
	}
	w.checkpoint(-1)
	if r := w.opts.Resume; w.reused > 0 && r != nil && r.Resumed != nil {
		r.Resumed(w.reused, 0)
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

// warcOutcome is what one record of a web archive gave, as a checkpoint keeps it (see
// Resume): an article, an image, a redirect, a reason to skip it, or a failure.
type warcOutcome struct {
	// Offset is the record's byte offset in the archive.
	Offset int64 `json:"offset"`
	// Digest is the record's WARC-Block-Digest, else its WARC-Record-ID.
	Digest string `json:"digest,omitempty"`
	// URL is the record's WARC-Target-URI, and Date its WARC-Date.
	URL  string    `json:"url,omitempty"`
	Date time.Time `json:"date,omitzero"`
	// Article is the article the record gave, cleaned, with all its fields (not the
	// `kiosque parse` shape that Article's own MarshalJSON gives).
	Article *article.Stored `json:"article,omitempty"`
	// Image is the content type of an image the record holds.
	Image string `json:"image,omitempty"`
	// Redirect is the address a redirect leads to.
	Redirect string `json:"redirect,omitempty"`
	// Skip says why the record gives no article.
	Skip string `json:"skip,omitempty"`
	// Fail and Hint are the failure of a damaged record.
	Fail string `json:"fail,omitempty"`
	Hint string `json:"hint,omitempty"`
}

// failed returns the failure of the record at offset, which the library could not read.
func (w *warcRead) failed(offset int64, err error) warcOutcome {
	reason := "corrupt record: " + strings.TrimPrefix(err.Error(), "gowarc: ")
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		reason = "truncated record: " + strings.TrimPrefix(err.Error(), "gowarc: ")
	}
	return warcOutcome{Offset: offset, Fail: reason, Hint: skippedHint}
}

// note applies what a record gave to the reading, and keeps it for the next checkpoint.
func (w *warcRead) note(o warcOutcome) {
	w.apply(o)
	if w.save != nil {
		w.pending = append(w.pending, o)
	}
}

// apply applies what a record gave to the reading: an article capture is kept (the latest of
// its address wins), an image indexed, a redirect made an alias of its target, a skipped
// record handed to the caller, a failure reported.
func (w *warcRead) apply(o warcOutcome) {
	switch {
	case o.Fail != "":
		w.errs = append(w.errs, failure.At(w.name, int(o.Offset), errors.New(o.Fail)).WithHint(o.Hint))
	case o.Article != nil:
		a := article.Article(*o.Article)
		a.Source.Path = w.name
		w.add(o.URL, &warcCapture{a: a, date: o.Date, offset: o.Offset})
	default:
		if o.Image != "" {
			w.addImage(o.URL, o.Offset, o.Date, o.Image)
		}
		if o.Redirect != "" {
			w.redirect[o.Redirect] = append(w.redirect[o.Redirect], article.Source{Path: w.name, Format: "warc", URL: o.URL, Record: int(o.Offset)})
		}
		if o.Skip != "" && w.opts.Skip != nil {
			w.opts.Skip(Skip{File: w.name, Offset: o.Offset, URL: o.URL, Reason: o.Skip})
		}
	}
}

// record reads one record and returns what it gave; false for a record that is no page of a
// site (warcinfo, request, metadata, resource, conversion), passed over silently.
func (w *warcRead) record(rec gowarc.Record) (warcOutcome, bool) {
	r := rec.WarcRecord
	uri := r.WarcHeader().Get(gowarc.WarcTargetURI)
	o := warcOutcome{Offset: rec.Offset, Digest: recordDigest(r), URL: uri}
	if r.Type()&(gowarc.Response|gowarc.Revisit) != 0 {
		if reason := damage(rec.Validation); reason != "" {
			o.Fail, o.Hint = reason, skippedHint
			return o, true
		}
	}
	switch r.Type() {
	case gowarc.Response:
	case gowarc.Revisit:
		o.Skip = "a revisit: the page had not changed since an earlier capture"
		return o, true
	default:
		return o, false
	}
	block, ok := r.Block().(gowarc.HttpResponseBlock)
	if !ok {
		o.Skip = "not an HTTP response"
		return o, true
	}
	o.Date, _ = r.Date()
	status := block.HttpStatusCode()
	switch {
	case status >= 300 && status < 400:
		o.Redirect, o.Skip = redirectTarget(uri, block)
		return o, true
	case status != 200:
		o.Skip = "HTTP status " + strconv.Itoa(status)
		return o, true
	}
	media := mediaType(block)
	if strings.HasPrefix(media, "image/") {
		o.Image = media
	}
	if media != "text/html" && media != "application/xhtml+xml" {
		o.Skip = "not an HTML page (" + media + ")"
		return o, true
	}
	if reason := notArticle(uri); reason != "" {
		o.Skip = reason
		return o, true
	}
	a, err := w.page(rec, block, uri, o.Date)
	switch {
	case err != nil:
		o.Fail, o.Hint = err.Reason(), err.Hint
	case a == nil:
		o.Skip = w.noText
	default:
		o.Article = (*article.Stored)(a)
	}
	return o, true
}

// page reads the HTML page of a response record: its article, nil with w.noText set when
// the page gives none, or the failure of a record that cannot be read.
func (w *warcRead) page(rec gowarc.Record, block gowarc.HttpResponseBlock, uri string, date time.Time) (*article.Article, *failure.Error) {
	payload, err := block.PayloadBytes()
	if err != nil {
		o := w.failed(rec.Offset, err)
		return nil, failure.At(w.name, int(rec.Offset), errors.New(o.Fail)).WithHint(o.Hint)
	}
	body, err := decodeBody(block, payload)
	if err != nil {
		w.noText = err.Error()
		return nil, nil
	}
	max := w.opts.Limits.fileSize()
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		o := w.failed(rec.Offset, err)
		return nil, failure.At(w.name, int(rec.Offset), errors.New(o.Fail)).WithHint(o.Hint)
	}
	if int64(len(data)) > max {
		return nil, tooLarge(w.name, int(rec.Offset), "page", int64(len(data)), max)
	}
	md := &meta{url: uri, crawled: date, crawledField: "WARC-Date", from: "record"}
	a := readHTML(nil, w.name, data, w.m, md)
	a.Source = article.Source{Path: w.name, Format: "warc", URL: uri, SHA256: digest(data), Record: int(rec.Offset)}
	if a.Title == "" && len(a.Body) == 0 {
		w.noText = "no article text found"
		return nil, nil
	}
	clean(&a)
	return &a, nil
}

// recordDigest returns what identifies a record's content: its WARC-Block-Digest, else its
// WARC-Record-ID.
func recordDigest(r gowarc.WarcRecord) string {
	if d := r.WarcHeader().Get(gowarc.WarcBlockDigest); d != "" {
		return d
	}
	return r.WarcHeader().Get(gowarc.WarcRecordID)
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
	w.apply(warcOutcome{Offset: old.offset, URL: uri, Skip: "captured again at byte " + strconv.FormatInt(c.offset, 10) + ", the capture kept"})
}

// redirectTarget returns the address a redirect leads to and the reason its record is
// skipped; no address for a redirect to nowhere.
func redirectTarget(uri string, block gowarc.HttpResponseBlock) (target, reason string) {
	loc := ""
	if h := block.HttpHeader(); h != nil {
		loc = h.Get("Location")
	}
	from, err1 := url.Parse(uri)
	to, err2 := url.Parse(strings.TrimSpace(loc))
	if loc == "" || err1 != nil || err2 != nil {
		return "", "a redirect to nowhere"
	}
	target = from.ResolveReference(to).String()
	return target, "a redirect to " + target
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
