package scrape

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
)

// The reasons sniff gives for a file no reader should take.
var (
	// ErrEmpty is the reason of a file with nothing but white space in it.
	ErrEmpty = errors.New("empty file")
	// ErrBinary is the reason of a file that is not text: an image, a PDF, an archive, ...
	// named as a scrape. The error sniff returns names the media type it recognised.
	ErrBinary = errors.New("binary file")
)

// sniff tells text from what only looks like a scrape by its name: it returns ErrEmpty for a
// file of white space, and ErrBinary, with the media type, for a file whose first bytes say
// image, PDF, archive or any other binary format (net/http.DetectContentType, the
// WHATWG MIME sniffing algorithm), or that holds a NUL byte further on. UTF-16 with a byte
// order mark is text.
func sniff(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		return ErrEmpty
	}
	if hasUTF16BOM(data) {
		return nil
	}
	media, _, err := mime.ParseMediaType(http.DetectContentType(data))
	if err != nil {
		media = "application/octet-stream"
	}
	if !strings.HasPrefix(media, "text/") {
		return fmt.Errorf("%w (%s)", ErrBinary, media)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return fmt.Errorf("%w (application/octet-stream)", ErrBinary)
	}
	return nil
}
