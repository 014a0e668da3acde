package flows

import (
	"context"
	"strings"
	"testing"
	"time"
)

// FuzzEngine feeds arbitrary sequences of inputs to a flow. Whatever
// arrives, the engine must not panic, must keep the conversation on a step
// that exists, and every reply must be non-empty text with callback data
// inside Telegram's 64-byte limit. "h:" parts are held messages, which a
// resume applies in one go.
func FuzzEngine(f *testing.F) {
	f.Add("Siti\x00b:Biru\x00lewati\x00padang\x00t:1\x000812345678\x00kirim")
	f.Add("kembali\x00kembali\x00\x00s:\x00p:\x00<b>\x00" + strings.Repeat("x", 300))
	f.Add("c:0:back\x00c:99:send\x00selesai\x00tidak tahu")
	f.Add("h:Siti\x00h:2\x00h:\x00h:kembali\x00b:resume\x00h:x\x00b:cancel-no")
	f.Add("0000\x00Siti\x00Padang\x00b:yes\x00kirim")
	f.Add("0000\x00x\x00y\x00b:retype\x001234\x00h:ab\x00b:resume\x00kembali\x00ya")
	f.Fuzz(func(t *testing.T, script string) {
		// The same inputs go to the small form and to the one with a
		// warning, which defers what arrives behind it.
		h := newEngineHarness(t)
		h.start()
		runScript(t, h, testFlow(h), script)
		w := newWarnHarness(t)
		runScript(t, w, warnFlow(w), script)
	})
}

func runScript(t *testing.T, h *engineHarness, f *Flow, script string) {
	for _, part := range strings.Split(script, "\x00") {
		if h.conv == nil {
			return
		}
		if held, ok := strings.CutPrefix(part, "h:"); ok {
			// A message held behind the away reminder, applied on resume.
			h.conv.Held = append(h.conv.Held, Input{Kind: KindText, Text: held, SentAt: time.Now()})
			continue
		}
		in := Input{Kind: KindText, Text: part}
		switch {
		case strings.HasPrefix(part, "b:"):
			in = buttonInput(h, part[2:])
		case strings.HasPrefix(part, "s:"):
			in = Input{Kind: KindSticker}
		case strings.HasPrefix(part, "p:"):
			in = Input{Kind: KindPhoto, PhotoFileID: "f", MediaGroupID: part[2:]}
		case strings.HasPrefix(part, "c:"):
			in = Input{Kind: KindCallback, Callback: part}
		}
		s := h.session(in)
		out, err := h.engine.Continue(context.Background(), s)
		if err != nil {
			t.Fatalf("input %q: %v", part, err)
		}
		h.conv = s.Conversation
		checkOutcome(t, out)
		if h.conv != nil && h.conv.Step != stepSubmit {
			if st, _ := f.step(h.conv.Step); st == nil {
				t.Fatalf("conversation on unknown step %q", h.conv.Step)
			}
		}
	}
}

// buttonInput presses the conversation's current button whose label
// contains label, or a made-up one when there is none.
func buttonInput(h *engineHarness, label string) Input {
	return Input{Kind: KindCallback, Callback: convButton(h.conv.Version, label), CallbackMessageID: 3, SentAt: time.Now()}
}

func checkOutcome(t *testing.T, out Outcome) {
	t.Helper()
	prompts := 0
	for _, r := range out.Replies {
		if r.Prompt {
			prompts++
		}
	}
	if prompts > 1 {
		t.Fatalf("%d replies are the live question, want at most 1: %+v", prompts, out.Replies)
	}
	for _, r := range out.Replies {
		if r.Text == "" {
			t.Fatalf("empty reply text: %+v", r)
		}
		for _, row := range r.Buttons {
			for _, b := range row {
				if len(b.Data) == 0 || len(b.Data) > 64 || b.Text == "" {
					t.Fatalf("bad button %+v", b)
				}
			}
		}
	}
}
