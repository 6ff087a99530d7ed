package site

import (
	"github.com/gohugoio/hugo/config"
)

// applyHosting sets on flags what makes the built site work where it is put:
//
//   - a site with no base URL (none configured, none given) is built with relative links, so
//     the output folder works from any folder or sub-path, even opened from the disk;
//   - a site built with relative links is portable (params.kiosque.portable): the theme then
//     leaves out the integrity attributes that browsers refuse for file: pages, and adds the
//     small script that lets links work from the disk (the search index is a set of scripts,
//     which work there too);
//   - links and images written in Markdown go through Hugo's embedded render hooks, which
//     resolve "/articles/x" and a bundle's own images to their real addresses, so they follow
//     a base URL's sub-path.
//
// Each setting applies only when the site's own configuration leaves it unset.
func applyHosting(flags, user config.Provider, opts Options, x internal) {
	relative := user.GetBool("relativeurls")
	if !x.server && opts.BaseURL == "" && !user.IsSet("baseurl") && !user.IsSet("relativeurls") {
		flags.Set("relativeURLs", true)
		relative = true
	}
	if relative && !user.IsSet("params.kiosque.portable") {
		flags.Set("params.kiosque.portable", true)
	}
	for _, hook := range []string{"link", "image"} {
		key := "markup.goldmark.renderhooks." + hook + ".useembedded"
		if !user.IsSet(key) {
			flags.Set(key, "fallback") // the site's or theme's own hook, else Hugo's
		}
	}
}
