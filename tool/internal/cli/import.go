package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
	"github.com/kiosque-dev/kiosque/tool/internal/importer"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

func newImportCmd(e *env) *cobra.Command {
	var force, dryRun bool
	var section string
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Convert scrapes into page bundles under content/",
		Long: `Convert scrapes (files, or folders of them) into page bundles under content/: in the
section --section names, else the site's first main section (mainSections), else articles,
with the front matter format and keys of the section's archetype.

Re-running on the same scrapes writes nothing. A bundle edited by hand since kiosque wrote
it is kept (with a warning, once) unless --force is given; a writer's own page is never
touched. --dry-run lists what would be created, updated or kept, and why, and writes nothing.`,
		Annotations: map[string]string{"needs": needsFolder},
		Args:        wantArgs("a scrape file or a folder of scrapes", 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			inputs, err := e.inputs(args)
			if err != nil {
				return err
			}
			cfg, err := e.loadConfig("production")
			if err != nil {
				return err
			}
			layout, err := e.readLayout(cfg, "production", section)
			if err != nil {
				return err
			}
			rep, err := e.importScrapes(cfg, layout, inputs, force, dryRun)
			if err != nil {
				return err
			}
			if dryRun {
				e.printPlan(rep)
			}
			return e.reportImport(rep, dryRun, programName+" import --force "+strings.Join(args, " "))
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "rewrite the bundles edited by hand (the edits are lost)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "show what would change, and why; write nothing")
	cmd.Flags().StringVar(&section, "section", "", "the section to import into (default: the site's first mainSections, else articles)")
	addFetchImagesFlag(cmd, e)
	return cmd
}

// inputs resolves the paths named on the command line against the site folder; a path that
// does not exist is a usage error, before anything is read or written.
func (e *env) inputs(args []string) ([]string, error) {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = e.abs(a)
		if _, err := e.fs.Stat(out[i]); errors.Is(err, fs.ErrNotExist) {
			return nil, usagef(fmt.Sprintf("check the path: %s takes scrape files and folders of scrapes", e.command),
				"%q does not exist", e.rel(out[i]))
		}
	}
	return out, nil
}

// supportedList names the file types kiosque reads, for hints.
func supportedList() string {
	return programName + " reads " + strings.Join(scrape.Extensions, ", ") + " files, with optional NAME.meta.json sidecars"
}

// withSupportedHint gives the failure of a file no reader handles the list of the types
// kiosque reads as its hint.
func (e *env) withSupportedHint(err error) error {
	var f *failure.Error
	if errors.As(err, &f) && f.Hint == "" && errors.Is(f.Err, scrape.ErrUnsupported) {
		g := *f
		return g.WithHint(supportedList())
	}
	return err
}

// importScrapes runs the importer on the site's content folder, with the site's
// configuration cfg (its default author and cues) and layout (its section, taxonomies and
// front matter).
func (e *env) importScrapes(cfg *siteConfig, layout *site.Layout, inputs []string, force, dryRun bool) (*importer.Report, error) {
	var fetch importer.Fetcher
	if e.fetchImages {
		fetch = importer.NewHTTPFetcher(nil)
	}
	return importer.Run(importer.Options{
		FetchImages:   fetch,
		Fs:            e.fs,
		SiteDir:       e.dir,
		ContentDir:    layout.ContentDir,
		Target:        layout.Target,
		Inputs:        inputs,
		DefaultAuthor: cfg.author,
		Scrape:        cfg.scrape,
		Force:         force,
		DryRun:        dryRun,
		Progress:      e.importProgress(),
	})
}

// importProgress returns the progress an import draws, which build --stats also measures.
func (e *env) importProgress() importer.Progress {
	p := newProgress(e.stderr)
	if e.stats != nil {
		return importProgress{p, e.stats}
	}
	return p
}

// bundleName names the bundle of an imported item in messages: "content/en/articles/x" for
// one in the content folder of its language.
func (e *env) bundleName(it importer.Item) string {
	if e.layout == nil || it.Folder == "" {
		return e.contentName(it.Bundle)
	}
	return filepath.ToSlash(e.rel(filepath.Join(e.layout.Target.Dir(e.layout.ContentDir, it.Folder), filepath.FromSlash(it.Bundle))))
}

// addFetchImagesFlag adds --fetch-images to a command that imports.
func addFetchImagesFlag(cmd *cobra.Command, e *env) {
	cmd.Flags().BoolVar(&e.fetchImages, "fetch-images", false,
		"download the remote images of HTML pages into their bundles (images a mirror holds are always copied)")
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t(from %s)\n", verbs[it.Outcome], e.bundleName(it), reason, it.Source)
	}
	for _, d := range rep.Duplicates {
		fmt.Fprintf(tw, "skip\t%s\tduplicate of %s\t\n", d.Source, d.Of)
	}
	for _, sk := range rep.Skipped {
		fmt.Fprintf(tw, "skip\t%s:%d\t%s\t(%s)\n", sk.File, sk.Offset, sk.Reason, sk.URL)
	}
	for _, name := range rep.Profiles {
		fmt.Fprintf(tw, "create\t%s\tauthor profile of %s\t\n", e.contentName(e.layout.Target.ProfilePath(name)), name)
	}
	for _, name := range rep.MovedProfiles {
		fmt.Fprintf(tw, "move\t%s\tauthor profile of %s, from %s/\t\n", e.contentName(e.layout.Target.ProfilePath(name)), name,
			e.contentName(path.Join(e.layout.Target.AuthorsKey(), bundle.TermSlug(name))))
	}
	tw.Flush()
}

// resumedRecords counts the records of web archives an import took from the checkpoints of
// an interrupted one.
func resumedRecords(rep *importer.Report) int {
	n := 0
	for _, r := range rep.Resumed {
		n += r.Records
	}
	return n
}

// reportImport prints the import's summary table, then its details (see reportDetails), on
// stderr. A dry run says what the import would do. forceCmd is the command line that
// overwrites bundles edited by hand.
func (e *env) reportImport(rep *importer.Report, dryRun bool, forceCmd string) error {
	type row struct {
		label string
		n     int
		note  string
	}
	rows := []row{
		{"created", rep.Count(bundle.Created), ""},
		{"updated", rep.Count(bundle.Updated), ""},
		{"unchanged", rep.Count(bundle.Unchanged), ""},
		{"kept", rep.Count(bundle.Kept), "edited by hand, or a writer's own page"},
		{"duplicates", len(rep.Duplicates), "imported once, under the first scrape"},
		{"failed", len(rep.Failures), ""},
		{"profiles", len(rep.Profiles), "new author profiles"},
	}
	if len(rep.MovedProfiles) > 0 {
		rows = append(rows, row{"moved", len(rep.MovedProfiles), "author profiles moved to the folder of the author's page"})
	}
	if len(rep.Skipped) > 0 { // only web archives skip records
		rows = append(rows, row{"skipped", len(rep.Skipped), "web archive records that are no article"})
	}
	if n := resumedRecords(rep); n > 0 {
		rows = append(rows, row{"resumed", n, "web archive records taken from an interrupted import"})
	}
	if rep.Cached > 0 {
		rows = append(rows, row{"cached", rep.Cached, "scrapes not read again: unchanged since an import read them"})
	}
	header := "import summary"
	if dryRun {
		header = "dry run, nothing was written; the import would do this"
		rows[0].label, rows[1].label, rows[3].label = "would create", "would update", "would keep"
		rows[6].note = "author profiles to create"
	}
	fmt.Fprintf(e.stderr, "%s: %s\n", programName, header)
	for _, r := range rows {
		line := fmt.Sprintf("  %-12s %6d  %s", r.label, r.n, r.note)
		fmt.Fprintln(e.stderr, strings.TrimRight(line, " "))
	}
	return e.reportDetails(rep, dryRun, forceCmd)
}

// reportDetails prints what an import's summary counts but does not name: the bundles kept
// (once), duplicates, warnings and failures, with their hints. It returns errInputsFailed
// when some input failed.
func (e *env) reportDetails(rep *importer.Report, dryRun bool, forceCmd string) error {
	handEdits := 0
	for _, it := range rep.Items {
		if it.Outcome != bundle.Kept || it.Noted {
			continue
		}
		if it.Reason == bundle.ReasonHandEdit {
			handEdits++
		}
		if !dryRun { // the plan lists them already
			fmt.Fprintf(e.stderr, "%s: warning: kept %s: %s\n", programName, e.bundleName(it), it.Reason)
		}
	}
	if !dryRun {
		for _, d := range rep.Duplicates {
			fmt.Fprintf(e.stderr, "%s: duplicate: %s is %s\n", programName, d.Source, d.Of)
		}
	}
	for _, w := range rep.Warnings {
		e.printError(severityWarning, w)
	}
	for _, f := range rep.Failures {
		e.printError(severityError, e.withSupportedHint(f))
	}
	if handEdits > 0 {
		verb := "overwrites"
		if dryRun {
			verb = "would overwrite"
		}
		fmt.Fprintf(e.stderr, "%s: hint: %s %s the %s with what the scrapes say (the edits are lost)\n",
			programName, forceCmd, verb, pluralNoun(handEdits, "bundle edited by hand", "bundles edited by hand"))
	}
	if len(rep.Failures) > 0 {
		return errInputsFailed
	}
	return nil
}

// pluralNoun returns one or many, as n says.
func pluralNoun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
