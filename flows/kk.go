package flows

import (
	"errors"
	"strings"
)

// Hard errors of ParseKK.
var (
	ErrKKLength    = errors.New("nomor KK must have 16 digits")
	ErrKKNotDigits = errors.New("nomor KK must contain only digits")
	ErrKKZero      = errors.New("nomor KK is zero or has serial 0000")
)

// KK is a parsed nomor Kartu Keluarga.
//
// A KK number changes when the family changes (moving, death of the kepala
// keluarga, divorce, pecah KK), so it is an attribute with a date, never a
// key; and its region may legitimately differ from its members' NIKs.
type KK struct {
	Number       string // 16 digits, separators removed
	DistrictCode string // "31.71.01": kode wilayah penerbitan, digits 1–6
}

// ParseKK reads a nomor KK, ignoring the same separators as ParseNIK. Only
// the length and a zero serial are checked: no checksum exists, and the
// layout after digit 6 (said to be DDMMYY of registration plus a serial) is
// not confirmed by a primary source, so checking it could refuse real cards.
func ParseKK(s string) (KK, error) {
	digits, ok := identifierDigits(s)
	if !ok {
		return KK{}, ErrKKNotDigits
	}
	if len(digits) != 16 {
		return KK{}, ErrKKLength
	}
	if strings.Trim(digits, "0") == "" || digits[12:] == "0000" {
		return KK{}, ErrKKZero
	}
	return KK{
		Number:       digits,
		DistrictCode: digits[0:2] + "." + digits[2:4] + "." + digits[4:6],
	}, nil
}

// Masked shows the first 4 and last 4 digits, like NIK.Masked.
func (k KK) Masked() string { return MaskNumber(k.Number) }
