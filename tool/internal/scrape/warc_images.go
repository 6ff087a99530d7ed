package scrape

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// warcImage is the latest capture of an image a web archive holds.
type warcImage struct {
	rec  article.ArchiveRecord
	date time.Time
}

// addImage indexes an image's response record by its folded address (article.URLKey): only
// where it is and its content type are kept, so that the index of a multi-gigabyte archive
// stays small. The latest capture wins.
func (w *warcRead) addImage(uri string, offset int64, date time.Time, contentType string) {
	k := article.URLKey(uri)
	if k == "" {
		return
	}
	if old, ok := w.images[k]; ok && date.Before(old.date) {
		return
	}
	w.images[k] = warcImage{rec: article.ArchiveRecord{Offset: offset, ContentType: contentType}, date: date}
}

// placeImages points each image of an article that the archive holds (its lead image and the
// images of its body) at its record; the others keep their address.
func (w *warcRead) placeImages(a *article.Article) {
	place := func(b *article.Block) {
		if b.Src == "" || b.File != "" {
			return
		}
		if img, ok := w.images[article.URLKey(b.Src)]; ok {
			rec := img.rec
			b.File, b.Record = w.name, &rec
		}
	}
	place(&a.Image)
	for i := range a.Body {
		if a.Body[i].Kind == article.Image {
			place(&a.Body[i])
		}
	}
}

// ReadArchived reads the resource a web archive holds in the response record at offset, as
// the server sent it, decoded (chunks, gzip, deflate), and up to max bytes (more fails). A
// record that is damaged, not a response of status 200, or not of the address uri (as
// article.URLKey folds it) fails, and so does an offset where no record starts.
func ReadArchived(fsys afero.Fs, name string, offset int64, uri string, max int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	wr, err := gowarc.NewWarcFileReaderFromStream(f, offset, warcOptions()...)
	if err != nil {
		return nil, err
	}
	defer wr.Close()
	rec, err := wr.Next()
	defer rec.Close()
	if err != nil {
		return nil, fmt.Errorf("the record at byte %d cannot be read: %w", offset, err)
	}
	if rec.Offset != offset { // the library looked further for a record
		return nil, fmt.Errorf("no record starts at byte %d", offset)
	}
	if reason := damage(rec.Validation); reason != "" {
		return nil, fmt.Errorf("the record at byte %d: %s", offset, reason)
	}
	r := rec.WarcRecord
	block, ok := r.Block().(gowarc.HttpResponseBlock)
	if r.Type() != gowarc.Response || !ok || block.HttpStatusCode() != 200 {
		return nil, fmt.Errorf("the record at byte %d is not a capture of status 200", offset)
	}
	if got := r.WarcHeader().Get(gowarc.WarcTargetURI); article.URLKey(got) != article.URLKey(uri) {
		return nil, fmt.Errorf("the record at byte %d holds %s, not %s", offset, got, uri)
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return nil, err
	}
	body, err := decodeBody(block, payload)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, errors.New("the resource is over " + fmt.Sprint(max) + " bytes")
	}
	return data, nil
}
