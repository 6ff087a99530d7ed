package main

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"io/fs"
	"maps"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/kiosque-dev/kiosque/tool/internal/cli"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape/warctest"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"kiosque": func() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts of testdata/script: each is a txtar archive whose
// commands run in a fresh temporary folder, with $SEED naming the seed scrape and $SCRAPES
// the folder of the corpus it belongs to.
func TestScripts(t *testing.T) {
	seed, err := filepath.Abs("../../scrapes/000_a6584d1d54081efa.txt")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkpng":   mkpng,
			"waitfor": waitfor,
			"httpget": httpget,
			"sleep":   sleep,
			"mkwarc":  mkwarc,
			"cmptree": cmptree,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEED", seed)
			env.Setenv("SCRAPES", filepath.Dir(seed))
			return nil
		},
	})
}

// mkpng writes a real PNG image: mkpng FILE WIDTH HEIGHT.
func mkpng(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: mkpng FILE WIDTH HEIGHT")
	}
	w, errW := strconv.Atoi(args[1])
	h, errH := strconv.Atoi(args[2])
	if errW != nil || errH != nil {
		ts.Fatalf("mkpng: width and height must be numbers")
	}
	var buf bytes.Buffer
	ts.Check(png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))))
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), buf.Bytes(), 0o644))
}

// waitfor waits until a file, such as the log of a background command, matches a regular
// expression: waitfor FILE REGEXP [VAR]. With VAR, it sets $VAR to the expression's first
// group. It gives up after a minute: a deadline against hanging, not a measure of speed.
func waitfor(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: waitfor FILE REGEXP [VAR]")
	}
	re, err := regexp.Compile("(?m)" + args[1])
	ts.Check(err)
	deadline := time.Now().Add(time.Minute)
	for {
		data, _ := os.ReadFile(ts.MkAbs(args[0]))
		if m := re.FindSubmatch(data); m != nil {
			if len(args) == 3 {
				if len(m) < 2 {
					ts.Fatalf("waitfor: %q has no group to set $%s to", args[1], args[2])
				}
				ts.Setenv(args[2], string(m[1]))
			}
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("waitfor: %s did not match %q within a minute; it holds:\n%s", args[0], args[1], data)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// httpget fetches a URL into a file, and fails unless the status is 200: httpget URL FILE.
func httpget(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: httpget URL FILE")
	}
	resp, err := http.Get(args[0])
	ts.Check(err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	ts.Check(err)
	if resp.StatusCode != http.StatusOK {
		ts.Fatalf("httpget %s: status %d", args[0], resp.StatusCode)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), body, 0o644))
}

// sleep waits: sleep DURATION (such as 3s), to give a background command the time to do what
// it must not do.
func sleep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}

// mkwarc writes a web archive, gzip'd when its name ends in .gz: mkwarc FILE SPEC..., each
// SPEC a record, dated a day after the one before: URL=PAGE a page of status 200 read from
// the file PAGE (an image when its name ends in .png or .jpg, served with its type),
// URL>TARGET a redirect, and !URL=PAGE a page whose content no longer matches its digest.
func mkwarc(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mkwarc FILE SPEC...")
	}
	var data []byte
	for i, spec := range args[1:] {
		r := warctest.Record{Date: time.Date(2026, 3, 1+i, 6, 0, 0, 0, time.UTC)}
		damaged := strings.HasPrefix(spec, "!")
		spec = strings.TrimPrefix(spec, "!")
		if uri, target, ok := strings.Cut(spec, ">"); ok {
			r.URL, r.Status, r.Location = uri, 301, target
		} else if uri, page, ok := strings.Cut(spec, "="); ok {
			body, err := os.ReadFile(ts.MkAbs(page))
			ts.Check(err)
			r.URL, r.Body = uri, string(body)
			if ext := filepath.Ext(page); ext == ".png" || ext == ".jpg" {
				r.ContentType = mime.TypeByExtension(ext)
			}
		} else {
			ts.Fatalf("mkwarc: %q is neither URL=PAGE nor URL>TARGET", spec)
		}
		rec := r.Bytes()
		if damaged {
			rec = bytes.Replace(rec, []byte("</p>"), []byte("</P>"), 1)
		}
		data = append(data, warctest.Member(strings.HasSuffix(args[0], ".gz"), rec)...)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// cmptree compares two folders byte for byte: the same files (by path), each with the same
// bytes: cmptree DIR1 DIR2. It names up to ten differences.
func cmptree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmptree DIR1 DIR2")
	}
	a, b := readTree(ts, args[0]), readTree(ts, args[1])
	var diffs []string
	for _, name := range slices.Sorted(maps.Keys(a)) {
		other, ok := b[name]
		switch {
		case !ok:
			diffs = append(diffs, "only in "+args[0]+": "+name)
		case !bytes.Equal(a[name], other):
			diffs = append(diffs, "differs: "+name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(b)) {
		if _, ok := a[name]; !ok {
			diffs = append(diffs, "only in "+args[1]+": "+name)
		}
	}
	if len(diffs) > 0 {
		ts.Fatalf("%s and %s differ in %d files:\n%s", args[0], args[1], len(diffs), strings.Join(diffs[:min(len(diffs), 10)], "\n"))
	}
	ts.Logf("%s and %s hold the same %d files", args[0], args[1], len(a))
}

// readTree returns the files under dir by their slash path relative to it, with their bytes.
func readTree(ts *testscript.TestScript, dir string) map[string][]byte {
	root := ts.MkAbs(dir)
	files := map[string][]byte{}
	ts.Check(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = data
		return err
	}))
	return files
}
