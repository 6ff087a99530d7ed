// Package cli implements kiosque's command line: build, import, parse, new, serve, check and
// version, with the exit statuses and messages of docs/cli.md (0 all well, 1 some inputs
// failed, 2 usage error; "kiosque: error: ...", "kiosque: hint: ..." and "kiosque: warning:
// ..." on stderr).
package cli
