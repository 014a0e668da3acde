package flows

import (
	"context"
	"strings"
	"testing"
	"time"
)

// warnFlow has a code question that warns about "0000" and accepts only
// digits, then two text questions: the shape of /daftar's NIK and birth
// date checks, small enough to read.
func warnFlow(h *engineHarness) *Flow {
	digits := func(_ *Session, text string) (Value, string) {
		if strings.Trim(text, "0123456789") != "" {
			return Value{}, "Angka saja."
		}
		return Value{Data: text, Text: text}, ""
	}
	return &Flow{
		Name:   "test",
		Title:  Text{"Uji", "Test"},
		Review: true, // the answers stay in view after the last question
		Steps: []Step{
			{ID: "code", Kind: AnswerText, Parse: digits, Prompt: Text{"Kode?", "Code?"},
				Validate: func(_ context.Context, _ *Session, v Value) (Verdict, error) {
					if v.Data == "0000" {
						return Verdict{Warn: "Kode 0000 jarang dipakai. Benar?"}, nil
					}
					return Verdict{}, nil
				}},
			{ID: "name", Kind: AnswerText, MinLen: 3, MaxLen: 20, Prompt: Text{"Nama?", "Name?"}},
			{ID: "city", Kind: AnswerText, MinLen: 3, MaxLen: 20, Prompt: Text{"Kota?", "City?"}},
		},
		Submit: func(_ context.Context, s *Session) (Outcome, error) {
			h.submits++
			return reply("selesai"), nil
		},
	}
}

func newWarnHarness(t *testing.T) *engineHarness {
	h := &engineHarness{t: t, now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	h.engine = NewEngine(nil, warnFlow(h))
	h.start()
	return h
}

// An offline burst that runs into a warning: the rest of the burst waits
// behind it and, once the warning is settled, answers the questions after
// it in order, instead of being refused one by one at the warned question.
func TestBurstBehindAWarningWaitsForIt(t *testing.T) {
	tests := []struct {
		name   string
		settle func(h *engineHarness, warning Outcome) Outcome
		want   map[string]string // answers after settling; "" means absent
	}{
		{"confirmed by button", func(h *engineHarness, w Outcome) Outcome { return h.press(w, "Ya, benar") },
			map[string]string{"code": "0000", "name": "Siti", "city": "Padang"}},
		{"confirmed by typing ya", func(h *engineHarness, _ Outcome) Outcome { return h.text("ya") },
			map[string]string{"code": "0000", "name": "Siti", "city": "Padang"}},
		{"retyped", func(h *engineHarness, w Outcome) Outcome { h.press(w, "Ketik ulang"); return h.text("1234") },
			map[string]string{"code": "1234", "name": "Siti", "city": "Padang"}},
		{"went back", func(h *engineHarness, _ Outcome) Outcome { return h.text("kembali") },
			map[string]string{"code": "", "name": "", "city": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newWarnHarness(t)
			warning := h.text("0000")
			if !strings.Contains(lastText(warning), "jarang dipakai") {
				t.Fatalf("no warning: %q", lastText(warning))
			}
			first := h.text("Siti")
			if !strings.Contains(lastText(first), "Jawab dulu peringatan") {
				t.Errorf("first message behind the warning: %q, want the note", lastText(first))
			}
			if quiet := h.text("Padang"); len(quiet.Replies) != 0 {
				t.Errorf("second message behind the warning replied %+v, want silence", quiet.Replies)
			}
			tt.settle(h, warning)
			for step, want := range tt.want {
				got, ok := Value{}, false
				if h.conv != nil {
					got, ok = h.conv.Answers[step]
				}
				if want == "" && ok || want != "" && got.Data != want {
					t.Errorf("answer %s = %+v (%v), want %q", step, got, ok, want)
				}
			}
		})
	}
}
