package scrape

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
	"github.com/kiosque-dev/kiosque/tool/internal/scrape/warctest"
)

// lighthousePage is a Lantern Post article with a lead image (its og:image), an image in its
// body, and an image on another site that no archive of the Post holds.
const lighthousePage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The lighthouse keeper's cottage opens as a museum</title>
<meta property="og:image" content="/img/lighthouse.jpg">
</head>
<body>
<article>
<h1>The lighthouse keeper's cottage opens as a museum</h1>
<p>By Maren Osei | February 13, 2026</p>
<p>The keeper's cottage at the foot of the Gull Island light opens to visitors on Saturday, forty years after the last keeper handed in her keys. The island history society spent three winters on the roof and the stove.</p>
<figure><img src="../img/logbook.png" alt="The keeper's logbook"><figcaption>The logbook of the winter of 1962.</figcaption></figure>
<p>The rooms show the cottage as the last keeper left it, down to the oilskins on the hook by the door. The logbooks, kept since 1871, lie open on the kitchen table under glass.</p>
<figure><img src="https://photos.gull-island.example/keeper.jpg" alt="The last keeper"><figcaption>The last keeper, in 1985.</figcaption></figure>
<p>The museum opens on weekends until Easter, then every day but Monday. Entry is free for islanders and their guests.</p>
</article>
</body>
</html>
`

// TestReadWARCImages points an article's images that its archive holds at their records, plain
// and gzip'd: the lead image, and the body image captured at an address written otherwise
// (http, no www.); the image no record holds keeps its address; ReadArchived reads each one.
func TestReadWARCImages(t *testing.T) {
	const (
		lead = "\xff\xd8\xff the lighthouse at dusk"
		log  = "\x89PNG the logbook"
	)
	records := []warctest.Record{
		{URL: lantern + "/news/lighthouse-museum", Date: day(13), Body: lighthousePage},
		{URL: lantern + "/img/lighthouse.jpg", Date: day(13), ContentType: "image/jpeg", Body: lead},
		{URL: "http://lantern-post.example/img/logbook.png", Date: day(13), ContentType: "image/png", Body: log},
		{URL: lantern + "/img/lighthouse.jpg", Date: day(12), ContentType: "image/jpeg", Body: "\xff\xd8\xff an older capture, met later"},
	}
	for _, gz := range []bool{false, true} {
		name := "archive/lantern.warc"
		if gz {
			name += ".gz"
		}
		var data []byte
		offsets := make([]int64, len(records))
		for i, r := range records {
			offsets[i] = int64(len(data))
			data = append(data, warctest.Member(gz, r.Bytes())...)
		}
		fsys := afero.NewMemMapFs()
		afero.WriteFile(fsys, name, data, 0o644)
		arts, err := Read(fsys, name, Options{})
		if err != nil || len(arts) != 1 {
			t.Fatalf("%s: %d articles, %v; want one", name, len(arts), err)
		}
		a := arts[0]
		var body []article.Block
		for _, b := range a.Body {
			if b.Kind == article.Image {
				body = append(body, b)
			}
		}
		if len(body) != 2 {
			t.Fatalf("%s: body images %+v, want the logbook and the keeper", name, body)
		}
		for _, c := range []struct {
			msg    string
			b      article.Block
			src    string
			offset int64
			ctype  string
			data   string
		}{
			{"the lead image, its latest capture", a.Image, lantern + "/img/lighthouse.jpg", offsets[1], "image/jpeg", lead},
			{"the body image, captured at another spelling of its address", body[0], lantern + "/img/logbook.png", offsets[2], "image/png", log},
		} {
			if c.b.Src != c.src || c.b.File != name || c.b.Record == nil {
				t.Errorf("%s %s: %q in %q at %+v, want %q in the archive", name, c.msg, c.b.Src, c.b.File, c.b.Record, c.src)
				continue
			}
			if *c.b.Record != (article.ArchiveRecord{Offset: c.offset, ContentType: c.ctype}) {
				t.Errorf("%s %s: record %+v, want byte %d, %s", name, c.msg, *c.b.Record, c.offset, c.ctype)
			}
			if got, err := ReadArchived(fsys, name, c.b.Record.Offset, c.b.Src, 1<<20); err != nil || string(got) != c.data {
				t.Errorf("%s %s: ReadArchived = %q, %v; want %q", name, c.msg, got, err, c.data)
			}
		}
		if k := body[1]; k.Src != "https://photos.gull-island.example/keeper.jpg" || k.File != "" || k.Record != nil {
			t.Errorf("%s: the keeper's image %+v, want its address only", name, k)
		}
	}
}

// TestReadArchivedRefuses refuses a record that is not the image asked for: another address,
// a page of status 404, a resource over the limit, an offset between records.
func TestReadArchivedRefuses(t *testing.T) {
	img := warctest.Record{URL: lantern + "/img/gull.png", Date: day(12), ContentType: "image/png", Body: "\x89PNG a gull on the pier"}.Bytes()
	missing := warctest.Record{URL: lantern + "/img/tern.png", Date: day(12), Status: 404, Body: "not here"}.Bytes()
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "lantern.warc", append(bytes.Clone(img), missing...), 0o644)
	for _, c := range []struct {
		msg    string
		offset int64
		uri    string
		max    int64
		want   string
	}{
		{"another address", 0, lantern + "/img/tern.png", 1 << 20, "holds " + lantern + "/img/gull.png"},
		{"a status 404", int64(len(img)), lantern + "/img/tern.png", 1 << 20, "not a capture of status 200"},
		{"over the limit", 0, lantern + "/img/gull.png", 8, "over 8 bytes"},
		{"an offset inside a record", 7, lantern + "/img/gull.png", 1 << 20, "no record starts at byte 7"},
	} {
		if _, err := ReadArchived(fsys, "lantern.warc", c.offset, c.uri, c.max); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error saying %q", c.msg, err, c.want)
		}
	}
}

// TestReadWARCImageDamaged reports an image record damaged after it was written at its
// offset, and imports the article with the image's address.
func TestReadWARCImageDamaged(t *testing.T) {
	page := warctest.Record{URL: lantern + "/news/lighthouse-museum", Date: day(13), Body: lighthousePage}.Bytes()
	img := warctest.Record{URL: lantern + "/img/lighthouse.jpg", Date: day(13), ContentType: "image/jpeg", Body: "\xff\xd8\xff the lighthouse at dusk"}.Bytes()
	img = bytes.Replace(img, []byte("dusk"), []byte("dawn"), 1)
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "lantern.warc", append(bytes.Clone(page), img...), 0o644)
	arts, err := Read(fsys, "lantern.warc", Options{})
	fails := failure.All(err)
	if len(fails) != 1 || int64(fails[0].Line) != int64(len(page)) || !strings.HasPrefix(fails[0].Reason(), "corrupt record") {
		t.Errorf("failures %v, want the image's corrupt record at byte %d", err, len(page))
	}
	if len(arts) != 1 || arts[0].Image.Src != lantern+"/img/lighthouse.jpg" || arts[0].Image.Record != nil {
		t.Errorf("articles %+v, want the lighthouse with its lead image's address", arts)
	}
}
