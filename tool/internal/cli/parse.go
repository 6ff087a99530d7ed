package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

func newParseCmd(e *env) *cobra.Command {
	var explain bool
	cmd := &cobra.Command{
		Use:   "parse FILE...",
		Short: "Print the parsed articles of scrapes as JSON; writes nothing",
		Long: `Print the parsed articles of scrapes as JSON; writes nothing.

With --explain, print instead every line of each text scrape with where it went (body,
title, meta, teaser, dropped), its prose score and the reason.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := e.userConfig()
			if err != nil {
				return err
			}
			opts, err := scrapeOptions(cfg)
			if err != nil {
				return err
			}
			var current string // the scrape being read, as the user named it
			if explain {
				opts.Explain = func(x scrape.Explanation) { printExplanation(e, current, x) }
			}
			out := []article.Article{}
			failed := false
			for _, name := range args {
				// A JSON Lines file may give good records and an error naming the bad ones:
				// print both.
				current = name
				arts, err := scrape.Read(e.fs, e.abs(name), opts)
				if err != nil {
					e.printError(severityError, err)
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
