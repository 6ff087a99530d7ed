package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
	"github.com/kiosque-dev/kiosque/tool/internal/importer"
)

// TestPrintError prints failures the one way: FILE[:LINE]: reason, relative to the site
// folder, each hint once, and the site folder taken out of errors that name no file.
func TestPrintError(t *testing.T) {
	var stderr bytes.Buffer
	e := env{dir: "/home/anne/site", stderr: &stderr, hints: map[string]bool{}}
	limit := "raise the limit"
	e.printError(severityError, errors.Join(
		failure.At("/home/anne/site/scrapes/photo.txt", 0, errors.New("binary file (image/png)")),
		failure.At("/home/anne/site/scrapes/crawl.jsonl", 2, errors.New("invalid JSON")),
		failure.At("/home/anne/site/scrapes/a.txt", 0, errors.New("file too large")).WithHint(limit),
		failure.At("scrapes/b.txt", 3, errors.New("line too large")).WithHint(limit),
		failure.At("/elsewhere/c.txt", 0, &fs.PathError{Op: "open", Path: "/elsewhere/c.txt", Err: syscall.EACCES}),
	))
	e.printError(severityWarning, fmt.Errorf("failed to read %q: broken", "/home/anne/site/hugo.toml"))
	e.printError(severityError, hintError{errors.New("Bad cues."), "see README"})
	want := `kiosque: error: scrapes/photo.txt: binary file (image/png)
kiosque: error: scrapes/crawl.jsonl:2: invalid JSON
kiosque: error: scrapes/a.txt: file too large
kiosque: hint: raise the limit
kiosque: error: scrapes/b.txt:3: line too large
kiosque: error: /elsewhere/c.txt: permission denied
kiosque: warning: failed to read "hugo.toml": broken
kiosque: error: bad cues
kiosque: hint: see README
`
	if got := stderr.String(); got != want {
		t.Errorf("printed:\n%s\nwant:\n%s", got, want)
	}
}

// TestReportResumed counts, in the import's summary, the records of web archives taken from
// an interrupted import's checkpoints; the row is left out when there are none.
func TestReportResumed(t *testing.T) {
	for _, c := range []struct {
		msg     string
		resumed []importer.Resumed
		want    string // the row, "" for none
	}{
		{"two archives", []importer.Resumed{{File: "scrapes/a.warc.gz", Records: 256, Bytes: 1 << 20}, {File: "scrapes/b.warc", Records: 512}},
			"  resumed         768  web archive records taken from an interrupted import\n"},
		{"none", nil, ""},
	} {
		var stderr bytes.Buffer
		e := env{dir: "/home/anne/site", stderr: &stderr, hints: map[string]bool{}}
		if err := e.reportImport(&importer.Report{Resumed: c.resumed}, false, "kiosque import --force"); err != nil {
			t.Fatalf("%s: %v", c.msg, err)
		}
		got := stderr.String()
		if c.want != "" && !strings.Contains(got, c.want) || c.want == "" && strings.Contains(got, "resumed") {
			t.Errorf("%s: printed\n%s\nwant the row %q", c.msg, got, c.want)
		}
	}
}
