package scrape

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kiosque-dev/kiosque/tool/internal/article"
)

// maxTitleRunes bounds what may be taken for a title line.
const maxTitleRunes = 200

// teaserBylineRe matches the author line that follows a teaser: "- by Jean Eckian", "par X".
var teaserBylineRe = regexp.MustCompile(`(?i)^[-–—•]?\s*(?:by|par)\s+(\S.*)$`)

// articleBylineRe matches a byline of the article itself: "Par X et Y", "By X".
var articleBylineRe = regexp.MustCompile(`^(?:Par|By|PAR|BY)\s+(\p{Lu}.*)$`)

// authorSplitRe splits a byline into names: "X et Y", "X and Y", "X, Y".
var authorSplitRe = regexp.MustCompile(`\s*(?:,|\bet\b|\band\b|&)\s*`)

// parseText reads a flattened page, one block per line, into an Article.
func parseText(text string, m *matcher) article.Article {
	var a article.Article
	lines := nonEmptyLines(text)

	end := len(lines)
	for i, l := range lines {
		if m.isRelatedHeading(l) {
			end = i
			break
		}
	}

	var content []string
	for _, l := range lines[:end] {
		if reason, ok := m.furnitureReason(l); ok {
			a.Dropped = append(a.Dropped, article.Dropped{Line: l, Reason: reason})
			continue
		}
		if names, ok := articleByline(l); ok && len(a.Authors) == 0 {
			a.Authors = names
			continue
		}
		content = append(content, l)
	}
	a.Title, content = takeTitle(content)
	for _, l := range content {
		a.Body = append(a.Body, article.Block{Kind: article.Paragraph, Text: l})
	}
	a.Related, a.Dropped = readTeasers(lines[end:], m, a.Dropped)
	a.Lang = detectLang(a.Title, content)
	return a
}

// takeTitle finds the title among the content lines: the last line when it is title-like and
// follows the body (as in flattened pages that print the headline after the text), else the
// first line when it is title-like. It returns the title and the remaining lines.
func takeTitle(content []string) (string, []string) {
	n := len(content)
	switch {
	case n == 0:
		return "", nil
	case n > 1 && isTitleLike(content[n-1]) && !isTitleLike(content[n-2]):
		return content[n-1], content[:n-1]
	case isTitleLike(content[0]):
		return content[0], content[1:]
	}
	return "", content
}

// isTitleLike reports whether a line reads as a headline: short, and not ending a sentence.
func isTitleLike(line string) bool {
	if utf8.RuneCountInString(line) > maxTitleRunes || len(strings.Fields(line)) < 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".!;:…»,", last)
}

// readTeasers reads the related block: headings and furniture are dropped, a byline line gives
// the author of the teaser before it, and every other line is a teaser.
func readTeasers(lines []string, m *matcher, dropped []article.Dropped) ([]article.Teaser, []article.Dropped) {
	var teasers []article.Teaser
	for _, l := range lines {
		if m.isRelatedHeading(l) {
			dropped = append(dropped, article.Dropped{Line: l, Reason: ReasonRelatedHeading})
			continue
		}
		if reason, ok := m.furnitureReason(l); ok {
			dropped = append(dropped, article.Dropped{Line: l, Reason: reason})
			continue
		}
		if sm := teaserBylineRe.FindStringSubmatch(l); sm != nil {
			if n := len(teasers); n > 0 && teasers[n-1].Author == "" {
				teasers[n-1].Author = strings.TrimSpace(sm[1])
			} else {
				dropped = append(dropped, article.Dropped{Line: l, Reason: ReasonByline})
			}
			continue
		}
		teasers = append(teasers, article.Teaser{Title: l})
	}
	return teasers, dropped
}

// articleByline returns the author names of a byline line such as "Par Anne Dupuis et Léo Marc".
func articleByline(line string) ([]string, bool) {
	sm := articleBylineRe.FindStringSubmatch(line)
	if sm == nil || len(strings.Fields(sm[1])) > 8 {
		return nil, false
	}
	var names []string
	for _, n := range authorSplitRe.Split(sm[1], -1) {
		if n = strings.TrimSpace(n); n != "" {
			if r, _ := utf8.DecodeRuneInString(n); !unicode.IsUpper(r) {
				return nil, false
			}
			names = append(names, n)
		}
	}
	return names, len(names) > 0
}

// nonEmptyLines splits text into trimmed lines, without the blank ones.
func nonEmptyLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
