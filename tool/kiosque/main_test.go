package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"

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
			"mkpng": mkpng,
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
