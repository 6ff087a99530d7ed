package importer

import (
	"flag"
	"maps"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"go.yaml.in/yaml/v3"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// The bundles of the fictional corpus.
const (
	budgetDir    = "articles/valmont-adopte-un-budget-de-crise-malgre-la-colere-des-commercants"
	pecheursDir  = "articles/les-pecheurs-de-port-aubrac-bloquent-le-port-contre-les-quotas"
	centenaryDir = "articles/valmont-matin-fete-ses-cent-ans-avec-ses-lecteurs"
)

// readBundle returns the front matter of a bundle written by the import.
func readBundle(t *testing.T, fsys afero.Fs, dir string) bundle.FrontMatter {
	t.Helper()
	data, err := afero.ReadFile(fsys, path.Join(site, "content", dir, "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(data), "---\n", 3)
	if len(parts) != 3 {
		t.Fatalf("%s: no front matter", dir)
	}
	var fm bundle.FrontMatter
	if err := yaml.Unmarshal([]byte(parts[1]), &fm); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	return fm
}

// TestCorpus imports the fictional corpus and checks the corpus-level work: bylines split and
// mapped through the alias table, teasers resolved by excerpt and by title and left as text
// when their article is not in the corpus, never a link to itself, the duplicate imported
// once, a profile for every author, and the empty scrape named as a failure.
func TestCorpus(t *testing.T) {
	fsys := corpusFs(t)
	rep := runImport(t, importOpts(fsys))

	if got := rep.Count(bundle.Created); got != 3 {
		t.Errorf("created %d bundles, want 3: %+v", got, rep.Items)
	}
	if len(rep.Failures) != 1 || rep.Failures[0].Error() != "scrapes/e-vide.txt: empty file" {
		t.Errorf("failures = %v, want the empty scrape only", rep.Failures)
	}
	if len(rep.Duplicates) != 1 || rep.Duplicates[0].Source != "scrapes/d-centenaire-copie.txt" || rep.Duplicates[0].Of != "scrapes/c-centenaire.txt" {
		t.Errorf("duplicates = %+v, want the copy of the centenary", rep.Duplicates)
	}

	budget := readBundle(t, fsys, budgetDir)
	if want := []string{"Claire Fontanel", "Hugo Martel"}; !slices.Equal(budget.Authors, want) {
		t.Errorf("budget authors = %q, want %q (split, case restored)", budget.Authors, want)
	}
	for _, c := range []struct {
		msg, title, author, page string
	}{
		{"excerpt cut mid-word, straight apostrophe, alias author", "Les pêcheurs de Port-Aubrac ont bloqué l'accès", "Claire Fontanel", "/" + pecheursDir},
		{"title with an ellipsis, author in capitals", "Valmont Matin fête ses cent ans", "Bastien Morel", "/" + centenaryDir},
		{"article outside the corpus", "Le festival de jazz de Montclair", "Lucie Varenne", ""},
		{"same first words, other article", "Les pêcheurs de Port-Aubrac ont manifesté", "Lucie Varenne", ""},
		{"the article itself", "Valmont adopte un budget de crise", "Hugo Martel", ""},
	} {
		i := slices.IndexFunc(budget.Related, func(r bundle.RelatedEntry) bool { return strings.HasPrefix(r.Title, c.title) })
		if i < 0 {
			t.Errorf("%s: no teaser %q", c.msg, c.title)
			continue
		}
		if r := budget.Related[i]; r.Page != c.page || r.Author != c.author {
			t.Errorf("%s: teaser %q -> page %q by %q, want %q by %q", c.msg, c.title, r.Page, r.Author, c.page, c.author)
		}
	}

	centenary := readBundle(t, fsys, centenaryDir)
	if len(centenary.Source.Duplicates) != 1 || centenary.Source.Duplicates[0].File != "scrapes/d-centenaire-copie.txt" {
		t.Errorf("centenary duplicates = %+v, want the copy", centenary.Source.Duplicates)
	}
	if len(centenary.Related) != 2 {
		t.Errorf("centenary has %d teasers, want its own and the copy's: %+v", len(centenary.Related), centenary.Related)
	}
	for _, r := range centenary.Related {
		if r.Page == "" {
			t.Errorf("centenary teaser %q is not resolved", r.Title)
		}
	}
	if centenary.Related[0].Author != "Hugo Martel" {
		t.Errorf("teaser byline %q, want %q (an initial completed from the corpus)", centenary.Related[0].Author, "Hugo Martel")
	}
	if ok, _ := afero.DirExists(fsys, site+"/content/articles/valmont-matin-fete-ses-cent-ans-avec-ses-lecteurs-2"); ok {
		t.Error("the duplicate got a bundle of its own")
	}

	for _, a := range []string{"claire-fontanel", "hugo-martel", "bastien-morel", "lucie-varenne"} {
		if ok, _ := afero.Exists(fsys, site+"/content/authors/"+a+"/_index.md"); !ok {
			t.Errorf("no profile for %s", a)
		}
	}
	if len(rep.Profiles) != 4 {
		t.Errorf("created %d profiles, want 4: %q", len(rep.Profiles), rep.Profiles)
	}

	for dir, want := range map[string][]string{
		budgetDir:    {"Anne Delorme", "Bastien Morel", "UCV", "Valmont", "Haute-Sélève"},
		pecheursDir:  {"Agence Maritime de la Sélève", "Port-Aubrac", "Yann Kerbellec"},
		centenaryDir: {"Gaston Lebrun", "Marion Chastel", "Haute-Sélève"},
	} {
		fm := readBundle(t, fsys, dir)
		for _, tag := range want {
			if !slices.Contains(fm.Tags, tag) {
				t.Errorf("%s: tags %q lack %q", dir, fm.Tags, tag)
			}
		}
		if slices.Contains(fm.Tags, "Valmont Matin") || slices.Contains(fm.Tags, "AMS") || slices.Contains(fm.Tags, "Sélève") {
			t.Errorf("%s: tags %q hold a banned tag or an alias", dir, fm.Tags)
		}
		// The fishermen's article shares no subject with the others, only its author with the
		// budget's: a byline alone makes no similar article.
		if wantSome := dir != pecheursDir; (len(fm.Similar) > 0) != wantSome || slices.Contains(fm.Similar, "/"+dir) {
			t.Errorf("%s: similar = %q, want other articles: %v", dir, fm.Similar, wantSome)
		}
	}
}

// TestGolden compares a whole bundle with its golden file (go test -update rewrites it).
func TestGolden(t *testing.T) {
	fsys := corpusFs(t)
	runImport(t, importOpts(fsys))
	got, err := afero.ReadFile(fsys, path.Join(site, "content", budgetDir, "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	golden := "testdata/golden/budget.md"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the bundle differs from %s:\n%s", golden, got)
	}
}

// TestIdempotent imports twice: the second import changes nothing on the filesystem, and the
// tree is byte for byte the same.
func TestIdempotent(t *testing.T) {
	base := corpusFs(t)
	runImport(t, importOpts(base))
	first := snapshot(t, base, site)

	fsys := newFaultFs(base)
	rep := runImport(t, importOpts(fsys))
	if len(fsys.changes) != 0 {
		t.Errorf("the second import changed the filesystem: %q", fsys.changes)
	}
	if n := rep.Count(bundle.Unchanged); n != 3 {
		t.Errorf("%d bundles unchanged, want 3: %+v", n, rep.Items)
	}
	if second := snapshot(t, base, site); !maps.Equal(first, second) {
		t.Error("the second import changed the tree")
	}
}

// TestDryRun checks that a dry run writes nothing and tells what an import would do.
func TestDryRun(t *testing.T) {
	base := corpusFs(t)
	rep := dryRun(t, base)
	if rep.Count(bundle.Created) != 3 || len(rep.Profiles) != 4 || len(rep.Duplicates) != 1 {
		t.Errorf("dry run: %+v, want 3 bundles, 4 profiles and 1 duplicate to create", rep)
	}
	for _, it := range rep.Items {
		if it.Reason != bundle.ReasonNew {
			t.Errorf("%s: reason %q, want %q", it.Bundle, it.Reason, bundle.ReasonNew)
		}
	}
}

// TestHandEdit edits a bundle by hand, then changes its scrape: the import keeps the edit and
// says so, --force overwrites it, and a writer's own page is never touched, even with --force.
func TestHandEdit(t *testing.T) {
	fsys := corpusFs(t)
	runImport(t, importOpts(fsys))

	index := path.Join(site, "content", pecheursDir, "index.md")
	edited, _ := afero.ReadFile(fsys, index)
	edited = append(edited, []byte("\nUn paragraphe ajouté par la rédaction.\n")...)
	writeFile(t, fsys, index, string(edited))
	mine := site + "/content/articles/mon-billet/index.md"
	writeFile(t, fsys, mine, "---\ntitle: Mon billet\n---\n\nÉcrit à la main.\n")
	scrape := site + "/scrapes/b-pecheurs.txt"
	src, _ := afero.ReadFile(fsys, scrape)
	writeFile(t, fsys, scrape, strings.Replace(string(src), "mardi matin", "mardi à l’aube", 1))

	rep := runImport(t, importOpts(fsys))
	if got := itemOf(rep, pecheursDir); got.Outcome != bundle.Kept || got.Reason != bundle.ReasonHandEdit {
		t.Errorf("edited bundle: %+v, want kept as a hand edit", got)
	}
	if now, _ := afero.ReadFile(fsys, index); string(now) != string(edited) {
		t.Error("the hand-edited bundle was overwritten")
	}

	opts := importOpts(fsys)
	opts.Force = true
	rep = runImport(t, opts)
	if got := itemOf(rep, pecheursDir); got.Outcome != bundle.Updated || got.Reason != bundle.ReasonForced {
		t.Errorf("forced: %+v, want updated", got)
	}
	if now, _ := afero.ReadFile(fsys, index); !strings.Contains(string(now), "mardi à l’aube") {
		t.Error("--force did not rewrite the edited bundle")
	}
	if now, _ := afero.ReadFile(fsys, mine); string(now) != "---\ntitle: Mon billet\n---\n\nÉcrit à la main.\n" {
		t.Error("a writer's own page was touched")
	}
}

// TestWriterPageKeepsItsFolder imports an article whose title gives the folder of a writer's
// own page: the article gets a suffixed folder, the same on every run, and the page is left
// alone.
func TestWriterPageKeepsItsFolder(t *testing.T) {
	fsys := corpusFs(t)
	mine := path.Join(site, "content", pecheursDir, "index.md")
	writeFile(t, fsys, mine, "---\ntitle: Mon billet\n---\n")
	rep := runImport(t, importOpts(fsys))
	got := itemOf(rep, "articles/les-pecheurs-de-port-aubrac-bloquent-le-port-contre-les-quotas-")
	if got.Outcome != bundle.Created {
		t.Fatalf("items %+v: want a suffixed folder for the pêcheurs", rep.Items)
	}
	if now, _ := afero.ReadFile(fsys, mine); string(now) != "---\ntitle: Mon billet\n---\n" {
		t.Error("a writer's own page was touched")
	}
	other := corpusFs(t)
	writeFile(t, other, mine, "---\ntitle: Mon billet\n---\n")
	if again := itemOf(runImport(t, importOpts(other)), got.Bundle); again.Outcome != bundle.Created {
		t.Errorf("the suffix is not stable: %s not created again", got.Bundle)
	}
}

// TestInterruptedWrite cuts the write of a bundle half-way: the old bundle stays whole, no
// temporary file is left, the scrape is named as failed, and the next import finishes the job
// without mistaking the bundle for a hand edit.
func TestInterruptedWrite(t *testing.T) {
	base := corpusFs(t)
	runImport(t, importOpts(base))
	index := path.Join(site, "content", pecheursDir, "index.md")
	before, _ := afero.ReadFile(base, index)
	changeScrape(t, base)

	fsys := newFaultFs(base)
	fsys.failOn = pecheursDir
	rep := runImport(t, importOpts(fsys))
	if len(rep.Failures) != 2 { // the empty scrape, and the interrupted write
		t.Errorf("failures = %v, want the interrupted write named", rep.Failures)
	}
	if after, _ := afero.ReadFile(base, index); string(after) != string(before) {
		t.Error("the interrupted write damaged the old bundle")
	}
	if tmp, _ := afero.Glob(base, path.Join(site, "content", pecheursDir, ".*")); len(tmp) != 0 {
		t.Errorf("temporary files left: %q", tmp)
	}

	rep = runImport(t, importOpts(base))
	if got := itemOf(rep, pecheursDir); got.Outcome != bundle.Updated {
		t.Errorf("after the failure: %+v, want updated", got)
	}
	assertSameAsClean(t, base)
}

// TestPowerCut stops every change to the filesystem after the n-th, for every n an import
// makes, in several situations: whatever was left, and whatever changed in the inbox before
// the next import, that next import ends with the tree a clean import of the inbox gives,
// takes none of its own files for hand edits, creates the author profiles it missed, and
// finds the parse cache whole (the one before the cut, or the one the cut import wrote).
// Without the manifest's record of the writes an import intends (bundle.Writer.Intend), the
// first import and the inbox changed between cut and resume fail here.
func TestPowerCut(t *testing.T) {
	imported := func(t *testing.T, fsys afero.Fs) { runImport(t, importOpts(fsys)) }
	for _, c := range []struct {
		msg string
		// before makes the site the cut import starts from; between changes the inbox after
		// the cut, before the import that resumes.
		before, between func(*testing.T, afero.Fs)
	}{
		{"a changed scrape", func(t *testing.T, fsys afero.Fs) { imported(t, fsys); changeScrape(t, fsys) }, nil},
		{"a first import", nil, nil},
		{"a first import, then a changed inbox", nil, func(t *testing.T, fsys afero.Fs) { changeScrape(t, fsys); addScrape(t, fsys) }},
		{"a changed scrape, changed again", func(t *testing.T, fsys afero.Fs) { imported(t, fsys); changeScrape(t, fsys) },
			func(t *testing.T, fsys afero.Fs) { changeScrapeAgain(t, fsys) }},
		{"a new scrape with new authors", func(t *testing.T, fsys afero.Fs) { imported(t, fsys); addScrape(t, fsys) }, nil},
	} {
		setup := func() afero.Fs {
			fsys := corpusFs(t)
			if c.before != nil {
				c.before(t, fsys)
			}
			return fsys
		}
		count := newFaultFs(setup())
		runImport(t, importOpts(count))
		total := len(count.changes)
		if total == 0 {
			t.Fatalf("%s: the import made no change", c.msg)
		}
		for n := 0; n < total; n++ {
			base := setup()
			fsys := newFaultFs(base)
			fsys.budget = n
			_, _ = Run(importOpts(fsys))
			if c.between != nil {
				c.between(t, base)
			}
			rep := runImport(t, importOpts(base))
			for _, it := range rep.Items {
				if it.Outcome == bundle.Kept {
					t.Errorf("%s, cut after %d of %d changes: %s kept as a hand edit", c.msg, n, total, it.Bundle)
				}
			}
			if len(rep.Failures) != 1 { // the empty scrape
				t.Errorf("%s, cut after %d of %d changes: failures %v", c.msg, n, total, rep.Failures)
			}
			if w := cacheWarnings(rep); len(w) > 0 { // a parse cache written in part
				t.Errorf("%s, cut after %d of %d changes: %q", c.msg, n, total, w)
			}
			assertSameAsClean(t, base)
		}
	}
}

// addScrape adds a scrape by an author new to the corpus, announcing an article by another.
func addScrape(t *testing.T, fsys afero.Fs) {
	t.Helper()
	writeFile(t, fsys, site+"/scrapes/f-phare.txt", `Le phare de Port-Aubrac rallumé après trois ans
Par Lucie Varenne
Le phare de Port-Aubrac brille de nouveau depuis samedi soir, après trois ans de travaux menés par l’Agence Maritime de la Sélève.
Les pêcheurs de Port-Aubrac saluent un repère retrouvé pour les nuits de brume.
La rédaction vous conseille
Le festival de jazz de Montclair
- by Bastien Roux
`)
}

// changeScrapeAgain changes the pêcheurs' scrape a second time. Its size changes with it:
// writeFile keeps every scrape's time, and a change that keeps both a file's size and its
// time is one that no import sees (see the README's re-runs).
func changeScrapeAgain(t *testing.T, fsys afero.Fs) {
	t.Helper()
	name := site + "/scrapes/b-pecheurs.txt"
	src, _ := afero.ReadFile(fsys, name)
	writeFile(t, fsys, name, strings.Replace(string(src), "jusqu’à vendredi", "jusqu’à dimanche soir", 1))
}

// changeScrape changes the text of the pêcheurs' scrape.
func changeScrape(t *testing.T, fsys afero.Fs) {
	t.Helper()
	name := site + "/scrapes/b-pecheurs.txt"
	src, _ := afero.ReadFile(fsys, name)
	writeFile(t, fsys, name, strings.Replace(string(src), "mardi matin", "mardi à l’aube", 1))
}

// stampTimes matches the modification times in the parse cache's stamps.
var stampTimes = regexp.MustCompile(`"mtime":[0-9]+`)

// assertSameAsClean checks that the content of fsys is what one import of its scrapes into an
// empty site gives.
func assertSameAsClean(t *testing.T, fsys afero.Fs) {
	t.Helper()
	clean := afero.NewMemMapFs()
	for name, data := range snapshot(t, fsys, site+"/scrapes") {
		writeFile(t, clean, name, data)
	}
	for name, data := range snapshot(t, fsys, site+"/data") {
		writeFile(t, clean, name, data)
	}
	runImport(t, importOpts(clean))
	want, got := snapshot(t, clean, site+"/content"), snapshot(t, fsys, site+"/content")
	// The import state stamps files with the times they were written, which no two runs share:
	// assertReplays checks what it leaves instead.
	state := path.Join(site, "content", bundle.StateName)
	delete(want, state)
	delete(got, state)
	// So does the parse cache, whose entries are compared without their times.
	cache := path.Join(site, "content", bundle.ParseCacheName)
	want[cache], got[cache] = stampTimes.ReplaceAllString(want[cache], `"mtime":0`), stampTimes.ReplaceAllString(got[cache], `"mtime":0`)
	for _, name := range sortedFiles(want) {
		if got[name] != want[name] {
			t.Errorf("%s differs from a clean import:\n%s\nwant:\n%s", name, got[name], want[name])
		}
	}
	for _, name := range sortedFiles(got) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is left over", name)
		}
	}
	assertReplays(t, fsys, "a re-run")
}

func writeFile(t *testing.T, fsys afero.Fs, name, data string) {
	t.Helper()
	if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := fsys.Chtimes(name, epoch, epoch); err != nil {
		t.Fatal(err)
	}
}

// itemOf returns the item of the bundle whose folder starts with dir.
func itemOf(rep *Report, dir string) Item {
	for _, it := range rep.Items {
		if strings.HasPrefix(it.Bundle, dir) {
			return it
		}
	}
	return Item{}
}

// TestSeedAndCorpus imports the seed with the fictional corpus: every author named on an
// article or a teaser has a profile, the seed gets its tags, and the seed's teasers, whose
// articles are not in the corpus, stay as text.
func TestSeedAndCorpus(t *testing.T) {
	fsys := corpusFs(t)
	seed, err := os.ReadFile("../../../scrapes/000_a6584d1d54081efa.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, fsys, site+"/scrapes/000_a6584d1d54081efa.txt", string(seed))
	rep := runImport(t, importOpts(fsys))
	if n := rep.Count(bundle.Created); n != 4 {
		t.Fatalf("created %d bundles, want 4", n)
	}
	for _, it := range rep.Items {
		fm := readBundle(t, fsys, it.Bundle)
		names := fm.Authors
		for _, r := range fm.Related {
			names = append(names, r.Author)
		}
		for _, name := range names {
			if ok, _ := afero.Exists(fsys, path.Join(site, "content/authors", bundle.TermFolder(name), "_index.md")); name != "" && !ok {
				t.Errorf("%s: %q has no profile", it.Bundle, name)
			}
		}
		if it.Source != "scrapes/000_a6584d1d54081efa.txt" {
			continue
		}
		for _, want := range []string{"Vladimir Poutine", "Emmanuel Macron", "Groupe de Minsk", "OSCE", "Haut-Karabakh"} {
			if !slices.Contains(fm.Tags, want) {
				t.Errorf("seed tags %q lack %q", fm.Tags, want)
			}
		}
		for _, r := range fm.Related {
			if r.Page != "" {
				t.Errorf("seed teaser %q linked to %s, which it does not announce", r.Title, r.Page)
			}
		}
	}
}

// TestMovesOldProfiles imports over a profile an earlier import wrote in the folder of the
// address, without accents: a dry run says it would move it, and the import moves it to the
// folder of the author's page, keeping what the newsroom wrote in it.
func TestMovesOldProfiles(t *testing.T) {
	base := corpusFs(t)
	writeFile(t, base, site+"/scrapes/f-halle.txt", "Par Léa Sauvigny\n"+
		"La halle de Valmont rouvre samedi après huit mois de travaux.\n"+
		"Les maraîchers retrouvent leurs places habituelles, le long de la façade restaurée.\n")
	bio := "---\ntitle: Léa Sauvigny\n---\nCorrespondante à Valmont.\n"
	writeFile(t, base, site+"/content/authors/lea-sauvigny/_index.md", bio)
	// Two spellings of one name: the folder without accents is the profile of the one without.
	for name, by := range map[string]string{"g-quai.txt": "Adele Castaing", "h-pont.txt": "Adèle Castaing"} {
		writeFile(t, base, site+"/scrapes/"+name, "Par "+by+"\n"+
			"Le "+strings.TrimSuffix(name[2:], ".txt")+" de Valmont ferme pour l’hiver, a annoncé la mairie lundi.\n"+
			"Les travaux de "+by+" sur le "+strings.TrimSuffix(name[2:], ".txt")+" dureront trois mois.\n")
	}
	other := "---\ntitle: Adele Castaing\n---\n"
	writeFile(t, base, site+"/content/authors/adele-castaing/_index.md", other)

	rep := dryRun(t, base)
	if !slices.Equal(rep.MovedProfiles, []string{"Léa Sauvigny"}) || slices.Contains(rep.Profiles, "Léa Sauvigny") {
		t.Errorf("dry run: profiles to move %q, to create %q; want Léa Sauvigny's moved, not created", rep.MovedProfiles, rep.Profiles)
	}

	rep = runImport(t, importOpts(base))
	if !slices.Equal(rep.MovedProfiles, []string{"Léa Sauvigny"}) || slices.Contains(rep.Profiles, "Léa Sauvigny") {
		t.Errorf("import: profiles moved %q, created %q; want Léa Sauvigny's moved, not created", rep.MovedProfiles, rep.Profiles)
	}
	if got, err := afero.ReadFile(base, site+"/content/authors/léa-sauvigny/_index.md"); err != nil || string(got) != bio {
		t.Errorf("the moved profile is %q (%v), want %q", got, err, bio)
	}
	if ok, _ := afero.Exists(base, site+"/content/authors/lea-sauvigny"); ok {
		t.Errorf("the old profile folder is still there")
	}
	if got, err := afero.ReadFile(base, site+"/content/authors/adele-castaing/_index.md"); err != nil || string(got) != other {
		t.Errorf("the profile of Adele Castaing is %q (%v), want it kept as %q", got, err, other)
	}
	if !slices.Contains(rep.Profiles, "Adèle Castaing") {
		t.Errorf("import: profiles created %q, want Adèle Castaing's", rep.Profiles)
	}
	if rep = runImport(t, importOpts(base)); len(rep.MovedProfiles) != 0 || len(rep.Profiles) != 0 {
		t.Errorf("a second import moved %q and created %q, want nothing", rep.MovedProfiles, rep.Profiles)
	}
}
