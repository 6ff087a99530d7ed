package scrape

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText returns data as UTF-8 text with "\n" line ends. UTF-8 (with or without a byte
// order mark) is kept; UTF-16 with a byte order mark is decoded; anything else is taken as
// Windows-1252, the superset of ISO-8859-1 that French and English sites of the pre-UTF-8 web
// used.
func decodeText(data []byte) string {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		decoded, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			decoded = data
		}
		s = strings.ToValidUTF8(string(decoded), "\uFFFD")
	case utf8.Valid(bytes.TrimPrefix(data, utf8BOM)):
		s = string(bytes.TrimPrefix(data, utf8BOM))
	default:
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			// Windows-1252 maps every byte; keep the valid parts rather than fail.
			s = strings.ToValidUTF8(string(data), "\uFFFD")
		} else {
			s = string(decoded)
		}
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
