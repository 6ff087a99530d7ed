package scrape

import "testing"

// TestDecodeMixed decodes files that are not valid UTF-8 as a whole, line by line.
func TestDecodeMixed(t *testing.T) {
	for _, c := range []struct{ msg, in, want string }{
		{"a UTF-8 line, then a Windows-1252 one", "Marché de Valmont\nLe march\xe9 rouvre\n", "Marché de Valmont\nLe marché rouvre\n"},
		{"a Windows-1252 line, then a UTF-8 one, CRLF", "\x93Caf\xe9\x94 du port\r\nL’été à Valmont\r\n", "“Café” du port\nL’été à Valmont\n"},
		{"a UTF-8 line with one stray Windows-1252 apostrophe", "L’été à Valmont, c\x92est la fête\n", "L’été à Valmont, c’est la fête\n"},
		{"Windows-1252 only", "Le caf\xe9 de la gare \x96 ouvert\n", "Le café de la gare – ouvert\n"},
		{"a UTF-8 file cut in the middle of its last character", "Un été à Valmont\nLa fête continu\xc3", "Un été à Valmont\nLa fête continu"},
		{"a UTF-8 file cut in a three-byte character", "L’été\nLa suite\xe2\x80", "L’été\nLa suite"},
		{"an ASCII file ending on a Windows-1252 accent is not cut", "Le caf\xe9", "Le café"},
		{"CR line ends", "Marché\rLe march\xe9\r", "Marché\nLe marché\n"},
		{"a byte order mark, then a Windows-1252 line", "\xEF\xBB\xBFLe march\xe9\n", "Le marché\n"},
	} {
		if got := decodeText([]byte(c.in)); got != c.want {
			t.Errorf("%s: %q, want %q", c.msg, got, c.want)
		}
	}
}
