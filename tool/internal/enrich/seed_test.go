package enrich

import (
	"os"
	"slices"
	"testing"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape"
)

func readSeed(t *testing.T) *article.Article {
	t.Helper()
	data, err := os.ReadFile("../../../scrapes/000_a6584d1d54081efa.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := scrape.ReadText("seed.txt", data, scrape.Options{})
	a.Page = "/articles/seed"
	return &a
}

// TestSeedTags checks the seed's tags: its people, places and organisations in their
// canonical forms, nothing else.
func TestSeedTags(t *testing.T) {
	a := readSeed(t)
	Corpus([]*article.Article{a}, nil, Options{DefaultAuthor: "La rédaction"})
	t.Logf("tags: %q", a.Tags)
	for _, want := range []string{"Vladimir Poutine", "Emmanuel Macron", "Groupe de Minsk", "OSCE", "Haut-Karabakh"} {
		if !slices.Contains(a.Tags, want) {
			t.Errorf("the seed's tags %q lack %q", a.Tags, want)
		}
	}
	if n := len(a.Tags); n < MinTags || n > MaxTags {
		t.Errorf("the seed has %d tags, want %d to %d", n, MinTags, MaxTags)
	}
}
