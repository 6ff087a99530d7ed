package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gohugoio/hugo/config"
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
	// fetchImages is --fetch-images: imports download the remote images of HTML pages.
	fetchImages bool
}

// usageError marks an error in how the command was called.
type usageError struct{ error }

// errInputsFailed marks a run that converted what it could but had failing inputs; the
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

// userConfig reads the site's own configuration (without kiosque's and Hugo's defaults).
func (e *env) userConfig() (config.Provider, error) {
	return site.LoadUserConfig(e.fs, e.dir, "production")
}

// scrapeOptions returns the readers' options for the site configuration cfg: the built-in
// cues, to which cfg adds its own under `[params.kiosque.cues]`.
func scrapeOptions(cfg config.Provider) (scrape.Options, error) {
	extra, err := scrape.CuesFromConfig(cfg.Get("params.kiosque.cues"))
	if err != nil {
		return scrape.Options{}, hintError{err, "see README, section \"Supported scrapes\", for the shape of [params.kiosque.cues]"}
	}
	cues := scrape.DefaultCues()
	cues.Merge(extra)
	return scrape.Options{Cues: &cues}, nil
}

// defaultAuthor returns the default author the site configuration cfg sets, else
// site.DefaultAuthor; a nil cfg gives site.DefaultAuthor.
func defaultAuthor(cfg config.Provider) string {
	if cfg != nil {
		if v := cfg.GetString("params.kiosque.defaultauthor"); v != "" {
			return v
		}
	}
	return site.DefaultAuthor
}
