// Package warctest writes small web archives (WARC 1.1) for tests: response, revisit and
// redirect records, whole or gzip'd record by record as crawlers write them.
package warctest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"strconv"
	"time"
)

// Record is one record of a test archive.
type Record struct {
	// Type is the WARC-Type: "response" when empty.
	Type string
	// URL is the WARC-Target-URI.
	URL string
	// Date is the WARC-Date.
	Date time.Time
	// Status is the HTTP status: 200 when 0.
	Status int
	// ContentType is the HTTP Content-Type: "text/html; charset=utf-8" when empty.
	ContentType string
	// Location is the HTTP Location of a redirect.
	Location string
	// Headers are more HTTP header lines ("Content-Encoding: gzip"), written as they are.
	Headers []string
	// Body is the HTTP body, as it went on the wire.
	Body string
}

// Bytes returns the record as WARC: its header with a block digest, its HTTP block, and the
// end-of-record marker.
func (r Record) Bytes() []byte {
	typ, status, ctype := r.Type, r.Status, r.ContentType
	if typ == "" {
		typ = "response"
	}
	if status == 0 {
		status = 200
	}
	if ctype == "" {
		ctype = "text/html; charset=utf-8"
	}
	var block bytes.Buffer
	fmt.Fprintf(&block, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\n", status, statusText(status), ctype)
	for _, h := range r.Headers {
		block.WriteString(h + "\r\n")
	}
	if r.Location != "" {
		fmt.Fprintf(&block, "Location: %s\r\n", r.Location)
	}
	block.WriteString("\r\n")
	block.WriteString(r.Body)
	sum := sha1.Sum(block.Bytes())
	var out bytes.Buffer
	out.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&out, "WARC-Type: %s\r\n", typ)
	fmt.Fprintf(&out, "WARC-Record-ID: <urn:uuid:%s>\r\n", uuid(r.URL, r.Date))
	fmt.Fprintf(&out, "WARC-Date: %s\r\n", r.Date.UTC().Format(time.RFC3339))
	fmt.Fprintf(&out, "WARC-Target-URI: %s\r\n", r.URL)
	if typ == "revisit" {
		out.WriteString("WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n")
	}
	fmt.Fprintf(&out, "WARC-Block-Digest: sha1:%s\r\n", base32.StdEncoding.EncodeToString(sum[:]))
	out.WriteString("Content-Type: application/http;msgtype=response\r\n")
	fmt.Fprintf(&out, "Content-Length: %d\r\n\r\n", block.Len())
	out.Write(block.Bytes())
	out.WriteString("\r\n\r\n")
	return out.Bytes()
}

// Archive returns the records as one WARC file; with gz, each record is a gzip member of its
// own (a .warc.gz).
func Archive(gz bool, records ...Record) []byte {
	var out bytes.Buffer
	for _, r := range records {
		out.Write(Member(gz, r.Bytes()))
	}
	return out.Bytes()
}

// Member returns data as it is, or with gz as a gzip member.
func Member(gz bool, data []byte) []byte {
	if !gz {
		return data
	}
	var out bytes.Buffer
	w := gzip.NewWriter(&out)
	w.Write(data)
	w.Close()
	return out.Bytes()
}

func statusText(status int) string {
	switch {
	case status == 200:
		return "OK"
	case status >= 300 && status < 400:
		return "Moved"
	}
	return "Error"
}

// uuid derives a stable record id from the record's address and date.
func uuid(url string, date time.Time) string {
	sum := sha1.Sum([]byte(url + "|" + strconv.FormatInt(date.UnixNano(), 10)))
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}
