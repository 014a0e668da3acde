package flows

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Errors of ParseDateText.
var (
	ErrDateUnreadable = errors.New("not a date")
	ErrDateInFuture   = errors.New("date is in the future")
	ErrDateInPast     = errors.New("date is in the past")
	ErrDateTooOld     = errors.New("date is more than 120 years ago")
)

// DateRule says which side of today a date may fall on. Today itself is
// always allowed.
type DateRule int

const (
	AnyDate   DateRule = iota
	NotFuture          // birth dates, when something happened
	NotPast            // planned visits, reminders
)

// dateMaxAgeYears bounds how far back any date may go: older ones are typos
// ("1026") rather than birth dates.
const dateMaxAgeYears = 120

// ParseDateText reads a date the way field workers type it, day first
// always (the Indonesian convention), and returns midnight of that day in
// loc (nil means now's location). "Today" is now's date in loc, so a WIT
// volunteer's evening is already tomorrow for a WIB server.
//
// Accepted forms (case-insensitive; "tgl"/"tanggal" and a leading weekday
// name that agrees with the date are allowed before any of them):
//
//   - 24/11/2026, 24-11-2026, 24.11.2026, 24 11 2026, 24/11/26 (2-digit
//     years are 20YY), 24112026 and 241126, 2026-11-24 (a 4-digit year first
//     can only be ISO);
//   - 24 nov, 24 november 2026, 24-nov-26, nov 24 2026, with Indonesian
//     and English month names and abbreviations (agu/agt/ags, nop, des, okt…);
//   - 24/11 and 24 nov: this year, except that a date the rule refuses moves
//     to the neighbouring year when that is nearer to today (28/12 typed on
//     5 January under NotFuture is last December, not a refusal);
//   - parts of the day: tadi pagi/siang/sore, pagi ini, malam ini → today;
//     kemarin pagi/sore/malam → yesterday; tadi malam/semalam → yesterday,
//     or today when typed from 18.00;
//   - hari ini/sekarang/today, kemarin/yesterday, kemarin lusa, besok/
//     tomorrow, lusa, minggu depan/next week (+7), minggu lalu/last week
//     (−7), "2 hari lalu", "3 hari yang lalu", "dua hari lalu", "2 days ago",
//     "3 hari lagi", "in 3 days";
//   - weekday names (senin…minggu, ahad, monday…sunday), never meaning
//     today: the coming one unless the rule is NotFuture, then the last one;
//     "senin depan"/"next monday" and "senin lalu"/"last monday" choose
//     explicitly.
//
// Impossible calendar dates (31/02, 29/02/2026) and anything else are
// ErrDateUnreadable. Then NotFuture refuses dates after today
// (ErrDateInFuture), NotPast dates before today (ErrDateInPast), and any
// date more than 120 years before today is ErrDateTooOld.
func ParseDateText(text string, now time.Time, loc *time.Location, rule DateRule) (time.Time, error) {
	if loc == nil {
		loc = now.Location()
	}
	y, m, d := now.In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, loc)
	tok, ok := dateTokens(text)
	if !ok {
		return time.Time{}, ErrDateUnreadable
	}
	date, ok := dateRead(tok, today, rule)
	if lastNight[strings.Join(tok, " ")] {
		// "Tadi malam" typed in the evening is tonight; earlier in the day
		// it is the night before.
		date, ok = dateAddDays(today, -1), true
		if now.In(loc).Hour() >= lastNightFrom {
			date = today
		}
	}
	if !ok {
		return time.Time{}, ErrDateUnreadable
	}
	switch {
	case rule == NotFuture && date.After(today):
		return time.Time{}, ErrDateInFuture
	case rule == NotPast && date.Before(today):
		return time.Time{}, ErrDateInPast
	case date.Before(today.AddDate(-dateMaxAgeYears, 0, 0)):
		return time.Time{}, ErrDateTooOld
	}
	return date, nil
}

// dateTokens lower-cases text, drops apostrophes ("jum'at"), splits it at
// white space, / - . , and between digits and letters ("24nov"), and
// spells out common chat abbreviations. ok is false for empty or overlong
// text.
func dateTokens(text string) ([]string, bool) {
	if utf8.RuneCountInString(text) > 100 {
		return nil, false
	}
	var b strings.Builder
	prevDigit := false
	for _, r := range strings.ToLower(text) {
		switch {
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			continue
		case unicode.IsSpace(r) || r == '/' || r == '.' || r == ',' || unicode.Is(unicode.Pd, r):
			b.WriteByte(' ')
			prevDigit = false
			continue
		}
		digit := r >= '0' && r <= '9'
		if b.Len() > 0 && digit != prevDigit {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prevDigit = digit
	}
	var tok []string
	for _, t := range strings.Fields(b.String()) {
		if full, ok := dateAbbrev[t]; ok {
			t = full
		}
		if t != "yang" { // "3 hari yang lalu" = "3 hari lalu"
			tok = append(tok, t)
		}
	}
	return tok, len(tok) > 0
}

// dateRead interprets the tokens; ok is false when they are not a date.
func dateRead(tok []string, today time.Time, rule DateRule) (time.Time, bool) {
	if off, ok := dateRelative[strings.Join(tok, " ")]; ok {
		return dateAddDays(today, off), true
	}
	if off, ok := dateDaysOffset(tok); ok {
		return dateAddDays(today, off), true
	}
	if len(tok) > 1 && tok[0] == "hari" {
		tok = tok[1:] // "hari senin"
	}
	if off, ok := dateWeekdayOffset(tok, today.Weekday(), rule); ok {
		return dateAddDays(today, off), true
	}
	// "Selasa, tgl 24 nov": a weekday before a date must agree with it.
	weekday := -1
	if wd, ok := dateWeekdays[tok[0]]; ok && len(tok) > 1 {
		weekday, tok = int(wd), tok[1:]
	}
	if len(tok) > 1 && (tok[0] == "tgl" || tok[0] == "tanggal" || tok[0] == "tg") {
		tok = tok[1:]
	}
	date, ok := dateCalendar(tok, today, rule)
	if !ok || weekday >= 0 && int(date.Weekday()) != weekday {
		return time.Time{}, false
	}
	return date, true
}

// dateDaysOffset reads "N hari lalu", "N hari lagi", "N days ago" and
// "in N days" (N in digits or a word up to ten, at most 5 digits).
func dateDaysOffset(tok []string) (int, bool) {
	var word string
	sign := 0
	switch {
	case len(tok) == 3 && (tok[1] == "hari" || tok[1] == "days" || tok[1] == "day"):
		word = tok[0]
		switch tok[2] {
		case "lalu", "ago", "sebelumnya":
			sign = -1
		case "lagi":
			sign = 1
		}
	case len(tok) == 3 && tok[0] == "in" && (tok[2] == "days" || tok[2] == "day"):
		word, sign = tok[1], 1
	}
	if sign == 0 {
		return 0, false
	}
	if n, ok := countWords[word]; ok {
		return sign * n, true
	}
	if len(word) > 5 || strings.Trim(word, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(word)
	return sign * n, err == nil
}

// dateWeekdayOffset reads "senin", "senin depan", "senin lalu",
// "next monday", "last monday": an offset of 1 to 7 days, never 0, since a
// volunteer who means today says "hari ini".
func dateWeekdayOffset(tok []string, todayWD time.Weekday, rule DateRule) (int, bool) {
	future := rule != NotFuture
	var name string
	switch {
	case len(tok) == 1:
		name = tok[0]
	case len(tok) == 2 && (tok[1] == "depan" || tok[1] == "besok" || tok[1] == "ini") ||
		len(tok) == 2 && (tok[0] == "next" || tok[0] == "this"):
		name, future = tok[0], true
		if tok[0] == "next" || tok[0] == "this" {
			name = tok[1]
		}
	case len(tok) == 2 && (tok[1] == "lalu" || tok[1] == "kemarin"):
		name, future = tok[0], false
	case len(tok) == 2 && tok[0] == "last":
		name, future = tok[1], false
	default:
		return 0, false
	}
	wd, ok := dateWeekdays[name]
	if !ok {
		return 0, false
	}
	if future {
		return 7 - (int(todayWD)-int(wd)+7)%7, true
	}
	return -(7 - (int(wd)-int(todayWD)+7)%7), true
}

// dateCalendar reads day, month and optional year in the forms listed at
// ParseDateText.
func dateCalendar(tok []string, today time.Time, rule DateRule) (time.Time, bool) {
	if len(tok) == 1 && (len(tok[0]) == 8 || len(tok[0]) == 6) && dateIsDigits(tok[0]) {
		t := tok[0] // DDMMYYYY or DDMMYY
		tok = []string{t[0:2], t[2:4], t[4:]}
	}
	if len(tok) == 3 && len(tok[0]) == 4 && dateIsDigits(tok[0]) {
		tok = []string{tok[2], tok[1], tok[0]} // ISO 2026-11-24
	}
	if len(tok) >= 2 && len(tok) <= 3 {
		if _, ok := dateMonths[tok[0]]; ok {
			tok[0], tok[1] = tok[1], tok[0] // "nov 24 2026"
		}
	}
	if len(tok) < 2 || len(tok) > 3 || len(tok[0]) > 2 || !dateIsDigits(tok[0]) {
		return time.Time{}, false
	}
	day, _ := strconv.Atoi(tok[0])
	month, ok := dateMonths[tok[1]]
	if !ok {
		if len(tok[1]) > 2 || !dateIsDigits(tok[1]) {
			return time.Time{}, false
		}
		month, _ = strconv.Atoi(tok[1])
	}
	if len(tok) == 2 {
		return dateWithoutYear(day, month, today, rule)
	}
	y := tok[2]
	if !dateIsDigits(y) || len(y) != 2 && len(y) != 4 {
		return time.Time{}, false
	}
	year, _ := strconv.Atoi(y)
	if len(y) == 2 {
		year += 2000
	}
	return dateOf(year, month, day, today.Location())
}

// dateWithoutYear places day/month in today's year, or in the neighbouring
// year when the rule refuses this year's date and the other is nearer.
func dateWithoutYear(day, month int, today time.Time, rule DateRule) (time.Time, bool) {
	this, ok := dateOf(today.Year(), month, day, today.Location())
	if !ok {
		return time.Time{}, false
	}
	switch {
	case rule == NotFuture && this.After(today):
		if prev, ok := dateOf(today.Year()-1, month, day, today.Location()); ok && today.Sub(prev) < this.Sub(today) {
			return prev, true
		}
	case rule == NotPast && this.Before(today):
		if next, ok := dateOf(today.Year()+1, month, day, today.Location()); ok && next.Sub(today) < today.Sub(this) {
			return next, true
		}
	}
	return this, true
}

// dateOf is midnight of a real calendar date; ok is false for 31/02 and
// the like.
func dateOf(year, month, day int, loc *time.Location) (time.Time, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, loc)
	y, m, d := t.Date()
	return t, y == year && int(m) == month && d == day
}

func dateAddDays(today time.Time, n int) time.Time {
	y, m, d := today.Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, today.Location())
}

func dateIsDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// dateRelative are whole phrases meaning a day relative to today.
var dateRelative = map[string]int{
	"hari ini": 0, "sekarang": 0, "today": 0, "now": 0,
	"kemarin": -1, "yesterday": -1,
	"kemarin lusa": -2, "the day before yesterday": -2,
	"besok": 1, "tomorrow": 1,
	"lusa": 2, "besok lusa": 2, "the day after tomorrow": 2,
	"minggu depan": 7, "pekan depan": 7, "seminggu lagi": 7, "next week": 7,
	"minggu lalu": -7, "pekan lalu": -7, "seminggu lalu": -7, "last week": -7,
	// Parts of the day, as a volunteer reporting what just happened says it.
	"tadi": 0, "tadi pagi": 0, "pagi tadi": 0, "pagi ini": 0, "tadi siang": 0,
	"siang tadi": 0, "siang ini": 0, "tadi sore": 0, "sore tadi": 0, "sore ini": 0,
	"malam ini": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
	"kemarin pagi": -1, "kemarin siang": -1, "kemarin sore": -1, "kemarin malam": -1,
	"yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
}

// lastNight are phrases for the last night, which is yesterday's until the
// evening (lastNightFrom, local hour) and today's after it.
var lastNight = map[string]bool{"tadi malam": true, "malam tadi": true, "semalam": true, "last night": true}

const lastNightFrom = 18

// dateAbbrev spells out chat abbreviations before matching.
var dateAbbrev = map[string]string{
	"yg": "yang", "hr": "hari", "kmrn": "kemarin", "kemaren": "kemarin",
	"kmren": "kemarin", "kmarin": "kemarin", "bsk": "besok", "besuk": "besok",
	"skrg": "sekarang", "skrng": "sekarang", "skr": "sekarang",
	"dpn": "depan", "lg": "lagi", "mgg": "minggu", "jumaat": "jumat",
}

// dateWeekdays are Indonesian and English weekday names.
var dateWeekdays = map[string]time.Weekday{
	"senin": time.Monday, "selasa": time.Tuesday, "rabu": time.Wednesday,
	"kamis": time.Thursday, "jumat": time.Friday, "sabtu": time.Saturday,
	"minggu": time.Sunday, "ahad": time.Sunday,
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// dateMonths are Indonesian and English month names and abbreviations,
// including the old spellings Pebruari and Nopember still seen on forms.
var dateMonths = map[string]int{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
	"maret": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "agus": 8, "aug": 8, "august": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nopember": 11, "nov": 11, "nop": 11,
	"desember": 12, "des": 12, "dec": 12, "december": 12,
}
