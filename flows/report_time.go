package flows

import (
	"context"
	"fmt"
	"time"
)

// clockSlack is how far ahead of the message a reported time may be: phone
// clocks and "sekitar jam 9" are rough.
const clockSlack = 15 * time.Minute

// reportTimeHasPassed refuses a time of day still ahead on the report's
// date. "Tadi jam 5 subuh" typed at half past midnight under "Hari ini"
// means yesterday's dawn; recording it as today's would put the event
// hours after the report.
func reportTimeHasPassed(_ context.Context, s *Session, v Value) (Verdict, error) {
	day := DateOf(s.Conversation.Answers[stepReportDate], s.location())
	h, m, ok := ParseClock(v.Data)
	if day.IsZero() || !ok {
		return Verdict{}, nil
	}
	at := time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, day.Location())
	typed := s.Now
	if !s.Input.SentAt.IsZero() && s.Input.SentAt.Before(typed) {
		typed = s.Input.SentAt
	}
	if !at.After(typed.Add(clockSlack)) {
		return Verdict{}, nil
	}
	return Verdict{Refuse: fmt.Sprintf(msgTimeNotYet.In(s.Lang), v.Text, day.Format("02/01/2006"))}, nil
}
