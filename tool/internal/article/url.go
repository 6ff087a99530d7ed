package article

import (
	"net/url"
	"strings"
)

// URLKey folds an address for matching: no scheme, no "www.", lower-case host, no fragment,
// no trailing slash or index page ("index.html"), no tracking parameters (utm_*, fbclid,
// xtor, ...); the parameters that name a page ("?p=123") are kept, sorted.
func URLKey(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" && u.Path == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	p := u.Path
	for _, index := range []string{"index.html", "index.htm", "index.php"} {
		if strings.HasSuffix(p, "/"+index) {
			p = strings.TrimSuffix(p, index)
		}
	}
	p = strings.TrimRight(p, "/")
	q := u.Query()
	for k := range q {
		if isTrackingParam(k) {
			q.Del(k)
		}
	}
	if len(q) > 0 {
		p += "?" + q.Encode() // Encode sorts by key
	}
	return host + p
}

// trackingParams are query parameters that follow a click, not name a page.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "xtor": true, "xtref": true, "ocid": true, "cmp": true,
	"ref": true, "ref_src": true, "src": true, "source": true, "at_medium": true, "at_campaign": true,
	"_ga": true, "share": true, "smid": true, "partner": true, "feature": true,
}

// isTrackingParam reports a query parameter that follows a click.
func isTrackingParam(k string) bool {
	k = strings.ToLower(k)
	return trackingParams[k] || strings.HasPrefix(k, "utm") || strings.HasPrefix(k, "at_") || strings.HasPrefix(k, "ns_") || strings.HasPrefix(k, "pk_")
}
