package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	programName = "kiosque"
)

// env is what every command runs against: the filesystem, the site folder and the streams.
type env struct {
	fs     afero.Fs
	dir    string // the site folder, absolute
	stdout io.Writer
	stderr io.Writer
}

// usageError marks an error in how the command was called.
type usageError struct{ error }

// inputsFailed marks a run that converted what it could but had failing inputs; the
// failures are already printed.
var errInputsFailed = errors.New("some inputs failed")

// hintError carries a hint printed after the error.
type hintError struct {
	err  error
	hint string
}

func (h hintError) Error() string { return h.err.Error() }
func (h hintError) Unwrap() error { return h.err }

// Main runs kiosque with args and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "%s: error: failed to read the current folder: %v\n", programName, err)
		return exitFailed
	}
	return run(env{fs: afero.NewOsFs(), dir: dir, stdout: stdout, stderr: stderr}, args)
}

func run(e env, args []string) int {
	root := newRoot(&e)
	root.SetArgs(args)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errInputsFailed) {
		return exitFailed
	}
	fmt.Fprintf(e.stderr, "%s: error: %s\n", programName, lowerFirst(err.Error()))
	var h hintError
	if errors.As(err, &h) {
		fmt.Fprintf(e.stderr, "%s: hint: %s\n", programName, h.hint)
	}
	var u usageError
	if errors.As(err, &u) || isCobraUsage(err) {
		return exitUsage
	}
	return exitFailed
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:           programName,
		Short:         "Turn scraped news articles into a static news site",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			src, _ := cmd.Flags().GetString("source")
			if src == "" {
				return nil
			}
			if !filepath.IsAbs(src) {
				src = filepath.Join(e.dir, src)
			}
			e.dir = filepath.Clean(src)
			return nil
		},
	}
	root.PersistentFlags().StringP("source", "s", "", "the site folder (default: the current folder)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newBuildCmd(e), newImportCmd(e), newParseCmd(e), newNewCmd(e), newServeCmd(e), newCheckCmd(e))
	return root
}

func isCobraUsage(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "accepts ") ||
		strings.HasPrefix(msg, "requires at least") || strings.HasPrefix(msg, "unknown flag")
}

// lowerFirst lower-cases the first letter of a message and drops a final period.
func lowerFirst(s string) string {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// abs resolves a path given on the command line against the site folder.
func (e *env) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(e.dir, p)
}

// scrapeOptions returns the readers' options for the site: the built-in cues, to which the
// site configuration adds its own under `[params.kiosque.cues]`. Cues it cannot read are
// reported on stderr and left out.
func (e *env) scrapeOptions() scrape.Options {
	opts, err := e.loadScrapeOptions()
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: warning: %s; using the built-in cues only\n", programName, lowerFirst(err.Error()))
	}
	return opts
}

// loadScrapeOptions is scrapeOptions that returns the error.
func (e *env) loadScrapeOptions() (scrape.Options, error) {
	cfg, err := site.LoadUserConfig(e.fs, e.dir, "production")
	if err != nil {
		return scrape.Options{}, err
	}
	extra, err := scrape.CuesFromConfig(cfg.Get("params.kiosque.cues"))
	if err != nil {
		return scrape.Options{}, hintError{err, "see README, section \"Supported scrapes\", for the shape of [params.kiosque.cues]"}
	}
	cues := scrape.DefaultCues()
	cues.Merge(extra)
	return scrape.Options{Cues: &cues}, nil
}

// defaultAuthor returns the site's configured default author.
func (e *env) defaultAuthor() string {
	cfg, err := site.LoadUserConfig(e.fs, e.dir, "production")
	if err == nil {
		if v := cfg.GetString("params.kiosque.defaultauthor"); v != "" {
			return v
		}
	}
	return site.DefaultAuthor
}
