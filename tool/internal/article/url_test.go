package article

import "testing"

func TestURLKey(t *testing.T) {
	for _, tc := range []struct{ in, want, msg string }{
		{"https://www.echo-bocage.example/valmont/la-halle/", "echo-bocage.example/valmont/la-halle", "scheme, www. and trailing slash"},
		{"http://echo-bocage.example/valmont/la-halle/index.html", "echo-bocage.example/valmont/la-halle", "index page"},
		{"https://Echo-Bocage.example/a?utm_source=bloc&utm_medium=web&xtor=RSS-1", "echo-bocage.example/a", "tracking parameters and host case"},
		{"https://millbrook-ledger.example/?p=123&fbclid=abc", "millbrook-ledger.example?p=123", "a parameter that names the page stays"},
		{"https://millbrook-ledger.example/a?page=2&id=7", "millbrook-ledger.example/a?id=7&page=2", "kept parameters are sorted"},
		{"https://millbrook-ledger.example/a#comments", "millbrook-ledger.example/a", "fragment"},
		{"", "", "empty"},
	} {
		if got := URLKey(tc.in); got != tc.want {
			t.Errorf("%s: URLKey(%q) = %q, want %q", tc.msg, tc.in, got, tc.want)
		}
	}
	if URLKey("https://millbrook-ledger.example/?p=1") == URLKey("https://millbrook-ledger.example/?p=2") {
		t.Error("two pages told apart by ?p= fold alike")
	}
}
