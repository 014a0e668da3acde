package flows

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// engineHarness drives a small flow through the engine with no transport
// and no storage: it plays the part of Service.Handle, keeping the
// conversation between inputs and recording what the engine answers.
type engineHarness struct {
	t       *testing.T
	engine  *Engine
	conv    *Conversation
	now     time.Time
	submits int
	failing bool
}

var testFlow = func(h *engineHarness) *Flow {
	return &Flow{
		Name:  "test",
		Title: Text{"Uji", "Test"},
		Steps: []Step{
			{ID: "name", Kind: AnswerText, MinLen: 3, MaxLen: 20, Prompt: Text{"Nama?", "Name?"}, Example: Text{"Siti", "Siti"}},
			{ID: "color", Kind: AnswerChoice, Prompt: Text{"Warna?", "Colour?"}, Options: []Choice{
				{"red", Text{"Merah", "Red"}}, {"green", Text{"Hijau", "Green"}}, {"blue", Text{"Biru", "Blue"}},
			}},
			{ID: "shade", Kind: AnswerText, Optional: true, Prompt: Text{"Gradasi?", "Shade?"},
				When: func(s *Session) bool { return s.AnswerData("color") == "blue" }},
			{ID: "city", Kind: AnswerLookup, Prompt: Text{"Kota?", "City?"},
				Lookup: func(_ context.Context, _ *Session, q string) ([]Option, error) {
					var out []Option
					for _, c := range []string{"Padang", "Padang Panjang", "Pariaman"} {
						if strings.Contains(strings.ToLower(c), strings.ToLower(q)) {
							out = append(out, Option{Value: strings.ToLower(c), Label: c})
						}
					}
					return out, nil
				}},
			{ID: "phone", Kind: AnswerPhone, Prompt: Text{"HP?", "Phone?"}},
		},
		Submit: func(_ context.Context, s *Session) (Outcome, error) {
			if h.failing {
				return Outcome{}, errors.New("database is down")
			}
			h.submits++
			return reply("selesai " + s.AnswerData("name")), nil
		},
	}
}

func newEngineHarness(t *testing.T) *engineHarness {
	h := &engineHarness{t: t, now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	h.engine = NewEngine(nil, testFlow(h))
	return h
}

func (h *engineHarness) session(in Input) *Session {
	h.now = h.now.Add(time.Second)
	in.ChatID, in.UserID, in.Private = 42, 42, true
	if in.SentAt.IsZero() {
		in.SentAt = h.now
	}
	return &Session{Input: in, Conversation: h.conv, Lang: "id", Now: h.now}
}

func (h *engineHarness) start() Outcome {
	s := h.session(Input{Kind: KindCommand, Command: "test"})
	out, err := h.engine.Start(context.Background(), s, "test", nil)
	if err != nil {
		h.t.Fatal(err)
	}
	h.conv = s.Conversation
	return out
}

func (h *engineHarness) send(in Input) Outcome {
	h.t.Helper()
	s := h.session(in)
	out, err := h.engine.Continue(context.Background(), s)
	if err != nil {
		h.t.Fatal(err)
	}
	h.conv = s.Conversation
	return out
}

func (h *engineHarness) text(s string) Outcome { return h.send(Input{Kind: KindText, Text: s}) }

// press taps the button labelled label on the last reply of out.
func (h *engineHarness) press(out Outcome, label string) Outcome {
	h.t.Helper()
	last := out.Replies[len(out.Replies)-1]
	for _, row := range last.Buttons {
		for _, b := range row {
			if strings.Contains(b.Text, label) {
				return h.send(Input{Kind: KindCallback, Callback: b.Data, CallbackMessageID: 7})
			}
		}
	}
	h.t.Fatalf("no button %q in %+v", label, last.Buttons)
	return Outcome{}
}

func lastText(out Outcome) string {
	if len(out.Replies) == 0 {
		return ""
	}
	return out.Replies[len(out.Replies)-1].Text
}

func TestEngineWalksThroughAFlow(t *testing.T) {
	h := newEngineHarness(t)
	out := h.start()
	if !strings.Contains(lastText(out), "Langkah 1/4") || !strings.Contains(lastText(out), "Nama?") {
		t.Fatalf("first question = %q", lastText(out))
	}
	out = h.text("  Siti   <b>Aminah</b> ")
	if h.conv.Answers["name"].Data != "Siti <b>Aminah</b>" {
		t.Errorf("name stored as %q, want the cleaned raw text", h.conv.Answers["name"].Data)
	}
	if !strings.Contains(lastText(out), "Langkah 2/4") {
		t.Errorf("second question = %q", lastText(out))
	}
	out = h.press(out, "Biru")
	if !strings.Contains(lastText(out), "Langkah 3/5") || !strings.Contains(lastText(out), "Gradasi?") {
		t.Errorf("a branch that applies is counted and asked: %q", lastText(out))
	}
	out = h.press(out, "Lewati")
	if !h.conv.Answers["shade"].Skipped {
		t.Errorf("skip not recorded: %+v", h.conv.Answers["shade"])
	}
	out = h.text("padang")
	if len(h.conv.Choices) != 2 || !strings.Contains(lastText(out), "1. Padang") {
		t.Fatalf("lookup offered %+v / %q", h.conv.Choices, lastText(out))
	}
	out = h.text("2")
	if h.conv.Answers["city"].Data != "padang panjang" {
		t.Errorf("typed number picks the listed option, got %+v", h.conv.Answers["city"])
	}
	if out.Replies[len(out.Replies)-1].RequestContact == "" {
		t.Errorf("phone question offers the share-contact button")
	}
	out = h.send(Input{Kind: KindContact, Phone: "6281234567890", ContactUserID: 42})
	if h.conv != nil || h.submits != 1 {
		t.Fatalf("flow did not finish: conv=%+v submits=%d", h.conv, h.submits)
	}
	if !out.Replies[0].RemoveKeyboard || lastText(out) != "selesai Siti <b>Aminah</b>" {
		t.Errorf("finish replies = %+v", out.Replies)
	}
}

// "Tidak tahu" typed where an answer is optional skips the step; where it
// is required it is an ordinary answer for the step to judge.
func TestEngineTypedDontKnowSkipsOnlyOptionalSteps(t *testing.T) {
	for _, typed := range []string{"tidak tahu", "Tdk tau", "gak tau", "belum diketahui"} {
		h := newEngineHarness(t)
		h.start()
		h.text(typed)
		if got := h.conv.Answers["name"]; got.Skipped || got.Data != typed {
			t.Errorf("required name took %+v, want the typed text %q", got, typed)
		}
		h.text("Biru")
		out := h.text(typed)
		if !h.conv.Answers["shade"].Skipped || !strings.Contains(lastText(out), "Kota?") {
			t.Errorf("%q on an optional step: answer %+v, next %q", typed, h.conv.Answers["shade"], lastText(out))
		}
	}
}

func TestEngineRefusesBadInputAndAsksAgain(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		want string
	}{
		{"sticker", Input{Kind: KindSticker}, "Stiker"},
		{"voice", Input{Kind: KindVoice}, "suara"},
		{"photo", Input{Kind: KindPhoto, PhotoFileID: "f"}, "Foto"},
		{"too short", Input{Kind: KindText, Text: "Al"}, "terlalu pendek"},
		{"too long", Input{Kind: KindText, Text: strings.Repeat("a", 5000)}, "maksimal 20 huruf, pesan Anda 5000"},
		{"no letters", Input{Kind: KindText, Text: "12345 !!"}, "belum terbaca"},
		{"skip a required step", Input{Kind: KindText, Text: "lewati"}, "wajib"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newEngineHarness(t)
			h.start()
			out := h.send(tt.in)
			got := lastText(out)
			if !strings.Contains(got, tt.want) || !strings.Contains(got, "Contoh: Siti") && tt.name != "skip a required step" {
				t.Errorf("refusal = %q, want it to contain %q and an example", got, tt.want)
			}
			if !strings.HasSuffix(got, "Nama?") || h.conv.Step != "name" {
				t.Errorf("the same question must be asked again, got step %q: %q", h.conv.Step, got)
			}
		})
	}
}

func TestEngineBackReturnsToThePreviousAnswer(t *testing.T) {
	h := newEngineHarness(t)
	h.start()
	out := h.text("Siti")
	out = h.press(out, "Merah")
	if h.conv.Step != "city" {
		t.Fatalf("step = %s", h.conv.Step)
	}
	out = h.text("⬅️ Kembali")
	if h.conv.Step != "color" || h.conv.Answers["color"].Data != "" {
		t.Fatalf("back from city should reopen color, got step %s answers %+v", h.conv.Step, h.conv.Answers)
	}
	out = h.press(out, "Kembali")
	out = h.text("kembali")
	if h.conv.Step != "name" || !strings.Contains(lastText(out), "pertanyaan pertama") {
		t.Errorf("back at the first step says so: %q", lastText(out))
	}
}

func TestEngineIgnoresStaleButtons(t *testing.T) {
	h := newEngineHarness(t)
	h.start()
	first := h.text("Siti")
	second := h.press(first, "Hijau")
	before := *h.conv
	// The colour keyboard is pressed again: a double tap.
	out := h.press(first, "Merah")
	if out.Notice == "" || len(out.Replies) != 0 {
		t.Errorf("stale press must only give a notice, got %+v", out)
	}
	if h.conv.Answers["color"].Data != "green" || h.conv.Version != before.Version {
		t.Errorf("stale press changed the conversation: %+v", h.conv)
	}
	_ = second
}

func TestEngineKeepsAnswersWhenSubmitFails(t *testing.T) {
	h := newEngineHarness(t)
	h.start()
	h.failing = true
	h.press(h.text("Siti"), "Merah")
	h.text("pariaman")
	h.text("1")
	out := h.text("08123456789")
	if h.conv == nil || h.conv.Step != stepSubmit || !strings.Contains(lastText(out), "aman tersimpan") {
		t.Fatalf("failed submit must keep the conversation: %+v %q", h.conv, lastText(out))
	}
	h.failing = false
	out = h.press(out, "Kirim ulang")
	if h.conv != nil || h.submits != 1 || lastText(out) != "selesai Siti" {
		t.Errorf("retry must submit once: conv=%+v submits=%d %q", h.conv, h.submits, lastText(out))
	}
}

func TestEngineAppliesAnOfflineBurstInOrder(t *testing.T) {
	h := newEngineHarness(t)
	h.start()
	sent := time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC)
	for i, text := range []string{"Siti", "1", "padang panjang", "1", "0812 3456 7890"} {
		h.send(Input{Kind: KindText, Text: text, SentAt: sent.Add(time.Duration(i) * time.Minute)})
	}
	if h.conv != nil || h.submits != 1 {
		t.Fatalf("burst did not complete the flow: %+v", h.conv)
	}
}

func TestEngineRecordsTheMessageTime(t *testing.T) {
	h := newEngineHarness(t)
	h.start()
	sent := time.Date(2026, 11, 23, 22, 15, 0, 0, time.UTC)
	h.send(Input{Kind: KindText, Text: "Siti", SentAt: sent})
	if got := h.conv.Answers["name"].At; !got.Equal(sent) {
		t.Errorf("answer time = %v, want the message's own time %v", got, sent)
	}
}

func TestNewEnginePanicsOnDuplicateFlow(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("duplicate flow names must panic at start-up")
		}
	}()
	NewEngine(nil, &Flow{Name: "x"}, &Flow{Name: "x"})
}

// After a search that finds nothing, the question is shown without the
// earlier matches, so a number typed next must not pick one of them.
func TestLookupForgetsMatchesNoLongerShown(t *testing.T) {
	h := newEngineHarness(t)
	h.start()
	h.text("Siti")
	h.text("Merah")
	h.text("padang")
	if len(h.conv.Choices) != 2 {
		t.Fatalf("lookup offered %+v", h.conv.Choices)
	}
	for _, typed := range []string{"bukittinggi", "9"} {
		h.conv.Choices = []Option{{Value: "padang", Label: "Padang"}, {Value: "padang panjang", Label: "Padang Panjang"}}
		out := h.text(typed)
		if strings.Contains(lastText(out), "1. Padang") || len(h.conv.Choices) != 0 {
			t.Errorf("after %q: choices %+v, question %q; want the matches gone", typed, h.conv.Choices, lastText(out))
		}
		out = h.text("1")
		if _, answered := h.conv.Answers["city"]; answered {
			t.Fatalf("after %q, typing 1 picked %+v from matches no longer shown", typed, h.conv.Answers["city"])
		}
	}
}
