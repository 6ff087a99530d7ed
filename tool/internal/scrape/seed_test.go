package scrape

import (
	"encoding/json"
	"flag"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// seedPath is the founding example, shipped as the demo site's first scrape.
const seedPath = "../../../scrapes/000_a6584d1d54081efa.txt"

func readSeed(t *testing.T) article.Article {
	t.Helper()
	arts, err := Read(afero.NewOsFs(), seedPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	a := arts[0]
	a.Source.Path = "scrapes/000_a6584d1d54081efa.txt"
	return a
}

func TestSeedFields(t *testing.T) {
	a := readSeed(t)
	if want := "Poutine et Macron promettent de poursuivre les efforts de paix au Karabakh"; a.Title != want {
		t.Errorf("title = %q, want %q", a.Title, want)
	}
	if len(a.Body) != 8 {
		t.Errorf("got %d body paragraphs, want 8", len(a.Body))
	} else {
		if got := a.Body[0].Text[:40]; got != "Le président russe Vladimir Poutine et " {
			t.Errorf("first paragraph starts %q", got)
		}
		if got := a.Body[7].Text; got[len(got)-len("OSCE »."):] != "OSCE »." {
			t.Errorf("last paragraph ends %q", got)
		}
	}
	wantDropped := []article.Dropped{
		{Line: "Se Propager", Reason: ReasonShare},
		{Line: "La rédaction vous conseille", Reason: ReasonRelatedHeading},
		{Line: "A lire aussi", Reason: ReasonRelatedHeading},
	}
	if len(a.Dropped) != len(wantDropped) {
		t.Fatalf("dropped = %v, want %v", a.Dropped, wantDropped)
	}
	for i, d := range wantDropped {
		if a.Dropped[i] != d {
			t.Errorf("dropped[%d] = %v, want %v", i, a.Dropped[i], d)
		}
	}
	wantAuthors := []string{"Jean Eckian", "Krikor Amirzayan", "Krikor Amirzayan"}
	if len(a.Related) != len(wantAuthors) {
		t.Fatalf("got %d teasers, want %d", len(a.Related), len(wantAuthors))
	}
	for i, au := range wantAuthors {
		if a.Related[i].Author != au {
			t.Errorf("teaser %d author = %q, want %q", i, a.Related[i].Author, au)
		}
	}
	if a.Related[1].Title != "Le ministère des Affaires étrangères de l’Azerbaïdjan a de nouveau accusé l’Arménie de ne pas avoir fourni de cartes des" {
		t.Errorf("teaser 1 title = %q", a.Related[1].Title)
	}
	if len(a.Authors) != 0 {
		t.Errorf("authors = %v, want none (the seed has no byline)", a.Authors)
	}
	if a.Lang != "fr" {
		t.Errorf("lang = %q, want fr", a.Lang)
	}
}

// TestSeedGolden compares the seed's whole `parse` JSON with testdata/seed.json.
func TestSeedGolden(t *testing.T) {
	a := readSeed(t)
	got, err := json.MarshalIndent([]article.Article{a}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	checkGolden(t, filepath.Join("testdata", "seed.json"), got)
	// The contract round-trips.
	var back []article.Article
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if back[0].Title != a.Title || len(back[0].Body) != len(a.Body) || len(back[0].Related) != 3 {
		t.Errorf("round trip lost fields: %+v", back[0])
	}
}
