package scrape

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/afero"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// Field names a crawler may use, by what they carry; the first present wins.
var (
	urlFields       = []string{"url", "link", "source_url", "canonical_url"}
	titleFields     = []string{"title", "headline"}
	publishedFields = []string{"date", "published", "date_published", "published_at", "datePublished", "pubdate"}
	crawledFields   = []string{"timestamp", "crawled", "crawled_at", "fetched_at", "crawl_date"}
	authorFields    = []string{"authors", "author", "byline"}
	tagsFields      = []string{"tags", "keywords"}
	langFields      = []string{"lang", "language"}
	textFields      = []string{"text", "content", "body"}
)

// meta is what a crawler knew about a page, from a sidecar or a JSON record.
type meta struct {
	url, title, lang string
	authors, tags    []string
	published        time.Time
	publishedField   string
	crawled          time.Time
	crawledField     string
	from             string // "sidecar" or "record"
}

// SidecarPath returns the sidecar of a scrape: NAME.meta.json next to NAME.txt or NAME.html.
func SidecarPath(scrape string) string {
	return strings.TrimSuffix(scrape, path.Ext(scrape)) + ".meta.json"
}

// isSidecar reports whether name is a sidecar rather than a scrape.
func isSidecar(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), ".meta.json")
}

// sidecarHint says what a broken sidecar costs.
const sidecarHint = "its scrape is not imported until the sidecar is fixed or removed"

// readSidecar reads the sidecar of the scrape at name, if there is one. A sidecar that
// cannot be read fails with a *failure.Error naming the sidecar (and the line of a JSON
// syntax error).
func readSidecar(fsys afero.Fs, name string, limits Limits) (*meta, error) {
	side := SidecarPath(name)
	if _, err := fsys.Stat(side); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, err := readFile(fsys, side, limits.fileSize())
	if err != nil {
		var f *failure.Error
		if errors.As(err, &f) {
			f.Hint = sidecarHint
		}
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		line := 0
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			line = 1 + bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n"))
			err = fmt.Errorf("not JSON: %w", err)
		} else {
			err = errors.New("not a JSON object")
		}
		return nil, failure.At(side, line, err).WithHint(sidecarHint)
	}
	md, err := metaFromFields(fields, "sidecar")
	if err != nil {
		return nil, failure.At(side, 0, err).WithHint(sidecarHint)
	}
	return md, nil
}

// metaFromFields reads the known fields of a JSON object.
func metaFromFields(fields map[string]json.RawMessage, from string) (*meta, error) {
	md := &meta{from: from}
	var err error
	str := func(names []string, numbers bool) (string, string, error) {
		for _, n := range names {
			raw, ok := fields[n]
			if !ok || string(raw) == "null" {
				continue
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				var num json.Number
				if numbers && json.Unmarshal(raw, &num) == nil {
					return num.String(), n, nil
				}
				return "", n, fmt.Errorf("field %q: want a string", n)
			}
			return strings.TrimSpace(s), n, nil
		}
		return "", "", nil
	}
	list := func(names []string) ([]string, error) {
		for _, n := range names {
			raw, ok := fields[n]
			if !ok || string(raw) == "null" {
				continue
			}
			var l []string
			if json.Unmarshal(raw, &l) == nil {
				var out []string
				for _, s := range l {
					if s = strings.TrimSpace(plainText(s)); s != "" {
						out = append(out, s)
					}
				}
				return out, nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return nil, fmt.Errorf("field %q: want a string or a list of strings", n)
			}
			return splitList(plainText(s)), nil
		}
		return nil, nil
	}
	if md.url, _, err = str(urlFields, false); err != nil {
		return nil, err
	}
	if md.title, _, err = str(titleFields, false); err != nil {
		return nil, err
	}
	md.title = plainText(md.title) // crawlers often keep the markup of a headline
	if md.lang, _, err = str(langFields, false); err != nil {
		return nil, err
	}
	md.lang = normalizeLang(md.lang)
	if md.tags, err = list(tagsFields); err != nil {
		return nil, err
	}
	authors, err := list(authorFields)
	if err != nil {
		return nil, err
	}
	for _, a := range authors {
		if names, ok := parseNames(a, false); ok && len(names) > 1 {
			md.authors = append(md.authors, names...)
		} else {
			md.authors = append(md.authors, a)
		}
	}
	date := func(names []string) (time.Time, string, error) {
		s, field, err := str(names, true)
		if err != nil || s == "" {
			return time.Time{}, "", err
		}
		t, ok := parseDateValue(s, md.lang)
		if !ok {
			return time.Time{}, "", fmt.Errorf("field %q: cannot read the date %q", field, s)
		}
		return t, field, nil
	}
	if md.published, md.publishedField, err = date(publishedFields); err != nil {
		return nil, err
	}
	if md.crawled, md.crawledField, err = date(crawledFields); err != nil {
		return nil, err
	}
	return md, nil
}

// normalizeLang keeps the language of a tag such as "fr-FR".
func normalizeLang(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	return l
}

// applyMeta lets what the crawler knew win over the guesses from the text, then fills a
// missing title from the URL or the first sentence, and the language.
func (p *textParse) applyMeta() { p.meta.apply(&p.a) }

// apply lets what the crawler knew win over what the reader found in a, then fills a missing
// title from the URL or the first sentence, and the language.
func (md *meta) apply(a *article.Article) {
	if md.url != "" {
		a.Source.URL = md.url
	}
	if md.title != "" {
		a.Title = md.title
	}
	if len(md.authors) > 0 {
		a.Authors = md.authors
	}
	if len(md.tags) > 0 {
		a.Tags = md.tags
	}
	if !md.published.IsZero() {
		a.Date, a.DateSource, a.DateFrom = md.published, article.DatePublished, md.from+": "+md.publishedField
	}
	if !md.crawled.IsZero() {
		a.Crawled = md.crawled
		if a.Date.IsZero() {
			a.Date, a.DateSource, a.DateFrom = md.crawled, article.DateCrawled, md.from+": "+md.crawledField
		}
	}
	// "Le conseil vote le budget |": a separator left from the page's title bar.
	a.Title = strings.TrimRight(a.Title, " |·•")
	if a.Title == "" {
		a.Title = titleFromURL(md.url)
	}
	if a.Title == "" && len(a.Body) > 0 {
		a.Title = firstSentence(a.Body[0].Text)
	}
	if md.lang != "" {
		a.Lang = md.lang
	}
	if a.Lang == "" {
		a.Lang = detectLang(a.Title, a.Paragraphs())
	}
}

var (
	slugIDRe   = regexp.MustCompile(`(?:[-_]\d{4,}|[-_][0-9a-f]{8,})$`)
	slugWordRe = regexp.MustCompile(`[-_+]+`)
)

// titleFromURL makes a title of the last meaningful path segment of an address:
// ".../le-conseil-vote-le-budget-12345.html" gives "Le conseil vote le budget".
func titleFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Path == "" {
		return ""
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		s, err := url.PathUnescape(segs[i])
		if err != nil {
			s = segs[i]
		}
		s = strings.TrimSuffix(s, path.Ext(s))
		s = slugIDRe.ReplaceAllString(s, "")
		words := strings.Fields(slugWordRe.ReplaceAllString(s, " "))
		if len(words) < 2 || isAllDigits(strings.Join(words, "")) {
			continue
		}
		t := strings.Join(words, " ")
		r, size := utf8.DecodeRuneInString(t)
		return string(unicode.ToUpper(r)) + t[size:]
	}
	return ""
}

func isAllDigits(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// datelinePlace is the place in capitals that opens a news story's dateline: "MONROE
// COUNTY", "PARIS".
const datelinePlace = `\p{Lu}[\p{Lu}\s.'’-]*\p{Lu}`

// placeDatelineRe matches the place that opens a news story, in capitals, with its state and
// its newsroom: "MONROE COUNTY, Ga. — ", "ROCHESTER, Minn. (KTTC) – ", "PARIS (AFP) - ".
var placeDatelineRe = regexp.MustCompile(`^` + datelinePlace + `(?:,\s*\p{Lu}[\p{L}.]{0,12})?\s*(?:\([^)]{1,30}\))?\s*[-–—]+\s+`)

// endsSentence reports whether the stop between before and after ends a sentence: it is
// followed by a space and a word that is no dash, and does not close an abbreviation
// ("Ga.", "Dr.", "J.").
func endsSentence(before, after string) bool {
	if after != "" && !strings.HasPrefix(after, " ") {
		return false
	}
	if next := strings.TrimSpace(after); next != "" && strings.ContainsRune("-–—", []rune(next)[0]) {
		return false
	}
	word := before[strings.LastIndexAny(before, " (")+1:]
	r, _ := utf8.DecodeRuneInString(word)
	return !(unicode.IsUpper(r) && utf8.RuneCountInString(word) <= 3)
}

// maxDerivedTitle bounds a title made from the first sentence.
const maxDerivedTitle = 90

// firstSentence shortens a paragraph to its first sentence, and that to a title's length,
// cutting at a word and marking the cut with "…".
func firstSentence(p string) string {
	if loc := placeDatelineRe.FindStringIndex(p); loc != nil {
		if r, _ := utf8.DecodeRuneInString(p[loc[1]:]); unicode.IsUpper(r) {
			p = p[loc[1]:]
		}
	}
	for i, r := range p {
		if strings.ContainsRune(".!?", r) && i > 0 && endsSentence(p[:i], p[i+utf8.RuneLen(r):]) {
			if r == '.' && strings.HasSuffix(p[:i], "..") {
				i++ // an ellipsis stays whole: "la pente..."
			}
			p = p[:i]
			break
		}
	}
	p = strings.TrimSpace(p)
	if utf8.RuneCountInString(p) <= maxDerivedTitle {
		return p
	}
	cut := 0
	n := 0
	for i, r := range p {
		if n == maxDerivedTitle {
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		cut = len(string([]rune(p)[:maxDerivedTitle]))
	}
	return strings.TrimRight(p[:cut], " ,;:–—-") + "…"
}
