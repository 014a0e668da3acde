package flows

import (
	"errors"
	"testing"
)

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"081234567890", "+6281234567890"},
		{"0812-3456-7890", "+6281234567890"},
		{"0812 3456 789", "+628123456789"},
		{"+62 812 3456 7890", "+6281234567890"},
		{"62812.3456.7890", "+6281234567890"},
		{"(0812) 3456 7890", "+6281234567890"},
		{"81234567890", "+6281234567890"},
		{" 0852 1111 2222 ", "+6285211112222"},
		{"08123456", ""},           // too short
		{"08123456789012", ""},     // too long
		{"0213456789", ""},         // a Jakarta landline, not a mobile
		{"+60123456789", ""},       // Malaysia
		{"+1 415 555 0100", ""},    // USA
		{"0812abc4567", ""},        // letters
		{"", ""},                   // nothing
		{"08<b>12345678</b>", ""},  // markup
		{"0812-3456-7890 ext", ""}, // trailing words
	}
	for _, tt := range tests {
		got, err := NormalizePhone(tt.in)
		if tt.want == "" {
			if !errors.Is(err, ErrPhoneInvalid) {
				t.Errorf("NormalizePhone(%q) = %q, %v; want ErrPhoneInvalid", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestMaskPhone(t *testing.T) {
	if got := MaskPhone("+6281234567890"); got != "+62812*****890" {
		t.Errorf("MaskPhone = %q", got)
	}
	if got := MaskPhone("+62"); got != "****" {
		t.Errorf("MaskPhone(short) = %q", got)
	}
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"081234567890", "+62 812 3456 7890", "+60123", "", "0812-3456-7890"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizePhone(s)
		if err != nil {
			return
		}
		// Whatever is accepted is canonical and stable.
		again, err := NormalizePhone(got)
		if err != nil || again != got || len(got) < 12 || len(got) > 15 || got[:4] != "+628" {
			t.Fatalf("NormalizePhone(%q) = %q, renormalized %q, %v", s, got, again, err)
		}
	})
}
