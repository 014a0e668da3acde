package flows

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// nikWith builds a NIK from its parts so the tables read as the layout.
func nikWith(region, day, month, yy, serial string) string {
	return region + day + month + yy + serial
}

func TestParseNIK(t *testing.T) {
	male := NIK{
		Number: "3171011208900001", DistrictCode: "31.71.01", RegencyCode: "31.71", ProvinceCode: "31",
		BirthDay: 12, BirthMonth: 8, BirthYY: 90, Serial: "0001",
	}
	female := male
	female.Number, female.Female = "3171015208900001", true

	tests := []struct {
		name string
		in   string
		want NIK
		err  error
	}{
		{"plain", "3171011208900001", male, nil},
		{"female day+40", "3171015208900001", female, nil},
		{"spaces in fours", "3171 0112 0890 0001", male, nil},
		{"dots", "3171.0112.0890.0001", male, nil},
		{"dashes", "317101-120890-0001", male, nil},
		{"padded", "  3171011208900001\n", male, nil},
		{"non-breaking and zero-width spaces", "3171\u00a00112\u200b08900001", male, nil},

		{"empty", "", NIK{}, ErrNIKLength},
		{"only separators", " - . ", NIK{}, ErrNIKLength},
		{"15 digits", "317101120890000", NIK{}, ErrNIKLength},
		{"17 digits", "31710112089000011", NIK{}, ErrNIKLength},
		{"letter O for zero", "3171O11208900001", NIK{}, ErrNIKNotDigits},
		{"label typed along", "NIK 3171011208900001", NIK{}, ErrNIKNotDigits},
		{"full-width digit", "317101120890000１", NIK{}, ErrNIKNotDigits},
		{"letters before length", "abc", NIK{}, ErrNIKNotDigits},

		{"day 00", nikWith("317101", "00", "08", "90", "0001"), NIK{}, ErrNIKDate},
		{"day 31", nikWith("317101", "31", "08", "90", "0001"), NIK{}, nil},
		{"day 32", nikWith("317101", "32", "08", "90", "0001"), NIK{}, ErrNIKDate},
		{"day 40", nikWith("317101", "40", "08", "90", "0001"), NIK{}, ErrNIKDate},
		{"day 41 = woman born on the 1st", nikWith("317101", "41", "08", "90", "0001"), NIK{}, nil},
		{"day 71 = woman born on the 31st", nikWith("317101", "71", "08", "90", "0001"), NIK{}, nil},
		{"day 72", nikWith("317101", "72", "08", "90", "0001"), NIK{}, ErrNIKDate},
		{"day 99", nikWith("317101", "99", "08", "90", "0001"), NIK{}, ErrNIKDate},
		{"month 00", nikWith("317101", "12", "00", "90", "0001"), NIK{}, ErrNIKDate},
		{"month 12", nikWith("317101", "12", "12", "90", "0001"), NIK{}, nil},
		{"month 13", nikWith("317101", "12", "13", "90", "0001"), NIK{}, ErrNIKDate},
		{"29/02 leap YY", nikWith("317101", "29", "02", "24", "0001"), NIK{}, nil},
		{"29/02 any YY (century unknown)", nikWith("317101", "29", "02", "23", "0001"), NIK{}, nil},
		{"69/02 woman 29/02", nikWith("317101", "69", "02", "23", "0001"), NIK{}, nil},
		{"30/02", nikWith("317101", "30", "02", "24", "0001"), NIK{}, ErrNIKDate},
		{"70/02 woman 30/02", nikWith("317101", "70", "02", "24", "0001"), NIK{}, ErrNIKDate},
		{"31/04", nikWith("317101", "31", "04", "90", "0001"), NIK{}, ErrNIKDate},
		{"30/04", nikWith("317101", "30", "04", "90", "0001"), NIK{}, nil},
		{"71/11 woman 31/11", nikWith("317101", "71", "11", "90", "0001"), NIK{}, ErrNIKDate},
		{"serial 0000", nikWith("317101", "12", "08", "90", "0000"), NIK{}, ErrNIKSerial},
		{"serial 9999", nikWith("317101", "12", "08", "90", "9999"), NIK{}, nil},
		{"bad date reported before bad serial", nikWith("317101", "32", "08", "90", "0000"), NIK{}, ErrNIKDate},
		{"unknown region is not an error", nikWith("000000", "12", "08", "90", "0001"), NIK{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNIK(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("ParseNIK(%q) error = %v, want %v", tt.in, err, tt.err)
			}
			if tt.want.Number != "" && got != tt.want {
				t.Errorf("ParseNIK(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			if err != nil && got != (NIK{}) {
				t.Errorf("ParseNIK(%q) returned %+v with error", tt.in, got)
			}
		})
	}
}

func TestParseNIKFemaleDay(t *testing.T) {
	for _, tt := range []struct {
		day    string
		want   int
		female bool
	}{{"01", 1, false}, {"31", 31, false}, {"41", 1, true}, {"71", 31, true}} {
		n, err := ParseNIK(nikWith("317101", tt.day, "01", "90", "0001"))
		if err != nil || n.BirthDay != tt.want || n.Female != tt.female {
			t.Errorf("day field %s: %+v, %v; want day %d female %v", tt.day, n, err, tt.want, tt.female)
		}
	}
}

func TestNIKMasked(t *testing.T) {
	n, err := ParseNIK("3171 0112 0890 0001")
	if err != nil {
		t.Fatal(err)
	}
	if got := n.Masked(); got != "3171********0001" {
		t.Errorf("Masked() = %q", got)
	}
}

func TestMaskNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3171011208900001", "3171********0001"},
		{"3171 0112 0890 0001", "3171********0001"},
		{"3171-0112-0890-0001", "3171********0001"},
		{"123456789012345678", "1234**********5678"}, // longer: middle masked
		{"317101120890001", "***********0001"},       // 15: all but last 4
		{"12345", "*2345"},
		{"1234", "****"}, // never shown whole
		{"12", "**"},
		{"", ""},
		{"ab€defghijklmnop", "ab€d********mnop"}, // runes, not bytes
	}
	for _, tt := range tests {
		if got := MaskNumber(tt.in); got != tt.want {
			t.Errorf("MaskNumber(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNIKBirthDate(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, wib)
	tests := []struct {
		day, month, yy string
		want           string
	}{
		{"12", "08", "90", "1990-08-12"},
		{"52", "08", "90", "1990-08-12"}, // women: 40 removed
		{"01", "01", "00", "2000-01-01"},
		{"24", "11", "26", "2026-11-24"}, // born today
		{"25", "11", "26", "1926-11-25"}, // tomorrow in 2026 is impossible
		{"01", "12", "26", "1926-12-01"},
		{"23", "11", "26", "2026-11-23"},
		{"31", "12", "25", "2025-12-31"},
		{"01", "01", "27", "1927-01-01"},
		{"31", "12", "99", "1999-12-31"},
		{"29", "02", "24", "2024-02-29"},
		{"29", "02", "23", "2023-02-28"}, // no 29/02/2023 or /1923: clamped
		{"29", "02", "00", "2000-02-29"},
	}
	for _, tt := range tests {
		n, err := ParseNIK(nikWith("317101", tt.day, tt.month, tt.yy, "0001"))
		if err != nil {
			t.Fatalf("%s/%s/%s: %v", tt.day, tt.month, tt.yy, err)
		}
		got := n.BirthDate(now)
		if got.Format(time.DateOnly) != tt.want || got.Location() != wib || got.Hour() != 0 {
			t.Errorf("%s/%s/%s: BirthDate = %v, want %s midnight WIB", tt.day, tt.month, tt.yy, got, tt.want)
		}
	}
	// The century follows now: in 2101 a YY of 00 is 2100, not 2000.
	n, _ := ParseNIK(nikWith("317101", "01", "01", "00", "0001"))
	if got := n.BirthDate(time.Date(2101, 1, 1, 0, 0, 0, 0, time.UTC)); got.Year() != 2100 {
		t.Errorf("BirthDate in 2101 = %v, want 2100", got)
	}
}

func TestNIKCheck(t *testing.T) {
	n, err := ParseNIK("3171015208900001") // Gambir, woman, 12/08/90
	if err != nil {
		t.Fatal(err)
	}
	wib := time.FixedZone("WIB", 7*3600)
	yes, no := true, false
	knownAll := func(string) bool { return true }
	var asked []string
	knownNone := func(code string) bool { asked = append(asked, code); return false }
	born := time.Date(1990, 8, 12, 0, 0, 0, 0, wib)

	tests := []struct {
		name   string
		known  func(string) bool
		addr   string
		birth  time.Time
		female *bool
		want   []NIKWarning
	}{
		{"nothing given", nil, "", time.Time{}, nil, nil},
		{"all agree", knownAll, "31.71.01", born, &yes, nil},
		{"region gone after pemekaran", knownNone, "", time.Time{}, nil, []NIKWarning{WarnRegionUnknown}},
		{"other kecamatan, same kota", knownAll, "31.71.03", time.Time{}, nil, nil},
		{"address without dots", knownAll, "317103", time.Time{}, nil, nil},
		{"village code of address", knownAll, "31.71.01.1001", time.Time{}, nil, nil},
		{"moved to another kota", knownAll, "31.72.01", time.Time{}, nil, []NIKWarning{WarnRegionDiffers}},
		{"moved to another province", knownAll, "32.71.01", time.Time{}, nil, []NIKWarning{WarnRegionDiffers}},
		{"birth date another day", nil, "", born.AddDate(0, 0, 1), nil, []NIKWarning{WarnBirthDateDiffers}},
		{"birth date another month", nil, "", born.AddDate(0, 1, 0), nil, []NIKWarning{WarnBirthDateDiffers}},
		{"birth date another year", nil, "", born.AddDate(1, 0, 0), nil, []NIKWarning{WarnBirthDateDiffers}},
		{"birth date other century agrees", nil, "", born.AddDate(100, 0, 0), nil, nil},
		{"sex differs", nil, "", time.Time{}, &no, []NIKWarning{WarnSexDiffers}},
		{"everything differs, in order", knownNone, "35.78.01", born.AddDate(0, 0, 1), &no,
			[]NIKWarning{WarnRegionUnknown, WarnRegionDiffers, WarnBirthDateDiffers, WarnSexDiffers}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := n.Check(tt.known, tt.addr, tt.birth, tt.female); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check = %v, want %v", got, tt.want)
			}
		})
	}
	for _, code := range asked {
		if code != "31.71.01" {
			t.Errorf("known() asked about %q, want the dotted district code", code)
		}
	}
	// The zero NIK (a caller's bug) must not panic.
	if got := (NIK{}).Check(nil, "31.71.01", time.Time{}, nil); !reflect.DeepEqual(got, []NIKWarning{WarnRegionDiffers}) {
		t.Errorf("zero NIK Check = %v", got)
	}
	// A man's NIK against "female = false" agrees.
	m, _ := ParseNIK("3171011208900001")
	if got := m.Check(nil, "", time.Time{}, &no); got != nil {
		t.Errorf("male Check = %v", got)
	}
}

func FuzzParseNIK(f *testing.F) {
	for _, s := range []string{
		"3171011208900001", "3171 0112 0890 0001", "3171015208900001", "3171017108900001",
		"3171012902230001", "3171011208900000", "317101120890000", "31.71.01-120890-0001", "", "abc",
	} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNIK(s)
		if err != nil {
			if n != (NIK{}) {
				t.Fatalf("ParseNIK(%q) = %+v with error %v", s, n, err)
			}
			return
		}
		again, err := ParseNIK(n.Number)
		if err != nil || again != n {
			t.Fatalf("ParseNIK(%q) = %+v, reparsed %+v, %v", s, n, again, err)
		}
		if len(n.Number) != 16 || strings.Trim(n.Number, "0123456789") != "" {
			t.Fatalf("ParseNIK(%q).Number = %q", s, n.Number)
		}
		if m := n.Masked(); len(m) != 16 || m[:4] != n.Number[:4] || m[12:] != n.Number[12:] || m[4:12] != "********" {
			t.Fatalf("Masked() = %q for %q", m, n.Number)
		}
		if b := n.BirthDate(now); b.After(now) || b.Before(now.AddDate(-101, 0, 0)) {
			t.Fatalf("BirthDate(%q) = %v", n.Number, b)
		}
	})
}
