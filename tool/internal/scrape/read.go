package scrape

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// Options tune the readers.
type Options struct {
	// Cues are the furniture and related-block cues; the zero value means DefaultCues.
	Cues *Cues
}

func (o Options) matcher() *matcher {
	if o.Cues == nil {
		return defaultMatcher()
	}
	return newMatcher(*o.Cues)
}

// ErrUnsupported is returned for a file whose format no reader handles.
var ErrUnsupported = errors.New("unsupported file type")

// Supported reports whether a file name has an extension some reader handles. Sidecars
// (NAME.meta.json) are not scrapes of their own.
func Supported(name string) bool {
	if isSidecar(name) {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm":
		return true
	}
	return false
}

// Read reads the scrape at path on fsys into one or more Articles.
//
// A text scrape or an HTML page (.html, .htm) gives one Article, completed by its sidecar
// NAME.meta.json when there is one; an HTML page's images that the scrape folder holds (a
// mirror) are found on fsys.
// A JSON Lines file (.jsonl) or a JSON array (.json) gives one Article per record. Records
// that cannot be read do not stop the others: Read returns the Articles it could read AND a
// non-nil error joining one *RecordError per bad record (errors.As finds them), each naming
// the file and the record's line. Callers that see both should keep the Articles and report
// the error.
func Read(fsys afero.Fs, path string, opts Options) ([]article.Article, error) {
	if !Supported(path) {
		return nil, fmt.Errorf("failed to read %q: %w", path, ErrUnsupported)
	}
	data, err := afero.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("failed to read %q: %w", path, err)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		return ReadJSON(path, data, opts)
	}
	md, err := readSidecar(fsys, path)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return []article.Article{readHTML(fsys, path, data, opts.matcher(), md)}, nil
	}
	return []article.Article{readText(path, data, opts.matcher(), md)}, nil
}

// ReadText reads a flattened text scrape; name is recorded as its source path.
func ReadText(name string, data []byte, opts Options) article.Article {
	return readText(name, data, opts.matcher(), nil)
}

func readText(name string, data []byte, m *matcher, md *meta) article.Article {
	a, _, _ := parseText(decodeText(data), m, md)
	a.Source.Path, a.Source.Format, a.Source.SHA256 = name, "text", digest(data)
	return a
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
