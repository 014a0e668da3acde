package flows

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// dateLayout is how dates are stored in Value.Data.
const dateLayout = "2006-01-02"

// quickDate is a one-tap answer for a date step: days from today.
type quickDate struct {
	days  int
	label Text
}

var (
	pastQuickDates   = []quickDate{{0, msgToday}, {-1, msgYesterday}}
	futureQuickDates = []quickDate{{1, msgTomorrow}, {2, msgDayAfterTomorrow}, {7, msgNextWeek}}
)

// quickDates are the one-tap answers a date step offers under its rule.
func quickDates(rule DateRule, now time.Time, loc *time.Location, lang string) []Option {
	picks := pastQuickDates
	switch rule {
	case NotPast:
		picks = futureQuickDates
	case AnyDate:
		return nil
	}
	today := midnight(now, loc)
	opts := make([]Option, len(picks))
	for i, p := range picks {
		d := today.AddDate(0, 0, p.days)
		opts[i] = Option{Value: d.Format(dateLayout), Label: p.label.In(lang) + " (" + d.Format("02/01") + ")"}
	}
	return opts
}

func parseDateAnswer(st *Step, s *Session) (Value, problem, error) {
	in := s.Input
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	// A typed option number picks the button as shown.
	if _, err := strconv.Atoi(normalizeWord(in.Text)); err == nil {
		if o, ok := matchOption(s.Conversation.Choices, in.Text); ok {
			return Value{Data: o.Value, Text: dateText(o.Value)}, problem{}, nil
		}
	}
	// Typed words are read against the time the message was typed, not the
	// buttons' dates: "kemarin" typed offline before midnight, or typed just
	// after midnight under a question asked the evening before, is the day
	// before it was typed, whatever "Kemarin (24/11)" the buttons show.
	ref := s.Now
	if !in.SentAt.IsZero() && in.SentAt.Before(ref) {
		ref = in.SentAt
	}
	d, err := ParseDateText(in.Text, ref, s.location(), st.DateRule)
	if errors.Is(err, ErrDateUnreadable) {
		if o, ok := matchOption(s.Conversation.Choices, in.Text); ok {
			return Value{Data: o.Value, Text: dateText(o.Value)}, problem{}, nil
		}
	}
	switch {
	case errors.Is(err, ErrDateInFuture):
		return Value{}, problem{msg: msgDateInFuture}, nil
	case errors.Is(err, ErrDateInPast):
		return Value{}, problem{msg: msgDateInPast}, nil
	case errors.Is(err, ErrDateTooOld):
		return Value{}, problem{msg: msgDateTooOld}, nil
	case err != nil:
		return Value{}, problem{msg: msgDateUnreadable}, nil
	}
	return Value{Data: d.Format(dateLayout), Text: d.Format("02/01/2006")}, problem{}, nil
}

func dateText(iso string) string {
	d, err := time.Parse(dateLayout, iso)
	if err != nil {
		return iso
	}
	return d.Format("02/01/2006")
}

// DateOf reads a date answer back, at midnight in loc; zero when absent.
func DateOf(v Value, loc *time.Location) time.Time {
	d, err := time.ParseInLocation(dateLayout, v.Data, loc)
	if err != nil {
		return time.Time{}
	}
	return d
}

func midnight(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// parseTimeAnswer reads a time of day: "14.30", "14:30", "1430", "jam 9",
// "09.00 WIB".
func parseTimeAnswer(in Input) (Value, problem, error) {
	if in.Kind != KindText {
		return Value{}, wrongKind(in.Kind), nil
	}
	h, m, ok := ParseClock(in.Text)
	if !ok {
		return Value{}, problem{msg: msgTimeUnreadable}, nil
	}
	v := fmt.Sprintf("%02d.%02d", h, m)
	return Value{Data: v, Text: v}, problem{}, nil
}

func (s *Session) location() *time.Location {
	if s.Loc != nil {
		return s.Loc
	}
	return time.UTC
}
