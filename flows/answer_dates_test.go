package flows

import (
	"testing"
	"time"
)

func TestDateAnswersCountFromWhenTheMessageWasTyped(t *testing.T) {
	wib, _ := time.LoadLocation("Asia/Jakarta")
	typed := time.Date(2026, 11, 23, 23, 30, 0, 0, wib) // offline, just before midnight
	arrived := typed.Add(time.Hour)
	st := &Step{ID: "d", Kind: AnswerDate, DateRule: NotFuture}
	tests := []struct {
		text string
		want string
	}{
		{"kemarin", "2026-11-22"},
		{"hari ini", "2026-11-23"},
		{"23/11/2026", "2026-11-23"},
	}
	for _, tt := range tests {
		s := &Session{Input: Input{Kind: KindText, Text: tt.text, SentAt: typed}, Conversation: &Conversation{}, Now: arrived, Loc: wib}
		v, p, err := parseDateAnswer(st, s)
		if err != nil || p.msg.ID != "" || v.Data != tt.want {
			t.Errorf("%q typed %v = %q (%v %q), want %s", tt.text, typed, v.Data, err, p.msg.ID, tt.want)
		}
	}
	// "24/11" was still the future when it was typed.
	s := &Session{Input: Input{Kind: KindText, Text: "24/11/2026", SentAt: typed}, Conversation: &Conversation{}, Now: arrived, Loc: wib}
	if _, p, _ := parseDateAnswer(st, s); p.msg.ID != msgDateInFuture.ID {
		t.Errorf("a date after the typing day must be refused as future, got %q", p.msg.ID)
	}
}

// A question asked before midnight and answered after it: typed words count
// from the typing time, a typed option number picks the button as shown.
func TestDateAnswersTypedAfterMidnightUnderOldButtons(t *testing.T) {
	wib, _ := time.LoadLocation("Asia/Jakarta")
	asked := time.Date(2026, 11, 23, 23, 50, 0, 0, wib)
	typed := time.Date(2026, 11, 24, 0, 10, 0, 0, wib)
	st := &Step{ID: "d", Kind: AnswerDate, DateRule: NotFuture}
	buttons := quickDates(NotFuture, asked, wib, "id") // Hari ini (23/11), Kemarin (22/11)
	tests := []struct {
		text string
		want string
	}{
		{"kemarin", "2026-11-23"},
		{"hari ini", "2026-11-24"},
		{"2", "2026-11-22"},
		{"Kemarin (22/11)", "2026-11-22"},
	}
	for _, tt := range tests {
		s := &Session{Input: Input{Kind: KindText, Text: tt.text, SentAt: typed}, Conversation: &Conversation{Choices: buttons}, Now: typed, Loc: wib}
		v, p, err := parseDateAnswer(st, s)
		if err != nil || p.msg.ID != "" || v.Data != tt.want {
			t.Errorf("%q under %v = %q (%v %q), want %s", tt.text, buttons, v.Data, err, p.msg.ID, tt.want)
		}
	}
}
