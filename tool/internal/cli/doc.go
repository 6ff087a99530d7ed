// Package cli implements kiosque's command line: build, import, parse, new, serve and check,
// with the exit statuses and messages of DESIGN.md (0 all well, 1 some inputs failed, 2 usage
// error; "kiosque: error: ..." and "kiosque: hint: ..." on stderr).
package cli
