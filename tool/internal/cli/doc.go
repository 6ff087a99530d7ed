// Package cli implements kiosque's command line: build, import and parse, with the exit
// statuses and messages of DESIGN.md (0 all well, 1 some inputs failed, 2 usage error;
// "kiosque: error: ..." on stderr).
package cli
