package scrape

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// Golden files pin the whole `parse` JSON of some cases: testdata/golden/NAME.json holds what
// Read gives for the scrape of testdata/cases/NAME.txtar. They guard against unnoticed
// change; accuracy is measured only against the hand-written wants (TestCases).

// TestCasesGolden compares the `parse` JSON of every case that has a golden file with it.
func TestCasesGolden(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	if err != nil || len(goldens) < 40 {
		t.Fatalf("found %d golden files, want at least 40: %v", len(goldens), err)
	}
	for _, golden := range goldens {
		name := strings.TrimSuffix(filepath.Base(golden), ".json")
		t.Run(name, func(t *testing.T) {
			arts, err := loadCase(t, name).read(t)
			got := marshalParse(t, arts)
			if err != nil {
				got = append(got, []byte("error: "+err.Error()+"\n")...)
			}
			checkGolden(t, golden, got)
		})
	}
}

// checkGolden compares got with the golden file, rewriting it under -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("parse JSON differs from %s (run go test -update to accept):\n%s", golden, got)
	}
}

func marshalParse(t *testing.T, arts []article.Article) []byte {
	t.Helper()
	if arts == nil {
		arts = []article.Article{}
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(arts); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}
