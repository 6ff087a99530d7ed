package failure

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
)

// Error is the failure of one input file, or of one line or record of it.
type Error struct {
	// File is the file that failed, as the caller named it.
	File string
	// Line is the line the failure is on, from 1; 0 when it is the whole file's.
	Line int
	// Err is the reason.
	Err error
	// Hint says what to do about it, in a few words; it may be empty.
	Hint string
}

// At returns the failure of file at line (0 for the whole file) for the reason err.
func At(file string, line int, err error) *Error {
	return &Error{File: file, Line: line, Err: err}
}

// WithHint sets the failure's hint and returns the failure.
func (e *Error) WithHint(hint string) *Error {
	e.Hint = hint
	return e
}

// Error returns "FILE: reason" or "FILE:LINE: reason", or the reason alone without a file.
func (e *Error) Error() string {
	if e.File == "" {
		return e.Reason()
	}
	return e.Where() + ": " + e.Reason()
}

// Where returns "FILE", or "FILE:LINE" when the failure has a line.
func (e *Error) Where() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line)
	}
	return e.File
}

// Reason returns why the input failed, without naming the file again: an *fs.PathError or an
// *os.LinkError, which name the file themselves (often by its absolute path), give only their
// cause, such as "permission denied".
func (e *Error) Reason() string {
	if e.Err == nil {
		return "failed"
	}
	var pe *fs.PathError
	if errors.As(e.Err, &pe) && pe == e.Err {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(e.Err, &le) && le == e.Err {
		return le.Err.Error()
	}
	return e.Err.Error()
}

// Unwrap returns the reason, so that errors.Is and errors.As see through a failure.
func (e *Error) Unwrap() error { return e.Err }

// In returns err as the failures of file: each failure err holds that names its own file (a
// sidecar, a record's line) as it is, and every other error as a failure of the whole file. A
// nil err gives nil; several failures are joined.
func In(file string, err error) error {
	all := All(err)
	errs := make([]error, len(all))
	for i, f := range all {
		if f.File == "" {
			g := *f
			g.File = file
			f = &g
		}
		errs[i] = f
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

// All returns the failures err holds, one per input: an *Error as it is, the members of a
// joined error (errors.Join) each in turn, and any other error as an *Error without a file.
func All(err error) []*Error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*Error
		for _, e := range j.Unwrap() {
			out = append(out, All(e)...)
		}
		return out
	}
	if f, ok := err.(*Error); ok {
		return []*Error{f}
	}
	return []*Error{{Err: err}}
}
