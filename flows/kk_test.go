package flows

import (
	"errors"
	"testing"
)

func TestParseKK(t *testing.T) {
	want := KK{Number: "3171012345670001", DistrictCode: "31.71.01"}
	tests := []struct {
		name string
		in   string
		want KK
		err  error
	}{
		{"plain", "3171012345670001", want, nil},
		{"spaces", "3171 0123 4567 0001", want, nil},
		{"dots and dashes", "31.71.01-234567-0001", want, nil},
		{"no date check: 00 day and month 99 are fine", "3171010099000001", KK{Number: "3171010099000001", DistrictCode: "31.71.01"}, nil},
		{"empty", "", KK{}, ErrKKLength},
		{"15 digits", "317101234567000", KK{}, ErrKKLength},
		{"17 digits", "31710123456700011", KK{}, ErrKKLength},
		{"letters", "3171O12345670001", KK{}, ErrKKNotDigits},
		{"all zero", "0000000000000000", KK{}, ErrKKZero},
		{"all zero with spaces", "0000 0000 0000 0000", KK{}, ErrKKZero},
		{"serial 0000", "3171012345670000", KK{}, ErrKKZero},
		{"serial 0001 after zeros", "0000000000000001", KK{Number: "0000000000000001", DistrictCode: "00.00.00"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseKK(tt.in)
			if !errors.Is(err, tt.err) || got != tt.want {
				t.Errorf("ParseKK(%q) = %+v, %v; want %+v, %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestKKMasked(t *testing.T) {
	k, err := ParseKK("3171 0123 4567 0001")
	if err != nil {
		t.Fatal(err)
	}
	if got := k.Masked(); got != "3171********0001" {
		t.Errorf("Masked() = %q", got)
	}
}
