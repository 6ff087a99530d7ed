package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/importer"
)

func newImportCmd(e *env) *cobra.Command {
	var force, dryRun bool
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Convert scrapes into page bundles under content/",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			inputs := make([]string, len(args))
			for i, a := range args {
				inputs[i] = e.abs(a)
			}
			rep, err := e.importScrapes(inputs, force, dryRun)
			if err != nil {
				return err
			}
			if dryRun {
				for _, it := range rep.Items {
					fmt.Fprintf(e.stdout, "%-9s %s (from %s)\n", it.Outcome, it.Bundle, e.rel(it.Source))
				}
			}
			return e.reportImport(rep)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "rewrite bundles that were edited by hand")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "show what would change; write nothing")
	return cmd
}

// importScrapes runs the importer on the site's content folder.
func (e *env) importScrapes(inputs []string, force, dryRun bool) (*importer.Report, error) {
	return importer.Run(importer.Options{
		Fs:            e.fs,
		SiteDir:       e.dir,
		ContentDir:    filepath.Join(e.dir, "content"),
		Inputs:        inputs,
		DefaultAuthor: e.defaultAuthor(),
		Scrape:        e.scrapeOptions(),
		Force:         force,
		DryRun:        dryRun,
	})
}

// reportImport prints the import's summary and failures; it returns errInputsFailed when
// some input failed.
func (e *env) reportImport(rep *importer.Report) error {
	fmt.Fprintf(e.stderr, "%s: %d created, %d updated, %d unchanged, %d kept (edited by hand), %d failed\n",
		programName, rep.Count(bundle.Created), rep.Count(bundle.Updated), rep.Count(bundle.Unchanged),
		rep.Count(bundle.Kept), len(rep.Failures))
	for _, it := range rep.Items {
		if it.Outcome == bundle.Kept {
			fmt.Fprintf(e.stderr, "%s: warning: kept %s: edited by hand since the last import\n", programName, it.Bundle)
		}
	}
	for _, f := range rep.Failures {
		fmt.Fprintf(e.stderr, "%s: error: %s: %v\n", programName, e.rel(f.Path), f.Err)
	}
	if rep.Count(bundle.Kept) > 0 {
		fmt.Fprintf(e.stderr, "%s: hint: run with --force to overwrite the bundles edited by hand\n", programName)
	}
	if len(rep.Failures) > 0 {
		return errInputsFailed
	}
	return nil
}

// rel shows a path relative to the site folder when it is inside it.
func (e *env) rel(p string) string {
	if r, err := filepath.Rel(e.dir, p); err == nil && filepath.IsLocal(r) {
		return r
	}
	return p
}
