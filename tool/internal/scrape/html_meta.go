package scrape

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// structured is what a page says about itself for machines: JSON-LD, <meta> and <link>
// elements, <base>, <html lang>.
type structured struct {
	url, base   string
	title       string
	titleTag    string   // the <title> element
	authors     []string // JSON-LD authors
	metaAuthors []string // <meta name="author">, article:author when it is a name
	published   time.Time
	pubFrom     string
	modified    time.Time
	description string
	siteName    string
	sections    []string
	tags        []string
	image       string
	imageAlt    string
	lang        string
}

// articleTypes are the JSON-LD types of an article, by preference.
var articleTypes = map[string]int{
	"NewsArticle": 1, "ReportageNews": 1, "AnalysisNewsArticle": 1, "OpinionNewsArticle": 1,
	"BackgroundNewsArticle": 1, "ReviewNewsArticle": 1, "Article": 2, "BlogPosting": 2,
	"LiveBlogPosting": 2, "TechArticle": 2, "ScholarlyArticle": 2, "Report": 2, "WebPage": 3,
}

// readStructured reads the page's structured data.
func readStructured(doc *html.Node) structured {
	var sd structured
	var ld []map[string]any
	walkElements(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Html:
			sd.lang = normalizeLang(attr(n, "lang"))
		case atom.Base:
			if sd.base == "" {
				sd.base = attr(n, "href")
			}
		case atom.Link:
			if hasToken(attr(n, "rel"), "canonical") && sd.url == "" {
				sd.url = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Meta:
			sd.readMeta(n)
		case atom.Title:
			if sd.titleTag == "" {
				sd.titleTag = collapse(textOf(n))
			}
			return false
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				ld = append(ld, jsonLDObjects(n.FirstChild.Data)...)
			}
			return false
		case atom.Style, atom.Template, atom.Svg:
			return false
		}
		return true
	})
	sd.readJSONLD(ld)
	return sd
}

// readMeta reads one <meta> element.
func (sd *structured) readMeta(n *html.Node) {
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
		if strings.HasPrefix(key, "article:") {
			return // Open Graph's article keys are properties; as names they are a template's guess
		}
	}
	if key == "" {
		key = strings.ToLower(attr(n, "itemprop"))
	}
	val := collapse(attr(n, "content"))
	if val == "" {
		return
	}
	set := func(s *string) {
		if *s == "" {
			*s = val
		}
	}
	switch key {
	case "og:url":
		set(&sd.url)
	case "og:title":
		set(&sd.title)
	case "og:description", "description", "twitter:description":
		set(&sd.description)
	case "og:site_name":
		set(&sd.siteName)
	case "og:image", "og:image:url", "og:image:secure_url", "twitter:image":
		set(&sd.image)
	case "og:image:alt", "twitter:image:alt":
		set(&sd.imageAlt)
	case "article:section":
		sd.sections = appendNew(sd.sections, val)
	case "article:tag":
		sd.tags = appendNew(sd.tags, val)
	case "author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author":
		if !strings.Contains(val, "://") && !strings.HasPrefix(val, "@") {
			for _, name := range splitAuthors(val) {
				sd.metaAuthors = appendNew(sd.metaAuthors, name)
			}
		}
	case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date.issued",
		"dcterms.created", "dc.date", "sailthru.date", "parsely-pub-date", "og:published_time", "publish-date":
		if sd.published.IsZero() {
			if t, ok := parseDateValue(val, ""); ok {
				sd.published, sd.pubFrom = t, "meta: "+key
			}
		}
	case "article:modified_time", "datemodified", "og:updated_time":
		if sd.modified.IsZero() {
			if t, ok := parseDateValue(val, ""); ok {
				sd.modified = t
			}
		}
	case "og:locale":
		if sd.lang == "" {
			sd.lang = normalizeLang(val)
		}
	}
}

// jsonLDObjects returns the objects of a JSON-LD script: a top object, each object of an
// array, and each object of their @graph.
func jsonLDObjects(src string) []map[string]any {
	src = strings.TrimSpace(src)
	for _, wrap := range [][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}} {
		src = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(src, wrap[0]), wrap[1]))
	}
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return nil
	}
	var out []map[string]any
	var add func(any)
	add = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				add(e)
			}
		case map[string]any:
			out = append(out, x)
			if g, ok := x["@graph"]; ok {
				add(g)
			}
		}
	}
	add(v)
	return out
}

// readJSONLD takes the article's fields from the best article object of the page.
func (sd *structured) readJSONLD(objs []map[string]any) {
	var best map[string]any
	bestRank := 99
	for _, o := range objs {
		for _, t := range strings_(o["@type"]) {
			if r, ok := articleTypes[t]; ok && r < bestRank {
				best, bestRank = o, r
			}
		}
	}
	if best == nil {
		return
	}
	headline := collapse(html.UnescapeString(first(strings_(best["headline"]))))
	name := collapse(html.UnescapeString(first(strings_(best["name"]))))
	switch {
	case headline != "" && name != "" && headline != name:
		// Some pages put a description in the headline: then the name is the <title>'s.
		sd.title = headline
		if hs := similarity(headline, sd.titleTag); hs < 0.5 && similarity(name, sd.titleTag) > hs {
			sd.title = name
		}
	case headline != "":
		sd.title = headline
	case name != "" && bestRank < 3:
		sd.title = name
	}
	var authors []string
	for _, au := range list_(best["author"]) {
		name := ""
		switch x := au.(type) {
		case string:
			name = x
		case map[string]any:
			name = first(strings_(x["name"]))
		}
		name = collapse(html.UnescapeString(name))
		if name == "" || strings.Contains(name, "://") {
			continue
		}
		for _, n := range splitAuthors(name) {
			authors = appendNew(authors, n)
		}
	}
	if len(authors) > 0 {
		sd.authors = authors
	}
	if t, ok := parseDateValue(first(strings_(best["datePublished"])), ""); ok {
		sd.published, sd.pubFrom = t, "json-ld: datePublished"
	} else if t, ok := parseDateValue(first(strings_(best["dateCreated"])), ""); ok && sd.published.IsZero() {
		sd.published, sd.pubFrom = t, "json-ld: dateCreated"
	}
	if t, ok := parseDateValue(first(strings_(best["dateModified"])), ""); ok {
		sd.modified = t
	}
	if d := first(strings_(best["description"])); d != "" && sd.description == "" {
		sd.description = collapse(html.UnescapeString(d))
	}
	for _, s := range strings_(best["articleSection"]) {
		sd.sections = appendNew(sd.sections, collapse(s))
	}
	for _, k := range strings_(best["keywords"]) {
		for _, t := range splitList(k) {
			sd.tags = appendNew(sd.tags, t)
		}
	}
	if pub, ok := best["publisher"].(map[string]any); ok && sd.siteName == "" {
		sd.siteName = collapse(first(strings_(pub["name"])))
	}
	if sd.image == "" {
		for _, im := range list_(best["image"]) {
			switch x := im.(type) {
			case string:
				sd.image = x
			case map[string]any:
				sd.image = first(strings_(x["url"]))
			}
			if sd.image != "" {
				break
			}
		}
	}
	if l := first(strings_(best["inLanguage"])); l != "" && sd.lang == "" {
		sd.lang = normalizeLang(l)
	}
}

// similarity is the share of a's words that b holds.
func similarity(a, b string) float64 {
	aw, bw := strings.Fields(foldText(a)), strings.Fields(foldText(b))
	if len(aw) == 0 {
		return 0
	}
	in := map[string]bool{}
	for _, w := range bw {
		in[w] = true
	}
	n := 0
	for _, w := range aw {
		if in[w] {
			n++
		}
	}
	return float64(n) / float64(len(aw))
}

// strings_ returns a JSON value as a list of strings: a string, or the strings of an array.
func strings_(v any) []string {
	switch x := v.(type) {
	case string:
		if x = strings.TrimSpace(x); x != "" {
			return []string{x}
		}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				out = append(out, strings.TrimSpace(s))
			}
		}
		return out
	}
	return nil
}

// list_ returns a JSON value as a list: an array's elements, or the value alone.
func list_(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func appendNew(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, have := range list {
		if strings.EqualFold(have, s) {
			return list
		}
	}
	return append(list, s)
}

// splitAuthors splits a byline value into names: "Anne Dupuis et Léo Marc", "A, B", with
// any "Par" or "By" before them.
func splitAuthors(s string) []string {
	s = collapse(s)
	if b, ok := articleByline(s, ""); ok {
		return b.names
	}
	if names, ok := parseNames(s, false); ok {
		return names
	}
	return []string{s}
}

// hasToken reports whether a space-separated attribute value holds the token.
func hasToken(v, token string) bool {
	for _, f := range strings.Fields(strings.ToLower(v)) {
		if f == token {
			return true
		}
	}
	return false
}

// walkElements calls fn on every element in document order; fn returns false to skip the
// element's descendants.
func walkElements(n *html.Node, fn func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !fn(c) {
			continue
		}
		walkElements(c, fn)
	}
}

// pageCues are the byline and dates the page prints for readers, outside structured data.
type pageCues struct {
	authors   []string
	published time.Time
	pubFrom   string
	updated   time.Time
}

// bylineClassRe matches the class, id or itemprop of an element that holds a byline.
var bylineClassRe = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:byline|author|authors|auteur|auteurs|signature|writtenby|p-author|dateline)(?:$|[-_\s])|^author`)

// readPageCues reads the byline and dates the page prints: a <time datetime>, an element
// marked as a byline (rel="author", itemprop, class), then the short lines of the page read
// by the text reader's byline and date cues.
func (p *htmlPage) readPageCues(lang string) pageCues {
	var c pageCues
	lines, best, afterH1 := 0, 0, 0
	walkElements(p.doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Nav, atom.Footer, atom.Form, atom.Select, atom.Head:
			return false
		case atom.Time:
			if c.published.IsZero() {
				if t, ok := parseDateValue(attr(n, "datetime"), lang); ok {
					c.published, c.pubFrom = t, "html: <time datetime>"
				}
			}
		}
		if n.DataAtom == atom.H1 {
			afterH1 = 1
		}
		if commentBoxRe.MatchString(attr(n, "class")) || commentBoxRe.MatchString(attr(n, "id")) {
			return false // the readers' comments and their names
		}
		// A mark after the page's headline beats the same mark before it.
		if strength := 2*bylineStrength(n) + afterH1; strength > 1 && strength > best {
			if t, ok := shortText(n, 100); ok {
				if names := bylineNames(t, lang); len(names) > 0 {
					c.authors, best = names, strength
					return strength < 2*bylineNamed // a stronger mark may sit inside
				}
			}
		}
		if lines > 400 || hasBlockChild(n) || n.DataAtom == atom.A && n.Parent != nil && n.Parent.DataAtom != atom.Body {
			return true
		}
		line, short := shortText(n, 160)
		if line == "" || !short {
			return true
		}
		lines++
		if b, ok := articleByline(line, lang); ok && best < 2*bylineLine+afterH1 && !initialsOnly(strings.Join(b.names, " ")) {
			c.authors, best = b.names, 2*bylineLine+afterH1
			if c.published.IsZero() && !b.published.IsZero() {
				c.published, c.pubFrom = b.published, "text: "+line
			}
			return false
		}
		if pub, upd, names, ok := dateLine(line, lang); ok {
			if c.published.IsZero() && !pub.IsZero() {
				c.published, c.pubFrom = pub, "text: "+line
			}
			if c.updated.IsZero() {
				c.updated = upd
			}
			if best < 2*bylineLine+afterH1 && len(names) > 0 {
				c.authors, best = names, 2*bylineLine+afterH1
			}
			return false
		}
		return true
	})
	return c
}

// How strongly an element says it holds the article's byline: rel="author" or
// itemprop="author"; a class or id naming the byline or the author's name; a line that
// reads "Par X" or "By X"; any other class or id about the author.
const (
	bylineClass  = 1
	bylineLine   = 2
	bylineNamed  = 3
	bylineMarked = 4
)

// commentBoxRe matches the class or id of the readers' comments.
var commentBoxRe = regexp.MustCompile(`(?i)comment|reaction|disqus|replies`)

// bylineNameRe matches a class or id that names the byline itself, not a box about the
// author.
var bylineNameRe = regexp.MustCompile(`(?i)byline|author-?name|author__name|auteur-?nom|signature`)

// bylineStrength returns how strongly an element says it holds the byline, 0 for not.
func bylineStrength(n *html.Node) int {
	if hasToken(attr(n, "rel"), "author") || strings.Contains(strings.ToLower(attr(n, "itemprop")), "author") {
		return bylineMarked
	}
	strength := 0
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "data-testid":
			if mayBeByline(a.Val) && bylineClassRe.MatchString(a.Val) {
				strength = max(strength, bylineClass)
				if bylineNameRe.MatchString(a.Val) {
					strength = bylineNamed
				}
			}
		}
	}
	return strength
}

// isBylineElement reports an element marked as a byline.
func isBylineElement(n *html.Node) bool { return bylineStrength(n) > 0 }

// mayBeByline is a quick test that spares the byline pattern most attribute values.
func mayBeByline(v string) bool {
	v = strings.ToLower(v)
	for _, w := range []string{"byline", "author", "auteur", "signature", "writtenby", "dateline"} {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

// bylineNames reads the names of a byline element's text: "Par X et Y", "X, envoyée
// spéciale", "X".
func bylineNames(text, lang string) []string {
	if text == "" || utf8.RuneCountInString(text) > 100 {
		return nil
	}
	var names []string
	if b, ok := articleByline(text, lang); ok {
		names = b.names
	} else if n, ok := signature(text); ok {
		names = n
	} else if n, ok := parseNames(text, false); ok {
		names = n
	}
	for _, n := range names {
		if initialsOnly(n) {
			return nil // an avatar's initials ("J J"), not a byline
		}
	}
	return names
}

// initialsOnly reports a name made of one- or two-letter words only.
func initialsOnly(name string) bool {
	for _, w := range strings.Fields(name) {
		if utf8.RuneCountInString(strings.Trim(w, ".")) > 2 {
			return false
		}
	}
	return true
}

// applyMetadata fills the article's metadata: the sidecar or record wins, then structured
// data, then the page's printed byline and dates, then go-trafilatura's guesses.
func (p *htmlPage) applyMetadata(sd structured, res *trafilatura.ExtractResult) {
	var tm trafilatura.Metadata
	if res != nil {
		tm = res.Metadata
	}
	a := &p.a
	a.Title = firstOf(p.meta.title, sd.title, pageTitle(sd.titleTag, collapse(tm.Title)))
	p.cleanBody(firstOf(p.meta.lang, sd.lang))
	lang := sd.lang
	if lang == "" {
		lang = detectLang(firstOf(sd.title, tm.Title), a.Paragraphs())
	}
	if lang == "" && res != nil && utf8.RuneCountInString(res.ContentText) >= 400 {
		// The extractor's guess, on enough text to be trusted.
		lang = normalizeLang(tm.Language)
	}
	var cues pageCues
	if len(sd.authors)+len(sd.metaAuthors) == 0 || sd.published.IsZero() || sd.modified.IsZero() {
		cues = p.readPageCues(lang) // what structured data leaves unsaid
	}
	a.Authors = sd.authors
	if len(a.Authors) == 0 {
		a.Authors = sd.metaAuthors
	}
	if len(a.Authors) == 0 {
		a.Authors = cues.authors
	}
	if len(a.Authors) == 0 && tm.Author != "" {
		for _, n := range strings.Split(tm.Author, ";") {
			a.Authors = appendNew(a.Authors, collapse(n))
		}
	}
	for i, n := range a.Authors {
		a.Authors[i] = unshout(n)
	}
	switch {
	case !sd.published.IsZero():
		a.Date, a.DateFrom = sd.published, sd.pubFrom
	case !cues.published.IsZero():
		a.Date, a.DateFrom = cues.published, cues.pubFrom
	case !tm.Date.IsZero():
		a.Date, a.DateFrom = tm.Date, "go-trafilatura"
	}
	if !a.Date.IsZero() {
		a.DateSource = article.DatePublished
	}
	a.Updated = sd.modified
	if a.Updated.IsZero() {
		a.Updated = cues.updated
	}
	a.Tags = sd.tags
	if len(a.Tags) == 0 {
		a.Tags = tm.Tags
	}
	a.Categories = sd.sections
	if len(a.Categories) == 0 {
		a.Categories = tm.Categories
	}
	a.Description = firstOf(sd.description, collapse(tm.Description))
	a.SiteName = sd.siteName
	if tm.Sitename != "" && !strings.EqualFold(tm.Sitename, tm.Hostname) && !strings.Contains(tm.Sitename, ".") {
		a.SiteName = firstOf(a.SiteName, collapse(tm.Sitename)) // not the host name it falls back to
	}
	a.Lang = lang
	p.setLeadImage(firstOf(sd.image, tm.Image), sd.imageAlt)
	p.meta.apply(a)
}

// titleSepRe matches the separator before a site's name in a <title>: " | Le Journal".
var titleSepRe = regexp.MustCompile(`\s+(?:\||-|–|—|·|::|»|/)\s+`)

// pageTitle chooses the title of a page without structured data: the extractor's, when the
// <title> holds it (the extractor cut the site's name off); else the <title> without its
// last part when that part follows a separator and the rest is long enough; the extractor
// guesses from headings, which on many pages are the section's, not the article's.
func pageTitle(titleTag, extracted string) string {
	if titleTag == "" || extracted != "" && strings.Contains(foldText(titleTag), foldText(extracted)) {
		return firstOf(extracted, titleTag)
	}
	if seps := titleSepRe.FindAllStringIndex(titleTag, -1); len(seps) > 0 {
		last := seps[len(seps)-1]
		if head := titleTag[:last[0]]; wordCount(head) >= 3 {
			return head
		}
	}
	if wordCount(titleTag) < 2 && extracted != "" {
		return extracted
	}
	return titleTag
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
