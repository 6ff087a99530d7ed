package scrape

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// The default limits: far above any article, far below what would exhaust a laptop's memory.
const (
	// DefaultMaxFileSize bounds a scrape file (a JSON Lines file of thousands of records
	// included) and a sidecar.
	DefaultMaxFileSize = 100 << 20
	// DefaultMaxLineSize bounds a line of a text scrape and a record of a JSON file.
	DefaultMaxLineSize = 4 << 20
)

// ErrTooLarge is the reason of a file, line or record over its limit.
var ErrTooLarge = errors.New("too large")

// limitHint says where the limits are set.
const limitHint = "raise [params.kiosque.limits] maxFileSize or maxLineSize in hugo.toml, or split the file"

// Limits bound what the readers take in, so that a huge or broken file fails on its own
// instead of exhausting the memory of the whole import.
type Limits struct {
	// MaxFileSize is the largest file read, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// MaxLineSize is the longest line of a text scrape, and the largest record of a JSON
	// file, in bytes; 0 means DefaultMaxLineSize.
	MaxLineSize int
}

func (l Limits) fileSize() int64 {
	if l.MaxFileSize > 0 {
		return l.MaxFileSize
	}
	return DefaultMaxFileSize
}

func (l Limits) lineSize() int {
	if l.MaxLineSize > 0 {
		return l.MaxLineSize
	}
	return DefaultMaxLineSize
}

// LimitsFromConfig reads the limits from a site configuration value, the table
// `[params.kiosque.limits]`: keys `maxFileSize` and `maxLineSize`, each a number of bytes or a
// string such as "200MB" (KB, MB and GB count in 1024s, as `ls -h` does). A nil value gives
// the defaults.
func LimitsFromConfig(v any) (Limits, error) {
	var l Limits
	if v == nil {
		return l, nil
	}
	// The configuration's tables have types of their own: read the value as JSON.
	data, err := json.Marshal(v)
	var m map[string]any
	if err != nil || json.Unmarshal(data, &m) != nil {
		return l, fmt.Errorf("failed to read the limits: want a table, not %v", v)
	}
	for k, val := range m {
		n, err := parseSize(val)
		if err != nil {
			return l, fmt.Errorf("failed to read the limits: %s: %w", k, err)
		}
		switch strings.ToLower(k) {
		case "maxfilesize":
			l.MaxFileSize = n
		case "maxlinesize":
			l.MaxLineSize = int(min(n, 1<<31-1))
		default:
			return l, fmt.Errorf("failed to read the limits: unknown key %q: want maxFileSize or maxLineSize", k)
		}
	}
	return l, nil
}

// parseSize reads a size: a number of bytes, or a number followed by KB, MB or GB.
func parseSize(v any) (int64, error) {
	var s string
	switch v := v.(type) {
	case int:
		s = strconv.Itoa(v)
	case int64:
		s = strconv.FormatInt(v, 10)
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		s = v
	default:
		return 0, fmt.Errorf("want a size such as 200MB, not %v", v)
	}
	s = strings.ToUpper(strings.TrimSpace(s))
	unit := int64(1)
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, unit = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.n
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 || n*float64(unit) > 1<<62 {
		return 0, fmt.Errorf("want a size such as 200MB, not %v", v)
	}
	return int64(n * float64(unit)), nil
}

// formatSize writes a size the way LimitsFromConfig reads it: "200 MB", "3.5 KB", "12 bytes".
func formatSize(n int64) string {
	for _, u := range []struct {
		name string
		n    int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}} {
		if n >= u.n {
			return strings.TrimSuffix(strconv.FormatFloat(float64(n)/float64(u.n), 'f', 1, 64), ".0") + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// tooLarge returns the failure of file (at line) for a size over its limit.
func tooLarge(file string, line int, what string, size, limit int64) *failure.Error {
	err := fmt.Errorf("%s %w (%s; the limit is %s)", what, ErrTooLarge, formatSize(size), formatSize(limit))
	return failure.At(file, line, err).WithHint(limitHint)
}

// readFile reads a whole file of at most max bytes. A file that is not a regular file (a
// folder, a named pipe, a device) or that is over the limit fails without being read.
func readFile(fsys afero.Fs, name string, max int64) ([]byte, error) {
	fi, err := regularFile(fsys, name)
	if err != nil {
		return nil, err
	}
	if fi.Size() > max {
		return nil, tooLarge(name, 0, "file", fi.Size(), max)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	if int64(len(data)) > max { // it grew since Stat
		return nil, tooLarge(name, 0, "file", int64(len(data)), max)
	}
	return data, nil
}

// regularFile returns the information of a regular file, and the failure of anything else:
// a folder, a named pipe, a device.
func regularFile(fsys afero.Fs, name string) (fs.FileInfo, error) {
	fi, err := fsys.Stat(name)
	if err != nil {
		return nil, failure.At(name, 0, err)
	}
	if fi.IsDir() {
		return nil, failure.At(name, 0, errors.New("a folder, not a file"))
	}
	if !fi.Mode().IsRegular() {
		return nil, failure.At(name, 0, fmt.Errorf("not a regular file (%s)", kindOf(fi.Mode())))
	}
	return fi, nil
}

// kindOf names what an irregular file is.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return m.Type().String()
}

// longLine returns the first line of data (from 1) longer than max bytes, and its length;
// 0 when there is none.
func longLine(data []byte, max int) (line, size int) {
	line = 1
	for len(data) > 0 {
		end := bytes.IndexAny(data, "\r\n")
		if end < 0 {
			end = len(data)
		}
		if end > max {
			return line, end
		}
		if end < len(data) && data[end] == '\r' && end+1 < len(data) && data[end+1] == '\n' {
			end++
		}
		data = data[min(end+1, len(data)):]
		line++
	}
	return 0, 0
}
