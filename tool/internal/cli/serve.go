package cli

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/importer"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

func newServeCmd(e *env) *cobra.Command {
	var bind string
	var port int
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site on 127.0.0.1 with drafts, importing and rebuilding on every change",
		Long: `Preview the site on 127.0.0.1 with drafts. As build does, serve first imports the new
or changed scrapes of scrapes/ into content/; then it rebuilds the preview (in memory: public/
is left alone) and reloads the open pages whenever the configuration, a folder Hugo reads
(content/, layouts/, static/, ...) or a scrape changes. A change rebuilds only what it
touches, as Hugo's own server does; a change of the configuration rebuilds everything. Logs
and temporary files in the site folder set off nothing.`,
		Annotations: map[string]string{"needs": needsSite},
		Args:        wantArgs("", 0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if port < 0 || port > 65535 {
				return usagef("--port 0 picks a free one", "invalid --port %d: a port is a number from 0 to 65535", port)
			}
			cfg, err := e.loadConfig("development")
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if _, err := e.readLayout(cfg, "development", ""); err != nil {
				return err
			}
			opts := e.siteOptions(cfg)
			opts.User = nil // read again at every rebuild, with the layout: the configuration may change
			first := true
			err = site.Serve(ctx, site.ServeOptions{
				Options: opts,
				Addr:    net.JoinHostPort(bind, strconv.Itoa(port)),
				Prepare: func() ([]string, error) {
					if !first { // the configuration and its warnings were read for the first
						if cfg, _, err = e.readConfig("development"); err != nil {
							return nil, err
						}
						if _, err = e.readLayout(cfg, "development", ""); err != nil {
							return nil, err
						}
					}
					first = false
					return e.serveImport(cfg)
				},
				Reads: func(name string) bool {
					return scrape.Supported(name) || strings.HasSuffix(strings.ToLower(name), ".meta.json")
				},
				Ready: func(url string) {
					fmt.Fprintf(e.stderr, "%s: serving %s (drafts shown); press Ctrl+C to stop\n", programName, url)
				},
				Rebuilt: func(took time.Duration, err error) {
					if err != nil {
						e.fail(e.buildError(err), cmd)
						return
					}
					fmt.Fprintf(e.stderr, "%s: rebuilt in %s\n", programName, took.Round(time.Millisecond))
				},
			})
			if errors.Is(err, site.ErrPortBusy) {
				return hintError{err, fmt.Sprintf("another program (perhaps another kiosque serve) uses port %d: stop it, or pick another port with --port %d (--port 0 picks a free one)", port, port+1)}
			}
			if err != nil {
				return e.buildError(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&bind, "bind", "127.0.0.1", "the interface to listen on (0.0.0.0 shows the preview to your network)")
	cmd.Flags().IntVarP(&port, "port", "p", 1313, "the port to listen on, 0 to 65535; 0 picks a free one")
	return cmd
}

// serveImport imports the inbox, when the site has one, before a build of the preview: one
// line when it wrote something, and the details of what went wrong. It returns the files it
// wrote, so that the preview's watcher does not take them for edits.
func (e *env) serveImport(cfg *siteConfig) ([]string, error) {
	inbox := filepath.Join(e.dir, InboxDir)
	if fi, err := e.fs.Stat(inbox); err != nil || !fi.IsDir() {
		return nil, nil
	}
	content, target := e.layout.ContentDir, e.layout.Target
	rep, err := importer.Run(importer.Options{
		Fs: e.fs, SiteDir: e.dir, ContentDir: content, Target: target, Inputs: []string{inbox},
		DefaultAuthor: cfg.author, Scrape: cfg.scrape,
	})
	if err != nil {
		return nil, err
	}
	created, updated := rep.Count(bundle.Created), rep.Count(bundle.Updated)
	if created+updated > 0 {
		fmt.Fprintf(e.stderr, "%s: %s imported (%d new, %d updated)\n", programName, plural(created+updated, "article"), created, updated)
	}
	_ = e.reportDetails(rep, false, programName+" build --force") // failures are printed; the rest still builds
	var wrote []string
	addTree := func(name string) { // the file and the folders the import may have created for it
		wrote = append(wrote, name)
		for d := filepath.Dir(name); d != e.dir && d != filepath.Dir(d); d = filepath.Dir(d) {
			wrote = append(wrote, d)
		}
	}
	for _, it := range rep.Items {
		if it.Outcome == bundle.Created || it.Outcome == bundle.Updated {
			addTree(filepath.Join(target.Dir(content, it.Folder), filepath.FromSlash(it.Bundle), it.Index))
		}
	}
	for _, name := range slices.Concat(rep.Profiles, rep.MovedProfiles) {
		addTree(filepath.Join(content, filepath.FromSlash(target.ProfilePath(name))))
	}
	for _, name := range rep.MovedProfiles {
		addTree(filepath.Join(content, target.AuthorsKey(), bundle.TermSlug(name))) // removed
	}
	return wrote, nil
}
