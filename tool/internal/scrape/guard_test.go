package scrape

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// guardedPatterns are the patterns of the package that run behind a guard, by name.
var guardedPatterns = map[string]guardedRe{
	"reportingRe": reportingRe, "frCreditRe": frCreditRe, "signedRe": signedRe,
	"forOutletRe": forOutletRe, "parenSignatureRe": parenSignatureRe,
	"datedSignatureRe": datedSignatureRe, "postedByRe": postedByRe,
	"emailCreditRe": emailCreditRe, "reachedRe": reachedRe, "endByRe": endByRe,
	"bySiteRe": bySiteRe, "bylineTailRe": bylineTailRe, "acronymsTailRe": acronymsTailRe,
	"licensedPhotoRe": licensedPhotoRe, "agencyCreditRe": agencyCreditRe,
	"gluedCaptionRe": gluedCaptionRe,
}

// guardExamples match their pattern: the forms the patterns' comments give, and others.
var guardExamples = []string{
	"(Reporting by Ann Roe and Bob Lee; editing by Zoe Kim)", "(Writing by Ann Roe)",
	"(Ann Roe, avec Bob Lee; version française Zoé Kim)", "Une chronique signée Ann Roe.",
	"Un article rédigé par Ann Roe", "Anne Delorme pour ABP le 24/11/18 17:24",
	"(Pascal Landrein, le 8 mars 2008)", "Alain Roux / 26.03.2023", "Marie Dupin - 3 mars 2021",
	"posté à 11h29, par JBB", "Posted at 9:00 by Jane Roe", "Ann Roe ann@example.com",
	"(Ann Roe can be reached at 555-0100)", "Article publié sur x.org le par Olivier Meyer",
	"Par Anne Roy/Le Site", "BY ANN ROE / THE COURIER",
	"Mayor Ann Roe. Picture Tom Bell /Coast News Agency (CNA)",
	"Mayor Ann Roe. Picture Tom Bell /Coast News Agency (CNA) Dunmore - The mayor opened the new hall on Friday.",
}

// variants returns s and the forms a scrape may print it in: in capitals, in lower case, with
// tabs for spaces.
func variants(s string) []string {
	return []string{s, strings.ToUpper(s), strings.ToLower(s), strings.ReplaceAll(s, " ", "\t")}
}

// checkGuards fails when a pattern matches s but its guard turns s away.
func checkGuards(t *testing.T, s string) {
	t.Helper()
	for name, g := range guardedPatterns {
		if g.re.MatchString(s) && !g.may(s) {
			t.Errorf("%s matches %q, but its guard turns it away", name, s)
		}
	}
}

// samples returns strings built from the pattern expr, one at least for each branch of each
// alternation and each case of each literal, not all of which the pattern matches (a word
// boundary, a class's first rune): the caller keeps those it does.
func samples(t *testing.T, expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return sampleOf(re.Simplify())
}

func sampleOf(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		lit := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			return []string{lit, strings.ToUpper(lit), strings.ToLower(lit), firstUpper(strings.ToLower(lit))}
		}
		return []string{lit}
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune) && len(out) < 4; i += 2 {
			if r := re.Rune[i]; unicode.IsPrint(r) {
				out = append(out, string(r))
			}
		}
		return append(out, " ")
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return []string{"a"}
	case syntax.OpCapture, syntax.OpPlus:
		return sampleOf(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		return append([]string{""}, sampleOf(re.Sub[0])...)
	case syntax.OpRepeat:
		var out []string
		for _, s := range sampleOf(re.Sub[0]) {
			out = append(out, strings.Repeat(s, max(re.Min, 1)))
		}
		return out
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			out = append(out, sampleOf(sub)...)
		}
		return out
	case syntax.OpConcat:
		// Each part's samples, the other parts at their first sample.
		parts := make([][]string, len(re.Sub))
		for i, sub := range re.Sub {
			parts[i] = sampleOf(sub)
		}
		var out []string
		for i := range parts {
			for _, v := range parts[i] {
				var b strings.Builder
				for j := range parts {
					if j == i {
						b.WriteString(v)
					} else {
						b.WriteString(parts[j][0])
					}
				}
				out = append(out, b.String())
			}
		}
		return slices.Compact(out)
	}
	return []string{""} // anchors, word boundaries, empty matches
}

// TestGuards checks every guard against the lines its pattern matches: strings built from the
// pattern itself, the examples, their variants, and every line of the cases' scrapes.
func TestGuards(t *testing.T) {
	matched := map[string]bool{}
	lines := append([]string(nil), guardExamples...)
	for _, g := range guardedPatterns {
		lines = append(lines, samples(t, g.re.String())...)
	}
	for _, name := range caseNames(t) {
		if data, ok := loadCase(t, name).file("input.txt"); ok {
			lines = append(lines, strings.Split(string(data), "\n")...)
		}
	}
	for _, l := range lines {
		for _, v := range variants(l) {
			checkGuards(t, v)
			for name, g := range guardedPatterns {
				if g.re.MatchString(v) {
					matched[name] = true
				}
			}
		}
	}
	for name := range guardedPatterns {
		if !matched[name] {
			t.Errorf("%s: no example matches it, so its guard is not checked", name)
		}
	}
}

// FuzzGuards checks the guards on any string.
func FuzzGuards(f *testing.F) {
	for _, s := range guardExamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkGuards(t, s) })
}

// TestRunesOver checks runesOver against the count it bounds, around the bound, with runes
// of every width and invalid bytes.
func TestRunesOver(t *testing.T) {
	for _, unit := range []string{"a", "é", "€", "😀", "\xff", "a\xe2\x82"} {
		for reps := 0; reps <= 12; reps++ {
			s := strings.Repeat(unit, reps)
			for n := 0; n <= 12; n++ {
				if got, want := runesOver(s, n), utf8.RuneCountInString(s) > n; got != want {
					t.Errorf("runesOver(%q, %d) = %v, want %v", s, n, got, want)
				}
			}
		}
	}
}
