package flows

import (
	"errors"
	"testing"
)

func TestParseCount(t *testing.T) {
	const unknown = -1
	tests := []struct {
		in   string
		max  int
		want int // unknown: known=false
		err  error
	}{
		{"12", 1000, 12, nil},
		{" 12 ", 1000, 12, nil},
		{"012", 1000, 12, nil},
		{"0", 1000, 0, nil},
		{"12 orang", 1000, 12, nil},
		{"12 Orang.", 1000, 12, nil},
		{"12 jiwa", 1000, 12, nil},
		{"12 KK", 1000, 12, nil},
		{"12kk", 1000, 12, nil},
		{"12 org", 1000, 12, nil},
		{"12 kepala keluarga", 1000, 12, nil},
		{"3 rumah", 1000, 3, nil},
		{"1.200", 10000, 1200, nil},
		{"1,200", 10000, 1200, nil},
		{"1.200 jiwa", 10000, 1200, nil},
		{"12.000.000", 20000000, 12000000, nil},
		{"±50", 1000, 50, nil},
		{"± 50 KK", 1000, 50, nil},
		{"sekitar 50 orang", 1000, 50, nil},
		{"kurang lebih 50", 1000, 50, nil},
		{"kira-kira 50", 1000, 50, nil},
		{"satu", 1000, 1, nil},
		{"Tiga orang", 1000, 3, nil},
		{"sepuluh", 1000, 10, nil},
		{"five", 1000, 5, nil},
		{"nol", 1000, 0, nil},
		{"tidak ada", 1000, 0, nil},
		{"Nihil", 1000, 0, nil},
		{"kosong", 1000, 0, nil},
		{"none", 1000, 0, nil},
		{"-0", 1000, 0, nil},

		{"tidak tahu", 1000, unknown, nil},
		{"Tdk tahu", 1000, unknown, nil},
		{"tdk tau", 1000, unknown, nil},
		{"gak tau", 1000, unknown, nil},
		{"ga tau", 1000, unknown, nil},
		{"belum tahu", 1000, unknown, nil},
		{"belum  diketahui", 1000, unknown, nil},
		{"?", 1000, unknown, nil},
		{"???", 1000, unknown, nil},
		{"-", 1000, unknown, nil},
		{"--", 1000, unknown, nil},
		{"—", 1000, unknown, nil}, // phones turn "--" into an em dash
		{"unknown", 1000, unknown, nil},
		{"don't know", 1000, unknown, nil},
		{"Don’t know", 1000, unknown, nil},
		{"?", -5, unknown, nil}, // unknown has no bounds

		{"1000", 1000, 1000, nil},
		{"1001", 1000, 0, ErrCountTooLarge},
		{"0", 0, 0, nil},
		{"1", 0, 0, ErrCountTooLarge},
		{"sebelas", 1000, 0, ErrCountUnreadable},
		{"99999999999999999999999", 1000, 0, ErrCountTooLarge},
		{"-1", 1000, 0, ErrCountNegative},
		{"-5 orang", 1000, 0, ErrCountNegative},
		{"−5", 1000, 0, ErrCountNegative}, // Unicode minus
		{"-99999999999999999999999", 1000, 0, ErrCountNegative},
		{"- 5", 1000, 0, ErrCountUnreadable}, // a list bullet? ask again
		{"", 1000, 0, ErrCountUnreadable},
		{"   ", 1000, 0, ErrCountUnreadable},
		{"banyak", 1000, 0, ErrCountUnreadable},
		{"1,5", 1000, 0, ErrCountUnreadable},
		{"1.20", 1000, 0, ErrCountUnreadable},
		{"1.2000", 100000, 0, ErrCountUnreadable},
		{"1234.567", 10000000, 0, ErrCountUnreadable},
		{"1.200,5", 10000, 0, ErrCountUnreadable},
		{"1 200", 10000, 0, ErrCountUnreadable},
		{"10-12", 1000, 0, ErrCountUnreadable},
		{"12 ekor sapi", 1000, 0, ErrCountUnreadable},
		{"12?", 1000, 0, ErrCountUnreadable},
		{"١٢", 1000, 0, ErrCountUnreadable}, // Arabic-Indic digits
	}
	for _, tt := range tests {
		n, known, err := ParseCount(tt.in, tt.max)
		wantKnown := tt.want != unknown && tt.err == nil
		wantN := max(tt.want, 0)
		if !errors.Is(err, tt.err) || known != wantKnown || n != wantN {
			t.Errorf("ParseCount(%q, %d) = %d, %v, %v; want %d, %v, %v", tt.in, tt.max, n, known, err, wantN, wantKnown, tt.err)
		}
	}
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"12", "1.200", "1,200 jiwa", "-5", "tidak tahu", "?", "-", "sekitar 5", "sepuluh", "99999999999999999999"} {
		f.Add(s, 1000)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		n, known, err := ParseCount(s, max)
		switch {
		case err != nil && (known || n != 0):
			t.Fatalf("ParseCount(%q, %d) = %d, %v with error %v", s, max, n, known, err)
		case err == nil && known && (n < 0 || n > max):
			t.Fatalf("ParseCount(%q, %d) = %d out of bounds", s, max, n)
		case err == nil && !known && n != 0:
			t.Fatalf("ParseCount(%q, %d) = %d but unknown", s, max, n)
		}
	})
}
