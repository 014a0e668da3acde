package flows

import (
	"fmt"
	"testing"
)

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want string // "HH.MM", or "" when refused
	}{
		{"14.30", "14.30"},
		{"14:30", "14.30"},
		{"1430", "14.30"},
		{"14", "14.00"},
		{"7", "07.00"},
		{"07.05", "07.05"},
		{"jam 14.30", "14.30"},
		{"Pukul 14.30 WIB", "14.30"},
		{"sekitar jam 9 WITA", "09.00"},
		{"jam 3 sore", "15.00"},
		{"jam 10 pagi", "10.00"},
		{"2 siang", "14.00"},
		{"jam 11 siang", "11.00"},
		{"jam 8 malam", "20.00"},
		{"jam 12 malam", "00.00"},
		{"1 malam", "01.00"},
		{"4 subuh", "04.00"},
		{"jam 2 dini hari", "02.00"},
		{"3.15 sore", "15.15"},
		{"tadi jam 5 subuh", "05.00"},
		{"kira2 jam 4 sore", "16.00"},
		{"jam 5an", "05.00"},
		{"at 3 pm", "15.00"},
		{"around 9 am", "09.00"},
		{"jam 7-an malam", "19.00"},
		{"pas jam 12 siang", "12.00"},
		{"menjelang subuh jam 4", ""},
		{"16.00 sore", "16.00"},
		{"3 pm", "15.00"},
		{"12 pm", "12.00"},
		{"12 am", "00.00"},
		{"setengah 3", "02.30"},
		{"setengah 3 sore", "14.30"},
		{"jam setengah 8 malam", "19.30"},
		{"0", "00.00"},
		{"23.59", "23.59"},

		{"", ""},
		{"jam", ""},
		{"sore", ""},
		{"25.99", ""},
		{"24", ""},
		{"14.3", ""},
		{"7.5", ""},
		{"12345", ""},
		{"20 pagi", ""},
		{"9 sore", ""},
		{"setengah", ""},
		{"setengah 0", ""},
		{"setengah 3.30", ""},
		{"waktu hujan", ""},
		{"3 kali", ""},
		{"-5", ""},
		{"+5", ""},
		{"1-.30", ""},
	}
	for _, tt := range tests {
		h, m, ok := ParseClock(tt.in)
		got := ""
		if ok {
			got = fmt.Sprintf("%02d.%02d", h, m)
		}
		if got != tt.want {
			t.Errorf("ParseClock(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"14.30", "jam 3 sore", "setengah 8 malam", "12 am"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, m, ok := ParseClock(s)
		if ok && (h < 0 || h > 23 || m < 0 || m > 59) {
			t.Fatalf("ParseClock(%q) = %d.%d", s, h, m)
		}
	})
}
