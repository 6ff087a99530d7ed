package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
	"github.com/kiosque-dev/kiosque/tool/internal/importer"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

func newParseCmd(e *env) *cobra.Command {
	var explain bool
	cmd := &cobra.Command{
		Use:   "parse PATH...",
		Short: "Print the parsed articles of scrapes (files, or folders of them) as JSON; writes nothing",
		Long: `Print the parsed articles of scrapes as JSON; writes nothing. A folder stands for the
scrapes in it, in order, as import reads them.

With --explain, print instead every line of each text scrape with where it went (body,
title, meta, teaser, dropped), its prose score and the reason.`,
		Annotations: map[string]string{"needs": needsFolder},
		Args:        wantArgs("a scrape file or a folder of scrapes", 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := e.inputs(args); err != nil {
				return err
			}
			cfg, err := e.loadConfig("production")
			if err != nil {
				return err
			}
			opts := cfg.scrape
			var current string // the scrape being read, as the user named it
			if explain {
				opts.Explain = func(x scrape.Explanation) { printExplanation(e, current, x) }
			}
			opts.Skip = func(sk scrape.Skip) {
				fmt.Fprintf(e.stderr, "%s: skipped %s:%d: %s: %s\n", programName, current, sk.Offset, sk.URL, sk.Reason)
			}
			out := []article.Article{}
			names, failures, warnings := e.scrapeFiles(args)
			for _, w := range warnings {
				e.printError(severityWarning, w)
			}
			for _, f := range failures {
				e.printError(severityError, f)
			}
			failed := len(failures) > 0
			for _, name := range names {
				// A JSON Lines file may give good records and an error naming the bad ones:
				// print both.
				current = name
				// A mirror's host folder is looked for in the path as the user named it:
				// from the working folder down, or, for an absolute path, in the page's folder.
				opts.Root = e.dir
				if filepath.IsAbs(name) {
					opts.Root = filepath.Dir(name)
				}
				arts, err := scrape.Read(e.fs, e.abs(name), opts)
				if err != nil {
					for _, f := range failure.All(err) {
						e.printError(severityError, e.withSupportedHint(f))
					}
					failed = true
				}
				for i := range arts {
					arts[i].Source.Path = name
				}
				out = append(out, arts...)
			}
			if explain {
				if failed {
					return errInputsFailed
				}
				return nil
			}
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(out); err != nil {
				return err
			}
			if failed {
				return errInputsFailed
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&explain, "explain", false, "print each line's fate, prose score and reason instead of JSON")
	return cmd
}

// scrapeFiles returns the scrapes the command line names, as the user would write them: a
// file as it is given, a folder as the scrapes found in it ("scrapes/a.txt"), in order, with
// what could not be read in the folders.
func (e *env) scrapeFiles(args []string) (names []string, failures, warnings []*failure.Error) {
	for _, a := range args {
		abs := e.abs(a)
		if fi, err := e.fs.Stat(abs); err != nil || !fi.IsDir() {
			names = append(names, a)
			continue
		}
		files, fails, warns := importer.Collect(e.fs, []string{abs})
		failures, warnings = append(failures, fails...), append(warnings, warns...)
		for _, f := range files {
			if r, err := filepath.Rel(abs, f); err == nil {
				names = append(names, filepath.Join(a, r))
			}
		}
	}
	return names, failures, warnings
}

// printExplanation prints one line a block: its number, fate, prose score, reason and text.
func printExplanation(e *env, name string, x scrape.Explanation) {
	if x.Source.Record > 0 {
		name = fmt.Sprintf("%s:%d", name, x.Source.Record)
	}
	fmt.Fprintf(e.stdout, "%s\n", name)
	for i, l := range x.Lines {
		text := l.Text
		if r := []rune(text); len(r) > 72 {
			text = string(r[:71]) + "…"
		}
		fmt.Fprintf(e.stdout, "%4d  %-7s %.2f  %-28s %s\n", i+1, l.Fate, l.Prose, l.Reason, text)
	}
}
