package scrape

import "testing"

// TestMirrorAddress recovers the address of a mirror's page from its path.
func TestMirrorAddress(t *testing.T) {
	for _, c := range []struct {
		msg, name, root, want string
	}{
		{"a page", "/in/www.echo-bocage.example/2024/03/marche.html", "/in", "https://www.echo-bocage.example/2024/03/marche.html"},
		{"an index page is its folder", "/in/www.echo-bocage.example/agenda/concert/index.html", "/in", "https://www.echo-bocage.example/agenda/concert/"},
		{"the home page", "/in/echo-bocage.example/index.htm", "/in", "https://echo-bocage.example/"},
		{"the host folder is the root", "/m/www.echo-bocage.example/a.html", "/m/www.echo-bocage.example", "https://www.echo-bocage.example/a.html"},
		{"the nearest host folder", "/in/old.example/www.echo-bocage.example/a.html", "/in", "https://www.echo-bocage.example/a.html"},
		{"a host in capitals", "/in/WWW.Echo-Bocage.example/a.html", "/in", "https://www.echo-bocage.example/a.html"},
		{"a site folder named after its domain, above the root", "/sites/echo-bocage.example/scrapes/a.html", "/sites/echo-bocage.example/scrapes", ""},
		{"no root: every folder above", "/sites/echo-bocage.example/scrapes/a.html", "", "https://echo-bocage.example/scrapes/a.html"},
		{"a version number is no host", "/in/v1.2/a.html", "/in", ""},
		{"one label is no host", "/in/localhost/a.html", "/in", ""},
		{"a label cannot end with a hyphen", "/in/echo-.example/a.html", "/in", ""},
		{"a file is no host folder", "/in/a.html", "/in", ""},
	} {
		got := ""
		if u := mirrorAddress(c.name, c.root); u != nil {
			got = u.String()
		}
		if got != c.want {
			t.Errorf("%s: mirrorAddress(%q, %q) = %q, want %q", c.msg, c.name, c.root, got, c.want)
		}
	}
}
