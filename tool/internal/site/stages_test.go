package site

import (
	"testing"
	"time"
)

// TestParseMetrics reads tables laid out as Hugo's metrics.Store writes them.
func TestParseMetrics(t *testing.T) {
	for _, tc := range []struct {
		msg, table string
		want       []TemplateTime
	}{
		{"no template executed", `       cumulative       average       maximum
         duration      duration      duration  count  template
       ----------      --------      --------  -----  --------
`, nil},
		{"two templates, the longest total first even when written after", `       cumulative       average       maximum
         duration      duration      duration  count  template
       ----------      --------      --------  -----  --------
          1.5ms         500µs          1ms      3  _partials/kiosque/card.html
       2.000002s            1s         1.9s      2  page.html
`, []TemplateTime{
			{Name: "page.html", Count: 2, Total: 2*time.Second + 2*time.Microsecond, Average: time.Second, Max: 1900 * time.Millisecond},
			{Name: "_partials/kiosque/card.html", Count: 3, Total: 1500 * time.Microsecond, Average: 500 * time.Microsecond, Max: time.Millisecond},
		}},
		{"a name with a space", `          4ms           2ms           3ms      2  my layouts/odd name.html
`, []TemplateTime{{Name: "my layouts/odd name.html", Count: 2, Total: 4 * time.Millisecond, Average: 2 * time.Millisecond, Max: 3 * time.Millisecond}}},
	} {
		got := parseMetrics(tc.table)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %d templates %v, want %d", tc.msg, len(got), got, len(tc.want))
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: template %d is %+v, want %+v", tc.msg, i, got[i], tc.want[i])
			}
		}
	}
}
