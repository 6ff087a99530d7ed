//go:build !linux

package bundle

import "github.com/spf13/afero"

// canFlushAll reports false: on this system, staged files are flushed one by one.
func canFlushAll(afero.Fs, string) bool { return false }

// flushAll is never called where canFlushAll reports false.
func flushAll(afero.Fs, string) error { return nil }
