package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/importer"
	"github.com/kiosque-dev/kiosque/tool/internal/lint"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// InboxDir is the folder of scrapes that `kiosque build` and `kiosque serve` import first.
const InboxDir = "scrapes"

func newBuildCmd(e *env) *cobra.Command {
	var baseURL, destination string
	var drafts, force, stats bool
	var segments []string
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Import new or changed scrapes from scrapes/, then build the site into public/",
		Long: `Import new or changed scrapes from scrapes/ into content/, then build the site into
public/. The files of public/ that the build did not write (the page of a deleted article,
say) are removed, except those whose name starts with a dot, such as .git. With --segments,
only the pages of these segments are rendered, and nothing is removed.`,
		Annotations: map[string]string{"needs": needsSite},
		Args:        wantArgs("", 0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			if reason := badBaseURL(baseURL); baseURL != "" && reason != "" {
				return usagef(fmt.Sprintf("give the whole address: --base-url %s", exampleURL(baseURL)), "invalid --base-url %q: it %s", baseURL, reason)
			}
			cfg, err := e.loadConfig("production")
			if err != nil {
				return err
			}
			opts := e.siteOptions(cfg)
			opts.BaseURL, opts.Destination, opts.BuildDrafts, opts.Segments = baseURL, destination, drafts, segments
			if err := site.CheckConfig(opts); err != nil {
				if errors.Is(err, site.ErrSegment) && len(segments) > 0 {
					return usagef(fmt.Sprintf("name a segment that %s defines under [segments]", e.configName()), "invalid --segments: %v", err)
				}
				return e.configError(err, destination)
			}
			layout, err := e.readLayout(cfg, "production", "")
			if err != nil {
				return err
			}
			opts.Layout = layout
			if stats {
				e.stats = newBuildStats()
				opts.Progress, opts.TemplateMetrics = e.stats, true
			}
			var rep *importer.Report
			inbox := filepath.Join(e.dir, InboxDir)
			if fi, err := e.fs.Stat(inbox); err == nil && fi.IsDir() {
				if rep, err = e.importScrapes(cfg, layout, []string{inbox}, force, false); err != nil {
					return err
				}
			}
			if e.stats != nil {
				if rep != nil {
					e.stats.endImport(rep)
				}
				e.stats.skip()
			}
			res, err := site.Build(opts)
			if err != nil {
				return e.buildError(err)
			}
			imported := "no " + InboxDir + "/ folder"
			if rep != nil {
				imported = fmt.Sprintf("%s imported (%d new, %d updated)",
					plural(rep.Count(bundle.Created)+rep.Count(bundle.Updated), "article"), rep.Count(bundle.Created), rep.Count(bundle.Updated))
			}
			removed := ""
			if res.Removed > 0 {
				removed = fmt.Sprintf("; %s of earlier builds removed", plural(res.Removed, "stale file"))
			}
			built := fmt.Sprintf("%s built (%s)", plural(res.AllPages, "page"), plural(res.Pages, "article"))
			if len(res.Segments) > 0 {
				built = fmt.Sprintf("segment %s of %s (%s) built, %s written", strings.Join(res.Segments, ","),
					plural(res.AllPages, "page"), plural(res.Pages, "article"), plural(res.Written, "file"))
			}
			fmt.Fprintf(e.stderr, "%s: %s, %s in %s into %s%s\n", programName, imported,
				built, time.Since(start).Round(time.Millisecond), e.rel(res.PublishDir), removed)
			e.warnRewritten(res.Rewritten)
			var reported error
			if rep != nil {
				reported = e.reportImport(rep, false, programName+" build --force")
			}
			if e.stats != nil {
				printStats(e.stderr, e.stats.done(), res.Templates, time.Since(start))
			}
			return reported
		},
	}
	cmd.Flags().StringVarP(&baseURL, "base-url", "b", "", "the address the site will be served from, such as https://example.org/ (overrides baseURL)")
	cmd.Flags().StringVarP(&destination, "destination", "d", "", "the folder to write the site to, which kiosque owns (default public)")
	cmd.Flags().BoolVarP(&drafts, "drafts", "D", false, "include draft articles")
	cmd.Flags().StringSliceVar(&segments, "segments", nil, "render only the segments `NAME[,NAME]` of the site's [segments] (Hugo's renderSegments), and remove no file")
	cmd.Flags().BoolVar(&stats, "stats", false, "print the time and peak memory of each stage, and Hugo's slowest templates")
	cmd.Flags().BoolVar(&force, "force", false, "rewrite the bundles edited by hand (the edits are lost)")
	addFetchImagesFlag(cmd, e)
	return cmd
}

// configError gives a configuration that CheckConfig refused its hint: a --destination
// over the site's own files is a usage error.
func (e *env) configError(err error, destination string) error {
	if errors.Is(err, site.ErrPublishDir) {
		if destination != "" {
			return usagef("pick a folder of its own for the site, such as --destination public", "invalid --destination %q: %v", destination, err)
		}
		return hintError{err, fmt.Sprintf("set publishDir in %s to a folder of its own, such as \"public\"", e.configName())}
	}
	return hintError{err, fmt.Sprintf("fix %s, then run %s again", e.configName(), e.command)}
}

// buildError explains a failed build: when a content file is at fault (front matter Hugo
// cannot read, say), it names the file and line as `kiosque check` does and points to it.
func (e *env) buildError(err error) error {
	lo := lint.Options{Fs: e.fs, SiteDir: e.dir, ContentDir: filepath.Join(e.dir, "content")}
	if e.layout != nil {
		lo.ContentDir, lo.Target = e.layout.ContentDir, e.layout.Target
	}
	rep, cerr := lint.Check(lo)
	if cerr != nil {
		return err
	}
	var faults []lint.Finding
	for _, f := range rep.Findings {
		if f.Severity == lint.Error && (f.Rule == lint.RuleFrontMatter || f.Rule == lint.RuleDate) {
			faults = append(faults, f)
		}
	}
	if len(faults) == 0 {
		return err
	}
	f := faults[0]
	more := ""
	if len(faults) > 1 {
		more = fmt.Sprintf(" (and %s)", plural(len(faults)-1, "more problem"))
	}
	return hintError{fmt.Errorf("%s:%d: %s%s", f.File, f.Line, f.Message, more),
		fmt.Sprintf("%s check lists every problem of content/ with its file and line; fix them, then run %s again", programName, e.command)}
}

// warnRewritten warns of the files a build wrote more than once: two pages at one address,
// whose writes may have mixed.
func (e *env) warnRewritten(names []string) {
	if len(names) == 0 {
		return
	}
	shown := names[:min(len(names), 3)]
	more := ""
	if len(names) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(names)-len(shown))
	}
	fmt.Fprintf(e.stderr, "%s: warning: %s written twice, by two pages at one address: %s%s\n",
		programName, plural(len(names), "file"), strings.Join(shown, ", "), more)
	if e.layout == nil {
		return
	}
	authors := "/" + e.layout.Target.AuthorsKey() + "/"
	if slices.ContainsFunc(names, func(n string) bool { return strings.Contains("/"+n, authors) }) {
		// The one cause kiosque itself used to leave: a profile written under another folder
		// than the author's page.
		fmt.Fprintf(e.stderr, "%s: hint: an author's profile belongs in the folder of the name in lower case, accents kept; %s import moves those of earlier imports\n", programName, programName)
	}
}
