package importer

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape/warctest"
)

// gazetteArchive returns the three pages of testdata/htmlsite as a crawler would have
// archived them: each page at its address, the derby captured twice, a redirect to the usine,
// the home page, and a record damaged after it was written.
func gazetteArchive(t *testing.T) ([]byte, int64) {
	t.Helper()
	return archiveOf(gazetteRecords(t), 5)
}

// gazetteRecords returns the records of gazetteArchive.
func gazetteRecords(t *testing.T) [][]byte {
	t.Helper()
	read := func(p string) string { return gazettePage(t, p) }
	at := func(d int) time.Time { return time.Date(2026, 3, d, 6, 0, 0, 0, time.UTC) }
	derby := read("sport/derby.html")
	damaged := warctest.Record{URL: gazetteHost + "/sport/coupe", Date: at(3), Body: derby}.Bytes()
	damaged = bytes.Replace(damaged, []byte("Valmont"), []byte("Valmomt"), 1)
	members := [][]byte{
		warctest.Record{URL: gazetteHost + "/", Date: at(3), Body: "<html><body><a href=\"/sport/derby\">Derby</a></body></html>"}.Bytes(),
		warctest.Record{URL: gazetteHost + "/sport/derby", Date: at(3), Body: derby}.Bytes(),
		warctest.Record{URL: gazetteHost + "/culture/festival/index.html", Date: at(3), Body: read("culture/festival/index.html")}.Bytes(),
		warctest.Record{URL: gazetteHost + "/economie/usine", Date: at(3), Body: read("economie/usine.html")}.Bytes(),
		warctest.Record{URL: gazetteHost + "/eco/usine-morel", Date: at(3), Status: 301, Location: "/economie/usine"}.Bytes(),
		damaged,
		warctest.Record{URL: gazetteHost + "/sport/derby", Date: at(4), Body: derby}.Bytes(),
	}
	return members
}

// gazetteHost is the address of the Gazette de Valmont, the site the test archives hold.
const gazetteHost = "https://www.gazette-valmont.example"

// gazettePage returns a page of the Gazette's mirror in testdata, by its path on the site.
func gazettePage(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/htmlsite/scrapes/www.gazette-valmont.example/" + p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// archiveOf returns the gzipped archive of records, and the offset of the record at index k.
func archiveOf(records [][]byte, k int) (data []byte, at int64) {
	for i, r := range records {
		if i == k {
			at = int64(len(data))
		}
		data = append(data, warctest.Member(true, r)...)
	}
	return data, at
}

// TestImportWARC imports a web archive of the Gazette de Valmont: three articles, the
// derby once though captured twice, the editors' picks resolved to the imported pages, the
// redirect an alias of its target, the home page skipped with its reason, and the damaged
// record reported at its offset.
func TestImportWARC(t *testing.T) {
	fsys := afero.NewMemMapFs()
	data, damagedAt := gazetteArchive(t)
	if err := afero.WriteFile(fsys, site+"/scrapes/gazette.warc.gz", data, 0o644); err != nil {
		t.Fatal(err)
	}
	rep := runImport(t, importOpts(fsys))
	if len(rep.Items) != 3 {
		t.Fatalf("items %+v, want 3 articles", rep.Items)
	}
	if len(rep.Failures) != 1 || rep.Failures[0].File != "scrapes/gazette.warc.gz" || int64(rep.Failures[0].Line) != damagedAt ||
		!strings.HasPrefix(rep.Failures[0].Reason(), "corrupt record") {
		t.Errorf("failures %v, want the damaged record at scrapes/gazette.warc.gz:%d", rep.Failures, damagedAt)
	}
	reasons := map[string]string{}
	for _, s := range rep.Skipped {
		if s.File != "scrapes/gazette.warc.gz" {
			t.Errorf("skip %+v names %q, want the archive relative to the site", s, s.File)
		}
		reasons[strings.TrimPrefix(s.URL, gazetteHost)] = s.Reason
	}
	for uri, want := range map[string]string{
		"/":                "the home page",
		"/eco/usine-morel": "a redirect to https://www.gazette-valmont.example/economie/usine",
	} {
		if reasons[uri] != want {
			t.Errorf("%s: skipped for %q, want %q", uri, reasons[uri], want)
		}
	}
	if !strings.HasPrefix(reasons["/sport/derby"], "captured again at byte ") {
		t.Errorf("the derby's first capture: skipped for %q, want captured again", reasons["/sport/derby"])
	}
	derby := readPage(t, fsys, derbyPage)
	for _, want := range []string{
		"    page: " + festivalPage + "\n",
		"    page: " + usinePage + "\n",
		"  duplicates:\n    - file: scrapes/gazette.warc.gz\n      url: https://www.gazette-valmont.example/sport/derby\n", // the earlier capture
		"format: warc\n",
	} {
		if !strings.Contains(derby, want) {
			t.Errorf("derby lacks %q:\n%s", want, derby)
		}
	}
	if festival := readPage(t, fsys, festivalPage); !strings.Contains(festival, "    page: "+derbyPage+"\n") {
		t.Errorf("the festival's inline « Lire aussi » does not resolve to the derby:\n%s", festival)
	}
	if usine := readPage(t, fsys, usinePage); !strings.Contains(usine, "  - /eco/usine-morel\n") {
		t.Errorf("the redirect is not an alias of the usine:\n%s", usine)
	}

	// A second run writes nothing new.
	for _, it := range runImport(t, importOpts(fsys)).Items {
		if it.Outcome != "unchanged" {
			t.Errorf("second run: %s %s (%s)", it.Source, it.Outcome, it.Reason)
		}
	}
}

// festivalArchive returns an archive of the Gazette's festival and usine pages and the
// festival's two images, the body image captured at an address written otherwise (http, no
// www.); damage spoils the body image's record after it was written. The usine's lead image
// lies on another site, which the crawl did not reach.
func festivalArchive(t *testing.T, damage bool) ([]byte, int64) {
	t.Helper()
	read := func(p string) string { return gazettePage(t, p) }
	at := time.Date(2026, 3, 3, 6, 0, 0, 0, time.UTC)
	public := warctest.Record{URL: "http://gazette-valmont.example/img/public.png", Date: at, ContentType: "image/png", Body: "\x89PNG le public"}.Bytes()
	if damage {
		public = bytes.Replace(public, []byte("le public"), []byte("la public"), 1)
	}
	members := [][]byte{
		warctest.Record{URL: gazetteHost + "/culture/festival/index.html", Date: at, Body: read("culture/festival/index.html")}.Bytes(),
		warctest.Record{URL: gazetteHost + "/economie/usine", Date: at, Body: read("economie/usine.html")}.Bytes(),
		warctest.Record{URL: gazetteHost + "/img/scene.png", Date: at, ContentType: "image/png", Body: "\x89PNG la scène"}.Bytes(),
		public,
	}
	return archiveOf(members, 3)
}

// TestImportWARCImages copies the images an archive holds into their article's bundle, the
// lead image and the body image, referenced by their file names; the image the archive does
// not hold keeps its address. A second run writes nothing new.
func TestImportWARCImages(t *testing.T) {
	fsys := afero.NewMemMapFs()
	data, _ := festivalArchive(t, false)
	if err := afero.WriteFile(fsys, site+"/scrapes/gazette.warc.gz", data, 0o644); err != nil {
		t.Fatal(err)
	}
	rep := runImport(t, importOpts(fsys))
	if len(rep.Items) != 2 || len(rep.Failures) != 0 || len(rep.Warnings) != 0 {
		t.Fatalf("items %+v, failures %v, warnings %v; want the festival and the usine", rep.Items, rep.Failures, rep.Warnings)
	}
	festival := readPage(t, fsys, festivalPage)
	for _, want := range []string{"image:\n  src: scene.png\n", "![Le public](public.png)\n"} {
		if !strings.Contains(festival, want) {
			t.Errorf("the festival lacks %q:\n%s", want, festival)
		}
	}
	for name, want := range map[string]string{"scene.png": "\x89PNG la scène", "public.png": "\x89PNG le public"} {
		if got, err := afero.ReadFile(fsys, site+"/content"+festivalPage+"/"+name); err != nil || string(got) != want {
			t.Errorf("%s in the festival's bundle: %q, %v; want %q", name, got, err, want)
		}
	}
	if usine := readPage(t, fsys, usinePage); !strings.Contains(usine, "image:\n  src: "+usineImage+"\n") {
		t.Errorf("the usine's lead image, which the archive does not hold, lost its address:\n%s", usine)
	}
	for _, it := range runImport(t, importOpts(fsys)).Items {
		if it.Outcome != "unchanged" {
			t.Errorf("second run: %s %s (%s)", it.Source, it.Outcome, it.Reason)
		}
	}
}

// TestImportWARCImageDamaged reports an image record damaged after it was written at its
// offset; its article still imports, the image with its address.
func TestImportWARCImageDamaged(t *testing.T) {
	fsys := afero.NewMemMapFs()
	data, publicAt := festivalArchive(t, true)
	if err := afero.WriteFile(fsys, site+"/scrapes/gazette.warc.gz", data, 0o644); err != nil {
		t.Fatal(err)
	}
	rep := runImport(t, importOpts(fsys))
	if len(rep.Failures) != 1 || int64(rep.Failures[0].Line) != publicAt || !strings.HasPrefix(rep.Failures[0].Reason(), "corrupt record") {
		t.Errorf("failures %v, want the image's record at scrapes/gazette.warc.gz:%d", rep.Failures, publicAt)
	}
	if len(rep.Items) != 2 {
		t.Fatalf("items %+v, want the festival and the usine", rep.Items)
	}
	festival := readPage(t, fsys, festivalPage)
	for _, want := range []string{"image:\n  src: scene.png\n", "![Le public](https://www.gazette-valmont.example/img/public.png)\n"} {
		if !strings.Contains(festival, want) {
			t.Errorf("the festival lacks %q:\n%s", want, festival)
		}
	}
	if _, err := afero.ReadFile(fsys, site+"/content"+festivalPage+"/public.png"); err == nil {
		t.Error("the damaged image was copied into the festival's bundle")
	}
}

// stageLog is a Progress that records each stage's start and the steps it was given.
type stageLog struct {
	starts []string         // "stage total unit"
	steps  map[string][]int // the steps of each stage
	stage  string
}

func (l *stageLog) Start(stage string, total int, unit Unit) {
	l.stage = stage
	l.starts = append(l.starts, fmt.Sprintf("%s %d %d", stage, total, unit))
}
func (l *stageLog) Step(n int) { l.steps[l.stage] = append(l.steps[l.stage], n) }
func (l *stageLog) Done()      {}

// TestImportWARCProgress counts the read stage in bytes when the inputs hold a web archive,
// the archive's as they are read: an archive of about 3 MB comes in more than one step.
// Without an archive, the stage counts files.
func TestImportWARCProgress(t *testing.T) {
	derby := []byte(gazettePage(t, "sport/derby.html"))
	at := time.Date(2026, 3, 3, 6, 0, 0, 0, time.UTC)
	archive := warctest.Archive(false,
		warctest.Record{URL: gazetteHost + "/sport/derby", Date: at, Body: string(derby)},
		warctest.Record{URL: gazetteHost + "/img/tribune.jpg", Date: at, ContentType: "image/jpeg", Body: strings.Repeat("\xff\xd8\xff la tribune ", 3<<20/16)})
	for _, c := range []struct {
		msg     string
		files   map[string][]byte
		total   int
		unit    Unit
		minimum int // the least number of steps
	}{
		{"an archive and a page, in bytes", map[string][]byte{"derby.html": derby, "gazette.warc": archive}, len(derby) + len(archive), Bytes, 3},
		{"a page alone, in files", map[string][]byte{"derby.html": derby}, 1, Steps, 1},
	} {
		fsys := afero.NewMemMapFs()
		for name, data := range c.files {
			if err := afero.WriteFile(fsys, site+"/scrapes/"+name, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		log := &stageLog{steps: map[string][]int{}}
		opts := importOpts(fsys)
		opts.Progress = log
		runImport(t, opts)
		if start := fmt.Sprintf("%s %d %d", StageRead, c.total, c.unit); len(log.starts) == 0 || log.starts[0] != start {
			t.Errorf("%s: stages %q, want the read stage started as %q", c.msg, log.starts, start)
			continue
		}
		sum := 0
		for _, n := range log.steps[StageRead] {
			sum += n
		}
		if sum != c.total || len(log.steps[StageRead]) < c.minimum {
			t.Errorf("%s: read steps %v (sum %d), want %d in %d steps or more", c.msg, log.steps[StageRead], sum, c.total, c.minimum)
		}
	}
}

// TestResumeWARC cuts an import of a web archive after every change it makes to the
// filesystem, as a power cut would, with a checkpoint after each record: the next import,
// of the same archive or of an archive changed since, ends with
// the content folder a clean import gives, byte for byte, and its checkpoints removed. It
// goes on from the checkpoints: once the cut left some, it takes records from them instead
// of parsing them, seeking past them in the same archive, matching them by offset and
// digest in a changed one (grown by a capture, or a page captured otherwise).
func TestResumeWARC(t *testing.T) {
	data, _ := gazetteArchive(t)
	grown := append(append([]byte(nil), data...), warctest.Member(true, warctest.Record{URL: gazetteHost + "/economie/usine", Date: time.Date(2026, 3, 5, 6, 0, 0, 0, time.UTC), Body: gazettePage(t, "economie/usine.html")}.Bytes())...)
	records := gazetteRecords(t)
	festival := strings.Replace(gazettePage(t, "culture/festival/index.html"), "château", "manoir", -1)
	records[2] = warctest.Record{URL: gazetteHost + "/culture/festival/index.html", Date: time.Date(2026, 3, 3, 6, 0, 0, 0, time.UTC), Body: festival}.Bytes()
	changed, _ := archiveOf(records, 0)
	archive := site + "/scrapes/gazette.warc.gz"
	write := func(fsys afero.Fs, data []byte) {
		if err := afero.WriteFile(fsys, archive, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setup := func() afero.Fs {
		fsys := afero.NewMemMapFs()
		if err := afero.WriteFile(fsys, archive, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := fsys.MkdirAll(site+"/data", 0o755); err != nil { // for assertSameAsClean
			t.Fatal(err)
		}
		return fsys
	}
	opts := func(fsys afero.Fs) Options {
		o := importOpts(fsys)
		o.CheckpointEvery = 1
		return o
	}
	count := newFaultFs(setup())
	runImport(t, opts(count))
	total := len(count.changes)
	for _, c := range []struct {
		msg     string
		between func(afero.Fs) // changes the archive after the cut
		seeks   bool           // the next import seeks past the records done
	}{
		{"the same archive", nil, true},
		{"the archive grown", func(fsys afero.Fs) { write(fsys, grown) }, false},
		{"the festival's page changed in the archive", func(fsys afero.Fs) { write(fsys, changed) }, false},
	} {
		resumed := 0
		for n := 0; n < total; n++ {
			base := setup()
			fsys := newFaultFs(base)
			fsys.budget = n
			_, _ = Run(opts(fsys))
			left, _ := afero.Glob(base, site+"/content/"+bundle.ResumeName+"/*/000001.json")
			if c.between != nil {
				c.between(base)
			}
			rep := runImport(t, opts(base))
			if len(rep.Resumed) > 0 {
				resumed++
				r := rep.Resumed[0]
				if r.File != "scrapes/gazette.warc.gz" || r.Records == 0 || (r.Bytes > 0) != c.seeks {
					t.Errorf("%s, cut after %d of %d changes: resumed %+v", c.msg, n, total, r)
				}
			} else if len(left) > 0 && c.seeks && rep.Cached == 0 {
				// A cut after the reading ended leaves the parse cache too, which the next
				// import takes the archive from (and removes the checkpoints).
				t.Errorf("%s, cut after %d of %d changes: checkpoints were left, and the import neither resumed from them nor took the archive from the parse cache", c.msg, n, total)
			}
			assertSameAsClean(t, base)
		}
		if resumed == 0 {
			t.Errorf("%s: no import resumed", c.msg)
		}
	}
}
