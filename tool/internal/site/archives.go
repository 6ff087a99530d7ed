package site

import (
	"fmt"
	"maps"
	"path"
	"strings"
	"time"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// ArchivesSection is the content folder, relative to the theme folder, of the year and month
// archive pages that every build adds: archives/_index.md, archives/2024/_index.md and
// archives/2024/03/_index.md for each month that has an article. They hold no list: the
// theme fills them from one grouping of the site's articles by month, made once per build,
// so that a month's page costs a lookup and a slice, however large the site.
const ArchivesSection = "content/archives"

// archiveFiles returns the archive sections for the articles among pages (those of the
// section), by path relative to the theme folder: the root, one section per year and one per month that has an
// article dated before now (or any date when future is set, as Hugo's buildFuture). A month
// is the one of the page's date in its own zone, as Hugo shows it.
func archiveFiles(pages []*article.Article, section string, now time.Time, future bool) map[string][]byte {
	months := map[[2]int]bool{}
	for _, p := range pages {
		if p.Date.IsZero() || !future && p.Date.After(now) || !strings.HasPrefix(p.Page, "/"+section+"/") {
			continue
		}
		months[[2]int{p.Date.Year(), int(p.Date.Month())}] = true
	}
	if len(months) == 0 {
		return nil
	}
	files := map[string][]byte{
		path.Join(ArchivesSection, "_index.md"): archiveFrontMatter("Archives", 0, 0),
	}
	for ym := range maps.Keys(months) {
		y, m := ym[0], ym[1]
		files[path.Join(ArchivesSection, fmt.Sprint(y), "_index.md")] = archiveFrontMatter(fmt.Sprint(y), y, 0)
		files[path.Join(ArchivesSection, fmt.Sprint(y), fmt.Sprintf("%02d", m), "_index.md")] = archiveFrontMatter(fmt.Sprintf("%d-%02d", y, m), y, m)
	}
	return files
}

// archiveFrontMatter is the page of an archive section: the root (year 0), a year (month 0)
// or a month. Its title is a fallback: the theme words it in the site's language.
func archiveFrontMatter(title string, year, month int) []byte {
	return fmt.Appendf(nil, "---\ntitle: %q\narchive: {year: %d, month: %d}\noutputs: [html]\n---\n", title, year, month)
}
