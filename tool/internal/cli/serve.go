package cli

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

func newServeCmd(e *env) *cobra.Command {
	var bind string
	var port int
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site on 127.0.0.1 with drafts, rebuilding and reloading on every change",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			addr := net.JoinHostPort(bind, strconv.Itoa(port))
			err := site.Serve(ctx, site.ServeOptions{
				Options: site.Options{Fs: e.fs, WorkingDir: e.dir, Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes(), Log: e.stderr, Similar: true},
				Addr:    addr,
				Ready: func(url string) {
					fmt.Fprintf(e.stderr, "%s: serving %s (drafts shown); press Ctrl+C to stop\n", programName, url)
				},
			})
			if errors.Is(err, site.ErrPortBusy) {
				return hintError{err, fmt.Sprintf("another program (perhaps another kiosque serve) uses port %d: stop it, or pick another port with --port %d (--port 0 picks a free one)", port, port+1)}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&bind, "bind", "127.0.0.1", "the interface to listen on (0.0.0.0 shows the preview to your network)")
	cmd.Flags().IntVarP(&port, "port", "p", 1313, "the port to listen on; 0 picks a free one")
	return cmd
}
