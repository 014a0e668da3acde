package flows

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestReportTimeMustHavePassedOnTheReportedDay(t *testing.T) {
	wib, _ := time.LoadLocation("Asia/Jakarta")
	halfPastMidnight := time.Date(2026, 11, 25, 0, 30, 0, 0, wib)
	tests := []struct {
		name    string
		date    string // answer to the date step; "" when absent
		time    string
		typed   time.Time
		arrived time.Time
		refused bool
	}{
		{"dawn today, typed after midnight", "2026-11-25", "05.00", halfPastMidnight, halfPastMidnight, true},
		{"dawn yesterday", "2026-11-24", "05.00", halfPastMidnight, halfPastMidnight, false},
		{"a few minutes ahead: clocks are rough", "2026-11-25", "00.40", halfPastMidnight, halfPastMidnight, false},
		{"typed offline before midnight, arrived after", "2026-11-24", "22.00",
			time.Date(2026, 11, 24, 23, 0, 0, 0, wib), halfPastMidnight, false},
		{"later that evening, typed offline", "2026-11-24", "23.50",
			time.Date(2026, 11, 24, 23, 0, 0, 0, wib), halfPastMidnight, true},
		{"no date answer", "", "05.00", halfPastMidnight, halfPastMidnight, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Conversation{Answers: map[string]Value{}}
			if tt.date != "" {
				c.Answers[stepReportDate] = Value{Data: tt.date}
			}
			s := &Session{Input: Input{Kind: KindText, Text: tt.time, SentAt: tt.typed}, Conversation: c, Now: tt.arrived, Loc: wib, Lang: "id"}
			v, _, _ := parseTimeAnswer(s.Input)
			verdict, err := reportTimeHasPassed(context.Background(), s, v)
			if err != nil {
				t.Fatal(err)
			}
			if (verdict.Refuse != "") != tt.refused {
				t.Errorf("refused = %q, want refused=%v", verdict.Refuse, tt.refused)
			}
			if tt.refused && !strings.Contains(verdict.Refuse, "Kembali") {
				t.Errorf("the refusal must say how to fix it: %q", verdict.Refuse)
			}
		})
	}
}
