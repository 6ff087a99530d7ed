package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
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

// What a command needs of its site folder, as its "needs" annotation says.
const (
	needsFolder = "folder" // the folder must exist (it may be empty)
	needsSite   = "site"   // the folder must hold a site: scrapes/, content/ or a configuration
)

// env is what every command runs against: the filesystem, the site folder and the streams.
type env struct {
	fs     afero.Fs
	dir    string // the site folder, absolute
	stdout io.Writer
	stderr io.Writer
	hints  map[string]bool // the hints printed so far
	// command is the command line being run, "kiosque build" say, for hints that name it.
	command string
	// fetchImages is --fetch-images: imports download the remote images of HTML pages.
	fetchImages bool
	// layout is the site's layout, once a command has read it (see readLayout).
	layout *site.Layout
	// stats, when set, measures the stages of the import and the build (build --stats).
	stats *buildStats
}

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
	e.hints = map[string]bool{}
	root := newRoot(&e)
	root.SetArgs(args)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errInputsFailed) {
		return exitFailed
	}
	return e.fail(commandError(root, err), cmd)
}

// fail prints err (see printError) and returns the exit status it calls for; cmd is the
// command it came from, for the hint of a usage error that has none.
func (e *env) fail(err error, cmd *cobra.Command) int {
	var h hintError
	if isUsage(err) && !errors.As(err, &h) {
		err = usageError{hintError{err, helpHint(cmd)}}
	}
	e.printError(severityError, err)
	if isUsage(err) {
		return exitUsage
	}
	return exitFailed
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:           programName,
		Short:         "Turn scraped news articles into a static news site",
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			e.command = cmd.CommandPath()
			given, _ := cmd.Flags().GetString("source")
			if given != "" {
				e.dir = e.abs(given)
			}
			switch cmd.Annotations["needs"] {
			case needsFolder:
				return e.checkFolder(given)
			case needsSite:
				if err := e.checkFolder(given); err != nil {
					return err
				}
				return e.checkSite()
			}
			return nil
		},
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentFlags().StringP("source", "s", "", "the site folder (default: the current folder)")
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newBuildCmd(e), newImportCmd(e), newParseCmd(e), newNewCmd(e), newServeCmd(e), newCheckCmd(e), newVersionCmd(e))
	root.SetHelpCommand(newHelpCmd(root))
	return root
}

// checkFolder returns a usage error when the site folder does not exist: kiosque never
// creates it. given is the folder as -s named it, "" for the current folder.
func (e *env) checkFolder(given string) error {
	if given == "" {
		given = e.dir
	}
	fi, err := e.fs.Stat(e.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef(fmt.Sprintf("check the path given to -s, or create the folder first: mkdir %s", shellQuote(given)),
			"the site folder %q does not exist", given)
	case err != nil:
		return fmt.Errorf("failed to read the site folder %q: %w", e.dir, err)
	case !fi.IsDir():
		return usagef("give -s the site's folder, not a file in it", "the site folder %q is a file, not a folder", given)
	}
	return nil
}

// checkSite returns a usage error when the site folder holds no site: no inbox, no content
// folder and no configuration.
func (e *env) checkSite() error {
	for _, d := range []string{InboxDir, "content", "config"} {
		if fi, err := e.fs.Stat(filepath.Join(e.dir, d)); err == nil && fi.IsDir() {
			return nil
		}
	}
	if site.ConfigFile(e.fs, e.dir) != "" {
		return nil
	}
	return usagef(fmt.Sprintf("run %s in your site's folder, or point to it with -s DIR; to start a site here, put your scrapes in %s/", programName, InboxDir),
		"no site in %s: it has no %s/ folder, no content/ folder and no hugo.toml", e.dir, InboxDir)
}

// shellQuote quotes a path for a command a hint shows, when it needs quoting.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
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

// plural returns "1 article", "2 articles": n and the noun, in the plural unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// scrapeOptions returns the readers' options for the site configuration cfg: the built-in
// cues, to which cfg adds its own under `[params.kiosque.cues]`, and the size limits of
// `[params.kiosque.limits]`.
func scrapeOptions(cfg config.Provider) (scrape.Options, error) {
	extra, err := scrape.CuesFromConfig(cfg.Get("params.kiosque.cues"))
	if err != nil {
		return scrape.Options{}, hintError{err, "see README, section \"Supported scrapes\", for the shape of [params.kiosque.cues]"}
	}
	cues := scrape.DefaultCues()
	cues.Merge(extra)
	limits, err := scrape.LimitsFromConfig(cfg.Get("params.kiosque.limits"))
	if err != nil {
		return scrape.Options{}, hintError{err, "see README, section \"Supported scrapes\", for the shape of [params.kiosque.limits]"}
	}
	return scrape.Options{Cues: &cues, Limits: limits}, nil
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
