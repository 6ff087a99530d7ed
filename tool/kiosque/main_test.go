package main

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/kiosque-dev/kiosque/tool/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"kiosque": func() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scripts of testdata/script: each is a txtar archive whose
// commands run in a fresh temporary folder, with $SEED naming the seed scrape.
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
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEED", seed)
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
