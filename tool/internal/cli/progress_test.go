package cli

import (
	"strings"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/importer"
)

// TestLineProgress prints the counters of a stage: its count when it ends, and every tenth
// of the way through a long stage, in steps or in bytes.
func TestLineProgress(t *testing.T) {
	for _, c := range []struct {
		msg         string
		unit        importer.Unit
		total, step int
		want        string
	}{
		{"a short stage of files: its count at the end", importer.Steps, 12, 4, "kiosque: read 12/12\n"},
		{"a short read in bytes", importer.Bytes, 3 << 10, 1 << 10, "kiosque: read 3.0 KiB/3.0 KiB\n"},
		{"a read of a few bytes", importer.Bytes, 700, 700, "kiosque: read 700 B/700 B\n"},
		{"a long read in bytes, every tenth", importer.Bytes, 100 << 20, 25 << 20,
			"kiosque: read 25.0 MiB/100.0 MiB\nkiosque: read 50.0 MiB/100.0 MiB\nkiosque: read 75.0 MiB/100.0 MiB\nkiosque: read 100.0 MiB/100.0 MiB\n"},
		{"a read of gibibytes", importer.Bytes, 3 << 30, 3 << 29,
			"kiosque: read 1.5 GiB/3.0 GiB\nkiosque: read 3.0 GiB/3.0 GiB\n"},
	} {
		var out strings.Builder
		p := &lineProgress{w: &out}
		p.Start(importer.StageRead, c.total, c.unit)
		for done := 0; done < c.total; done += c.step {
			p.Step(c.step)
		}
		p.Done()
		if out.String() != c.want {
			t.Errorf("%s: printed\n%s\nwant\n%s", c.msg, out.String(), c.want)
		}
	}
}
