package scrape

import "testing"

// TestWordCount counts words between white space as strings.Fields splits them.
func TestWordCount(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
		msg  string
	}{
		{"", 0, "empty"},
		{"   \t ", 0, "white space only"},
		{"Le maire de Valmont", 4, "spaces"},
		{"  Le\tmaire\n", 2, "tabs, a line break, space at both ends"},
		{"Le\u00a0maire", 2, "a no-break space splits as strings.Fields splits"},
		{"l’OSCE — à Minsk", 4, "a dash between spaces is a word"},
		{"\xffLe maire", 2, "an invalid byte is part of a word"},
	} {
		if got := wordCount(c.s); got != c.want {
			t.Errorf("%s: wordCount(%q) = %d, want %d", c.msg, c.s, got, c.want)
		}
	}
}
