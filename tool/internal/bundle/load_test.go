package bundle

import (
	"reflect"
	"testing"

	"github.com/spf13/afero"
)

// TestLoadPagesKeepsTheDatesZone: a page dated just after midnight in its own zone keeps that
// zone, so that its calendar month is the one Hugo shows (1 March here, not 29 February in UTC).
func TestLoadPagesKeepsTheDatesZone(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for name, data := range map[string]string{
		"/c/articles/minuit/index.md": "---\ntitle: Minuit passé\ndate: 2024-03-01T00:30:00+01:00\n---\nTexte.\n",
		"/c/articles/sans-zone.md":    "---\ntitle: Sans zone\ndate: 2024-04-01\n---\nTexte.\n",
	} {
		if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pages, errs := Target{}.LoadPages(fsys, "/c", nil)
	if len(errs) != 0 || len(pages) != 2 {
		t.Fatalf("pages %v, errors %v; want both pages", pages, errs)
	}
	for _, p := range pages {
		want := map[string]string{"/articles/minuit": "2024-03-01T00:30:00+01:00", "/articles/sans-zone": "2024-04-01T00:00:00Z"}[p.Page]
		if got := p.Date.Format("2006-01-02T15:04:05Z07:00"); got != want {
			t.Errorf("%s: date %s, want %s", p.Page, got, want)
		}
	}
}

// TestLoadPagesMeta: the front matter of each page as LoadPages reads it, without the body.
func TestLoadPagesMeta(t *testing.T) {
	fsys := afero.NewMemMapFs()
	for name, data := range map[string]string{
		"/c/articles/pont/index.md": "---\ntitle: Le pont\ndate: 2024-03-01T08:30:00+01:00\nauthors: [Lise Marchal]\ntags: [Valmont, Port]\n---\nLe pont rouvre.\n\nLa ville respire.\n",
		"/c/articles/brouillon.md":  "---\ntitle: Brouillon\ndraft: true\n---\nPas encore.\n",
	} {
		if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	full, _ := Target{}.LoadPages(fsys, "/c", nil)
	meta, errs := Target{}.LoadPagesMeta(fsys, "/c", nil)
	if len(errs) != 0 || len(meta) != 1 || len(full) != 1 {
		t.Fatalf("pages %v, errors %v; want the page that is no draft", meta, errs)
	}
	if len(full[0].Body) != 2 {
		t.Errorf("LoadPages: %d paragraphs, want 2", len(full[0].Body))
	}
	m := *meta[0]
	if len(m.Body) != 0 {
		t.Errorf("LoadPagesMeta read the body: %v", m.Body)
	}
	m.Body = full[0].Body
	if !reflect.DeepEqual(&m, full[0]) {
		t.Errorf("LoadPagesMeta read\n%+v\nwhere LoadPages read\n%+v", m, *full[0])
	}
}
