package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/lint"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

func newCheckCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Lint content/: titles, dates, front matter, authors, related pages, duplicate addresses",
		Long: `Lint the content folder, and the content folders of the languages that have their
own. Problems go to stdout, one a line as
file:line: severity: message (rule), or as one JSON object with --format json.
Exit status 1 when there is any error; warnings alone pass.`,
		Annotations: map[string]string{"needs": needsSite},
		Args:        wantArgs("", 0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usagef("--format text (the default) or --format json", "unknown format %q: want text or json", format)
			}
			cfg, err := e.loadConfig("production")
			if err != nil {
				return err
			}
			layout, err := e.readLayout(cfg, "production", "")
			if err != nil {
				return err
			}
			if !e.hasContent(layout) {
				fmt.Fprintf(e.stderr, "%s: nothing to check: there is no %s/ folder yet (%s build imports %s/ into it)\n", programName, e.contentName(""), programName, InboxDir)
				return nil
			}
			rep, err := lint.Check(lint.Options{Fs: e.fs, SiteDir: e.dir, ContentDir: layout.ContentDir, Target: layout.Target})
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
			fmt.Fprintf(e.stderr, "%s: %s checked: %s, %s\n", programName, plural(rep.Files, "file"), plural(rep.Errors, "error"), plural(rep.Warnings, "warning"))
			if rep.Errors > 0 {
				return errInputsFailed
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "the report's format: text or json")
	return cmd
}

// hasContent reports whether any content folder of the site exists.
func (e *env) hasContent(layout *site.Layout) bool {
	for _, dir := range layout.Target.Dirs(layout.ContentDir) {
		if _, err := e.fs.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			return true
		}
	}
	return false
}
