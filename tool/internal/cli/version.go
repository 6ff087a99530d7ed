package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/gohugoio/hugo/common/hugo"
	"github.com/spf13/cobra"
)

// hugoModule is the module path of the Hugo kiosque embeds.
const hugoModule = "github.com/gohugoio/hugo"

// version returns kiosque's version line: its module version (as `go install ...@v1.2.0`
// records it; "devel" for a build from a clone, with the commit when Go recorded it), the
// version of the embedded Hugo, and the Go toolchain and platform.
func version() string {
	v, hugoV := "devel", "v"+hugo.CurrentVersion.String()
	if bi, ok := debug.ReadBuildInfo(); ok {
		if m := bi.Main.Version; m != "" && m != "(devel)" {
			v = m
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && v == "devel" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
		for _, d := range bi.Deps {
			if d.Path == hugoModule {
				hugoV = d.Version
			}
		}
	}
	return fmt.Sprintf("%s %s (Hugo %s, %s %s/%s)", programName, v, hugoV, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print kiosque's version and the version of the Hugo inside it",
		Args:  wantArgs("", 0, 0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(e.stdout, version())
			return err
		},
	}
}
