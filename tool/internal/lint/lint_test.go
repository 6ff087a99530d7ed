package lint

import (
	"testing"

	"github.com/spf13/afero"
)

// FuzzCheck feeds arbitrary content files to the check: it must report, never panic, and
// every finding must name the file and a line inside it.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: Un titre\ndate: 2026-03-01\nrelated:\n  - page: /articles/x\n---\nTexte.\n",
		"+++\ntitle = \"T\"\ntags = [\"a\"\n+++\n",
		"{\"title\": \"T\", \"aliases\": [\"/a\", \"/a\"]}\n",
		"---\nrelated: plain\nauthors: {a: b}\ndraft: peut-être\n---\n",
		"---\ntitle: [unclosed\n",
		"no front matter at all",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fsys := afero.NewMemMapFs()
		if err := afero.WriteFile(fsys, "/site/content/articles/a/index.md", []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		rep, err := Check(Options{Fs: fsys, SiteDir: "/site", ContentDir: "/site/content"})
		if err != nil {
			t.Fatal(err)
		}
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		for _, f := range rep.Findings {
			if f.File != "content/articles/a/index.md" || f.Line < 0 || f.Line > lines {
				t.Errorf("finding %v points outside the file (%d lines)", f, lines)
			}
		}
		if rep.Errors+rep.Warnings != len(rep.Findings) {
			t.Errorf("counts %d+%d for %d findings", rep.Errors, rep.Warnings, len(rep.Findings))
		}
	})
}
