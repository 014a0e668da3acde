package flows

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Errors of ParseCount.
var (
	ErrCountUnreadable = errors.New("not a count")
	ErrCountNegative   = errors.New("count is negative")
	ErrCountTooLarge   = errors.New("count is too large")
)

// ParseCount reads a head count (korban, pengungsi, rumah rusak…) as typed in
// the field:
//
//   - digits, with "." or "," as thousands separators in groups of three
//     ("1.200", "1,200" → 1200; "1,5" is unreadable: counts are whole);
//   - a unit after the number: "12 orang", "12 jiwa", "12 KK", "12 rumah"…
//     (the unit is not checked against the question);
//   - an estimate marker before it: "±50", "sekitar 50", "kurang lebih 50"
//     are read as 50, since the volunteer would otherwise retype just "50";
//   - words "nol".."sepuluh" and "zero".."ten";
//   - none: "tidak ada", "nihil", "kosong"… → 0.
//
// "Tidak tahu", "belum diketahui", "?", "-", "unknown", "don't know" and the
// like return known=false with no error: an honest gap is better than a
// guessed zero in a disaster report. A lone "-" is therefore unknown, not
// zero, and "-5" is ErrCountNegative while "- 5" (a list bullet?) is
// unreadable. A readable count outside 0..max is ErrCountTooLarge, however
// many digits it has.
func ParseCount(text string, max int) (n int, known bool, err error) {
	if utf8.RuneCountInString(text) > 100 {
		return 0, false, ErrCountUnreadable
	}
	s := strings.ToLower(strings.Join(strings.Fields(text), " "))
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	if countUnknown[s] || countOnlyOf(s, "?") || countOnlyOf(s, "-–—") {
		return 0, false, nil
	}
	s = strings.TrimRight(s, ".!")
	if s == "" {
		return 0, false, ErrCountUnreadable
	}
	if countNone[s] {
		return countBound(0, max)
	}
	for _, p := range countEstimate {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s = strings.TrimSpace(rest)
			break
		}
	}
	num, unit, _ := strings.Cut(s, " ")
	if i := strings.IndexFunc(num, unicode.IsLetter); i > 0 && unit == "" {
		num, unit = num[:i], num[i:] // "12org"
	}
	if unit != "" && !countUnits[unit] {
		return 0, false, ErrCountUnreadable
	}
	if v, ok := countWords[num]; ok {
		return countBound(v, max)
	}
	negative := false
	for _, minus := range []string{"-", "−"} { // ASCII hyphen, Unicode minus
		if rest, ok := strings.CutPrefix(num, minus); ok {
			num, negative = rest, true
			break
		}
	}
	digits, ok := countDigits(num)
	if !ok {
		return 0, false, ErrCountUnreadable
	}
	v, err := strconv.Atoi(digits)
	switch {
	case negative && strings.Trim(digits, "0") != "":
		return 0, false, ErrCountNegative
	case err != nil: // only ErrRange is possible here
		return 0, false, ErrCountTooLarge
	}
	return countBound(v, max)
}

// countBound applies 0 ≤ n ≤ max to a readable, non-negative count.
func countBound(n, max int) (int, bool, error) {
	if n > max {
		return 0, false, ErrCountTooLarge
	}
	return n, true, nil
}

// countOnlyOf reports whether s is made of the runes in set and is not empty.
func countOnlyOf(s, set string) bool { return s != "" && strings.Trim(s, set) == "" }

// countDigits accepts "1200" or "1.200"/"1,200" (groups of exactly three
// after a first group of one to three, one kind of separator) and returns
// the bare digits.
func countDigits(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	sep := ""
	switch {
	case strings.Contains(s, "."):
		sep = "."
	case strings.Contains(s, ","):
		sep = ","
	}
	groups := []string{s}
	if sep != "" {
		groups = strings.Split(s, sep)
	}
	for i, g := range groups {
		if g == "" || strings.Trim(g, "0123456789") != "" {
			return "", false
		}
		if sep != "" && (i == 0 && len(g) > 3 || i > 0 && len(g) != 3) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// countWords are the spelled-out numbers volunteers type; ParseDateText
// uses them too ("dua hari lalu").
var countWords = map[string]int{
	"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
	"enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// countUnknown are the ways of saying the count is not known (yet).
var countUnknown = map[string]bool{
	"tidak tahu": true, "tidak tau": true, "tdk tahu": true, "tdk tau": true,
	"gak tahu": true, "gak tau": true, "ga tahu": true, "ga tau": true,
	"nggak tahu": true, "nggak tau": true, "ngga tahu": true, "ngga tau": true,
	"belum tahu": true, "belum tau": true, "blm tahu": true, "blm tau": true,
	"belum diketahui": true, "blm diketahui": true,
	"tidak diketahui": true, "tdk diketahui": true,
	"unknown": true, "don't know": true, "dont know": true, "do not know": true,
	"not known": true, "n/a": true,
}

// countNone are the ways of saying there are none. "Nihil" is the usual
// word in written situation reports.
var countNone = map[string]bool{
	"tidak ada": true, "tdk ada": true, "gak ada": true, "ga ada": true,
	"nggak ada": true, "belum ada": true, "nihil": true, "kosong": true,
	"none": true, "no one": true, "nobody": true,
}

// countEstimate are prefixes meaning "about"; the longest come first.
var countEstimate = []string{
	"kurang lebih", "kira-kira", "kira2", "sekitar", "approximately",
	"approx.", "approx", "about", "around", "kurleb", "+/-", "+-", "±", "~",
}

// countUnits may follow the number.
var countUnits = map[string]bool{
	"orang": true, "org": true, "jiwa": true, "kk": true, "keluarga": true,
	"kepala keluarga": true, "rumah": true, "unit": true, "buah": true,
	"titik": true, "people": true, "persons": true, "person": true,
	"family": true, "families": true, "household": true, "households": true,
	"house": true, "houses": true,
}
