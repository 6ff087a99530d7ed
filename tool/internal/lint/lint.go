package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gohugoio/hugo/common/herrors"
	"github.com/gohugoio/hugo/common/htime"
	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/gohugoio/hugo/parser/pageparser"
	"github.com/spf13/afero"
	"github.com/spf13/cast"

	"github.com/kiosque-dev/kiosque/tool/internal/bundle"
)

// Severity says whether a Finding fails the check.
type Severity string

// Severities.
const (
	// Error fails the check: the build would fail or show something broken.
	Error Severity = "error"
	// Warning is printed but passes: the site builds, with a flaw.
	Warning Severity = "warning"
)

// Rules, one per kind of problem.
const (
	RuleFrontMatter    = "front-matter"    // Hugo would reject the front matter
	RuleTitle          = "title"           // an article without a title
	RuleDate           = "date"            // an unparseable or missing date
	RuleAuthorProfile  = "author-profile"  // an author without content/authors/<slug>/_index.md
	RuleRelatedPage    = "related-page"    // an editors' pick naming a page that does not exist
	RuleRelatedEntry   = "related-entry"   // an editors' pick with nothing to show
	RuleDuplicateURL   = "duplicate-url"   // two pages with the same address
	RuleDuplicateAlias = "duplicate-alias" // an alias claimed twice, or the address of a page
)

// Finding is one problem in one content file.
type Finding struct {
	// File is the content file's path, relative to the site folder when it is inside it.
	File string `json:"file"`
	// Line is the 1-based line the problem is on; 0 when it concerns the whole file.
	Line     int      `json:"line"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
}

// String formats a finding as "file:line: severity: message (rule)".
func (f Finding) String() string {
	loc := f.File
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	return fmt.Sprintf("%s: %s: %s (%s)", loc, f.Severity, f.Message, f.Rule)
}

// Report is the outcome of a check.
type Report struct {
	// Files counts the content files read.
	Files    int       `json:"files"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	Findings []Finding `json:"findings"`
}

// Options say which content to check.
type Options struct {
	// Fs holds the site.
	Fs afero.Fs
	// SiteDir is the site folder; findings name files relative to it.
	SiteDir string
	// ContentDir is the content folder, usually SiteDir/content.
	ContentDir string
	// Target names the site's section of articles and its taxonomies (the zero Target is
	// kiosque's own: articles, authors and tags).
	Target bundle.Target
}

// contentExts are the content formats kiosque's sites use.
var contentExts = map[string]bool{".md": true, ".markdown": true, ".html": true, ".htm": true}

// dateKeys are the front matter dates Hugo parses.
var dateKeys = []string{"date", "publishdate", "pubdate", "published", "lastmod", "modified", "expirydate", "unpublishdate"}

// page is what the check knows of one content file.
type page struct {
	file    string // path shown in findings
	src     []byte
	fmStart int // line of the front matter's first line of data
	fm      map[string]any
	ok      bool   // the front matter could be read
	path    string // Hugo's page path, "/articles/x"
	url     string // the page's address, "/articles/x/"
	list    bool   // a section or term page (_index)
	lang    string // the page's language, "" for the default one: addresses are per language
}

// contentName names the content folder in messages: relative to the site folder when inside it.
func (c *checker) contentName() string {
	if r, err := filepath.Rel(c.o.SiteDir, c.o.ContentDir); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(c.o.ContentDir)
}

// Check reads every content file under ContentDir and the content folders of the Target's
// languages, and returns what is wrong with them.
func Check(o Options) (*Report, error) {
	var pages []*page
	dirs := o.Target.Dirs(o.ContentDir)
	for _, dir := range dirs {
		p, err := readPages(o, dir, dirs)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p...)
	}
	c := &checker{o: o, rep: &Report{Files: len(pages), Findings: []Finding{}}}
	c.run(pages)
	sort.SliceStable(c.rep.Findings, func(i, j int) bool {
		a, b := c.rep.Findings[i], c.rep.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return c.rep, nil
}

// readPages reads the content files of one content folder, but those of the other folders of
// dirs that lie inside it. A missing folder has none, when the site has others.
func readPages(o Options, contentDir string, dirs []string) ([]*page, error) {
	if _, err := o.Fs.Stat(contentDir); errors.Is(err, fs.ErrNotExist) && len(dirs) > 1 {
		return nil, nil
	}
	lang := ""
	for l, d := range o.Target.Folders {
		if d == contentDir {
			lang = l
		}
	}
	var pages []*page
	err := afero.Walk(o.Fs, contentDir, func(name string, fi fs.FileInfo, err error) error {
		if err != nil {
			return fmt.Errorf("failed to read %q: %w", name, err)
		}
		base := filepath.Base(name)
		if fi.IsDir() {
			if name != contentDir && (strings.HasPrefix(base, ".") || slices.Contains(dirs, name)) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(base, ".") || !contentExts[strings.ToLower(filepath.Ext(base))] {
			return nil
		}
		src, err := afero.ReadFile(o.Fs, name)
		if err != nil {
			return fmt.Errorf("failed to read %q: %w", name, err)
		}
		rel, _ := filepath.Rel(contentDir, name)
		shown := name
		if r, err := filepath.Rel(o.SiteDir, name); err == nil && filepath.IsLocal(r) {
			shown = r
		}
		p := newPage(shown, filepath.ToSlash(rel), src, o.Target.Translations)
		if p.lang == "" {
			p.lang = lang
		}
		pages = append(pages, p)
		return nil
	})
	return pages, err
}

type checker struct {
	o   Options
	rep *Report
}

func (c *checker) add(p *page, line int, sev Severity, rule, format string, args ...any) {
	c.rep.Findings = append(c.rep.Findings, Finding{File: p.file, Line: line, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
	if sev == Error {
		c.rep.Errors++
	} else {
		c.rep.Warnings++
	}
}

// newPage parses a content file's front matter and works out its path and address; an index
// file in one of the translations ("index.en.md") is the page of its bundle in that language.
func newPage(file, rel string, src []byte, translations []string) *page {
	p := &page{file: file, src: src}
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	name := strings.TrimSuffix(base, path.Ext(base))
	if stem, lang, ok := strings.Cut(name, "."); ok && (stem == "index" || stem == "_index") && slices.Contains(translations, lang) {
		name, p.lang = stem, lang
	}
	switch name {
	case "_index":
		p.list = true
		p.path = "/" + dir
	case "index":
		p.path = "/" + dir
	default:
		p.path = "/" + path.Join(dir, name)
	}
	p.path = normalizePath(p.path)
	return p
}

func (c *checker) run(pages []*page) {
	byPath := map[string]*page{}
	for _, p := range pages {
		c.readFrontMatter(p)
		if _, dup := byPath[p.path]; !dup {
			byPath[p.path] = p
		}
	}
	profiles := map[string]bool{}
	for _, p := range pages {
		if authors := "/" + c.o.Target.AuthorsKey() + "/"; p.list && strings.HasPrefix(p.path, authors) {
			profiles[strings.TrimPrefix(p.path, authors)] = true
		}
	}
	urls := map[string]*page{}
	for _, p := range pages {
		if !p.ok {
			continue
		}
		p.url = pageURL(p)
		if other, dup := urls[p.lang+" "+p.url]; dup {
			c.add(p, p.keyLine("url", "slug"), Error, RuleDuplicateURL, "the page's address %s is also the address of %s", p.url, other.file)
		} else {
			urls[p.lang+" "+p.url] = p
		}
	}
	aliases := map[string]*page{}
	for _, p := range pages {
		if !p.ok {
			continue
		}
		c.checkTitle(p)
		c.checkDates(p)
		c.checkAuthors(p, profiles)
		c.checkRelated(p, byPath)
		for _, a := range cast.ToStringSlice(p.fm["aliases"]) {
			u := p.lang + " " + normalizeURL(a)
			line := p.valueLine(a)
			if other, ok := urls[u]; ok {
				c.add(p, line, Error, RuleDuplicateAlias, "the alias %q is the address of %s", a, other.file)
			} else if other, ok := aliases[u]; ok {
				c.add(p, line, Error, RuleDuplicateAlias, "the alias %q is also an alias of %s", a, other.file)
			} else {
				aliases[u] = p
			}
		}
	}
}

// readFrontMatter decodes the front matter as Hugo does, reporting where Hugo would stop.
func (c *checker) readFrontMatter(p *page) {
	items, err := pageparser.ParseBytes(p.src, pageparser.Config{})
	if err != nil {
		c.add(p, 1, Error, RuleFrontMatter, "%v", err)
		return
	}
	p.ok = true
	var data []byte
	format := metadecoders.Format("")
	for _, it := range items {
		if it.IsError() {
			line, msg := lexError(p.src, it)
			c.add(p, line, Error, RuleFrontMatter, "%s", msg)
			p.ok = false
			return
		}
		if it.IsFrontMatter() {
			data = it.Val(p.src)
			format = pageparser.FormatFromFrontMatterType(it.Type)
			p.fmStart = bytes.Count(p.src[:it.Pos()], []byte("\n")) + 1
			break
		}
	}
	if data == nil {
		p.fm = map[string]any{}
		return
	}
	fm, err := metadecoders.Default.UnmarshalToMap(data, format)
	if err != nil {
		msg, at := cleanDecodeError(err)
		line := p.fmStart
		var fe herrors.FileError
		if errors.As(err, &fe) && fe.Position().LineNumber > 0 {
			at = fe.Position().LineNumber
		}
		if at > 0 {
			line += at - 1
		}
		c.add(p, line, Error, RuleFrontMatter, "Hugo cannot read the %s front matter: %s", strings.ToUpper(string(format)), msg)
		p.ok = false
		return
	}
	p.fm = lowerKeys(fm)
	for _, k := range []string{"draft", "headless"} {
		if v, ok := p.fm[k]; ok {
			if _, err := cast.ToBoolE(v); err != nil {
				c.add(p, p.keyLine(k), Error, RuleFrontMatter, "%s must be true or false, not %q (Hugo would take it as false)", k, fmt.Sprint(v))
			}
		}
	}
	if v, ok := p.fm["weight"]; ok {
		if _, err := cast.ToIntE(v); err != nil {
			c.add(p, p.keyLine("weight"), Error, RuleFrontMatter, "weight must be a whole number, not %q", fmt.Sprint(v))
		}
	}
	for _, k := range []string{"aliases", c.o.Target.TagsKey(), c.o.Target.AuthorsKey()} {
		if v, ok := p.fm[k]; ok && v != nil {
			if _, err := cast.ToStringSliceE(v); err != nil {
				c.add(p, p.keyLine(k), Error, RuleFrontMatter, "%s must be a list of names", k)
				delete(p.fm, k)
			}
		}
	}
}

func (c *checker) checkTitle(p *page) {
	if p.list {
		return
	}
	v, ok := p.fm["title"]
	switch {
	case !ok:
		c.add(p, p.fmStart, Error, RuleTitle, "the article has no title")
	case strings.TrimSpace(cast.ToString(v)) == "":
		c.add(p, p.keyLine("title"), Error, RuleTitle, "the title is empty")
	}
}

func (c *checker) checkDates(p *page) {
	for _, k := range dateKeys {
		v, ok := p.fm[k]
		if !ok || v == nil || v == "" {
			continue
		}
		if _, err := htime.ToTimeInDefaultLocationE(v, time.UTC); err != nil {
			if fix := proposeDate(fmt.Sprint(v)); fix != "" {
				c.add(p, p.keyLine(k), Error, RuleDate, "%s %q is not a date Hugo can read: write %s", k, fmt.Sprint(v), fix)
			} else {
				c.add(p, p.keyLine(k), Error, RuleDate, "%s %q is not a date Hugo can read (write 2026-03-01 or 2026-03-01T08:00:00+01:00)", k, fmt.Sprint(v))
			}
		}
	}
	if _, ok := p.fm["date"]; !ok && !p.list && strings.HasPrefix(p.path, "/"+c.o.Target.ArticlesDir()+"/") {
		c.add(p, p.fmStart, Warning, RuleDate, "the article has no date: it sorts as the oldest of the site")
	}
}

func (c *checker) checkAuthors(p *page, profiles map[string]bool) {
	for _, name := range cast.ToStringSlice(p.fm[c.o.Target.AuthorsKey()]) {
		slug := bundle.TermSlug(name)
		if slug != "" && !profiles[slug] {
			c.add(p, p.valueLine(name), Warning, RuleAuthorProfile, "the author %q has no profile: create %s/%s", name, c.contentName(), c.o.Target.ProfilePath(name))
		}
	}
}

func (c *checker) checkRelated(p *page, byPath map[string]*page) {
	v, ok := p.fm["related"]
	if !ok || v == nil {
		return
	}
	list, ok := v.([]any)
	if !ok {
		c.add(p, p.keyLine("related"), Error, RuleFrontMatter, "related must be a list of entries such as {page: \"/articles/x\"}")
		return
	}
	for _, e := range list {
		m, err := cast.ToStringMapE(e)
		if err != nil {
			c.add(p, p.valueLine(fmt.Sprint(e)), Error, RuleFrontMatter, "related entry %q must be a mapping such as {page: \"/articles/x\"}", fmt.Sprint(e))
			continue
		}
		ref := strings.TrimSpace(cast.ToString(m["page"]))
		title := strings.TrimSpace(cast.ToString(m["title"]))
		switch {
		case ref != "":
			target, ok := byPath[normalizePath(ref)]
			if !ok {
				c.add(p, p.valueLine(ref), Error, RuleRelatedPage, "related page %q does not exist", ref)
			} else if target == p {
				c.add(p, p.valueLine(ref), Warning, RuleRelatedPage, "related page %q is the page itself: the sidebar skips it", ref)
			}
		case title == "":
			c.add(p, p.keyLine("related"), Warning, RuleRelatedEntry, "a related entry has neither page nor title: the sidebar skips it")
		}
	}
}

// pageURL returns the address Hugo gives a page: url, else its folder with slug.
func pageURL(p *page) string {
	if u := strings.TrimSpace(cast.ToString(p.fm["url"])); u != "" {
		return normalizeURL(u)
	}
	if s := strings.TrimSpace(cast.ToString(p.fm["slug"])); s != "" && !p.list {
		return normalizeURL(path.Join(path.Dir(p.path), s))
	}
	return normalizeURL(p.path)
}

// normalizePath turns a page reference ("articles/X.md", "/articles/x/") into Hugo's page
// path ("/articles/x"): lower case, accents removed, as kiosque's sites are configured.
func normalizePath(ref string) string {
	ref = strings.TrimSpace(ref)
	ref = strings.TrimSuffix(ref, "/")
	for _, ext := range []string{".md", ".markdown", ".html"} {
		ref = strings.TrimSuffix(ref, ext)
	}
	ref = strings.TrimSuffix(strings.TrimSuffix(ref, "/_index"), "/index")
	parts := strings.Split(strings.Trim(ref, "/"), "/")
	for i, s := range parts {
		parts[i] = bundle.TermSlug(s)
	}
	return "/" + strings.Join(parts, "/")
}

// normalizeURL returns an address as a path with a trailing slash.
func normalizeURL(u string) string {
	p := normalizePath(u)
	if p != "/" {
		p += "/"
	}
	return p
}

func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// keyLine returns the line of the first of keys at the top level of the front matter, else
// the front matter's first line.
func (p *page) keyLine(keys ...string) int {
	for _, k := range keys {
		re := regexp.MustCompile(`(?i)^["']?` + regexp.QuoteMeta(k) + `["']?\s*[:=]`)
		if n := p.findLine(re.MatchString); n > 0 {
			return n
		}
	}
	return p.fmStart
}

// valueLine returns the line of the front matter that holds value, else its first line.
func (p *page) valueLine(value string) int {
	if n := p.findLine(func(l string) bool { return strings.Contains(l, value) }); n > 0 {
		return n
	}
	return p.fmStart
}

func (p *page) findLine(match func(string) bool) int {
	if p.fmStart == 0 {
		return 0
	}
	lines := strings.Split(string(p.src), "\n")
	for i := p.fmStart - 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r")
		if i > p.fmStart-1 && (l == "---" || l == "+++") {
			break
		}
		if match(l) {
			return i + 1
		}
	}
	return 0
}

// unclosedRe matches the lexer's error for front matter without its closing delimiter.
var unclosedRe = regexp.MustCompile(`^EOF looking for end (\w+) front matter delimiter`)

// lexError returns the line and the message of a front matter the page lexer stopped on: an
// unclosed front matter is reported at its opening line, with the line that closes it.
func lexError(src []byte, it pageparser.Item) (int, string) {
	msg := "Hugo cannot read the front matter"
	if it.Err != nil {
		msg = it.Err.Error()
	}
	if m := unclosedRe.FindStringSubmatch(msg); m != nil {
		delim := map[string]string{"YAML": "---", "TOML": "+++"}[m[1]]
		line := 1
		if delim != "" {
			if i := bytes.Index(src, []byte(delim)); i >= 0 {
				line = bytes.Count(src[:i], []byte("\n")) + 1
			}
			return line, fmt.Sprintf("the %s front matter is never closed: add a line %q after its last key", m[1], delim)
		}
		return line, fmt.Sprintf("the %s front matter is never closed", m[1])
	}
	msg, _, _ = strings.Cut(msg, "\n")
	return bytes.Count(src[:min(it.Pos(), len(src))], []byte("\n")) + 1, msg
}

// numericDateRe matches a date written day, month, year (or month, day, year) with slashes,
// dots or dashes, and an optional time.
var numericDateRe = regexp.MustCompile(`^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:h](\d{2}))?\s*$`)

// proposeDate returns the date Hugo reads that a date such as "12/03/2023" means, year
// first; when day and month could trade places, both readings, day first as French writes
// it. It returns "" when the value is no such date.
func proposeDate(v string) string {
	m := numericDateRe.FindStringSubmatch(v)
	if m == nil {
		return ""
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	clock := ""
	if m[4] != "" {
		h, _ := strconv.Atoi(m[4])
		clock = fmt.Sprintf("T%02d:%s:00", h, m[5])
	}
	year, _ := strconv.Atoi(m[3])
	iso := func(day, month int) string {
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if month < 1 || month > 12 || day < 1 || t.Day() != day {
			return ""
		}
		return fmt.Sprintf("%s-%02d-%02d%s", m[3], month, day, clock)
	}
	dayFirst, monthFirst := iso(a, b), iso(b, a)
	switch {
	case dayFirst != "" && monthFirst != "" && a != b:
		return fmt.Sprintf("%s, or %s if the month comes first", dayFirst, monthFirst)
	case dayFirst != "":
		return dayFirst
	default:
		return monthFirst
	}
}

// decodePosRe matches the "[line:column] " the YAML decoder starts its messages with.
var decodePosRe = regexp.MustCompile(`^\[(\d+):\d+\] `)

// cleanDecodeError returns the first line of the decoder's message, without Hugo's stream
// file name, and the line within the front matter it names (0 if none).
func cleanDecodeError(err error) (string, int) {
	msg := err.Error()
	if i := strings.LastIndex(msg, "\"_stream."); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			msg = msg[i+j+2:]
		}
	}
	msg, _, _ = strings.Cut(msg, "\n")
	line := 0
	if m := decodePosRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	return strings.TrimSpace(msg), line
}
