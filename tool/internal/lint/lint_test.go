package lint

import (
	"slices"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
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

// TestMessages checks the message and line of the findings whose wording says what to write.
func TestMessages(t *testing.T) {
	for _, c := range []struct {
		msg, src string
		line     int
		want     string
	}{
		{"unclosed YAML", "---\ntitle: La foire\ndate: 2026-03-01\n\nLa foire rouvre.\n", 1,
			`the YAML front matter is never closed: add a line "---" after its last key`},
		{"unclosed TOML", "+++\ntitle = \"La foire\"\n\nLa foire rouvre.\n", 1,
			`the TOML front matter is never closed: add a line "+++" after its last key`},
		{"day first or month first", "---\ntitle: La foire\ndate: 12/03/2023\n---\n", 3,
			`date "12/03/2023" is not a date Hugo can read: write 2023-03-12, or 2023-12-03 if the month comes first`},
		{"day first only", "---\ntitle: La foire\ndate: 25/03/2023\n---\n", 3,
			`date "25/03/2023" is not a date Hugo can read: write 2023-03-25`},
		{"month first only", "---\ntitle: La foire\ndate: 03/25/2023\n---\n", 3,
			`date "03/25/2023" is not a date Hugo can read: write 2023-03-25`},
		{"dots and a time", "---\ntitle: La foire\ndate: 25.03.2023 10h15\n---\n", 3,
			`date "25.03.2023 10h15" is not a date Hugo can read: write 2023-03-25T10:15:00`},
		{"no such day", "---\ntitle: La foire\ndate: 29/02/2023\n---\n", 3,
			`date "29/02/2023" is not a date Hugo can read (write 2026-03-01 or 2026-03-01T08:00:00+01:00)`},
		{"a leap day", "---\ntitle: La foire\ndate: 29/02/2024\n---\n", 3,
			`date "29/02/2024" is not a date Hugo can read: write 2024-02-29`},
		{"words", "---\ntitle: La foire\ndate: mardi prochain\n---\n", 3,
			`date "mardi prochain" is not a date Hugo can read (write 2026-03-01 or 2026-03-01T08:00:00+01:00)`},
	} {
		fsys := afero.NewMemMapFs()
		if err := afero.WriteFile(fsys, "/site/content/articles/a/index.md", []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		rep, err := Check(Options{Fs: fsys, SiteDir: "/site", ContentDir: "/site/content"})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) != 1 {
			t.Errorf("%s: %d findings, want 1: %v", c.msg, len(rep.Findings), rep.Findings)
			continue
		}
		if f := rep.Findings[0]; f.Line != c.line || f.Message != c.want {
			t.Errorf("%s: line %d: %q\nwant line %d: %q", c.msg, f.Line, f.Message, c.line, c.want)
		}
	}
}

// TestLanguages checks a site whose pages are in several languages, each with a content
// folder of its own or as translations in one folder: addresses are per language, and an
// editors' pick may name a page of any language.
func TestLanguages(t *testing.T) {
	page := func(related string) string {
		src := "---\ntitle: Un titre\ndate: 2026-04-01\n"
		if related != "" {
			src += "related:\n  - page: " + related + "\n"
		}
		return src + "---\nTexte.\n"
	}
	folders := bundle.Target{Folders: map[string]string{"en": "/site/content/en"}}
	shared := bundle.Target{Translations: []string{"en"}}
	for _, c := range []struct {
		msg    string
		target bundle.Target
		files  map[string]string
		want   []string // "file rule" of the findings of the rules below
	}{
		{"one path in each language's folder", folders, map[string]string{
			"content/fr/articles/a/index.md": page(""),
			"content/en/articles/a/index.md": page(""),
		}, nil},
		{"a pick of a page of the other language's folder", folders, map[string]string{
			"content/fr/articles/a/index.md": page("/articles/b"),
			"content/en/articles/b/index.md": page(""),
		}, nil},
		{"a pick of a page no folder has", folders, map[string]string{
			"content/fr/articles/a/index.md": page("/articles/c"),
			"content/en/articles/b/index.md": page(""),
		}, []string{"content/fr/articles/a/index.md related-page"}},
		{"one address twice in one language's folder", folders, map[string]string{
			"content/en/articles/b/index.md": page(""),
			"content/en/articles/b.md":       page(""),
		}, []string{"content/en/articles/b.md duplicate-url"}}, // the page read second
		{"a translation in the default folder, and a pick of one", shared, map[string]string{
			"content/articles/a/index.md":    page("/articles/d"),
			"content/articles/a/index.en.md": page(""),
			"content/articles/d/index.en.md": page(""),
		}, nil},
	} {
		fsys := afero.NewMemMapFs()
		for name, src := range c.files {
			if err := afero.WriteFile(fsys, "/site/"+name, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		contentDir := "/site/content"
		if c.target.Folders != nil {
			contentDir = "/site/content/fr"
		}
		rep, err := Check(Options{Fs: fsys, SiteDir: "/site", ContentDir: contentDir, Target: c.target})
		if err != nil {
			t.Fatalf("%s: %v", c.msg, err)
		}
		var got []string
		for _, f := range rep.Findings {
			if f.Rule == RuleRelatedPage || f.Rule == RuleDuplicateURL {
				got = append(got, f.File+" "+f.Rule)
			}
		}
		if rep.Files != len(c.files) || !slices.Equal(got, c.want) {
			t.Errorf("%s: %d files, findings %q; want %d files, %q", c.msg, rep.Files, got, len(c.files), c.want)
		}
	}
}
