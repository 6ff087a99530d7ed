package scrape

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// article1 is a short text scrape that reads well.
const article1 = "Le pont des Tanneurs rouvre à Valmont\nLe pont des Tanneurs a rouvert lundi après six mois de travaux, a annoncé la mairie.\n"

func pngImage(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipped(t *testing.T, text string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write([]byte(text))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zipped(t *testing.T, name, text string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte(text))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBadFiles reads files no reader should take: each gives one *failure.Error naming the
// file (and the line), with the reason below, and a JSON Lines file keeps its good records.
func TestBadFiles(t *testing.T) {
	small := Limits{MaxFileSize: 1000, MaxLineSize: 100}
	for _, c := range []struct {
		msg    string
		name   string
		data   []byte
		limits Limits
		good   int // articles still read
		want   []string
		hint   bool
	}{
		{"an empty file", "vide.txt", nil, Limits{}, 0, []string{"vide.txt: empty file"}, false},
		{"white space and a byte order mark", "blanc.txt", []byte("\xEF\xBB\xBF \n\t\r\n"), Limits{}, 0, []string{"blanc.txt: empty file"}, false},
		{"an empty JSON Lines file", "vide.jsonl", []byte("\n\n"), Limits{}, 0, []string{"vide.jsonl: empty file"}, false},
		{"a PNG image named .txt", "photo.txt", pngImage(t), Limits{}, 0, []string{"photo.txt: binary file (image/png)"}, false},
		{"a gzip archive named .txt", "archive.txt", gzipped(t, article1), Limits{}, 0, []string{"archive.txt: binary file (application/x-gzip)"}, false},
		{"a zip archive named .jsonl", "crawl.jsonl", zipped(t, "crawl.jsonl", `{"text": "x"}`), Limits{}, 0, []string{"crawl.jsonl: binary file (application/zip)"}, false},
		{"a PDF named .txt", "rapport.txt", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), Limits{}, 0, []string{"rapport.txt: binary file (application/pdf)"}, false},
		{"text, then a NUL byte past the sniffed start", "nul.txt", []byte(strings.Repeat(article1, 6) + "\x00\x01\x02"), Limits{}, 0, []string{"nul.txt: binary file (application/octet-stream)"}, false},
		{"a file over the size limit", "gros.txt", []byte(strings.Repeat("Valmont ", 256)), small, 0, []string{"gros.txt: file too large (2 KB; the limit is 1000 bytes)"}, true},
		{"a line over the limit", "ligne.txt", []byte("Un titre\n" + strings.Repeat("a", 150) + "\n"), small, 0, []string{"ligne.txt:2: line too large (150 bytes; the limit is 100 bytes)"}, true},
		{"a CRLF file's line over the limit", "crlf.txt", []byte("Un titre\r\nUne ligne.\r\n" + strings.Repeat("a", 101)), small, 0, []string{"crlf.txt:3: line too large (101 bytes; the limit is 100 bytes)"}, true},
		{"a record over the limit", "crawl.jsonl", []byte(`{"text": "Un titre\nLe corps."}` + "\n" + `{"text": "` + strings.Repeat("a", 100) + `"}` + "\n"), small, 1, []string{"crawl.jsonl:2: record too large (112 bytes; the limit is 100 bytes)"}, true},
		{"a broken record", "crawl.jsonl", []byte(`{"text": "Un titre\nLe corps."}` + "\n" + `{"title": "cassé` + "\n"), Limits{}, 1, []string{"crawl.jsonl:2: invalid JSON: unexpected end of JSON input"}, false},
	} {
		fsys := afero.NewMemMapFs()
		if err := afero.WriteFile(fsys, c.name, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		arts, err := Read(fsys, c.name, Options{Limits: c.limits})
		if len(arts) != c.good {
			t.Errorf("%s: %d articles, want %d", c.msg, len(arts), c.good)
		}
		got := failure.All(err)
		if len(got) != len(c.want) {
			t.Errorf("%s: errors %v, want %q", c.msg, got, c.want)
			continue
		}
		for i, f := range got {
			if f.Error() != c.want[i] || (f.Hint != "") != c.hint {
				t.Errorf("%s: error %q (hint %q), want %q (hint: %v)", c.msg, f, f.Hint, c.want[i], c.hint)
			}
		}
	}
}

// deniedFs refuses to open any file, as a folder the user cannot read does.
type deniedFs struct{ afero.Fs }

func (d deniedFs) Open(name string) (afero.File, error) {
	return nil, &fs.PathError{Op: "open", Path: "/home/anne/site/" + name, Err: fs.ErrPermission}
}

// TestUnreadableFiles reads files the filesystem refuses, or that are no files at all: the
// error names the file once, by the name it was given, with the system's reason.
func TestUnreadableFiles(t *testing.T) {
	mem := afero.NewMemMapFs()
	afero.WriteFile(mem, "secret.txt", []byte(article1), 0o000)
	mem.MkdirAll("dossier.txt", 0o755)
	dir := t.TempDir()
	loop := filepath.Join(dir, "boucle.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "tube.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		msg  string
		fsys afero.Fs
		name string
		want string
	}{
		{"permission denied", deniedFs{mem}, "secret.txt", "secret.txt: permission denied"},
		{"a folder named as a scrape", mem, "dossier.txt", "dossier.txt: a folder, not a file"},
		{"a symbolic link to itself", afero.NewOsFs(), loop, loop + ": too many levels of symbolic links"},
		{"a named pipe, which would block a read forever", afero.NewOsFs(), pipe, pipe + ": not a regular file (a named pipe)"},
	} {
		_, err := Read(c.fsys, c.name, Options{})
		var f *failure.Error
		if !errors.As(err, &f) || err.Error() != c.want {
			t.Errorf("%s: error %v, want %q", c.msg, err, c.want)
		}
	}
}

// TestDefaultLimits checks the default limits on real files: a 200 MB file fails without
// being read (it is sparse, so the test costs no disk), and so does a text holding a 10 MB
// line.
func TestDefaultLimits(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "enorme.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(article1)
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	long := filepath.Join(dir, "ligne.txt")
	if err := os.WriteFile(long, []byte(article1+strings.Repeat("Valmont ", 10<<20/8)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		huge: huge + ": file too large (200 MB; the limit is 100 MB)",
		long: long + ":3: line too large (10 MB; the limit is 4 MB)",
	} {
		if _, err := Read(afero.NewOsFs(), name, Options{}); err == nil || err.Error() != want {
			t.Errorf("error %v, want %q", err, want)
		}
	}
}

// TestLimitsFromConfig reads the limits of `[params.kiosque.limits]`.
func TestLimitsFromConfig(t *testing.T) {
	for _, c := range []struct {
		msg  string
		v    any
		want Limits
		err  string
	}{
		{"none", nil, Limits{}, ""},
		{"sizes with units", map[string]any{"maxfilesize": "200MB", "maxLineSize": "512 kb"}, Limits{MaxFileSize: 200 << 20, MaxLineSize: 512 << 10}, ""},
		{"bytes", map[string]any{"maxfilesize": int64(5000), "maxlinesize": 300}, Limits{MaxFileSize: 5000, MaxLineSize: 300}, ""},
		{"a fraction", map[string]any{"maxfilesize": "1.5GB"}, Limits{MaxFileSize: 3 << 29}, ""},
		{"an unknown key", map[string]any{"maxsize": "1MB"}, Limits{}, `unknown key "maxsize"`},
		{"not a size", map[string]any{"maxfilesize": "beaucoup"}, Limits{}, "want a size such as 200MB"},
		{"a negative size", map[string]any{"maxlinesize": -3}, Limits{}, "want a size such as 200MB"},
		{"not a table", "200MB", Limits{}, "want a table"},
	} {
		got, err := LimitsFromConfig(c.v)
		if c.err == "" && (err != nil || got != c.want) || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%s: %+v, %v; want %+v, error %q", c.msg, got, err, c.want, c.err)
		}
	}
}
