package site

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/gohugoio/hugo/config"
)

// ErrSegment reports a segment to render that the site's configuration does not define.
var ErrSegment = errors.New("no such segment")

// checkSegments returns an error wrapping ErrSegment when a segment of names is not defined
// under [segments] in the site's configuration user: Hugo would skip it, and with no segment
// it knows, render the whole site.
func checkSegments(user config.Provider, names []string) error {
	defined := user.GetStringMap("segments")
	for _, name := range names {
		if _, ok := defined[name]; ok {
			continue
		}
		if len(defined) == 0 {
			return fmt.Errorf("%w %q: the configuration defines no [segments]", ErrSegment, name)
		}
		return fmt.Errorf("%w %q: the configuration defines %s", ErrSegment, name, strings.Join(slices.Sorted(maps.Keys(defined)), ", "))
	}
	return nil
}

// segmented says whether the configuration renders some segments only (renderSegments, set by
// Options.Segments or by the site): a part of the site, which removes no file of the publish
// folder, since the files it did not write are the other parts'.
func (cfg builtConfig) segmented() bool { return len(cfg.configs.Base.RenderSegments) > 0 }
