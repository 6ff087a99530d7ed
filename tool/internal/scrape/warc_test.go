package scrape

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/failure"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape/warctest"
)

// The Lantern Post is a fictional island weekly; its archive is written by the tests.
const lantern = "https://www.lantern-post.example"

// lanternPage returns an article page of the Lantern Post.
func lanternPage(title, byline string, paras []string, related ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n</head>\n<body>\n")
	b.WriteString("<nav><a href=\"/\">Home</a> <a href=\"/tag/ferries\">Ferries</a></nav>\n<article>\n<h1>" + title + "</h1>\n<p>" + byline + "</p>\n")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	if len(related) > 0 {
		b.WriteString("<h3>Related</h3>\n<ul class=\"links\">\n")
		for i := 0; i+1 < len(related); i += 2 {
			b.WriteString("<li><a href=\"" + related[i] + "\">" + related[i+1] + "</a></li>\n")
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</article>\n</body>\n</html>\n")
	return b.String()
}

var (
	ferryPage = lanternPage("Night ferry returns to Gull Island", "By Maren Osei | February 10, 2026", []string{
		"The night ferry to Gull Island sails again from Monday, after two winters tied up in the harbour for want of a crew. The island council found four deckhands among the students of the sea school.",
		"The crossing leaves the mainland pier at ten past eleven and is back by half past midnight. Tickets cost the same as the day boat, and bicycles travel free until the end of March.",
		"Islanders had asked for the late crossing since the cannery began its evening shift. The council will count the passengers in June before it signs the contract for another year.",
	}, "/news/bakery-award", "Pier bakery wins the county bread prize", "https://other-paper.example/ferries", "Ferries elsewhere")
	bakeryFirst = lanternPage("Pier bakery wins the county bread prize", "By Tomas Lindqvist | February 11, 2026", []string{
		"The bakery on the pier has won the county bread prize for its rye loaf, baked since 1961 to the recipe of its founder. The jury tasted forty loaves in the old market hall.",
		"The prize comes with a brass plate and a weekend course in the capital for the two apprentices.",
		"The first version of this story named the wrong apprentices, and the owner wrote in to say so.",
	})
	bakeryLatest = lanternPage("Pier bakery wins the county bread prize", "By Tomas Lindqvist | February 11, 2026", []string{
		"The bakery on the pier has won the county bread prize for its rye loaf, baked since 1961 to the recipe of its founder. The jury tasted forty loaves in the old market hall.",
		"The prize comes with a brass plate and a weekend course in the capital for the two apprentices, Ida Berg and Noor Haddad.",
		"Customers queued along the harbour wall on Saturday morning, and the rye loaves were gone before nine.",
	}, "/news/ferry-returns", "Night ferry returns to Gull Island")
)

func day(d int) time.Time { return time.Date(2026, 2, d, 7, 0, 0, 0, time.UTC) }

// lanternRecords returns the records of the Lantern Post's archive, in order.
func lanternRecords() []warctest.Record {
	return []warctest.Record{
		{URL: lantern + "/", Date: day(12), Body: "<html><body><a href=\"/news/ferry-returns\">Night ferry</a></body></html>"},
		{URL: lantern + "/news/bakery-award", Date: day(12), Body: bakeryFirst},
		{URL: lantern + "/news/ferry-returns", Date: day(12), Body: ferryPage},
		{URL: lantern + "/tag/ferries", Date: day(12), Body: ferryPage},
		{URL: lantern + "/img/ferry.jpg", Date: day(12), ContentType: "image/jpeg", Body: "\xff\xd8\xff not a photo"},
		{URL: lantern + "/news/old-ferry", Date: day(12), Status: 301, Location: "/news/ferry-returns"},
		{URL: lantern + "/news/missing", Date: day(12), Status: 404, Body: "<html><body>Not found</body></html>"},
		{Type: "revisit", URL: lantern + "/news/ferry-returns", Date: day(14)},
		{URL: lantern + "/news/bakery-award", Date: day(15), Body: bakeryLatest},
	}
}

// TestReadWARC reads the Lantern Post's archive, plain and gzip'd: one article per address,
// the latest capture's, with its address and crawl date; the earlier capture and the
// redirect are its duplicates; every other record is skipped with its reason.
func TestReadWARC(t *testing.T) {
	for _, gz := range []bool{false, true} {
		name := "archive/lantern.warc"
		if gz {
			name += ".gz"
		}
		recs := lanternRecords()
		offsets := make([]int64, len(recs))
		var data []byte
		for i, r := range recs {
			offsets[i] = int64(len(data))
			data = append(data, warctest.Member(gz, r.Bytes())...)
		}
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, name, data, 0o644)
		var skips []Skip
		arts, err := Read(fsys, name, Options{Skip: func(s Skip) { skips = append(skips, s) }})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(arts) != 2 {
			t.Fatalf("%s: %d articles, want 2: %+v", name, len(arts), arts)
		}
		bakery, ferry := arts[0], arts[1]
		checks := []struct {
			msg       string
			got, want any
		}{
			{"the bakery's title", bakery.Title, "Pier bakery wins the county bread prize"},
			{"the bakery's address", bakery.Source.URL, lantern + "/news/bakery-award"},
			{"the bakery's format", bakery.Source.Format, "warc"},
			{"the bakery is the latest capture, by its offset", bakery.Source.Record, int(offsets[8])},
			{"the bakery's crawl date is the latest capture's", bakery.Crawled, day(15)},
			{"the bakery's authors", strings.Join(bakery.Authors, ", "), "Tomas Lindqvist"},
			{"the bakery's earlier capture is a duplicate", len(bakery.Duplicates), 1},
			{"the ferry's title", ferry.Title, "Night ferry returns to Gull Island"},
			{"the ferry's offset", ferry.Source.Record, int(offsets[2])},
			{"the ferry's crawl date", ferry.Crawled, day(12)},
			{"the ferry's redirect is a duplicate", len(ferry.Duplicates), 1},
			{"the ferry's teasers", len(ferry.Related), 2},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s: %s: got %v, want %v", name, c.msg, c.got, c.want)
			}
		}
		if len(bakery.Duplicates) == 1 && bakery.Duplicates[0].Record != int(offsets[1]) {
			t.Errorf("%s: the bakery's duplicate is at %d, want the first capture at %d", name, bakery.Duplicates[0].Record, offsets[1])
		}
		if len(ferry.Duplicates) == 1 && ferry.Duplicates[0].URL != lantern+"/news/old-ferry" {
			t.Errorf("%s: the ferry's duplicate is %q, want the redirect's address", name, ferry.Duplicates[0].URL)
		}
		body := ""
		for _, b := range bakery.Body {
			body += b.Text + "\n"
		}
		if !strings.Contains(body, "Ida Berg and Noor Haddad") || strings.Contains(body, "wrong apprentices") {
			t.Errorf("%s: the bakery's body is not the latest capture's:\n%s", name, body)
		}
		if len(ferry.Related) == 2 && ferry.Related[0].URL != lantern+"/news/bakery-award" {
			t.Errorf("%s: the ferry's first teaser is %q, want the bakery's address", name, ferry.Related[0].URL)
		}
		wantSkips := map[int]string{
			0: "the home page",
			1: "captured again at byte " + strconv.FormatInt(offsets[8], 10) + ", the capture kept",
			3: "a tag page",
			4: "not an HTML page (image/jpeg)",
			5: "a redirect to " + lantern + "/news/ferry-returns",
			6: "HTTP status 404",
			7: "a revisit: the page had not changed since an earlier capture",
		}
		for _, s := range skips {
			i := slices.Index(offsets, s.Offset)
			want, ok := wantSkips[i]
			if !ok || s.Reason != want || s.File != name || s.URL != recs[i].URL {
				t.Errorf("%s: skipped %+v, want %q of record %d", name, s, want, i)
			}
			delete(wantSkips, i)
		}
		for i, want := range wantSkips {
			t.Errorf("%s: record %d (%s) not skipped, want %q", name, i, recs[i].URL, want)
		}
	}
}

// TestReadWARCBroken reads archives with a damaged record: its content changed after it was
// written (the digest says so), cut short, or with a broken header; the failure names the
// file and the record's offset, and the other records are still read.
func TestReadWARCBroken(t *testing.T) {
	good := warctest.Record{URL: lantern + "/news/ferry-returns", Date: day(12), Body: ferryPage}.Bytes()
	other := warctest.Record{URL: lantern + "/news/bakery-award", Date: day(12), Body: bakeryLatest}.Bytes()
	flipped := bytes.Replace(bytes.Clone(other), []byte("rye loaf"), []byte("rye lout"), 1)
	cases := []struct {
		msg     string
		gz      bool
		members [][]byte
		bad     int // the member that fails
		reason  string
		titles  int
	}{
		{"a record whose content no longer matches its digest", false, [][]byte{flipped, good}, 0, "corrupt record: its content does not match its digest (sha1)", 1},
		{"a gzip'd record whose content no longer matches its digest", true, [][]byte{flipped, good}, 0, "corrupt record: its content does not match its digest (sha1)", 1},
		{"a last record cut short", false, [][]byte{good, other[:len(other)/2]}, 1, "truncated record", 1},
		{"a last gzip'd record cut short", true, [][]byte{good, warctest.Member(true, other)[:200]}, 1, "truncated record", 1},
		{"a record with a broken header, then a good one", false, [][]byte{[]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n"), good}, 0, "corrupt record", 1},
	}
	for _, c := range cases {
		var data []byte
		var badAt int64
		for i, m := range c.members {
			if i == c.bad {
				badAt = int64(len(data))
			}
			if c.gz && !(i == c.bad && strings.Contains(c.msg, "cut short")) {
				m = warctest.Member(true, m)
			}
			data = append(data, m...)
		}
		name := "lantern.warc"
		if c.gz {
			name += ".gz"
		}
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, name, data, 0o644)
		arts, err := Read(fsys, name, Options{})
		fails := failure.All(err)
		if len(fails) != 1 {
			t.Errorf("%s: failures %v, want one", c.msg, err)
			continue
		}
		if f := fails[0]; f.File != name || int64(f.Line) != badAt || !strings.HasPrefix(f.Reason(), c.reason) {
			t.Errorf("%s: failure %q (at %d), want %s:%d: %s...", c.msg, f, f.Line, name, badAt, c.reason)
		}
		if len(arts) != c.titles {
			t.Errorf("%s: %d articles, want %d", c.msg, len(arts), c.titles)
		}
	}
}

// TestReadWARCEncoded reads pages as crawlers record them off the wire: compressed, in
// chunks, or in a compression kiosque cannot read (skipped with the reason).
func TestReadWARCEncoded(t *testing.T) {
	gz := string(warctest.Member(true, []byte(ferryPage)))
	var zl bytes.Buffer
	zw := zlib.NewWriter(&zl)
	zw.Write([]byte(ferryPage))
	zw.Close()
	chunked := fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 100, gz[:100], len(gz)-100, gz[100:])
	for _, c := range []struct {
		msg     string
		headers []string
		body    string
		skip    string
	}{
		{"gzip", []string{"Content-Encoding: gzip"}, gz, ""},
		{"deflate", []string{"Content-Encoding: deflate"}, zl.String(), ""},
		{"gzip in chunks", []string{"Transfer-Encoding: chunked", "Content-Encoding: gzip"}, chunked, ""},
		{"brotli", []string{"Content-Encoding: br"}, "\x1b\x00 not read", "a page compressed with br, which kiosque cannot read"},
	} {
		data := warctest.Archive(false, warctest.Record{URL: lantern + "/news/ferry-returns", Date: day(12), Headers: c.headers, Body: c.body})
		var skips []string
		arts, err := readWARCStream("lantern.warc", bytes.NewReader(data), Options{Skip: func(s Skip) { skips = append(skips, s.Reason) }})
		switch {
		case err != nil:
			t.Errorf("%s: %v", c.msg, err)
		case c.skip == "" && (len(arts) != 1 || arts[0].Title != "Night ferry returns to Gull Island"):
			t.Errorf("%s: %+v, want the ferry", c.msg, arts)
		case c.skip != "" && (len(arts) != 0 || len(skips) != 1 || skips[0] != c.skip):
			t.Errorf("%s: %d articles, skips %q, want %q", c.msg, len(arts), skips, c.skip)
		}
	}
}

// TestReadWARCNotArchive fails a file named .warc that holds no record, naming the file.
func TestReadWARCNotArchive(t *testing.T) {
	for _, c := range []struct{ msg, data, reason string }{
		{"notes named as an archive", "these are my notes, not an archive\n", "not a web archive: no WARC record found"},
		{"an empty archive", "", "empty file"},
	} {
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, "notes.warc", []byte(c.data), 0o644)
		arts, err := Read(fsys, "notes.warc", Options{})
		var f *failure.Error
		if len(arts) != 0 || !errors.As(err, &f) || f.File != "notes.warc" || f.Reason() != c.reason {
			t.Errorf("%s: got %d articles and %v, want the failure of notes.warc: %s", c.msg, len(arts), err, c.reason)
		}
	}
}

// TestNotArticle tells the pages that list articles from the articles by their address.
func TestNotArticle(t *testing.T) {
	for _, c := range []struct{ uri, want string }{
		{lantern, "the home page"},
		{lantern + "/index.html", "the home page"},
		{lantern + "/tag/ferries/", "a tag page"},
		{lantern + "/rubrique/sport", "a category page"},
		{lantern + "/author/maren-osei", "an author page"},
		{lantern + "/news/page/2", "a list page"},
		{lantern + "/?s=ferry", "a search page"},
		{lantern + "/feed/", "a feed"},
		{lantern + "/news.rss", "a feed"},
		{lantern + "/news/ferry-returns", ""},
		{lantern + "/2026/02/10/tagged-seals-return.html", ""},
	} {
		if got := notArticle(c.uri); got != c.want {
			t.Errorf("notArticle(%q) = %q, want %q", c.uri, got, c.want)
		}
	}
}

// FuzzReadWARC reads any bytes as a web archive: the reader ends, every failure names the
// file, an offset inside it and a reason, and every article names its record and is fit to
// publish (see checkClean).
func FuzzReadWARC(f *testing.F) {
	// Small seeds: the fuzzer minimises every input that finds new code, one read at a time.
	page := "<html><head><title>Gull Island</title></head><body><article><h1>Gull Island</h1><p>The night ferry sails again from Monday.</p></article></body></html>"
	recs := []warctest.Record{
		{URL: lantern + "/news/gull", Date: day(12), Body: page},
		{URL: lantern + "/old/gull", Date: day(12), Status: 301, Location: "/news/gull"},
		{Type: "revisit", URL: lantern + "/news/gull", Date: day(13)},
	}
	f.Add(warctest.Archive(false, recs...), false)
	f.Add(warctest.Archive(true, recs[0]), true)
	whole := warctest.Archive(false, recs[0])
	f.Add(whole[:len(whole)-40], false)
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x"), false)
	f.Add([]byte("\x1f\x8b\x08\x00garbage"), true)
	f.Fuzz(func(t *testing.T, data []byte, gz bool) {
		name := "lantern.warc"
		if gz {
			name += ".gz"
		}
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, name, data, 0o644)
		arts, err := Read(fsys, name, Options{Skip: func(s Skip) {
			if s.File != name || s.Reason == "" {
				t.Errorf("skip %+v: want the file and a reason", s)
			}
		}})
		for _, fl := range failure.All(err) {
			if fl.File != name || fl.Line < 0 || fl.Line > len(data) || fl.Reason() == "" {
				t.Errorf("failure %q: want the file, an offset inside it and a reason", fl)
			}
		}
		for i := range arts {
			a := &arts[i]
			if a.Source.Format != "warc" || a.Source.URL == "" || a.Source.Record < 0 || a.Source.Record >= len(data) {
				t.Errorf("article %q: source %+v, want its record", a.Title, a.Source)
			}
			checkClean(t, a)
		}
	})
}
