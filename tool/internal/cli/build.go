package cli

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque"
	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/importer"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// InboxDir is the folder of scrapes that `kiosque build` imports first.
const InboxDir = "scrapes"

func newBuildCmd(e *env) *cobra.Command {
	var opts site.Options
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Import new or changed scrapes from scrapes/, then build the site into public/",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			var rep *importer.Report
			inbox := filepath.Join(e.dir, InboxDir)
			if fi, err := e.fs.Stat(inbox); err == nil && fi.IsDir() {
				var err error
				if rep, err = e.importScrapes([]string{inbox}, false, false); err != nil {
					return err
				}
			}
			opts.Fs, opts.WorkingDir, opts.Log = e.fs, e.dir, e.stderr
			opts.Theme, opts.Archetypes = kiosque.Theme(), kiosque.Archetypes()
			opts.Similar = true // every page gets its similar list; Hugo's related search is quadratic
			res, err := site.Build(opts)
			if err != nil {
				return err
			}
			imported := "no scrapes/ folder"
			if rep != nil {
				imported = fmt.Sprintf("%d articles imported (%d new, %d updated)",
					rep.Count(bundle.Created)+rep.Count(bundle.Updated), rep.Count(bundle.Created), rep.Count(bundle.Updated))
			}
			fmt.Fprintf(e.stdout, "%s: %s, %d pages built (%d articles) in %s into %s\n", programName, imported,
				res.AllPages, res.Pages, time.Since(start).Round(time.Millisecond), e.rel(res.PublishDir))
			if rep != nil {
				return e.reportImport(rep)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&opts.BaseURL, "base-url", "b", "", "the address the site will be served from (overrides baseURL)")
	cmd.Flags().StringVarP(&opts.Destination, "destination", "d", "", "the folder to write the site to (default public)")
	cmd.Flags().BoolVarP(&opts.BuildDrafts, "drafts", "D", false, "include draft articles")
	addFetchImagesFlag(cmd, e)
	return cmd
}
