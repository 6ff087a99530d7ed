package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/lint"
)

func newCheckCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Lint content/: titles, dates, front matter, authors, related pages, duplicate addresses",
		Long: `Lint the content folder. Problems go to stdout, one a line as
file:line: severity: message (rule), or as one JSON object with --format json.
Exit status 1 when there is any error; warnings alone pass.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("unknown format %q: want text or json", format)}
			}
			rep, err := lint.Check(lint.Options{Fs: e.fs, SiteDir: e.dir, ContentDir: filepath.Join(e.dir, "content")})
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				if err := enc.Encode(rep); err != nil {
					return err
				}
			} else {
				for _, f := range rep.Findings {
					fmt.Fprintln(e.stdout, f)
				}
			}
			fmt.Fprintf(e.stderr, "%s: %d files checked: %d errors, %d warnings\n", programName, rep.Files, rep.Errors, rep.Warnings)
			if rep.Errors > 0 {
				return errInputsFailed
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "the report's format: text or json")
	return cmd
}
