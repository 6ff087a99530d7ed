//go:build ignore

// Command bare-hugo builds the content of a kiosque site with Hugo alone (the hugolib package
// kiosque embeds, as `hugo` would) and a plain theme of three templates: the reference a
// kiosque build is measured against (scripts/bench-scale). The site keeps kiosque's language,
// taxonomies (authors, tags) and page size; the templates print a page's title, date,
// authors, text and tags, and a list's pages twenty at a time. No sidebar, no similar pages,
// no search index, no feeds beyond Hugo's defaults. It sets Hugo up itself, as the site
// package does, rather than call that package: the baseline must not take kiosque's
// configuration defaults, overlay or generated files.
//
//	go run scripts/bare-hugo.go SITE OUT
//
// It reads SITE/content and writes the built site into OUT, and prints the pages built.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/resources/kinds"
	"github.com/spf13/afero"
)

const siteConfig = `baseURL = "https://bare.example/"
title = "Bare"
defaultContentLanguage = "fr"
[taxonomies]
  author = "authors"
  tag = "tags"
[pagination]
  pagerSize = 20
`

var templates = map[string]string{
	"baseof.html": `<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
	"single.html": `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2006-01-02" }}{{ range .GetTerms "authors" }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
`,
	"list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>
{{ with .Paginator }}{{ with .Prev }}<a href="{{ .URL }}">←</a>{{ end }} {{ with .Next }}<a href="{{ .URL }}">→</a>{{ end }}{{ end }}{{ end }}
`,
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/bare-hugo.go SITE OUT")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "bare-hugo: error: %v\n", err)
		os.Exit(1)
	}
}

func run(site, out string) error {
	site, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	if out, err = filepath.Abs(out); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "bare-hugo")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := writeTheme(work); err != nil {
		return err
	}
	fsys := afero.NewOsFs()
	flags := config.New()
	flags.Set("workingDir", work)
	flags.Set("contentDir", filepath.Join(site, "content"))
	flags.Set("publishDir", out)
	logger := loggers.New(loggers.Options{StdOut: os.Stderr, StdErr: os.Stderr, Level: logg.LevelWarn, DistinctLevel: logg.LevelWarn})
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{Fs: fsys, Flags: flags, Logger: logger, Environment: "production"})
	if err != nil {
		return fmt.Errorf("failed to load the configuration: %w", err)
	}
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: hugofs.NewFrom(fsys, configs.LoadingInfo.BaseConfig), LogLevel: logger.Level(), StdErr: logger.StdErr(), StdOut: logger.StdOut()})
	if err != nil {
		return fmt.Errorf("failed to prepare the site: %w", err)
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		return fmt.Errorf("failed to build the site: %w", err)
	}
	pages, regular := 0, 0
	for _, p := range sites.Pages() {
		pages++
		if p.Kind() == kinds.KindPage {
			regular++
		}
	}
	fmt.Printf("bare-hugo: %d pages built (%d articles) into %s\n", pages, regular, out)
	return nil
}

// writeTheme writes the site's configuration and its templates into dir.
func writeTheme(dir string) error {
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(siteConfig), 0o644); err != nil {
		return err
	}
	layouts := filepath.Join(dir, "layouts")
	if err := os.MkdirAll(layouts, 0o755); err != nil {
		return err
	}
	for name, text := range templates {
		if err := os.WriteFile(filepath.Join(layouts, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
