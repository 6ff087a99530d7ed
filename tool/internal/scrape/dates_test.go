package scrape

import "testing"

// TestHasYear checks the quick test that spares a line the patterns of named dates: it must
// hold for every line those patterns match.
func TestHasYear(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
		msg  string
	}{
		{"Publié le 12 mars 2023 à 10h15", true, "a year after a space, then a space"},
		{"March 3, 2021", true, "a year ending the line"},
		{"le 12 mars\t2023.", true, "a year after a tab, then a full stop"},
		{"le 12 mars 2023é", true, "a letter beyond ASCII is no word for \\b"},
		{"Publié le 12 mars à 10h15", false, "no year"},
		{"le 12 mars 20234", false, "five digits"},
		{"le 12 mars 2023h", false, "a letter glued to the digits"},
		{"le 12 mars 2023_", false, "an underscore glued to the digits"},
		{"mars,2023", false, "no space before the year"},
		{" 123", false, "three digits"},
	} {
		if got := hasYear(c.s); got != c.want {
			t.Errorf("%s: hasYear(%q) = %v, want %v", c.msg, c.s, got, c.want)
		}
		if c.want {
			continue
		}
		if dayMonthRe.MatchString(c.s) || monthDayRe.MatchString(c.s) {
			t.Errorf("%s: %q matches a pattern of named dates, but hasYear says no", c.msg, c.s)
		}
	}
}

// TestScanDates checks the day a line's first date gives, in the forms pages print.
func TestScanDates(t *testing.T) {
	for _, c := range []struct {
		line, want, msg string
	}{
		{"Publié le 12 mars 2023 à 10h15", "2023-03-12", "a French date in words"},
		{"04 - Janvier - 2021", "2021-01-04", "day, month and year parted by dashes"},
		{"Wednesday, 10th March 2021, 9:12 am", "2021-03-10", "an English day with its suffix"},
		{"Score 04 - 2021", "", "no month between the dashes"},
	} {
		got := ""
		if hits := scanDates(c.line, ""); len(hits) > 0 {
			got = hits[0].t.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("%s: scanDates(%q) = %q, want %q", c.msg, c.line, got, c.want)
		}
	}
}
