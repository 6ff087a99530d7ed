package scrape

import (
	"net/url"
	"path/filepath"
	"strings"
)

// mirrorAddress returns the address of a page of a mirror (wget --mirror) from its path: the
// nearest folder above it named as a host ("www.echo-bocage.example"), then the path below
// that folder, an index page standing for its folder ("agenda/index.html" is "agenda/");
// nil when no folder above the page is named as a host. With a root, only the folders from
// the page's up to root, root included, are looked at: a site folder named after its domain
// is not a mirror. A mirror does not keep the scheme: it is https.
func mirrorAddress(name, root string) *url.URL {
	name = filepath.Clean(name)
	segs := strings.Split(filepath.ToSlash(name), "/")
	top := 0
	if root != "" {
		rel, err := filepath.Rel(filepath.Dir(filepath.Clean(root)), name)
		if err != nil || !filepath.IsLocal(rel) {
			return nil
		}
		top = len(segs) - len(strings.Split(filepath.ToSlash(rel), "/"))
	}
	for i := len(segs) - 2; i >= top; i-- {
		if !isHostName(segs[i]) {
			continue
		}
		rest := segs[i+1:]
		if last := strings.ToLower(rest[len(rest)-1]); last == "index.html" || last == "index.htm" {
			rest[len(rest)-1] = ""
		}
		return &url.URL{Scheme: "https", Host: strings.ToLower(segs[i]), Path: "/" + strings.Join(rest, "/")}
	}
	return nil
}

// isHostName reports whether a folder's name is a host name as wget names a mirror's
// folder: two labels or more of letters, digits and inner hyphens, the last of letters only.
func isHostName(s string) bool {
	labels := strings.Split(strings.ToLower(s), ".")
	if len(s) > 253 || len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, c := range l {
			if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	return len(tld) >= 2 && strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") == ""
}
