package site

import (
	"errors"
	"testing"

	"github.com/gohugoio/hugo/config"
)

// TestCheckSegments refuses the segments a configuration does not define, which Hugo would
// skip, rendering the whole site when it knows none.
func TestCheckSegments(t *testing.T) {
	withSegments := config.New()
	withSegments.Set("segments", map[string]any{"a-m": map[string]any{}, "rest": map[string]any{}})
	for _, tc := range []struct {
		msg   string
		user  config.Provider
		names []string
		want  string // the error, "" for none
	}{
		{"the whole site", config.New(), nil, ""},
		{"defined segments", withSegments, []string{"a-m", "rest"}, ""},
		{"one unknown among known ones", withSegments, []string{"a-m", "n-z"}, `no such segment "n-z": the configuration defines a-m, rest`},
		{"Hugo's names are lower case", withSegments, []string{"A-M"}, `no such segment "A-M": the configuration defines a-m, rest`},
		{"no segments at all", config.New(), []string{"a-m"}, `no such segment "a-m": the configuration defines no [segments]`},
	} {
		err := checkSegments(tc.user, tc.names)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.msg, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want || !errors.Is(err, ErrSegment)):
			t.Errorf("%s: got error %v, want %q wrapping ErrSegment", tc.msg, err, tc.want)
		}
	}
}
