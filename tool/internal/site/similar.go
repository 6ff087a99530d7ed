package site

import (
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"

	"github.com/gohugoio/hugo/common/paths"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/enrich"
)

// SimilarData is the data file, relative to the theme folder, that lists the similar pages of
// every regular page when Options.Similar is set: a JSON object from a page's path, as Hugo's
// .Path gives it, to the paths of its closest pages. The theme reads it as
// hugo.Data.kiosque.similar. A site's own data/kiosque/similar.json wins page by page: Hugo
// merges a theme's data map under the site's.
const SimilarData = "data/kiosque/similar.json"

// similarFiles returns the theme files that Options.Similar adds to a build, by path relative
// to the theme folder: SimilarData, computed over the site's pages with enrich's inverted
// index of tags and authors, so that no page falls back on Hugo's related search, whose cost
// grows with the square of the site.
func similarFiles(pages []*article.Article) (map[string][]byte, error) {
	enrich.Similar(pages, enrich.DefaultSimilar)
	lists := make(map[string][]string, len(pages))
	for _, p := range pages {
		list := make([]string, 0, len(p.Similar)) // [] rather than null: the page is known
		for _, s := range p.Similar {
			list = append(list, pagePath(s))
		}
		lists[pagePath(p.Page)] = list
	}
	data, err := json.Marshal(lists)
	if err != nil {
		return nil, fmt.Errorf("failed to list similar pages: %w", err)
	}
	return map[string][]byte{SimilarData: data}, nil
}

// pagePath returns a page's path as Hugo's .Path gives it: lower case, spaces as hyphens.
func pagePath(p string) string {
	return paths.NormalizePathStringBasic(path.Clean("/" + filepath.ToSlash(p)))
}
