package bundle

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config/testconfig"
	"github.com/gohugoio/hugo/markup/converter"
	"github.com/gohugoio/hugo/markup/converter/hooks"
	"github.com/gohugoio/hugo/markup/goldmark"
	"github.com/gohugoio/hugo/markup/highlight"
	"github.com/gohugoio/hugo/parser/pageparser"
	"golang.org/x/net/html"
)

var (
	hugoOnce sync.Once
	hugoConv converter.Converter
	hugoHigh highlight.Highlighter
)

// hugoMarkdown renders Markdown with Hugo's own goldmark converter and Hugo's default markup
// configuration, the one kiosque keeps (raw HTML omitted, typographer, linkify, heading
// attributes, footnotes, definition lists, task lists, tables).
func hugoMarkdown(tb testing.TB, src string) string {
	tb.Helper()
	hugoOnce.Do(func() {
		pcfg := converter.ProviderConfig{Logger: loggers.NewDefault(), Conf: testconfig.GetTestConfig(nil, nil)}
		p, err := goldmark.Provider.New(pcfg)
		if err != nil {
			panic(err)
		}
		if hugoConv, err = p.New(converter.DocumentContext{DocumentID: "kiosque"}); err != nil {
			panic(err)
		}
		hugoHigh = highlight.New(pcfg.MarkupConfig().Highlight)
	})
	res, err := hugoConv.Convert(converter.RenderContext{Src: []byte(src), GetRenderer: func(t hooks.RendererType, id any) any {
		if t == hooks.CodeBlockRendererType {
			return hugoHigh
		}
		return nil
	}})
	if err != nil {
		tb.Fatalf("Hugo cannot render %q: %v", src, err)
	}
	return string(res.Bytes())
}

// shortcodes returns the shortcodes (and errors) Hugo's page parser finds in the content of
// a page, after its front matter.
func shortcodes(tb testing.TB, content string) []string {
	tb.Helper()
	page := []byte("---\ntitle: x\n---\n\n" + content)
	items, err := pageparser.ParseBytes(page, pageparser.Config{})
	if err != nil {
		tb.Fatalf("Hugo cannot parse %q: %v", content, err)
	}
	var found []string
	for _, it := range items {
		if it.IsLeftShortcodeDelim() || it.IsShortcodeName() || it.IsError() {
			found = append(found, it.ValStr(page))
		}
	}
	return found
}

// htmlText returns the text of rendered HTML and the elements it holds ("p", "a href=...").
func htmlText(s string) (string, []string) {
	var text strings.Builder
	var elems []string
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(text.String()), " "), elems
		case html.TextToken:
			text.Write(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			e := tok.Data
			for _, a := range tok.Attr {
				if a.Key != "id" {
					e += " " + a.Key + "=" + a.Val
				}
			}
			elems = append(elems, e)
		case html.CommentToken:
			elems = append(elems, "<!--"+string(bytes.TrimSpace(z.Text()))+"-->")
		}
	}
}
