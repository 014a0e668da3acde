package flows

import "fmt"

// problem is why an input was not accepted as an answer. Either msg explains
// a refusal, or lookup carries options the user must pick from.
type problem struct {
	msg       Text
	args      []any
	lookup    []Option
	noExample bool
}

func (p problem) text(lang string) string {
	if len(p.args) == 0 {
		return p.msg.In(lang)
	}
	return fmt.Sprintf(p.msg.In(lang), p.args...)
}

// wrongKind explains a message of a kind the step cannot use — a sticker or
// a voice note where a name was asked — in words, not an error code.
func wrongKind(k InputKind) problem {
	switch k {
	case KindSticker:
		return problem{msg: msgGotSticker}
	case KindVoice:
		return problem{msg: msgGotVoice}
	case KindPhoto:
		return problem{msg: msgGotPhoto}
	case KindLocation:
		return problem{msg: msgGotLocation}
	case KindContact:
		return problem{msg: msgGotContact}
	default:
		return problem{msg: msgGotOther}
	}
}
