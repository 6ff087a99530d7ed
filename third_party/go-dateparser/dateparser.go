// Package dateparser stands in for github.com/markusmobius/go-dateparser in kiosque's build.
//
// go-trafilatura reads dates through go-htmldate, which links go-dateparser for its
// "extensive" search. kiosque runs go-htmldate in its fast mode only, where go-dateparser is
// never called, but linking it costs every kiosque command about 0.3 s and 80 MB at start-up:
// its package initialisation compiles the date patterns of some 200 languages. This package
// keeps the few names go-htmldate refers to, and its Parse finds no date, so the extensive
// search, if it ever ran, would simply find nothing.
package dateparser

import (
	"errors"
	"time"
)

// ParserType names one of go-dateparser's parsers.
type ParserType uint8

// The parsers of go-dateparser, in its order.
const (
	Timestamp ParserType = iota
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource tells how an incomplete date is completed.
type PreferredDateSource uint8

// The sources of go-dateparser.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration is the part of go-dateparser's configuration that go-htmldate sets.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Parser is go-dateparser's parser, with the parsers to try.
type Parser struct {
	ParserTypes []ParserType
}

// Date is a parsed date.
type Date struct {
	Time time.Time
}

// ErrNotLinked is the error of every Parse: the extensive date search is not part of kiosque.
var ErrNotLinked = errors.New("go-dateparser is not linked into kiosque")

// Parse finds no date.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (Date, error) {
	return Date{}, ErrNotLinked
}
