package site

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque"
)

func TestNewArticle(t *testing.T) {
	fsys := afero.NewMemMapFs()
	writeSite(t, fsys, "/site", map[string]string{"hugo.toml": "timeZone = \"America/Montreal\"\n"})
	opts := NewArticleOptions{
		Options: Options{Fs: fsys, WorkingDir: "/site", Theme: kiosque.Theme(), Archetypes: kiosque.Archetypes()},
		Title:   "Les maraîchers de Valmont s’inquiètent",
		Authors: []string{"Anne Delorme"},
		Tags:    []string{"Valmont", "Agriculture"},
		Now:     time.Date(2026, 5, 4, 12, 30, 0, 0, time.UTC),
	}
	got, err := NewArticle(opts)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/site/content/articles/les-maraichers-de-valmont-s-inquietent/index.md"; got != want {
		t.Errorf("created %q, want %q", got, want)
	}
	data, err := afero.ReadFile(fsys, got)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", data)
	for _, want := range []string{
		"title: Les maraîchers de Valmont s’inquiètent\n",
		"date: 2026-05-04T08:30:00-04:00\n",
		"draft: true\n",
		"authors: [Anne Delorme]\n",
		"tags: [Valmont, Agriculture]\n",
		"related: []\n",
		"<!--",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("index.md lacks %q", want)
		}
	}
	if _, err := NewArticle(opts); !errors.Is(err, ErrExists) {
		t.Errorf("a second NewArticle returned %v, want ErrExists", err)
	}
}
