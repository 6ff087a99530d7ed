package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// The severities of printed problems.
const (
	severityError   = "error"
	severityWarning = "warning"
)

// printError is kiosque's one way to report a problem: it prints err on stderr as one
// `kiosque: SEVERITY: FILE[:LINE]: reason` line per failure err holds (see failure.All), the
// file relative to the site folder, each line followed by its hint as `kiosque: hint: ...`;
// a hint already printed in this run is not repeated. An error that names no file is printed
// as it is, lower case first, with the site folder taken out of the paths it holds.
func (e *env) printError(severity string, err error) {
	for _, f := range failure.All(err) {
		msg := lowerFirst(f.Reason())
		if f.File == "" {
			msg = strings.ReplaceAll(msg, e.dir+string(filepath.Separator), "")
		} else {
			where := e.rel(f.File)
			if f.Line > 0 {
				where += fmt.Sprintf(":%d", f.Line)
			}
			msg = where + ": " + msg
		}
		fmt.Fprintf(e.stderr, "%s: %s: %s\n", programName, severity, msg)
		hint := f.Hint
		var h hintError
		if hint == "" && errors.As(f.Err, &h) {
			hint = h.hint
		}
		if hint != "" && !e.hints[hint] {
			if e.hints != nil {
				e.hints[hint] = true
			}
			fmt.Fprintf(e.stderr, "%s: hint: %s\n", programName, hint)
		}
	}
}

// rel shows a path relative to the site folder when it is inside it.
func (e *env) rel(p string) string {
	if r, err := filepath.Rel(e.dir, p); err == nil && filepath.IsLocal(r) {
		return r
	}
	return p
}
