package flows

import (
	"errors"
	"strconv"
	"unicode"
)

// NIK and KK answers keep the full number in Data, for the record, and the
// masked form in Text, which is all any later message shows.

func parseNIKAnswer(in Input) (Value, problem, error) {
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	n, err := ParseNIK(in.Text)
	switch {
	case errors.Is(err, ErrNIKLength):
		return Value{}, problem{msg: msgNIKLength, args: []any{digitCount(in.Text)}}, nil
	case errors.Is(err, ErrNIKNotDigits):
		return Value{}, problem{msg: msgNIKDigits}, nil
	case errors.Is(err, ErrNIKDate):
		return Value{}, problem{msg: msgNIKDate}, nil
	case errors.Is(err, ErrNIKSerial):
		return Value{}, problem{msg: msgNIKSerial}, nil
	case err != nil:
		return Value{}, problem{msg: msgNIKDigits}, nil
	}
	return Value{Data: n.Number, Text: n.Masked()}, problem{}, nil
}

func parseKKAnswer(in Input) (Value, problem, error) {
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	k, err := ParseKK(in.Text)
	switch {
	case errors.Is(err, ErrKKLength):
		return Value{}, problem{msg: msgKKLength, args: []any{digitCount(in.Text)}}, nil
	case err != nil:
		return Value{}, problem{msg: msgKKInvalid}, nil
	}
	return Value{Data: k.Number, Text: k.Masked()}, problem{}, nil
}

func digitCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func locationValue(l Location) Value {
	return Value{Loc: &l, Text: "📍 " + formatCoord(l)}
}

func formatCoord(l Location) string {
	return strconv.FormatFloat(l.Latitude, 'f', 5, 64) + ", " + strconv.FormatFloat(l.Longitude, 'f', 5, 64)
}
