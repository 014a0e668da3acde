package flows

import (
	"errors"
	"strings"
	"time"
	"unicode"
)

// Hard errors of ParseNIK: the text cannot be a NIK at all. Everything that a
// genuine Dukcapil-issued NIK can still get wrong (region, birth date, sex)
// is a NIKWarning instead, see NIK.Check.
var (
	ErrNIKLength    = errors.New("NIK must have 16 digits")
	ErrNIKNotDigits = errors.New("NIK must contain only digits")
	ErrNIKDate      = errors.New("NIK birth date is impossible")
	ErrNIKSerial    = errors.New("NIK serial is 0000")
)

// NIK is a parsed Nomor Induk Kependudukan. Its layout (no check digit
// exists) is region (6 digits), birth date DDMMYY with 40 added to the day
// for women, and a serial that starts at 0001.
type NIK struct {
	Number       string // 16 digits, separators removed
	DistrictCode string // "31.71.01": Kemendagri kecamatan code where the NIK was issued
	RegencyCode  string // "31.71"
	ProvinceCode string // "31"
	Female       bool   // the day field is above 40
	BirthDay     int    // 1–31, the 40 for women already removed
	BirthMonth   int    // 1–12
	BirthYY      int    // 0–99; the century is not encoded
	Serial       string // digits 13–16, never "0000"
}

// ParseNIK reads a NIK as volunteers type it: spaces, dots and dashes
// between the digits are ignored ("3171 0112 3456 0001", "3171.0112…").
//
// It refuses only what no real NIK can be: not 16 digits, a day field
// outside 01–31/41–71, a month outside 01–12, a day the month never has, or
// serial 0000. 29 February is accepted whatever the year: Dukcapil never
// reissues a NIK whose date is wrong, so refusing one would lock a real
// person out of the form.
func ParseNIK(s string) (NIK, error) {
	digits, ok := identifierDigits(s)
	if !ok {
		return NIK{}, ErrNIKNotDigits
	}
	if len(digits) != 16 {
		return NIK{}, ErrNIKLength
	}
	n := NIK{
		Number:       digits,
		DistrictCode: digits[0:2] + "." + digits[2:4] + "." + digits[4:6],
		RegencyCode:  digits[0:2] + "." + digits[2:4],
		ProvinceCode: digits[0:2],
		BirthDay:     nikTwoDigits(digits[6:8]),
		BirthMonth:   nikTwoDigits(digits[8:10]),
		BirthYY:      nikTwoDigits(digits[10:12]),
		Serial:       digits[12:16],
	}
	if n.BirthDay > 40 {
		n.Female = true
		n.BirthDay -= 40
	}
	if n.BirthMonth < 1 || n.BirthMonth > 12 || n.BirthDay < 1 || n.BirthDay > nikMaxDay[n.BirthMonth-1] {
		return NIK{}, ErrNIKDate
	}
	if n.Serial == "0000" {
		return NIK{}, ErrNIKSerial
	}
	return n, nil
}

// nikMaxDay is the longest each month can be; February counts 29 because
// the century, and so the leap year, is unknown.
var nikMaxDay = [12]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// BirthDate is the encoded birth date with the century chosen so that it is
// not after now's date (a NIK with YY 26 read in 2026 is 2026 unless that
// day is still to come, then 1926). The result is midnight in now's
// location. 29 February of a year that is not a leap year becomes 28
// February. The guess is for the volunteer to confirm, never to store
// unconfirmed.
func (n NIK) BirthDate(now time.Time) time.Time {
	ny, nm, nd := now.Date()
	year := ny - ny%100 + n.BirthYY
	if year > ny || year == ny && (n.BirthMonth > int(nm) || n.BirthMonth == int(nm) && n.BirthDay > nd) {
		year -= 100
	}
	day := n.BirthDay
	if n.BirthMonth == 2 && day == 29 && !nikIsLeap(year) {
		day = 28
	}
	return time.Date(year, time.Month(n.BirthMonth), day, 0, 0, 0, 0, now.Location())
}

// Masked shows the first 4 and last 4 digits, "3171********0001": enough
// for a coordinator to tell records apart, too little to misuse (UU PDP,
// UU Adminduk Pasal 84).
func (n NIK) Masked() string { return MaskNumber(n.Number) }

// MaskNumber masks any identifier the way NIK.Masked does; separators are
// dropped first. Inputs shorter than 16 characters keep only their last 4,
// and inputs of 4 characters or fewer are masked entirely, so a mistyped
// number never leaks whole.
func MaskNumber(s string) string {
	r := []rune(strings.Map(func(r rune) rune {
		if isIdentifierSeparator(r) {
			return -1
		}
		return r
	}, s))
	switch {
	case len(r) <= 4:
		return strings.Repeat("*", len(r))
	case len(r) < 16:
		return strings.Repeat("*", len(r)-4) + string(r[len(r)-4:])
	}
	return string(r[:4]) + strings.Repeat("*", len(r)-8) + string(r[len(r)-4:])
}

// NIKWarning is a disagreement worth showing the volunteer but not a reason
// to refuse the NIK: real NIKs disagree with real people (see Check).
type NIKWarning string

const (
	// WarnRegionUnknown: the NIK's kecamatan is not in today's region list.
	WarnRegionUnknown NIKWarning = "region_unknown"
	// WarnRegionDiffers: the NIK was issued in another kab/kota than the
	// address given.
	WarnRegionDiffers NIKWarning = "region_differs"
	// WarnBirthDateDiffers: the birth date given is not the NIK's.
	WarnBirthDateDiffers NIKWarning = "birth_date_differs"
	// WarnSexDiffers: the sex given is not the NIK's.
	WarnSexDiffers NIKWarning = "sex_differs"
)

// Check compares the NIK with the other answers and returns the warnings in
// the order they are declared, or nil. Every check is skipped when its
// input is missing: known nil, districtOfAddress "", birthDate zero, female
// nil.
//
// None of these are errors, because:
//   - kecamatan split after issuance (pemekaran) leave valid NIKs whose
//     prefix is gone from today's list (known reports false);
//   - a NIK keeps the region where it was first issued, so people who moved
//     have a NIK from elsewhere; regencies are compared, not kecamatan, to
//     keep this informative rather than noisy;
//   - Dukcapil does not change a NIK that disagrees with the recorded birth
//     date or sex.
//
// districtOfAddress may be written with or without dots and may be a village
// code; its first 4 digits are its regency. birthDate is compared on its
// day, month and last two year digits, in its own location.
func (n NIK) Check(known func(districtCode string) bool, districtOfAddress string, birthDate time.Time, female *bool) []NIKWarning {
	var w []NIKWarning
	if known != nil && !known(n.DistrictCode) {
		w = append(w, WarnRegionUnknown)
	}
	if districtOfAddress != "" {
		addr := strings.ReplaceAll(districtOfAddress, ".", "")
		if len(addr) >= 4 && addr[:4] != strings.ReplaceAll(n.RegencyCode, ".", "") {
			w = append(w, WarnRegionDiffers)
		}
	}
	if !birthDate.IsZero() {
		y, m, d := birthDate.Date()
		if d != n.BirthDay || int(m) != n.BirthMonth || (y%100+100)%100 != n.BirthYY {
			w = append(w, WarnBirthDateDiffers)
		}
	}
	if female != nil && *female != n.Female {
		w = append(w, WarnSexDiffers)
	}
	return w
}

// identifierDigits removes the separators people type inside long numbers
// and reports whether only ASCII digits remain.
func identifierDigits(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case isIdentifierSeparator(r):
		default:
			return "", false
		}
	}
	return b.String(), true
}

// isIdentifierSeparator accepts dots, any dash, any white space and
// invisible format characters (zero-width space, direction marks) that
// copy-paste on phones leaves behind.
func isIdentifierSeparator(r rune) bool {
	return r == '.' || unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || unicode.Is(unicode.Cf, r)
}

// nikTwoDigits converts two ASCII digits.
func nikTwoDigits(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

func nikIsLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
