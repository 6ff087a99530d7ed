package cli

import (
	"encoding/json"
	"fmt"

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
			out := []article.Article{}
			failed := false
			for _, name := range args {
				arts, err := scrape.Read(e.fs, e.abs(name), e.scrapeOptions())
				if err != nil {
					fmt.Fprintf(e.stderr, "%s: error: %v\n", programName, err)
					failed = true
					continue
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
