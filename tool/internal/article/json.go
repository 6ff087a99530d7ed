package article

import (
	"encoding/json"
	"fmt"
	"time"
)

// contract is the `kiosque parse` JSON shape of docs/parse-json.md: every key is always present.
type contract struct {
	Title      string   `json:"title"`
	Subtitle   string   `json:"subtitle"`
	Authors    []string `json:"authors"`
	Date       string   `json:"date"`
	DateSource string   `json:"date_source"`
	Lang       string   `json:"lang"`
	// The keys below are kiosque's additions to the contract, left out when empty.
	Description string            `json:"description,omitempty"`
	SiteName    string            `json:"site_name,omitempty"`
	Categories  []string          `json:"categories,omitempty"`
	Image       *contractImage    `json:"image,omitempty"`
	Tags        []string          `json:"tags"`
	Body        []string          `json:"body"`
	Related     []contractTeaser  `json:"related"`
	Dropped     []contractDropped `json:"dropped"`
	Source      contractSource    `json:"source"`
}

type contractTeaser struct {
	Title  string `json:"title"`
	Author string `json:"author"`
	URL    string `json:"url"`
	Date   string `json:"date,omitempty"`
}

type contractImage struct {
	Src     string `json:"src"`
	Alt     string `json:"alt,omitempty"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
}

type contractDropped struct {
	Line   string `json:"line"`
	Reason string `json:"reason"`
}

type contractSource struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	URL    string `json:"url"`
}

// MarshalJSON encodes the Article as the `kiosque parse` contract.
func (a Article) MarshalJSON() ([]byte, error) {
	c := contract{
		Title:       a.Title,
		Subtitle:    a.Subtitle,
		Authors:     nonNil(a.Authors),
		DateSource:  string(a.DateSource),
		Lang:        a.Lang,
		Description: a.Description,
		SiteName:    a.SiteName,
		Categories:  a.Categories,
		Tags:        nonNil(a.Tags),
		Body:        a.Paragraphs(),
		Related:     make([]contractTeaser, 0, len(a.Related)),
		Dropped:     make([]contractDropped, 0, len(a.Dropped)),
		Source:      contractSource{Path: a.Source.Path, Format: a.Source.Format, URL: a.Source.URL},
	}
	if !a.Date.IsZero() {
		c.Date = a.Date.Format(time.RFC3339)
	}
	if a.Image.Src != "" {
		c.Image = &contractImage{Src: a.Image.Src, Alt: a.Image.Text, Caption: a.Image.Caption, Credit: a.Image.Credit}
	}
	for _, t := range a.Related {
		ct := contractTeaser{Title: t.Title, Author: t.Author, URL: t.URL}
		if !t.Date.IsZero() {
			ct.Date = t.Date.Format(time.RFC3339)
		}
		c.Related = append(c.Related, ct)
	}
	for _, d := range a.Dropped {
		c.Dropped = append(c.Dropped, contractDropped(d))
	}
	return json.Marshal(c)
}

// UnmarshalJSON decodes the `kiosque parse` contract. Body blocks come back as paragraphs:
// the contract keeps their text, not their kind.
func (a *Article) UnmarshalJSON(data []byte) error {
	var c contract
	if err := json.Unmarshal(data, &c); err != nil {
		return err
	}
	*a = Article{
		Title:       c.Title,
		Subtitle:    c.Subtitle,
		Authors:     c.Authors,
		DateSource:  DateSource(c.DateSource),
		Lang:        c.Lang,
		Description: c.Description,
		SiteName:    c.SiteName,
		Categories:  c.Categories,
		Tags:        c.Tags,
		Source:      Source{Path: c.Source.Path, Format: c.Source.Format, URL: c.Source.URL},
	}
	if c.Date != "" {
		d, err := time.Parse(time.RFC3339, c.Date)
		if err != nil {
			return fmt.Errorf("invalid date %q: %w", c.Date, err)
		}
		a.Date = d
	}
	for _, p := range c.Body {
		a.Body = append(a.Body, Block{Kind: Paragraph, Text: p})
	}
	if c.Image != nil {
		a.Image = Block{Kind: Image, Src: c.Image.Src, Text: c.Image.Alt, Caption: c.Image.Caption, Credit: c.Image.Credit}
	}
	for _, t := range c.Related {
		tt := Teaser{Title: t.Title, Author: t.Author, URL: t.URL}
		if t.Date != "" {
			d, err := time.Parse(time.RFC3339, t.Date)
			if err != nil {
				return fmt.Errorf("invalid teaser date %q: %w", t.Date, err)
			}
			tt.Date = d
		}
		a.Related = append(a.Related, tt)
	}
	for _, d := range c.Dropped {
		a.Dropped = append(a.Dropped, Dropped(d))
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Stored is an Article as kiosque keeps it between two readings (the checkpoints of a web
// archive, the parse cache of an import): every field, as encoding/json writes a struct, not
// the `kiosque parse` shape that Article's own MarshalJSON gives.
type Stored Article
