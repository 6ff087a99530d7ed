package scrape

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
	"github.com/kiosque-dev/kiosque/tool/internal/failure"
)

// ReadJSON reads a JSON Lines file (one object per line) or a JSON array of objects, as
// crawlers and crawl data sets write them: one Article per record, its text in `text`,
// `content` or `body`, or its page in `html` (read as an HTML page, its images remote), its metadata in the sidecar field names. It returns the Articles it
// could read and, when some records could not be read, an error joining a *failure.Error
// naming the file and the record's line for each; name is recorded as the source path. A
// record over opts.Limits.MaxLineSize fails on its own.
func ReadJSON(name string, data []byte, opts Options) ([]article.Article, error) {
	m := opts.matcher()
	data = bytes.TrimPrefix(data, utf8BOM)
	var (
		arts []article.Article
		errs []error
	)
	add := func(line int, raw []byte) {
		if max := opts.Limits.lineSize(); len(raw) > max {
			errs = append(errs, tooLarge(name, line, "record", int64(len(raw)), int64(max)))
			return
		}
		a, err := readRecord(name, line, raw, m, opts)
		if err != nil {
			errs = append(errs, failure.At(name, line, err))
			return
		}
		arts = append(arts, a)
	}
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return nil, failure.At(name, 0, errors.New("no records"))
	case trimmed[0] == '[':
		errs = append(errs, readArray(name, data, add)...)
	case !strings.HasSuffix(strings.ToLower(name), ".json") || bytes.Count(trimmed, []byte("\n")) > 0 && looksLikeLines(trimmed):
		for i, l := range bytes.Split(data, []byte("\n")) {
			if l = bytes.TrimSpace(l); len(l) > 0 {
				add(i+1, l)
			}
		}
	default:
		add(1+bytes.Count(data[:bytes.IndexByte(data, trimmed[0])], []byte("\n")), trimmed)
	}
	return arts, errors.Join(errs...)
}

// looksLikeLines tells a .json file holding JSON Lines from one holding one pretty object.
func looksLikeLines(data []byte) bool {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	return json.Valid(bytes.TrimSpace(first))
}

// readArray walks a JSON array, handing each element and its line to add. A syntax error
// ends the walk: what follows it cannot be told apart.
func readArray(name string, data []byte, add func(int, []byte)) []error {
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := func(off int64) int {
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,[", data[off]) >= 0 {
			off++
		}
		return 1 + bytes.Count(data[:off], []byte("\n"))
	}
	if _, err := dec.Token(); err != nil {
		return []error{failure.At(name, 1, err)}
	}
	for dec.More() {
		line := lineAt(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return []error{failure.At(name, line, fmt.Errorf("%w (the records after it are not read)", err))}
		}
		add(line, raw)
	}
	if _, err := dec.Token(); err != nil {
		return []error{failure.At(name, lineAt(dec.InputOffset()), err)}
	}
	return nil
}

// readRecord reads one JSON object into an Article.
func readRecord(name string, line int, raw []byte, m *matcher, opts Options) (article.Article, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return article.Article{}, fmt.Errorf("invalid JSON: %w", err)
		}
		return article.Article{}, errors.New("not a JSON object")
	}
	md, err := metaFromFields(fields, "record")
	if err != nil {
		return article.Article{}, err
	}
	var a article.Article
	var p *textParse
	if page, ok := recordHTML(fields); ok {
		a = readHTML(nil, name, []byte(page), m, md)
	} else {
		text, err := recordText(fields)
		if err != nil {
			return article.Article{}, err
		}
		p = parseText(text, m, md)
		a = p.a
	}
	a.Source = article.Source{Path: name, Format: "jsonl", URL: a.Source.URL, SHA256: digest(raw), Record: line}
	if p != nil {
		p.a.Source = a.Source
		opts.explain(p)
	}
	if a.Title == "" && len(a.Body) == 0 {
		return article.Article{}, errors.New("no article text found")
	}
	return a, nil
}

// recordText returns the text of a record: a string, or a list of paragraphs.
func recordText(fields map[string]json.RawMessage) (string, error) {
	for _, n := range textFields {
		raw, ok := fields[n]
		if !ok || string(raw) == "null" {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return normalizeNewlines(s), nil
		}
		var l []string
		if json.Unmarshal(raw, &l) == nil {
			return normalizeNewlines(strings.Join(l, "\n")), nil
		}
		return "", fmt.Errorf("field %q: want a string or a list of strings", n)
	}
	if _, ok := fields["html"]; ok {
		return "", errors.New(`field "html": want a string`)
	}
	return "", errors.New(`no text: want a "text", "content", "body" or "html" field`)
}

// recordHTML returns the page a record holds in its "html" field, when it gives no text of
// its own: the text fields win, as a crawler's text is what it meant.
func recordHTML(fields map[string]json.RawMessage) (string, bool) {
	for _, n := range textFields {
		if raw, ok := fields[n]; ok && string(raw) != "null" {
			return "", false
		}
	}
	var page string
	if raw, ok := fields["html"]; !ok || json.Unmarshal(raw, &page) != nil || strings.TrimSpace(page) == "" {
		return "", false
	}
	return page, true
}

func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

var (
	defaultOnce sync.Once
	defaultM    *matcher
)

// defaultMatcher returns the matcher of DefaultCues, built once.
func defaultMatcher() *matcher {
	defaultOnce.Do(func() { defaultM = newMatcher(DefaultCues()) })
	return defaultM
}
