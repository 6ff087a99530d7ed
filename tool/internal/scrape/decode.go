package scrape

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// hasUTF16BOM reports whether data starts with a UTF-16 byte order mark.
func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
}

// decodeText returns data as UTF-8 text with "\n" line ends. UTF-8 (with or without a byte
// order mark) is kept; UTF-16 with a byte order mark is decoded; anything else is decoded
// line by line (decodeMixed), Windows-1252 being the encoding of the pre-UTF-8 web of French
// and English sites.
func decodeText(data []byte) string {
	var s string
	switch {
	case hasUTF16BOM(data):
		decoded, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			decoded = data
		}
		s = strings.ToValidUTF8(string(decoded), "\uFFFD")
	case utf8.Valid(bytes.TrimPrefix(data, utf8BOM)):
		s = string(bytes.TrimPrefix(data, utf8BOM))
	default:
		s = decodeMixed(bytes.TrimPrefix(data, utf8BOM))
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// decodeMixed decodes text that is not valid UTF-8 as a whole, line by line, so that a file
// pasted together from two encodings keeps both right: a line holding more valid multi-byte
// UTF-8 characters than stray bytes is UTF-8, its stray bytes read as Windows-1252; any other
// line is Windows-1252. A file that is UTF-8 but for a character cut off at its very end (a
// truncated download) loses that character.
func decodeMixed(data []byte) string {
	if head, ok := cutTruncated(data); ok {
		return string(head)
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		end := bytes.IndexAny(data, "\r\n")
		if end < 0 {
			end = len(data)
		} else {
			end++
		}
		decodeLine(&b, data[:end])
		data = data[end:]
	}
	return b.String()
}

// decodeLine writes one line, decoded, to b.
func decodeLine(b *strings.Builder, line []byte) {
	if utf8.Valid(line) {
		b.Write(line)
		return
	}
	multi, stray := 0, 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			stray++
		case size > 1:
			multi++
		}
		i += size
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if multi <= stray || r == utf8.RuneError && size == 1 {
			r, size = charmap.Windows1252.DecodeByte(line[i]), 1
		}
		b.WriteRune(r)
		i += size
	}
}

// cutTruncated returns data without a last character cut in the middle, when data is UTF-8
// holding other multi-byte characters: a lone accent byte at the end of an ASCII or
// Windows-1252 file is no sign of UTF-8.
func cutTruncated(data []byte) ([]byte, bool) {
	start := len(data) - 1
	for start > 0 && len(data)-start < utf8.UTFMax && !utf8.RuneStart(data[start]) {
		start--
	}
	if start < 0 || !utf8.RuneStart(data[start]) || data[start] < utf8.RuneSelf || utf8.FullRune(data[start:]) {
		return nil, false
	}
	head := data[:start]
	if !utf8.Valid(head) || utf8.RuneCount(head) == len(head) {
		return nil, false
	}
	// The cut bytes must be the start of a real sequence: a lead byte, then continuation bytes.
	if r, _ := utf8.DecodeRune(append(append([]byte{}, data[start:]...), 0x80, 0x80, 0x80)); r == utf8.RuneError {
		return nil, false
	}
	return head, true
}
