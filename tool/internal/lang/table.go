package lang

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Reasons name why a line is page furniture; Cues map them to the lines that show it.
const (
	Share       = "share"
	Like        = "like"
	Comments    = "comments"
	Newsletter  = "newsletter"
	Cookies     = "cookies"
	Navigation  = "navigation"
	PhotoCredit = "photo-credit"
	Copyright   = "copyright"
	ReadingTime = "reading-time"
	Section     = "section"
	Ad          = "ad"
	Login       = "login"
	Paywall     = "paywall"
	Ticker      = "ticker"
	Truncation  = "truncation"
	Source      = "source"
	Widget      = "widget"
	Agency      = "agency"
	// Date marks a date label left without its date, the crawler having lost the date that
	// followed it, in words that are not all date words ("Ce contenu a été publié sur"):
	// a line of date words alone ("Publié le") is dropped as a date already.
	Date = "date"
)

// Cues lists the lines that mark page furniture and related blocks. Lines are compared
// folded (see Fold) and without trailing punctuation, so "A lire aussi" matches "À lire aussi :".
type Cues struct {
	// RelatedHeadings open a block of teasers ("La rédaction vous conseille").
	RelatedHeadings []string
	// RelatedPrefixes open a short heading of teasers that goes on with its subject: "More
	// articles on", "Lo último de".
	RelatedPrefixes []string
	// InlineRelated start a one-line teaser inside the body: "Lire aussi : <title>".
	InlineRelated []string
	// PostLinks label the links to the previous and next posts. Alone on a line they are
	// navigation; glued to a title ("Previous articleThe title") they announce that post.
	PostLinks []string
	// Furniture maps a reason ("share") to the whole lines dropped for it.
	Furniture map[string][]string
	// Prefixes maps a reason to line beginnings dropped for it ("Click to share on").
	Prefixes map[string][]string
	// CommentVerbs end the line that opens a reader's comment after the commenter's name,
	// with the punctuation the comment templates print ("Jenn said...", "Marie a dit :"):
	// the article ends there.
	CommentVerbs []string
}

// Merge adds the cues of o to c.
func (c *Cues) Merge(o Cues) {
	c.RelatedHeadings = append(c.RelatedHeadings, o.RelatedHeadings...)
	c.RelatedPrefixes = append(c.RelatedPrefixes, o.RelatedPrefixes...)
	c.InlineRelated = append(c.InlineRelated, o.InlineRelated...)
	c.PostLinks = append(c.PostLinks, o.PostLinks...)
	c.Furniture = mergeLists(c.Furniture, o.Furniture)
	c.Prefixes = mergeLists(c.Prefixes, o.Prefixes)
	c.CommentVerbs = append(c.CommentVerbs, o.CommentVerbs...)
}

func mergeLists(dst, src map[string][]string) map[string][]string {
	if dst == nil {
		dst = map[string][]string{}
	}
	for reason, lines := range src {
		dst[reason] = append(dst[reason], lines...)
	}
	return dst
}

// Table is what kiosque knows of one language. Word lists are written as people spell the
// words; lookups fold them (see Key).
type Table struct {
	// Code is the language's ISO 639-1 code ("fr").
	Code string
	// StopWords are its most frequent function words: they vote for the language and
	// measure how much a line reads as prose.
	StopWords string
	// Openers are other words that may open a sentence with a capital but never name
	// anything ("Dans", "However"): they are never tags.
	Openers string
	// Months maps month names and their abbreviations to months.
	Months map[string]time.Month
	// Weekdays are the day names and their abbreviations.
	Weekdays string
	// DateWords may surround a date on a line that says nothing else ("Publié le").
	DateWords string
	// UpdateWords mark the date after them as a last-modified date ("mis à jour").
	UpdateWords []string
	// BylineWords open an article's byline ("Par", "By"); those that end with "de" open it
	// elided too ("Texte d'Ann Roe").
	BylineWords []string
	// LedeBylineWords name the writer at the end of the lede, after a comma ("…, writes Ann
	// Roe.").
	LedeBylineWords []string
	// CommentNouns name a post's comments in the heading over them, after their count, and
	// CommentLinks are the words between them and the post's title, all as printed: "177
	// comments on The title".
	CommentNouns, CommentLinks []string
	// ThoughtNouns and ThoughtLinks spell that heading when it opens as a headline may: "12
	// réflexions sur « Le titre »". The title after them must be quoted.
	ThoughtNouns, ThoughtLinks []string
	// Honorifics precede a name and are no part of it ("M.", "Mme").
	Honorifics string
	// NameParticles may stay in lower case inside a person's name ("de", "van").
	NameParticles string
	// NewsroomNouns may stay in lower case inside a newsroom's name ("rédaction").
	NewsroomNouns string
	// Connectors may join the capitalised words of one name ("Groupe de Minsk").
	Connectors string
	// NameHeads are the nouns that head the names of institutions ("Cour", "Council"):
	// capitalised, they may take a complement in lower case ("Cour des comptes"), and alone
	// ("la Cour") they only abbreviate a longer name, never name anything themselves.
	NameHeads string
	// NameAdjectives are the adjectives that stay in lower case inside a name after a
	// capitalised word ("Union européenne", "Assemblée nationale", "Europe centrale").
	NameAdjectives string
	// Complements are the connectors that open a complement in lower case after a head noun
	// ("Cour des comptes", "Chambre d’agriculture"); a language that capitalises every noun
	// of a name lists none.
	Complements string
	// Conjunctions join two names, or two complements of one name ("commerce et d’industrie").
	Conjunctions string
	// CoWriters join a second writer to the first on a byline ("avec" in "Par Ann Roe avec
	// Léo Marc"), and never two parts of one name.
	CoWriters string
	// LowerHeads maps the nouns that head a name in lower case before its capitalised part
	// ("ministère de l’Intérieur") to the head the name is filed under: the minister's title
	// names the ministry ("ministre de la Culture" gives "ministère de la Culture").
	LowerHeads map[string]string
	// Titles are the roles printed before a person's name and no part of it ("Président").
	Titles string
	// Elisions lose their vowel before another word ("l’OSCE").
	Elisions string
	// Determiners are the words after which a capitalised word may be a demonym.
	Determiners string
	// DemonymSuffixes end the nouns of nationality ("ais" of "Français").
	DemonymSuffixes []string
	// Accounts are the names of a site's accounts that bylines show instead of a writer
	// ("admin").
	Accounts string
	// Addressing are the words a site speaks to its readers with ("vous", "your"): a short
	// sentence holding one above a headline is the site's tagline.
	Addressing string
	// OutletPhrases are the phrases a site speaks of itself with ("our website", "follow
	// us"), and Channels the names of the places it sends its readers to ("Facebook",
	// "newsletter"): a sentence holding one of the first and another of either, ending the
	// body, is the site's promotion.
	OutletPhrases []string
	Channels      string
	// Abbreviations are the abbreviations in capitals and periods that name no one ("U.K.",
	// "R.I.P."): a line of them alone is no correspondent's initials.
	Abbreviations string
	// CommentButtons are the buttons a blog prints under each reader's comment, run
	// together as a crawler flattens them ("ReplyDelete"): a line that opens with them
	// closes a comment, and the line above it is one.
	CommentButtons []string
	// Mastheads are the words newspapers name themselves with ("Press", "Gazette",
	// "Courrier"): a byline's part after a slash that holds one is the outlet, not a
	// second writer ("Ann Roe / American Press").
	Mastheads string
	// OutletWords are the words a site speaks as itself with ("we", "notre"): an appeal
	// for support speaks so, or to its readers (Addressing), in every line.
	OutletWords string
	// Pronouns are the personal pronouns: a person's name never opens with one, so a
	// headline in title case that does ("He Died Peacefully") is no name.
	Pronouns string
	// BioVerbs follow a writer's name at the start of the line that says who they are ("is",
	// "writes": "Ann Roe is a member of the Friends of the Library.").
	BioVerbs string
	// BylineTails are the words after a writer's name that make a byline of it, as a radio
	// newsroom prints it ("Reporting" in "Ann Roe Reporting").
	BylineTails []string
	// PageWords number the pages of a listing ("Page" in "Politique - Page 73"): a line
	// ending with one and a number names a listing, never an article.
	PageWords []string
	// Agencies are the news agencies whose credit is not an author ("AFP", "Reuters").
	Agencies []string
	// CaptionVerbs are the verbs in the present tense with which a caption says what its
	// picture shows ("shown", "poses"): a sentence of one, ending with the picture's full
	// date ("… on Saturday, April 2, 2022."), is a caption.
	CaptionVerbs string
	// CaptionCues are the phrases with which a photo's caption places the people it shows
	// ("L to R", "de gauche à droite"): a line holding one is a caption.
	CaptionCues []string
	// CaptionOpeners are the words that open a photo's caption and no sentence of a story
	// ("Sur cette photo", "Pictured above"): a short line opening with one is a caption.
	CaptionOpeners []string
	// SignOffs are the closing words of a letter, minutes or a speech over the signer's name
	// ("Respectfully submitted,", "Votre curé,"), alone on their line or before the name.
	SignOffs []string
	// Standfirsts says the language's press prints a standfirst (the French chapô) between
	// the headline and the story as a rule, so that a first paragraph there opened by a
	// kicker in capitals, or printed again in the story, is the standfirst, with no byline
	// to part them.
	Standfirsts bool
	// RelatedClasses are the words of an HTML element's class or id, in lower case with
	// dashes, that say the element holds related articles ("lire-aussi", "read-also").
	RelatedClasses []string
	// Cues are the furniture and related-block cues of the language's sites.
	Cues Cues

	stop  Set
	names *NameWords
}

// NameWords are the words that build names in one language, or in all of them at once; keys
// are folded (see Key).
type NameWords struct {
	// Heads, Adjectives, Complements, Conjunctions, CoWriters and Titles are the sets of the
	// table's fields of the same names (NameHeads, NameAdjectives, ...).
	Heads, Adjectives, Complements, Conjunctions, CoWriters, Titles Set
	// LowerHeads maps a folded lower-case head to the head its names are filed under.
	LowerHeads map[string]string
}

func newNameWords(tables ...*Table) *NameWords {
	n := &NameWords{Heads: Set{}, Adjectives: Set{}, Complements: Set{}, Conjunctions: Set{}, CoWriters: Set{}, Titles: Set{}, LowerHeads: map[string]string{}}
	for _, t := range tables {
		maps.Copy(n.Heads, NewSet(t.NameHeads))
		maps.Copy(n.Adjectives, NewSet(t.NameAdjectives))
		maps.Copy(n.Complements, NewSet(t.Complements))
		maps.Copy(n.Conjunctions, NewSet(t.Conjunctions))
		maps.Copy(n.CoWriters, NewSet(t.CoWriters))
		maps.Copy(n.Titles, NewSet(t.Titles))
		for w, head := range t.LowerHeads {
			n.LowerHeads[Key(w)] = head
		}
	}
	return n
}

// NameWords returns the words that build names in the table's language.
func (t *Table) NameWords() *NameWords { return t.names }

// AllNameWords returns the words that build names in every language at once, for a text of
// unknown language.
func AllNameWords() *NameWords { return allNameWords() }

var allNameWords = sync.OnceValue(func() *NameWords { return newNameWords(tables()...) })

// NameHeads returns the head nouns of institution names of every language ("Cour", "Council").
func NameHeads() Set { return AllNameWords().Heads }

// Titles returns the roles printed before names in every language ("Président").
func Titles() Set { return AllNameWords().Titles }

// Conjunctions returns the words that join two names in every language ("et", "and").
func Conjunctions() Set { return AllNameWords().Conjunctions }

// CoWriters returns the words that join a second writer to a byline in every language
// ("avec", "with").
func CoWriters() Set { return AllNameWords().CoWriters }

// Tables returns every built-in table, French first.
func Tables() []*Table { return tables() }

// tables lists French first, kiosque's home language: it wins ties in Detect.
var tables = sync.OnceValue(func() []*Table {
	all := []*Table{french(), english(), spanish(), german(), italian()}
	for _, t := range all {
		t.stop = NewSet(t.StopWords)
		t.names = newNameWords(t)
	}
	return all
})

// Get returns the table of the language code, or nil.
func Get(code string) *Table {
	for _, t := range tables() {
		if t.Code == code {
			return t
		}
	}
	return nil
}

// Set is a set of folded words (see Key).
type Set map[string]bool

// NewSet returns the set of the folded words of lists, each a space-separated list.
func NewSet(lists ...string) Set {
	s := Set{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			s[Key(w)] = true
			s[strings.ReplaceAll(Key(w), " ", "")] = true
		}
	}
	return s
}

// Has reports whether s holds the word w, folded.
func (s Set) Has(w string) bool { return s[Key(w)] }

// union is the set of a field of every table.
func union(field func(*Table) string) Set {
	var lists []string
	for _, t := range tables() {
		lists = append(lists, field(t))
	}
	return NewSet(lists...)
}

// The words of every language at once: scrapes mix languages, and a cue of one language
// never means something else in another.
var (
	stopWords = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.StopWords }) })
	openers   = sync.OnceValue(func() Set {
		return union(func(t *Table) string { return t.StopWords + " " + t.Openers + " " + t.Weekdays + " " + monthList(t) })
	})
	weekdays      = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Weekdays }) })
	dateWords     = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.DateWords }) })
	honorifics    = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Honorifics }) })
	particles     = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.NameParticles }) })
	newsroomNouns = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.NewsroomNouns }) })
	connectors    = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Connectors }) })
	elisions      = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Elisions }) })
	determiners   = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Determiners }) })
	accounts      = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Accounts }) })
	pronouns      = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Pronouns }) })
	addressing    = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Addressing }) })
	channels      = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Channels }) })
	captionVerbs  = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.CaptionVerbs }) })
	mastheads     = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Mastheads }) })
	outletWords   = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.OutletWords }) })
	bioVerbs      = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.BioVerbs }) })
	abbreviations = sync.OnceValue(func() Set { return union(func(t *Table) string { return t.Abbreviations }) })
	months        = sync.OnceValue(func() map[string]time.Month {
		m := map[string]time.Month{}
		for _, t := range tables() {
			for name, mo := range t.Months {
				m[Key(name)] = mo
			}
		}
		return m
	})
)

// foldedCues returns, once, the phrases of field in every table, folded (see Fold).
func foldedCues(field func(*Table) []string) func() []string {
	return sync.OnceValue(func() []string {
		var cues []string
		for _, t := range tables() {
			for _, c := range field(t) {
				cues = append(cues, Fold(c))
			}
		}
		return cues
	})
}

// captionCues holds every table's caption cues, folded (see Fold).
var captionCues = foldedCues(func(t *Table) []string { return t.CaptionCues })

// captionOpeners holds every table's caption openers, folded (see Fold).
var captionOpeners = foldedCues(func(t *Table) []string { return t.CaptionOpeners })

// signOffs holds every table's sign-offs, folded (see Fold).
var signOffs = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, t := range tables() {
		for _, c := range t.SignOffs {
			m[Fold(c)] = true
		}
	}
	return m
})

// IsSignOff reports whether f, a line's beginning folded (see Fold), is a sign-off of any
// language.
func IsSignOff(f string) bool { return signOffs()[f] }

// CaptionCues returns the caption cues of every language, folded (see Fold).
func CaptionCues() []string { return captionCues() }

// CaptionOpeners returns the caption openers of every language, folded (see Fold).
func CaptionOpeners() []string { return captionOpeners() }

func monthList(t *Table) string {
	return strings.Join(slices.Sorted(maps.Keys(t.Months)), " ")
}

// StopWords returns the function words of every language: the words that make a line prose.
func StopWords() Set { return stopWords() }

// Openers returns the words that never name anything, though a sentence may open with
// them: function words, sentence openers, day and month names of every language.
func Openers() Set { return openers() }

// Weekdays returns the day names of every language.
func Weekdays() Set { return weekdays() }

// DateWords returns the words that may surround a date on a line of its own.
func DateWords() Set { return dateWords() }

// Honorifics returns the titles that precede names ("M.", "Dr").
func Honorifics() Set { return honorifics() }

// NameParticles returns the lower-case words a person's name may hold ("de", "van").
func NameParticles() Set { return particles() }

// NewsroomNouns returns the lower-case words a newsroom's name may hold ("rédaction").
func NewsroomNouns() Set { return newsroomNouns() }

// Accounts returns the names of site accounts that are never writers ("admin").
func Accounts() Set { return accounts() }

// Addressing returns the words a site speaks to its readers with, in every language.
func Addressing() Set { return addressing() }

// Pronouns returns the personal pronouns of every language ("he", "elle").
func Pronouns() Set { return pronouns() }

// BioVerbs returns the verbs that follow a writer's name in the line about them ("is").
func BioVerbs() Set { return bioVerbs() }

// Connectors returns the small words that may join the words of one name ("de", "of").
func Connectors() Set { return connectors() }

// Elisions returns the words that lose their vowel before another ("l", "qu").
func Elisions() Set { return elisions() }

// Determiners returns the words after which a capitalised word may be a demonym.
func Determiners() Set { return determiners() }

// Month returns the month a name or abbreviation of any language stands for ("févr." gives
// February), or 0.
func Month(name string) time.Month {
	name = strings.TrimSuffix(name, ".")
	if m := months()[Key(name)]; m != 0 || !strings.ContainsRune(name, utf8.RuneError) {
		return m
	}
	return mendedMonth(name)
}

// mendedMonth returns the month of a name whose accented letters a wrong decoding turned
// into the replacement character ("ao\uFFFDt" for "août"), when only one month's name fits:
// the name as the tables spell it, each replacement character standing for one of its
// letters that is not ASCII (so "ma\uFFFDs", maïs, is no "mars").
func mendedMonth(name string) time.Month {
	word := []rune(strings.ToLower(name))
	var found time.Month
	for _, t := range tables() {
		for spelled, m := range t.Months {
			if !fitsMended([]rune(spelled), word) {
				continue
			}
			if found != 0 && found != m {
				return 0
			}
			found = m
		}
	}
	return found
}

// fitsMended reports a word, in lower case, that is spelled, a month's name, but for letters
// not in ASCII that became the replacement character.
func fitsMended(spelled, word []rune) bool {
	if len(spelled) != len(word) {
		return false
	}
	for i, r := range word {
		if r == utf8.RuneError && spelled[i] < utf8.RuneSelf || r != utf8.RuneError && r != spelled[i] {
			return false
		}
	}
	return true
}

// MonthNames returns every month name and abbreviation of every language, folded and sorted
// longest first, for building patterns.
func MonthNames() []string { return longestFirst(slices.Collect(maps.Keys(months()))) }

// WeekdayNames returns every weekday name and abbreviation, folded, longest first.
func WeekdayNames() []string { return longestFirst(slices.Collect(maps.Keys(weekdays()))) }

func longestFirst(s []string) []string {
	slices.SortFunc(s, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return s
}

// UpdateWords returns the folded words that mark an update date, of every language.
func UpdateWords() []string {
	var out []string
	for _, t := range tables() {
		for _, w := range t.UpdateWords {
			out = append(out, Key(w))
		}
	}
	return out
}

// BylineWords returns the words that open a byline in every language ("Par", "By"), with
// the elided forms of those that end with "de": "Texte de" gives "Texte d'" and "Texte d’".
func BylineWords() []string {
	var out []string
	for _, t := range tables() {
		for _, w := range t.BylineWords {
			out = append(out, w)
			if stem, ok := strings.CutSuffix(w, " de"); ok {
				out = append(out, stem+" d'", stem+" d’")
			}
		}
	}
	return out
}

// OutletPhrases returns the phrases a site speaks of itself with, of every language, folded
// (see Fold).
func OutletPhrases() []string { return outletPhrases() }

var outletPhrases = foldedCues(func(t *Table) []string { return t.OutletPhrases })

// Abbreviations returns the abbreviations in capitals and periods that name no one, of
// every language ("U.K.", "S.V.P.").
func Abbreviations() Set { return abbreviations() }

// CommentButtons returns the buttons under a reader's comment, of every language, folded
// (see Fold).
func CommentButtons() []string { return commentButtons() }

var commentButtons = foldedCues(func(t *Table) []string { return t.CommentButtons })

// Channels returns the names of the places a site sends its readers to, in every language.
func Channels() Set { return channels() }

// OutletWords returns the words a site speaks as itself with, in every language.
func OutletWords() Set { return outletWords() }

// CaptionVerbs returns the verbs captions describe their pictures with, of every language,
// folded.
func CaptionVerbs() Set { return captionVerbs() }

// Mastheads returns the words newspapers name themselves with, of every language, folded.
func Mastheads() Set { return mastheads() }

// LedeBylineWords returns the words that name the writer at the end of a lede, after a
// comma, in every language ("writes" in "…, writes Ann Roe.").
func LedeBylineWords() []string {
	var out []string
	for _, t := range tables() {
		out = append(out, t.LedeBylineWords...)
	}
	return out
}

// DemonymSuffixes returns the endings of nouns of nationality of every language.
func DemonymSuffixes() []string {
	var out []string
	for _, t := range tables() {
		out = append(out, t.DemonymSuffixes...)
	}
	return out
}

// Agencies returns the news agencies of every language's sites, as printed.
func Agencies() []string {
	var out []string
	for _, t := range tables() {
		out = append(out, t.Agencies...)
	}
	return out
}

// IsAgency reports whether s is a news agency's name as a credit prints it, in any case:
// "AFP", "ats".
func IsAgency(s string) bool { return agencies()[strings.ToLower(s)] }

// agencies holds the agencies' names of every language, in lower case.
var agencies = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, a := range Agencies() {
		set[strings.ToLower(a)] = true
	}
	return set
})

// RelatedClasses returns the class words of related blocks of every language.
func RelatedClasses() []string {
	var out []string
	for _, t := range tables() {
		out = append(out, t.RelatedClasses...)
	}
	return out
}

// AllCues returns the cues of every language merged, in the order of the codes.
func AllCues() Cues {
	var c Cues
	for _, t := range tables() {
		c.Merge(t.Cues)
	}
	return c
}

// IsStopWord reports whether the folded word w is one of the table's function words.
func (t *Table) IsStopWord(w string) bool { return t.stop[w] }

// Detect returns the code of the language whose stop words the texts use most, or "" when
// no language has a vote. Ties go to the first table (French).
func Detect(texts ...string) string {
	all, stops := tables(), stopTables()
	votes := make([]int, len(all))
	for _, s := range texts {
		for w := range strings.FieldsSeq(Key(s)) {
			for m, i := stops[w], 0; m != 0; m, i = m>>1, i+1 {
				if m&1 != 0 {
					votes[i]++
				}
			}
		}
	}
	best, n := "", 0
	for i, t := range all {
		if votes[i] > n {
			best, n = t.Code, votes[i]
		}
	}
	return best
}

// stopTables maps each stop word of a table to the tables that hold it, bit i for tables()[i]:
// Detect looks each word up once, not once per language.
var stopTables = sync.OnceValue(func() map[string]uint {
	m := map[string]uint{}
	for i, t := range tables() {
		for w := range t.stop {
			m[w] |= 1 << i
		}
	}
	return m
})
