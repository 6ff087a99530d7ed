package importer

import (
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

// TestRecordsFailInPart: a JSON Lines file with a broken record still imports its good
// records, names the bad one by its line, and keeps each record's bundle folder when the
// broken record is fixed on the next run (records are keyed by their line, not their rank).
func TestRecordsFailInPart(t *testing.T) {
	fsys := afero.NewMemMapFs()
	records := []string{
		`{"url": "https://valmont-matin.example/foire", "title": "La foire de Valmont rouvre", "author": "Anne Delorme", "text": "Les forains sont de retour place du Marché.\nLa foire dure dix jours."}`,
		`{"url": "https://valmont-matin.example/pont", "title": "Le pont des Tanneurs`,
		`{"url": "https://valmont-matin.example/port", "title": "Le port de Port-Aubrac rouvre", "author": "Paul Varenne", "text": "Les pêcheurs ont levé le blocage mardi.\nLe trafic reprend."}`,
	}
	write := func() {
		if err := afero.WriteFile(fsys, site+"/scrapes/crawl.jsonl", []byte(strings.Join(records, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write()
	rep := runImport(t, importOpts(fsys))
	if got := rep.Count(bundle.Created); got != 2 {
		t.Errorf("created %d bundles, want the 2 good records", got)
	}
	if len(rep.Failures) != 1 || rep.Failures[0].Where() != "scrapes/crawl.jsonl:2" {
		t.Fatalf("failures = %v, want one naming scrapes/crawl.jsonl:2", rep.Failures)
	}
	before := snapshot(t, fsys, site+"/content/articles")

	records[1] = `{"url": "https://valmont-matin.example/pont", "title": "Le pont des Tanneurs fermé", "author": "Paul Varenne", "text": "Le pont ferme pour travaux."}`
	write()
	rep = runImport(t, importOpts(fsys))
	if len(rep.Failures) != 0 || rep.Count(bundle.Created) != 1 {
		t.Errorf("after the fix: %d created, failures %v; want 1 created (the fixed record), none failed",
			rep.Count(bundle.Created), rep.Failures)
	}
	after := snapshot(t, fsys, site+"/content/articles")
	if len(after) != len(before)+1 {
		t.Errorf("%d bundles after the fix, want %d", len(after), len(before)+1)
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			t.Errorf("%s moved when another record was fixed", name)
		}
	}
}
