package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/importer"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

func newImportCmd(e *env) *cobra.Command {
	var force, dryRun bool
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Convert scrapes into page bundles under content/",
		Long: `Convert scrapes into page bundles under content/.

Re-running on the same scrapes writes nothing. A bundle edited by hand since kiosque wrote
it is kept (with a warning) unless --force is given; a writer's own page is never touched.
--dry-run lists what would be created, updated or kept, and why, and writes nothing.`,
		Args: cobra.MinimumNArgs(1),
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
				e.printPlan(rep)
			}
			return e.reportImport(rep)
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "rewrite bundles that were edited by hand")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "show what would change, and why; write nothing")
	return cmd
}

// importScrapes runs the importer on the site's content folder. It reads the site
// configuration once, for the default author and the site's cues; a configuration it cannot
// read is reported on stderr, and the built-in cues, limits and author are used.
func (e *env) importScrapes(inputs []string, force, dryRun bool) (*importer.Report, error) {
	author, opts := site.DefaultAuthor, scrape.Options{}
	cfg, err := e.userConfig()
	if err == nil {
		author = defaultAuthor(cfg)
		opts, err = scrapeOptions(cfg)
	}
	if err != nil {
		e.printError(severityWarning, fmt.Errorf("%w; using the built-in cues and limits only", err))
	}
	return importer.Run(importer.Options{
		Fs:            e.fs,
		SiteDir:       e.dir,
		ContentDir:    filepath.Join(e.dir, "content"),
		Inputs:        inputs,
		DefaultAuthor: author,
		Scrape:        opts,
		Force:         force,
		DryRun:        dryRun,
		Progress:      newProgress(e.stderr),
	})
}

// printPlan lists on stdout what a dry run would do: one line per bundle, duplicate and new
// author profile, with the reason.
func (e *env) printPlan(rep *importer.Report) {
	verbs := map[bundle.Outcome]string{bundle.Created: "create", bundle.Updated: "update", bundle.Kept: "keep", bundle.Unchanged: "unchanged"}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, it := range rep.Items {
		reason := it.Reason
		if reason == "" {
			reason = "same as the last import"
		}
		fmt.Fprintf(tw, "%s\tcontent/%s\t%s\t(from %s)\n", verbs[it.Outcome], it.Bundle, reason, e.rel(it.Source))
	}
	for _, d := range rep.Duplicates {
		fmt.Fprintf(tw, "skip\t%s\tduplicate of %s\t\n", d.Source, d.Of)
	}
	for _, name := range rep.Profiles {
		fmt.Fprintf(tw, "create\tcontent/%s/%s/_index.md\tauthor profile of %s\t\n", bundle.AuthorsSection, bundle.TermSlug(name), name)
	}
	tw.Flush()
}

// reportImport prints the import's summary table, then the warnings and the failures, on
// stderr; it returns errInputsFailed when some input failed.
func (e *env) reportImport(rep *importer.Report) error {
	fmt.Fprintf(e.stderr, "%s: import summary\n", programName)
	for _, row := range []struct {
		label string
		n     int
		note  string
	}{
		{"created", rep.Count(bundle.Created), ""},
		{"updated", rep.Count(bundle.Updated), ""},
		{"unchanged", rep.Count(bundle.Unchanged), ""},
		{"kept", rep.Count(bundle.Kept), "edited by hand, or a writer's own page"},
		{"duplicates", len(rep.Duplicates), "imported once, under the first scrape"},
		{"failed", len(rep.Failures), ""},
		{"profiles", len(rep.Profiles), "new author profiles"},
	} {
		line := fmt.Sprintf("  %-10s %6d  %s", row.label, row.n, row.note)
		fmt.Fprintln(e.stderr, strings.TrimRight(line, " "))
	}
	for _, it := range rep.Items {
		if it.Outcome == bundle.Kept {
			fmt.Fprintf(e.stderr, "%s: warning: kept content/%s: %s\n", programName, it.Bundle, it.Reason)
		}
	}
	for _, d := range rep.Duplicates {
		fmt.Fprintf(e.stderr, "%s: duplicate: %s is %s\n", programName, d.Source, d.Of)
	}
	for _, w := range rep.Warnings {
		e.printError(severityWarning, w)
	}
	for _, f := range rep.Failures {
		e.printError(severityError, f)
	}
	for _, it := range rep.Items {
		if it.Outcome == bundle.Kept && it.Reason == bundle.ReasonHandEdit {
			fmt.Fprintf(e.stderr, "%s: hint: run with --force to overwrite the bundles edited by hand\n", programName)
			break
		}
	}
	if len(rep.Failures) > 0 {
		return errInputsFailed
	}
	return nil
}
