package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kiosque-dev/kiosque"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// AuthorEnv names the environment variable holding the writer's name for `kiosque new`.
const AuthorEnv = "KIOSQUE_AUTHOR"

func newNewCmd(e *env) *cobra.Command {
	var author string
	var tags []string
	cmd := &cobra.Command{
		Use:   "new TITLE",
		Short: "Create a draft article content/articles/<slug>/index.md from the archetype",
		Long: `Create a draft article bundle, content/articles/<slug>/index.md, from the
articles archetype (the site's own archetypes/articles/ when it has one). The author is
--author, else $` + AuthorEnv + `, else params.kiosque.defaultAuthor. Nothing is overwritten.`,
		Annotations: map[string]string{"needs": needsFolder},
		Args:        wantArgs("the article's title, in quotes", 1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(args[0]) == "" {
				return usagef(fmt.Sprintf("give the article's title, in quotes: %s new \"Le marché rouvre\"", programName), "the title is empty")
			}
			cfg, err := e.loadConfig("development")
			if err != nil {
				return err
			}
			if author == "" {
				author = strings.TrimSpace(os.Getenv(AuthorEnv))
			}
			if author == "" {
				author = cfg.author
			}
			var clean []string
			for _, t := range tags {
				if t = strings.TrimSpace(t); t != "" {
					clean = append(clean, t)
				}
			}
			layout, err := e.readLayout(cfg, "development", "")
			if err != nil {
				return err
			}
			path, err := site.NewArticle(site.NewArticleOptions{
				Options: site.Options{Fs: e.fs, WorkingDir: e.dir, Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes(), User: cfg.user, Layout: layout},
				Title:   args[0],
				Authors: []string{author},
				Tags:    clean,
			})
			if errors.Is(err, site.ErrExists) {
				return hintError{err, "pick another title, or edit the existing article"}
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, e.rel(path))
			return nil
		},
	}
	cmd.Flags().StringVarP(&author, "author", "a", "", "the byline (default $"+AuthorEnv+", else the site's default author)")
	cmd.Flags().StringSliceVarP(&tags, "tags", "t", nil, "comma-separated tags")
	return cmd
}
