package site

import (
	"encoding/json"
	"fmt"
	"html"
	htmltemplate "html/template"
	"slices"
	"strings"
	"text/template"

	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/htime"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/langs"
	"github.com/gohugoio/hugo/resources/page"
	"github.com/gohugoio/hugo/tpl"
	tplstrings "github.com/gohugoio/hugo/tpl/strings"
	"github.com/spf13/cast"
)

// HelperParam is the site parameter under which a build with Options.Helper hands the theme
// its helper: site.Params.kiosque.helper, a Go value whose methods the theme's templates call
// (see Helper). Templates that find none (a live preview, a build by Hugo alone) do the same
// work themselves.
const HelperParam = "params.kiosque.helper"

// sidebarMax is the most teasers a sidebar shows (the theme's sidebar.html says the same).
const sidebarMax = 5

// Helper does in Go, from Hugo's own pages during the build, work that the theme's templates
// would otherwise do with hundreds of template actions a page: each action of a Go template
// costs microseconds of reflection. Its results are the templates' to the byte (a site test
// builds a site both ways and compares every file); wherever a page holds something it does
// not expect (a title that is no string, say), it returns nil and the template does the work.
// It reads pages only, never changes them, and is safe for concurrent use.
//
// It is for builds only: a live preview re-renders a page when the pages its templates read
// change, which Hugo learns from the templates' own calls, not from Go's.
type Helper struct {
	sites *hugolib.HugoSites // set once Hugo's sites exist, before they build
}

// SidebarList is what the sidebar shows, in order: each item a dict the theme's teaser.html
// takes (page, title, author, url) and key, the name under which the teaser of a page is kept
// in that page's Store ("" for a teaser without a page, which is rendered each time).
type SidebarList struct {
	Items []map[string]any
}

// Sidebar returns the teasers of p's sidebar by the rules of the theme's sidebar.html: the
// editors' picks of front matter related, then the pages of front matter similar, or of the
// site's data kiosque.similar; nil when p has neither list and lacks teasers (the template
// then asks Hugo's related content) or holds values of unexpected types.
func (h *Helper) Sidebar(p page.Page) *SidebarList {
	s := sidebar{h: h, site: p.Site(), key: "kiosque/teaser " + p.Site().Language().Lang, seen: []string{p.RelPermalink()}}
	if !s.addPicks(p.Params()["related"]) {
		return nil
	}
	if len(s.items) < sidebarMax {
		fill, ok := h.similarOf(p)
		if !ok || !s.addSimilar(fill) {
			return nil
		}
	}
	return &SidebarList{Items: s.items}
}

// sidebar is a sidebar being filled.
type sidebar struct {
	h      *Helper
	site   page.Site
	key    string // the Store key of a page's teaser under its own title and author
	seen   []string
	titles []string // in lower case
	items  []map[string]any
}

// addPicks adds the editors' picks (front matter related); false when one holds a value of
// unexpected type.
func (s *sidebar) addPicks(related any) bool {
	if related == nil {
		return true
	}
	list, ok := related.([]any)
	if !ok {
		return false
	}
	for _, r := range list {
		if len(s.items) >= sidebarMax {
			break
		}
		pick, ok := asMap(r)
		if !ok {
			return false
		}
		ref, ok1 := optString(pick["page"])
		title, ok2 := optString(pick["title"])
		if !ok1 || !ok2 {
			return false
		}
		var target page.Page
		if ref != "" {
			target = s.h.findPage(s.site, ref)
		}
		author := pick["author"]
		switch {
		case target != nil:
			if slices.Contains(s.seen, target.RelPermalink()) {
				continue
			}
			if title == "" {
				title = target.Title()
			}
			s.seen = append(s.seen, target.RelPermalink())
			s.titles = append(s.titles, strings.ToLower(title))
			key := s.key
			if truthy(author) || title != target.Title() {
				a := any("")
				if truthy(author) {
					a = author
				}
				key = fmt.Sprintf("%s|%s|%s", s.key, title, a)
			}
			s.items = append(s.items, map[string]any{"page": target, "title": title, "author": author, "key": key})
		case title != "" && !slices.Contains(s.titles, strings.ToLower(title)):
			s.titles = append(s.titles, strings.ToLower(title))
			s.items = append(s.items, map[string]any{"title": title, "author": author, "url": pick["url"], "key": ""})
		}
	}
	return true
}

// addSimilar fills the sidebar with the pages of paths; false when one is no string.
func (s *sidebar) addSimilar(paths []any) bool {
	for _, ref := range paths {
		if len(s.items) >= sidebarMax {
			break
		}
		path, ok := ref.(string)
		if !ok {
			return false
		}
		target := s.h.findPage(s.site, path)
		if target == nil {
			continue
		}
		title := strings.ToLower(target.Title())
		if slices.Contains(s.seen, target.RelPermalink()) || slices.Contains(s.titles, title) {
			continue
		}
		s.seen = append(s.seen, target.RelPermalink())
		s.titles = append(s.titles, title)
		s.items = append(s.items, map[string]any{"page": target, "title": target.Title(), "key": s.key})
	}
	return true
}

// similarOf returns the similar pages of p: front matter similar when it lists some, else
// p's entry in the site's data kiosque.similar (even an empty one); ok is false when p is in
// neither, or its list is no list.
func (h *Helper) similarOf(p page.Page) (paths []any, ok bool) {
	if v := p.Params()["similar"]; truthy(v) {
		return asList(v)
	}
	lists, _ := asMap(h.sites.Data()["kiosque"])
	if lists == nil {
		return nil, false
	}
	similar, _ := asMap(lists["similar"])
	v, found := similar[p.Path()]
	if !found {
		return nil, false
	}
	return asList(v)
}

// truncater is Hugo's truncate function; its namespace needs no dependencies for that.
var truncater = tplstrings.New(nil)

// findPage returns the page of ref in site, else in another language of the site, as the
// theme's find-page.html does; nil when none has it.
func (h *Helper) findPage(site page.Site, ref string) page.Page {
	if p, _ := site.GetPage(ref); found(p) {
		return p
	}
	for _, s := range h.sites.Sites {
		if s.Language().Lang == site.Language().Lang {
			continue // looked in already
		}
		if p, _ := s.GetPage(ref); found(p) {
			return p
		}
	}
	return nil
}

// found reports whether p, from GetPage, is a page: Hugo returns page.NilPage for none.
func found(p page.Page) bool {
	return p != nil && p != page.Page(page.NilPage)
}

// asMap returns v as a map: front matter holds hmaps.Params, data files map[string]any.
func asMap(v any) (map[string]any, bool) {
	switch m := v.(type) {
	case hmaps.Params:
		return m, true
	case map[string]any:
		return m, true
	}
	return nil, false
}

// asList returns v as a list of values.
func asList(v any) ([]any, bool) {
	switch l := v.(type) {
	case []any:
		return l, true
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out, true
	}
	return nil, false
}

// optString returns v as a string, "" for nil; ok is false for any other type.
func optString(v any) (string, bool) {
	switch s := v.(type) {
	case nil:
		return "", true
	case string:
		return s, true
	}
	return "", false
}

// truthy reports whether a template's if would take v as true.
func truthy(v any) bool {
	t, _ := template.IsTrue(v)
	return t
}

// Typo returns s with French typography when lang is "fr", as the theme's typo.html does:
// a run of spaces or tabs before ":" or "»" becomes a no-break space (U+00A0), before ";",
// "!" or "?" a narrow one (U+202F), and one after "«" a no-break space. Only spaces already
// there are replaced, so tags, entities and addresses are left alone. Like the template, it
// returns s itself (of whatever type) when it changes nothing, and a string otherwise.
func (*Helper) Typo(s any, lang string) any {
	text := cast.ToString(s)
	if lang != "fr" || !strings.ContainsAny(text, ":;!?»«") {
		return s
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	for i := 0; i < len(text); {
		if c := text[i]; c != ' ' && c != '\t' {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		switch {
		case j < len(text) && (text[j] == ':' || strings.HasPrefix(text[j:], "»")):
			b.WriteString("\u00a0")
		case j < len(text) && (text[j] == ';' || text[j] == '!' || text[j] == '?'):
			b.WriteString("\u202f")
		case strings.HasSuffix(text[:i], "«"):
			b.WriteString("\u00a0")
		default:
			b.WriteString(text[i:j])
		}
		i = j
	}
	return b.String()
}

// Plain returns text as readers should read it, as the theme's plain.html does, from the
// same dict: html (tags dropped, entities decoded) or text, runs of white space made one
// space, trimmed, and cut at a word to at most max characters when max is set, by Hugo's
// own truncate.
func (*Helper) Plain(args map[string]any) (string, error) {
	var s string
	if v := args["html"]; truthy(v) {
		s = html.UnescapeString(tpl.StripHTML(cast.ToString(v)))
	} else {
		var err error
		if s, err = cast.ToStringE(args["text"]); err != nil {
			return "", err
		}
	}
	s = strings.TrimSpace(collapseSpace(s))
	if max := args["max"]; truthy(max) {
		cut, err := truncater.Truncate(max, s)
		if err != nil {
			return "", err
		}
		s = html.UnescapeString(string(cut))
	}
	return s, nil
}

// collapseSpace replaces each run of white space (as a regular expression's \s: tab, newline,
// form feed, carriage return and space) with one space.
func collapseSpace(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isSpace(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// JSONLD returns the schema.org NewsArticle of p, encoded as the theme's jsonld.html encodes
// it (jsonify: sorted keys, HTML characters escaped), from the description and image (the
// address of the image to share, or "") the template has already.
func (h *Helper) JSONLD(p page.Page, description, image any) (htmltemplate.JS, error) {
	_, authorsKey, tagsKey := layoutNames(p.Site())
	authors := []any{}
	for _, a := range p.GetTerms(authorsKey) {
		authors = append(authors, map[string]any{"@type": "Person", "name": a.LinkTitle(), "url": a.Permalink()})
	}
	headline, err := h.Plain(map[string]any{"text": p.Title(), "max": 110})
	if err != nil {
		return "", err
	}
	var lang any = p.Site().Language().Lang
	if source, ok := asMap(p.Params()["source"]); ok && truthy(source["lang"]) {
		lang = source["lang"]
	}
	const iso = "2006-01-02T15:04:05-07:00"
	ld := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         headline,
		"description":      description,
		"datePublished":    p.Date().Format(iso),
		"dateModified":     p.Lastmod().Format(iso),
		"inLanguage":       lang,
		"mainEntityOfPage": map[string]any{"@type": "WebPage", "@id": p.Permalink()},
		"url":              p.Permalink(),
		"author":           authors,
		"publisher":        map[string]any{"@type": "Organization", "name": p.Site().Title(), "url": p.Site().Home().Permalink()},
	}
	if tags := p.Params()[tagsKey]; truthy(tags) {
		ld["keywords"] = tags
	}
	if truthy(image) {
		ld["image"] = []any{image}
	}
	b, err := json.Marshal(ld)
	if err != nil {
		return "", fmt.Errorf("failed to encode the JSON-LD of %q: %w", p.Path(), err)
	}
	return htmltemplate.JS(b), nil
}

// DateText is a page's date as the theme's date.html words it.
type DateText struct {
	// Text is the date in the page's own language: "12 mars 2024", "March 12, 2024".
	Text string
	// Lang is that language: the page's (source.lang) when the theme words dates in it
	// (English, French), else the site's.
	Lang string
}

// frenchMonths are the months as date.html names them in French.
var frenchMonths = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// DateText returns p's date worded in its own language, on the site of language site, as
// the theme's date.html does: the site's long date format (Hugo's :date_long) in the site's
// language, and English and French dates on a site of another language.
func (*Helper) DateText(p page.Page, site *langs.Language) (*DateText, error) {
	d := p.Date()
	lang := site.Lang
	if source, ok := asMap(p.Params()["source"]); ok && truthy(source["lang"]) {
		lang = cast.ToString(source["lang"])
	}
	switch {
	case lang == "en" && site.Lang != "en":
		return &DateText{Text: d.Format("January 2, 2006"), Lang: lang}, nil
	case lang == "fr" && site.Lang != "fr":
		return &DateText{Text: fmt.Sprintf("%d %s %d", d.Day(), frenchMonths[d.Month()-1], d.Year()), Lang: lang}, nil
	}
	t, err := htime.ToTimeInDefaultLocationE(d, langs.GetLocation(site))
	if err != nil {
		return nil, err
	}
	return &DateText{Text: langs.GetTimeFormatter(site).Format(t, ":date_long"), Lang: site.Lang}, nil
}
