package browsertest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestLighthouse runs Lighthouse 12 with Chromium on the seed's article, desktop and mobile
// presets, and logs the four category scores; the JSON reports go to the artifacts folder.
// It runs only with KIOSQUE_LIGHTHOUSE=1: it takes about half a minute and measures, it does
// not judge (the scores depend on the machine).
func TestLighthouse(t *testing.T) {
	if os.Getenv("KIOSQUE_LIGHTHOUSE") != "1" {
		t.Skip("set KIOSQUE_LIGHTHOUSE=1 to run Lighthouse on the article page")
	}
	demoSite(t)
	exe := chromiumPath(t)
	cli := nodeModule(t, "lighthouse/cli/index.js")
	dir := artifacts(t)
	for _, preset := range []string{"desktop", "mobile"} {
		report := filepath.Join(dir, "lighthouse-"+preset+".json")
		args := []string{cli, serverURL + seedArticle, "--output=json", "--output-path=" + report, "--quiet",
			"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --user-data-dir=" + t.TempDir()}
		if preset == "desktop" {
			args = append(args, "--preset=desktop")
		}
		cmd := exec.Command("node", args...)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+exe)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("lighthouse: %v\n%s", err, out)
		}
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			LighthouseVersion string `json:"lighthouseVersion"`
			Categories        map[string]struct {
				Score float64 `json:"score"`
			} `json:"categories"`
		}
		if err := json.Unmarshal(data, &rep); err != nil {
			t.Fatal(err)
		}
		t.Logf("Lighthouse %s, %s: performance %.0f, accessibility %.0f, best practices %.0f, SEO %.0f (report %s)",
			rep.LighthouseVersion, preset,
			100*rep.Categories["performance"].Score, 100*rep.Categories["accessibility"].Score,
			100*rep.Categories["best-practices"].Score, 100*rep.Categories["seo"].Score, report)
	}
}
