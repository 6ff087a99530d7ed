package cli

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

func newParseCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "parse FILE...",
		Short: "Print the parsed articles of scrapes as JSON; writes nothing",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := e.userConfig()
			if err != nil {
				return err
			}
			opts, err := scrapeOptions(cfg)
			if err != nil {
				return err
			}
			out := []article.Article{}
			failed := false
			for _, name := range args {
				// A JSON Lines file may give good records and an error naming the bad ones:
				// print both.
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
}
