package flows

import (
	"errors"
	"strings"
)

// ErrPhoneInvalid means the text is not an Indonesian mobile number.
var ErrPhoneInvalid = errors.New("not an Indonesian mobile number")

// NormalizePhone turns the ways Indonesians write a mobile number
// ("0812-3456-789", "+62 812 3456 789", "62812…", "812…") into E.164
// ("+628123456789"). Only Indonesian mobile numbers (08…, 9–12 digits after
// the 0) are accepted: they are how coordinators call volunteers back.
func NormalizePhone(s string) (string, error) {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return "", ErrPhoneInvalid
		}
	}
	digits := b.String()
	switch {
	case strings.HasPrefix(digits, "62"):
		digits = digits[2:]
	case strings.HasPrefix(digits, "0"):
		digits = digits[1:]
	case strings.HasPrefix(strings.TrimSpace(s), "+"):
		return "", ErrPhoneInvalid // a foreign country code
	}
	if !strings.HasPrefix(digits, "8") || len(digits) < 9 || len(digits) > 12 {
		return "", ErrPhoneInvalid
	}
	return "+62" + digits, nil
}

// MaskPhone hides the middle of a number for places many people can read,
// keeping enough to recognise it: "+62812****789".
func MaskPhone(e164 string) string {
	if len(e164) < 9 {
		return "****"
	}
	return e164[:6] + strings.Repeat("*", len(e164)-9) + e164[len(e164)-3:]
}

func parsePhoneAnswer(in Input) (Value, problem, error) {
	var raw string
	switch in.Kind {
	case KindContact:
		if in.ContactUserID != 0 && in.ContactUserID != in.UserID {
			return Value{}, problem{msg: msgContactNotOwn}, nil
		}
		raw = in.Phone
	case KindText:
		raw = in.Text
	default:
		return Value{}, wrongKind(in.Kind), nil
	}
	phone, err := NormalizePhone(raw)
	if err != nil {
		return Value{}, problem{msg: msgPhoneInvalid}, nil
	}
	return Value{Data: phone, Text: phone}, problem{}, nil
}
