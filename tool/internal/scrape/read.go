package scrape

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// Options tune the readers.
type Options struct {
	// Cues are the furniture and related-block cues; the zero value means DefaultCues.
	Cues *Cues
	// Explain, when set, receives every text article's lines with their fate and reason.
	Explain func(Explanation)
	// Limits bound the size of files, lines and records; the zero value means the defaults.
	Limits Limits
	// Skip, when set, receives every record of a web archive that gives no article of its
	// own, with the reason.
	Skip func(Skip)
	// Read, when set, receives the bytes of a web archive as they are read from its file,
	// n at a time.
	Read func(n int)
	// Resume, when set, carries the reading of a web archive over an interruption.
	Resume *Resume
	// Root, when set, is the folder the scrape was found under (an input folder): the host
	// folder of a mirror (wget --mirror) is looked for from the page's folder up to Root,
	// never above it.
	Root string

	// m is the matcher of Cues, when Prepared built it.
	m *matcher
}

// Prepared returns the options with their cues made ready for matching, once: a reader given
// them spends nothing on the cues, where it otherwise folds and sorts them at every scrape.
// Cues changed afterwards are not seen by the options returned.
func (o Options) Prepared() Options {
	o.m = o.matcher()
	return o
}

func (o Options) matcher() *matcher {
	switch {
	case o.m != nil:
		return o.m
	case o.Cues == nil:
		return defaultMatcher()
	}
	return newMatcher(*o.Cues)
}

// ErrUnsupported is returned for a file whose format no reader handles.
var ErrUnsupported = errors.New("unsupported file type")

// Extensions are the file name extensions some reader handles, in lower case.
var Extensions = []string{".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".warc", ".warc.gz"}

// Supported reports whether a file name has one of the Extensions. Sidecars (NAME.meta.json)
// are not scrapes of their own.
func Supported(name string) bool {
	return !isSidecar(name) && (IsWARC(name) || slices.Contains(Extensions, strings.ToLower(filepath.Ext(name))))
}

// Read reads the scrape at path on fsys into one or more Articles.
//
// A text scrape or an HTML page (.html, .htm) gives one Article, completed by its sidecar
// NAME.meta.json when there is one; an HTML page's images that the scrape folder holds (a
// mirror) are found on fsys.
// A JSON Lines file (.jsonl) or a JSON array (.json) gives one Article per record. Records
// that cannot be read do not stop the others: Read returns the Articles it could read AND a
// non-nil error joining one *failure.Error per bad record (failure.All lists them), each
// naming the file and the record's line. Callers that see both should keep the Articles and
// report the error. A file that cannot be read at all (empty, binary, over the limits, not
// readable, a broken sidecar) gives a *failure.Error naming it.
// A web archive (.warc, .warc.gz) is read record by record, never whole (see readWARC): it
// gives one Article per archived article, and its bad records fail each at its byte offset. Every Article is cleaned of
// what must not be published (see clean).
func Read(fsys afero.Fs, path string, opts Options) ([]article.Article, error) {
	if !Supported(path) {
		return nil, failure.At(path, 0, ErrUnsupported)
	}
	if IsWARC(path) {
		return readWARC(fsys, path, opts)
	}
	data, err := readFile(fsys, path, opts.Limits.fileSize())
	if err != nil {
		return nil, err
	}
	if err := sniff(data); err != nil {
		return nil, failure.At(path, 0, err)
	}
	var arts []article.Article
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		arts, err = ReadJSON(path, data, opts)
	case ".html", ".htm":
		md, err := readSidecar(fsys, path, opts.Limits)
		if err != nil {
			return nil, err
		}
		arts = []article.Article{readHTMLFile(fsys, path, data, opts, md)}
	default:
		if line, size := longLine(data, opts.Limits.lineSize()); line > 0 {
			return nil, tooLarge(path, line, "line", int64(size), int64(opts.Limits.lineSize()))
		}
		md, err := readSidecar(fsys, path, opts.Limits)
		if err != nil {
			return nil, err
		}
		arts = []article.Article{readText(path, data, opts, md)}
	}
	for i := range arts {
		clean(&arts[i])
	}
	return arts, err
}

// ReadText reads a flattened text scrape; name is recorded as its source path.
func ReadText(name string, data []byte, opts Options) article.Article {
	return readText(name, data, opts, nil)
}

func readText(name string, data []byte, opts Options, md *meta) article.Article {
	p := parseText(decodeText(data), opts.matcher(), md)
	p.a.Source.Path, p.a.Source.Format, p.a.Source.SHA256 = name, "text", digest(data)
	opts.explain(p)
	return p.a
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
