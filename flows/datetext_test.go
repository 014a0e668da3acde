package flows

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the zone names must resolve on CI images without zoneinfo
)

func dateTestZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestParseDateText(t *testing.T) {
	jakarta := dateTestZone(t, "Asia/Jakarta")
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, jakarta) // a Tuesday
	if now.Weekday() != time.Tuesday {
		t.Fatal("fixture: 24/11/2026 is not a Tuesday")
	}
	tests := []struct {
		in   string
		rule DateRule
		want string // YYYY-MM-DD, or "" with err
		err  error
	}{
		// Numeric, day first.
		{"24/11/2026", AnyDate, "2026-11-24", nil},
		{"24-11-2026", AnyDate, "2026-11-24", nil},
		{"24.11.2026", AnyDate, "2026-11-24", nil},
		{"24 11 2026", AnyDate, "2026-11-24", nil},
		{"24/11/26", AnyDate, "2026-11-24", nil},
		{"24-11-26", AnyDate, "2026-11-24", nil},
		{"24/11", AnyDate, "2026-11-24", nil},
		{"1/2/2026", AnyDate, "2026-02-01", nil},
		{"01/02/2026", AnyDate, "2026-02-01", nil},
		{"5/1", AnyDate, "2026-01-05", nil},
		{"24112026", AnyDate, "2026-11-24", nil},
		{"241126", AnyDate, "2026-11-24", nil},
		{"2026-11-24", AnyDate, "2026-11-24", nil},
		{" 24/11/2026. ", AnyDate, "2026-11-24", nil},
		{"tgl 24/11/2026", AnyDate, "2026-11-24", nil},
		{"24/11/99", AnyDate, "2099-11-24", nil}, // 2-digit years are 20YY
		{"17/08/45", NotFuture, "", ErrDateInFuture},

		// Month names.
		{"24 nov", AnyDate, "2026-11-24", nil},
		{"24 november", AnyDate, "2026-11-24", nil},
		{"24 Nov 2026", AnyDate, "2026-11-24", nil},
		{"24 NOPEMBER 2026", AnyDate, "2026-11-24", nil},
		{"24 nop", AnyDate, "2026-11-24", nil},
		{"24-nov-26", AnyDate, "2026-11-24", nil},
		{"24nov2026", AnyDate, "2026-11-24", nil},
		{"24 nov. 2026", AnyDate, "2026-11-24", nil},
		{"Nov 24, 2026", AnyDate, "2026-11-24", nil},
		{"tanggal 24 november 2026", AnyDate, "2026-11-24", nil},
		{"Selasa, 24 November 2026", AnyDate, "2026-11-24", nil},
		{"hari selasa tgl 24 nov", AnyDate, "2026-11-24", nil},
		{"1 jan", AnyDate, "2026-01-01", nil},
		{"1 januari", AnyDate, "2026-01-01", nil},
		{"1 january", AnyDate, "2026-01-01", nil},
		{"2 feb", AnyDate, "2026-02-02", nil},
		{"2 februari", AnyDate, "2026-02-02", nil},
		{"2 pebruari", AnyDate, "2026-02-02", nil},
		{"3 mar", AnyDate, "2026-03-03", nil},
		{"3 maret", AnyDate, "2026-03-03", nil},
		{"3 march", AnyDate, "2026-03-03", nil},
		{"4 apr", AnyDate, "2026-04-04", nil},
		{"4 april", AnyDate, "2026-04-04", nil},
		{"5 mei", AnyDate, "2026-05-05", nil},
		{"5 may", AnyDate, "2026-05-05", nil},
		{"6 jun", AnyDate, "2026-06-06", nil},
		{"6 juni", AnyDate, "2026-06-06", nil},
		{"7 jul", AnyDate, "2026-07-07", nil},
		{"7 juli", AnyDate, "2026-07-07", nil},
		{"17 agu", AnyDate, "2026-08-17", nil},
		{"17 agt", AnyDate, "2026-08-17", nil},
		{"17 ags", AnyDate, "2026-08-17", nil},
		{"17 agustus 1945", AnyDate, "1945-08-17", nil},
		{"17 aug", AnyDate, "2026-08-17", nil},
		{"17 august", AnyDate, "2026-08-17", nil},
		{"9 sep", AnyDate, "2026-09-09", nil},
		{"9 sept", AnyDate, "2026-09-09", nil},
		{"9 september", AnyDate, "2026-09-09", nil},
		{"10 okt", AnyDate, "2026-10-10", nil},
		{"10 oct", AnyDate, "2026-10-10", nil},
		{"10 oktober", AnyDate, "2026-10-10", nil},
		{"10 october", AnyDate, "2026-10-10", nil},
		{"25 des", AnyDate, "2026-12-25", nil},
		{"25 desember", AnyDate, "2026-12-25", nil},
		{"25 dec", AnyDate, "2026-12-25", nil},
		{"25 december", AnyDate, "2026-12-25", nil},

		// Relative days.
		{"hari ini", AnyDate, "2026-11-24", nil},
		{"tadi pagi", NotFuture, "2026-11-24", nil},
		{"Tadi", NotFuture, "2026-11-24", nil},
		{"sore ini", AnyDate, "2026-11-24", nil},
		{"kemarin sore", NotFuture, "2026-11-23", nil},
		{"kmrn malam", NotFuture, "2026-11-23", nil},
		{"tadi malam", NotFuture, "2026-11-23", nil}, // typed at 10.00: last night
		{"semalam", NotFuture, "2026-11-23", nil},
		{"Hari  Ini", NotFuture, "2026-11-24", nil},
		{"today", NotPast, "2026-11-24", nil},
		{"sekarang", AnyDate, "2026-11-24", nil},
		{"kemarin", AnyDate, "2026-11-23", nil},
		{"kmrn", AnyDate, "2026-11-23", nil},
		{"yesterday", AnyDate, "2026-11-23", nil},
		{"kemarin lusa", AnyDate, "2026-11-22", nil},
		{"2 hari lalu", AnyDate, "2026-11-22", nil},
		{"3 hari yang lalu", AnyDate, "2026-11-21", nil},
		{"3 hr yg lalu", AnyDate, "2026-11-21", nil},
		{"dua hari lalu", AnyDate, "2026-11-22", nil},
		{"2 days ago", AnyDate, "2026-11-22", nil},
		{"40 hari lalu", AnyDate, "2026-10-15", nil},
		{"besok", AnyDate, "2026-11-25", nil},
		{"tomorrow", AnyDate, "2026-11-25", nil},
		{"lusa", AnyDate, "2026-11-26", nil},
		{"3 hari lagi", AnyDate, "2026-11-27", nil},
		{"in 3 days", AnyDate, "2026-11-27", nil},
		{"minggu depan", AnyDate, "2026-12-01", nil},
		{"next week", AnyDate, "2026-12-01", nil},
		{"minggu lalu", AnyDate, "2026-11-17", nil},

		// Weekdays: never today; coming unless only the past is allowed.
		{"rabu", AnyDate, "2026-11-25", nil},
		{"kamis", NotPast, "2026-11-26", nil},
		{"jumat", AnyDate, "2026-11-27", nil},
		{"Jum'at", AnyDate, "2026-11-27", nil},
		{"sabtu", AnyDate, "2026-11-28", nil},
		{"minggu", AnyDate, "2026-11-29", nil},
		{"minggu", NotPast, "2026-11-29", nil},
		{"minggu", NotFuture, "2026-11-22", nil},
		{"ahad", NotFuture, "2026-11-22", nil},
		{"hari minggu", NotFuture, "2026-11-22", nil},
		{"senin", AnyDate, "2026-11-30", nil},
		{"senin", NotFuture, "2026-11-23", nil},
		{"selasa", AnyDate, "2026-12-01", nil},
		{"selasa", NotFuture, "2026-11-17", nil},
		{"sunday", NotFuture, "2026-11-22", nil},
		{"senin depan", AnyDate, "2026-11-30", nil},
		{"next monday", AnyDate, "2026-11-30", nil},
		{"senin lalu", AnyDate, "2026-11-23", nil},
		{"last friday", AnyDate, "2026-11-20", nil},
		{"jumat depan", NotFuture, "", ErrDateInFuture},

		// Rules.
		{"24/11/2026", NotFuture, "2026-11-24", nil},
		{"24/11/2026", NotPast, "2026-11-24", nil},
		{"besok", NotFuture, "", ErrDateInFuture},
		{"25/11/2026", NotFuture, "", ErrDateInFuture},
		{"25/11", NotFuture, "", ErrDateInFuture}, // not silently last year
		{"kemarin", NotPast, "", ErrDateInPast},
		{"23/11/2026", NotPast, "", ErrDateInPast},
		{"23/11", NotPast, "", ErrDateInPast},
		{"24/11/1906", NotFuture, "1906-11-24", nil}, // exactly 120 years
		{"23/11/1906", NotFuture, "", ErrDateTooOld},
		{"1/1/1900", AnyDate, "", ErrDateTooOld},
		{"1/1/1900", NotPast, "", ErrDateInPast},
		{"500 hari lalu", AnyDate, "2025-07-12", nil},

		// Unreadable.
		{"31/02/2026", AnyDate, "", ErrDateUnreadable},
		{"29/02/2026", AnyDate, "", ErrDateUnreadable},
		{"29/02/2028", AnyDate, "2028-02-29", nil},
		{"31/04/2026", AnyDate, "", ErrDateUnreadable},
		{"31/12/2026", AnyDate, "2026-12-31", nil},
		{"32/12/2026", AnyDate, "", ErrDateUnreadable},
		{"0/12/2026", AnyDate, "", ErrDateUnreadable},
		{"1/0/2026", AnyDate, "", ErrDateUnreadable},
		{"1/13/2026", AnyDate, "", ErrDateUnreadable},
		{"11/24/2026", AnyDate, "", ErrDateUnreadable}, // US order is never guessed
		{"24/11/202", AnyDate, "", ErrDateUnreadable},
		{"24/11/2026/1", AnyDate, "", ErrDateUnreadable},
		{"24", AnyDate, "", ErrDateUnreadable},
		{"nov 2026", AnyDate, "", ErrDateUnreadable},
		{"senin 24/11/2026", AnyDate, "", ErrDateUnreadable}, // it is a Tuesday
		{"", AnyDate, "", ErrDateUnreadable},
		{"  ", AnyDate, "", ErrDateUnreadable},
		{"besok?", AnyDate, "", ErrDateUnreadable},
		{"kapan-kapan", AnyDate, "", ErrDateUnreadable},
		{"999999 hari lalu", AnyDate, "", ErrDateUnreadable},
		{"24 foo 2026", AnyDate, "", ErrDateUnreadable},
	}
	for _, tt := range tests {
		got, err := ParseDateText(tt.in, now, jakarta, tt.rule)
		if !errors.Is(err, tt.err) {
			t.Errorf("ParseDateText(%q, rule %d) error = %v, want %v", tt.in, tt.rule, err, tt.err)
			continue
		}
		if tt.err != nil {
			if !got.IsZero() {
				t.Errorf("ParseDateText(%q) = %v with error", tt.in, got)
			}
			continue
		}
		if got.Format(time.DateOnly) != tt.want || got.Location() != jakarta || !dateIsMidnight(got) {
			t.Errorf("ParseDateText(%q, rule %d) = %v, want %s 00:00 Asia/Jakarta", tt.in, tt.rule, got, tt.want)
		}
	}
}

// Dates without a year move across New Year only when the rule would
// refuse this year's and the neighbouring year's is nearer.
// "Tadi malam" typed in the evening means tonight, not the night before.
func TestParseDateTextLastNightInTheEvening(t *testing.T) {
	jakarta := dateTestZone(t, "Asia/Jakarta")
	for _, tt := range []struct {
		at   int // local hour when typed
		want string
	}{{6, "2026-11-23"}, {17, "2026-11-23"}, {18, "2026-11-24"}, {23, "2026-11-24"}} {
		now := time.Date(2026, 11, 24, tt.at, 30, 0, 0, jakarta)
		got, err := ParseDateText("tadi malam", now, jakarta, NotFuture)
		if err != nil || got.Format("2006-01-02") != tt.want {
			t.Errorf("\"tadi malam\" at %02d.30 = %v, %v; want %s", tt.at, got, err, tt.want)
		}
	}
}

func TestParseDateTextYearRollover(t *testing.T) {
	jakarta := dateTestZone(t, "Asia/Jakarta")
	jan5 := time.Date(2027, 1, 5, 9, 0, 0, 0, jakarta)
	dec28 := time.Date(2026, 12, 28, 9, 0, 0, 0, jakarta)
	tests := []struct {
		in   string
		now  time.Time
		rule DateRule
		want string
		err  error
	}{
		{"28/12", jan5, NotFuture, "2026-12-28", nil},
		{"28 des", jan5, NotFuture, "2026-12-28", nil},
		{"28/12", jan5, AnyDate, "2027-12-28", nil},
		{"28/12", jan5, NotPast, "2027-12-28", nil},
		{"1/7", jan5, NotFuture, "", ErrDateInFuture}, // this July is nearer
		{"5/1", dec28, NotPast, "2027-01-05", nil},
		{"5/1", dec28, AnyDate, "2026-01-05", nil},
		{"5/1", dec28, NotFuture, "2026-01-05", nil},
		{"29/02", time.Date(2029, 1, 5, 0, 0, 0, 0, jakarta), NotFuture, "", ErrDateUnreadable},
	}
	for _, tt := range tests {
		got, err := ParseDateText(tt.in, tt.now, jakarta, tt.rule)
		if !errors.Is(err, tt.err) || err == nil && got.Format(time.DateOnly) != tt.want {
			t.Errorf("ParseDateText(%q, now %s, rule %d) = %v, %v; want %s, %v",
				tt.in, tt.now.Format(time.DateOnly), tt.rule, got, err, tt.want, tt.err)
		}
	}
}

// "Today" is the volunteer's today: 20:00 WIB is already 22:00 tomorrow in
// Papua, and 06:00 WIB is still yesterday in UTC.
func TestParseDateTextLocation(t *testing.T) {
	jakarta, jayapura := dateTestZone(t, "Asia/Jakarta"), dateTestZone(t, "Asia/Jayapura")
	evening := time.Date(2026, 11, 24, 23, 30, 0, 0, jakarta)
	tests := []struct {
		in   string
		now  time.Time
		loc  *time.Location
		want string
	}{
		{"hari ini", evening, jakarta, "2026-11-24"},
		{"hari ini", evening, jayapura, "2026-11-25"},
		{"kemarin", evening, jayapura, "2026-11-24"},
		{"hari ini", evening.In(time.UTC), jayapura, "2026-11-25"},
		{"hari ini", time.Date(2026, 11, 24, 6, 0, 0, 0, jakarta), time.UTC, "2026-11-23"},
		{"hari ini", evening, nil, "2026-11-24"}, // nil: now's location
	}
	for _, tt := range tests {
		got, err := ParseDateText(tt.in, tt.now, tt.loc, AnyDate)
		wantLoc := tt.loc
		if wantLoc == nil {
			wantLoc = tt.now.Location()
		}
		if err != nil || got.Format(time.DateOnly) != tt.want || got.Location() != wantLoc || !dateIsMidnight(got) {
			t.Errorf("ParseDateText(%q, %v, %v) = %v, %v; want %s midnight", tt.in, tt.now, tt.loc, got, err, tt.want)
		}
	}
	// A date that is today in Papua is not in the future there.
	if _, err := ParseDateText("25/11/2026", evening, jayapura, NotFuture); err != nil {
		t.Errorf("today in Jayapura refused: %v", err)
	}
	if _, err := ParseDateText("25/11/2026", evening, jakarta, NotFuture); !errors.Is(err, ErrDateInFuture) {
		t.Errorf("tomorrow in Jakarta: %v, want ErrDateInFuture", err)
	}
}

func dateIsMidnight(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

func FuzzParseDateText(f *testing.F) {
	for _, s := range []string{
		"24/11/2026", "24/11", "24 nov", "24 nopember 26", "hari ini", "3 hari yang lalu",
		"minggu", "senin depan", "31/02/2026", "1/1/1900", "28/12", "Selasa, 24 November 2026", "99999 hari lagi",
	} {
		f.Add(s, int64(0), uint8(0))
	}
	jakarta := dateTestZone(f, "Asia/Jakarta")
	base := time.Date(2026, 11, 24, 10, 0, 0, 0, jakarta)
	f.Fuzz(func(t *testing.T, s string, shiftMinutes int64, rule uint8) {
		// now within ±150 years of the fixture
		now := base.Add(time.Duration(shiftMinutes%(150*366*24*60)) * time.Minute)
		r := DateRule(rule % 3)
		got, err := ParseDateText(s, now, jakarta, r)
		if err != nil {
			if !got.IsZero() {
				t.Fatalf("ParseDateText(%q) = %v with error %v", s, got, err)
			}
			return
		}
		y, m, d := now.Date()
		today := time.Date(y, m, d, 0, 0, 0, 0, jakarta)
		switch {
		case !dateIsMidnight(got) || got.Location() != jakarta:
			t.Fatalf("ParseDateText(%q) = %v, not midnight in Jakarta", s, got)
		case r == NotFuture && got.After(today):
			t.Fatalf("ParseDateText(%q, NotFuture) = %v after %v", s, got, today)
		case r == NotPast && got.Before(today):
			t.Fatalf("ParseDateText(%q, NotPast) = %v before %v", s, got, today)
		case got.Before(today.AddDate(-120, 0, 0)):
			t.Fatalf("ParseDateText(%q) = %v more than 120 years before %v", s, got, today)
		}
	})
}
