package cli

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/config"

	"github.com/kiosque-dev/kiosque"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
	"github.com/kiosque-dev/kiosque/tool/internal/site"
)

// kiosqueParams are the settings kiosque reads under [params.kiosque]; any other key there
// is warned about, with the nearest of these.
var kiosqueParams = []string{"defaultAuthor", "cues", "limits", "frontMatter", "portable"}

// siteConfig is the site's own configuration, read and checked once by a command before it
// writes anything.
type siteConfig struct {
	user   config.Provider
	author string
	scrape scrape.Options
}

// loadConfig reads the site's configuration for environment ("production" or
// "development") and checks it: a file that cannot be read, a baseURL that is not an
// address, or [params.kiosque.cues] or [params.kiosque.limits] of the wrong shape is an
// error, an unknown key under [params.kiosque] a warning, printed here.
func (e *env) loadConfig(environment string) (*siteConfig, error) {
	cfg, warnings, err := e.readConfig(environment)
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "%s: warning: %s: %s\n", programName, e.configName(), w)
	}
	return cfg, err
}

// readConfig is loadConfig without the printing: it returns the warnings.
func (e *env) readConfig(environment string) (*siteConfig, []string, error) {
	user, err := site.LoadUserConfig(e.fs, e.dir, environment)
	if err != nil {
		return nil, nil, hintError{err, fmt.Sprintf("fix %s, then run %s again", e.configName(), e.command)}
	}
	if v := user.GetString("baseurl"); v != "" {
		if reason := badBaseURL(v); reason != "" {
			return nil, nil, hintError{fmt.Errorf("%s: baseURL %q %s", e.configName(), v, reason),
				fmt.Sprintf("write the whole address, such as baseURL = %q, or remove baseURL to build with relative links", exampleURL(v))}
		}
	}
	opts, err := scrapeOptions(user)
	if err != nil {
		return nil, nil, err
	}
	return &siteConfig{user: user, author: defaultAuthor(user), scrape: opts}, paramsWarnings(user), nil
}

// configName names the site's configuration in messages: its file, relative to the site
// folder, else hugo.toml.
func (e *env) configName() string {
	if name := site.ConfigFile(e.fs, e.dir); name != "" {
		return e.rel(name)
	}
	return "hugo.toml"
}

// readLayout reads the site's layout (see site.ReadLayout) for environment, its
// configuration cfg read already, articles going to section ("" for the site's own), and
// keeps it for the messages that name its folders.
func (e *env) readLayout(cfg *siteConfig, environment, section string) (*site.Layout, error) {
	opts := e.siteOptions(cfg)
	opts.Environment = environment
	l, err := site.ReadLayout(opts, section)
	if errors.Is(err, site.ErrSection) {
		return nil, usagef("give --section the name of a folder of the content folder, such as --section posts", "%v", err)
	}
	if err != nil {
		return nil, hintError{err, fmt.Sprintf("fix %s, then run %s again", e.configName(), e.command)}
	}
	e.layout = l
	return l, nil
}

// contentName names a file or folder of the site's content folder, rel being relative to
// it, in messages: "content/articles/x" on kiosque's own layout.
func (e *env) contentName(rel string) string {
	dir := filepath.Join(e.dir, "content")
	if e.layout != nil {
		dir = e.layout.ContentDir
	}
	return filepath.ToSlash(e.rel(filepath.Join(dir, filepath.FromSlash(rel))))
}

// siteOptions returns the build options of the site, its configuration cfg read already.
func (e *env) siteOptions(cfg *siteConfig) site.Options {
	return site.Options{
		Fs: e.fs, WorkingDir: e.dir, Log: e.stderr, User: cfg.user,
		Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes(),
		Inputs:  []string{filepath.Join(e.dir, InboxDir)},
		Similar: true, // every page gets its similar list; Hugo's related search is quadratic
		Helper:  true, // the sidebar, typography, plain texts, JSON-LD and dates worked out in Go rather than by template actions
	}
}

// badBaseURL says what is wrong with a base URL, or "" when it is an http(s) address with a
// host or a path from the root ("/", "/journal/"), which Hugo also accepts.
func badBaseURL(v string) string {
	if strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//") {
		return ""
	}
	u, err := url.Parse(v)
	switch {
	case err != nil:
		return "is not an address"
	case u.Scheme == "" || u.Opaque != "" && u.Host == "":
		return "has no scheme (https://)"
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Sprintf("has the scheme %q: a site is served over http or https", u.Scheme)
	case u.Host == "":
		return "has no host"
	}
	return ""
}

// exampleURL proposes the address a base URL without a scheme meant.
func exampleURL(v string) string {
	if u, err := url.Parse(v); err == nil && u.Host != "" {
		u.Scheme = "https"
		if u.Path == "" {
			u.Path = "/"
		}
		return u.String()
	}
	host := strings.TrimPrefix(strings.TrimPrefix(v, "//"), "/")
	if host == "" || strings.Contains(host, "://") || strings.ContainsAny(host, " \t") {
		return "https://example.org/"
	}
	if !strings.HasSuffix(host, "/") {
		host += "/"
	}
	return "https://" + host
}

// knownParams names the settings of kiosqueParams: "params.kiosque.a, params.kiosque.b and
// params.kiosque.c".
func knownParams() string {
	names := make([]string, len(kiosqueParams))
	for i, k := range kiosqueParams {
		names[i] = "params.kiosque." + k
	}
	last := len(names) - 1
	if last == 0 {
		return names[0]
	}
	return strings.Join(names[:last], ", ") + " and " + names[last]
}

// paramsWarnings returns a warning per key of [params.kiosque] that kiosque does not read,
// naming the known key it is closest to.
func paramsWarnings(user config.Provider) []string {
	v := user.Get("params.kiosque")
	if v == nil {
		return nil
	}
	p, ok := v.(hmaps.Params)
	if !ok {
		return []string{fmt.Sprintf("params.kiosque is %v, not a table of settings: kiosque ignores it", v)}
	}
	var warnings []string
	known := make([]string, len(kiosqueParams))
	for i, k := range kiosqueParams {
		known[i] = strings.ToLower(k)
	}
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if slices.Contains(known, k) {
			continue
		}
		if near, ok := nearest(k, kiosqueParams); ok {
			warnings = append(warnings, fmt.Sprintf("unknown setting params.kiosque.%s: did you mean params.kiosque.%s?", k, near))
		} else {
			warnings = append(warnings, fmt.Sprintf("unknown setting params.kiosque.%s: kiosque reads %s", k, knownParams()))
		}
	}
	return warnings
}
