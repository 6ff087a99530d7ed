package article

import "time"

// DateSource tells where an Article's date came from.
type DateSource string

// The known date sources, from the most to the least trustworthy.
const (
	DatePublished DateSource = "published" // printed in the scrape or given by the crawler as publication date
	DateCrawled   DateSource = "crawled"   // the crawler's fetch time
	DateFile      DateSource = "file"      // the scrape file's modification time
	DateImported  DateSource = "imported"  // the time of the import
)

// BlockKind tells what a body Block is.
type BlockKind string

// The kinds of body blocks.
const (
	Paragraph BlockKind = "paragraph"
	Heading   BlockKind = "heading"
	Quote     BlockKind = "quote"
	ListItem  BlockKind = "list-item"
	Image     BlockKind = "image"
	Table     BlockKind = "table"
)

// Block is one unit of the body in reading order.
type Block struct {
	Kind BlockKind
	// Text is the block's plain text; for an image, its alternative text.
	Text string
	// Ordered marks a list item that was numbered ("1. ").
	Ordered bool
	// Src, Caption and Credit describe an image block (and a lead image): Src is the image's
	// address, absolute when the page's address is known, or its file name in the bundle once
	// the importer copied it there.
	Src, Caption, Credit string
	// File is the image's file in the scrape folder (a mirror), on the scrape's file system,
	// when the reader found it there, or the web archive that holds it; the importer copies
	// it into the bundle.
	File string
	// Record locates the image in File when File is a web archive that holds it; nil
	// otherwise.
	Record *ArchiveRecord
	// Markdown is the block as Markdown, as an HTML reader rendered it (links, emphasis,
	// tables), with its block marker ("## ", "> ", "- "); empty for a block read from text,
	// which the writer escapes from Text. Image blocks are always rendered from Src.
	Markdown string
}

// ArchiveRecord locates a resource in a web archive: the byte offset of the response record
// that holds it, and the content type it was served with.
type ArchiveRecord struct {
	Offset      int64
	ContentType string
}

// Teaser is one related article announced by the scrape, such as an item under
// "La rédaction vous conseille".
type Teaser struct {
	// Title is the teaser's text: a title or the first words of the body it announces.
	Title string
	// Author is the name on the teaser's byline, if any.
	Author string
	// URL is the link the scrape carried, if any.
	URL string
	// Page is the site path of the article the teaser resolved to ("/articles/<slug>"), if any.
	Page string
	// Date is the date the teaser showed, if any.
	Date time.Time
}

// Source describes the scrape an Article was read from.
type Source struct {
	Path   string // the scrape's path as given to the reader
	Format string // "text", "html", "jsonl"
	URL    string // the original address of the article, when known
	// Mirror is the address of the page's file in a mirror (wget --mirror), which the
	// mirror's links lead to, when the page names another as its own.
	Mirror string
	SHA256 string // hex digest of the scrape's bytes
	// Record is the line of the record in a JSON Lines or JSON array file, or the byte offset
	// of the record in a web archive (0 for a whole-file scrape): several articles can share
	// one Path.
	Record int
}

// Dropped is one input line recognised as page furniture, kept verbatim with the reason.
type Dropped struct {
	Line   string
	Reason string
}

// Article is a news article read from a scrape or from a site's content.
type Article struct {
	// Page is the article's own site path ("/articles/<slug>") once the importer has placed it.
	Page       string
	Title      string
	Subtitle   string
	Authors    []string
	Date       time.Time
	DateSource DateSource
	// DateFrom tells where Date was read: the scrape line or the sidecar or record field.
	DateFrom string
	// Updated is the last-modified date the scrape printed ("mis à jour le ..."), if any.
	Updated time.Time
	// Crawled is the time the crawler fetched the page, if it said; it is never a
	// publication date.
	Crawled time.Time
	Lang    string
	// Description is the page's own summary (its meta description), if it has one.
	Description string
	// SiteName is the name of the newsroom or site that published the page, if it says.
	SiteName string
	// Categories are the page's sections ("Politique", "Local News"), if it names them.
	Categories []string
	// Image is the lead image (an image Block: Src, Text as its alternative text, Caption,
	// Credit, File); its Src is empty when the page has none.
	Image   Block
	Body    []Block
	Tags    []string
	Related []Teaser
	// Similar holds site paths of the closest other articles, computed over the corpus.
	Similar []string
	Source  Source
	// Duplicates are the other scrapes of the same article, imported once under this one.
	Duplicates []Source
	Dropped    []Dropped
}

// Paragraphs returns the text of every body block, in order. Images are left out: their
// alternative text and caption describe a picture, they are not the article's text.
func (a *Article) Paragraphs() []string {
	out := make([]string, 0, len(a.Body))
	for _, b := range a.Body {
		if b.Kind != Image {
			out = append(out, b.Text)
		}
	}
	return out
}
