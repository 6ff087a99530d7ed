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

// ErrUnsupported is returned for a file whose format no reader handles.
var ErrUnsupported = errors.New("unsupported file type")

// Supported reports whether a file name has an extension some reader handles.
func Supported(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return true
	}
	return false
}

// Read reads the scrape at path on fsys into one or more Articles.
func Read(fsys afero.Fs, path string, opts Options) ([]article.Article, error) {
	if !Supported(path) {
		return nil, fmt.Errorf("failed to read %q: %w", path, ErrUnsupported)
	}
	data, err := afero.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("failed to read %q: %w", path, err)
	}
	return []article.Article{ReadText(path, data, opts)}, nil
}

// ReadText reads a flattened text scrape; name is recorded as its source path.
func ReadText(name string, data []byte, opts Options) article.Article {
	cues := opts.Cues
	if cues == nil {
		c := DefaultCues()
		cues = &c
	}
	a := parseText(decodeText(data), newMatcher(*cues))
	sum := sha256.Sum256(data)
	a.Source = article.Source{Path: name, Format: "text", SHA256: hex.EncodeToString(sum[:])}
	return a
}
