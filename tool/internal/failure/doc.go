// Package failure holds the one error type kiosque reports a failed input with: the file, the
// line when the failure is a line's or a record's, the reason, and a hint when there is one.
// Library packages make an *Error once, where they find the failure, and return it; they never
// print. The command line prints each one once, as `kiosque: error: FILE[:LINE]: reason`
// followed by `kiosque: hint: ...`, with the file relative to the site folder.
package failure
