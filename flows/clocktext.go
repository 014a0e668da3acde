package flows

import (
	"strconv"
	"strings"
	"unicode"
)

// ParseClock reads a time of day the way field workers type it and
// returns it on the 24-hour clock. Accepted (case-insensitive, optional
// "tadi"/"jam"/"pukul"/"pkl"/"sekitar"/"kira2" before, "an" after the hour
// ("jam 5an") and "WIB"/"WITA"/"WIT" after):
//
//   - 14.30, 14:30, 1430 and 14 (minutes take two digits: 7.5 is refused);
//   - a part of the day after the hour: "jam 3 sore" 15.00, "10 pagi",
//     "2 siang" 14.00, "8 malam" 20.00, "12 malam" 00.00, "4 subuh",
//     "1 dini hari", and am/pm;
//   - "setengah 3" (half to three) 02.30, with a part of the day too.
//
// A part of the day that contradicts the hour ("20 pagi") is refused.
func ParseClock(text string) (hour, minute int, ok bool) {
	tok := clockTokens(text)
	if len(tok) == 0 {
		return 0, 0, false
	}
	half := false
	if tok[0] == "setengah" {
		half, tok = true, tok[1:]
	}
	if len(tok) == 0 {
		return 0, 0, false
	}
	h, m, ok := clockNumber(tok[0])
	if !ok || (half && (m != 0 || h == 0)) {
		return 0, 0, false
	}
	if half {
		h, m = h-1, 30
	}
	part := strings.Join(tok[1:], " ")
	h, ok = clockPart(h, part)
	if !ok || h > 23 {
		return 0, 0, false
	}
	return h, m, true
}

// clockTokens lower-cases text, drops the words around the time and splits
// the rest at spaces.
func clockTokens(text string) []string {
	var tok []string
	for _, t := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return unicode.IsSpace(r) || r == ','
	}) {
		switch t {
		case "jam", "pukul", "pkl", "pkl.", "sekitar", "sekitaran", "kira-kira", "kira2", "kurang", "lebih",
			"kurleb", "tadi", "pas", "tepat", "wib", "wita", "wit", "±", "+-", "at", "around", "about":
			continue
		}
		// "jam 5an", "jam 7-an": about five, about seven.
		if n := strings.TrimSuffix(strings.TrimSuffix(t, "an"), "-"); n != t && dateIsDigits(n) {
			t = n
		}
		tok = append(tok, t)
	}
	return tok
}

// clockNumber reads "14.30", "14:30", "1430" or "14".
func clockNumber(s string) (h, m int, ok bool) {
	hh, mm, found := strings.Cut(strings.ReplaceAll(s, ":", "."), ".")
	switch {
	case found:
	case len(s) == 4:
		hh, mm = s[:2], s[2:]
	case len(s) <= 2:
		mm = "00"
	default:
		return 0, 0, false
	}
	if len(mm) != 2 || len(hh) == 0 || len(hh) > 2 || !dateIsDigits(hh) || !dateIsDigits(mm) {
		return 0, 0, false
	}
	h, errH := strconv.Atoi(hh)
	m, errM := strconv.Atoi(mm)
	if errH != nil || errM != nil || h > 23 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// clockPart moves an hour of a 12-hour reading into the part of the day
// named after it.
func clockPart(h int, part string) (int, bool) {
	switch part {
	case "":
		return h, true
	case "pagi", "am", "a.m.", "subuh", "dini hari":
		switch {
		case h == 12:
			return 0, true
		case h <= 11:
			return h, true
		}
	case "siang":
		switch {
		case h >= 10 && h <= 15:
			return h, true
		case h >= 1 && h <= 3:
			return h + 12, true
		}
	case "sore":
		switch {
		case h >= 14 && h <= 18:
			return h, true
		case h >= 2 && h <= 6:
			return h + 12, true
		}
	case "malam":
		switch {
		case h == 12:
			return 0, true
		case h >= 18:
			return h, true
		case h >= 6:
			return h + 12, true
		case h <= 4:
			return h, true // "1 malam" is the small hours
		}
	case "pm", "p.m.":
		switch {
		case h == 12:
			return 12, true
		case h >= 1 && h <= 11:
			return h + 12, true
		}
	}
	return 0, false
}
