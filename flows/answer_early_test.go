package flows

import (
	"context"
	"strings"
	"testing"
	"time"
)

// earlyFlow asks a name first and has photo and location steps that keep
// what is sent early, like /lapor.
func earlyFlow(h *engineHarness) *Flow {
	return &Flow{
		Name:  "test",
		Title: Text{"Uji", "Test"},
		Steps: []Step{
			{ID: "name", Kind: AnswerText, MinLen: 3, MaxLen: 20, Prompt: Text{"Nama?", "Name?"}},
			{ID: "photos", Kind: AnswerPhotos, Optional: true, MaxPhotos: 2, KeepsEarly: true, Prompt: Text{"Foto?", "Photos?"}},
			{ID: "where", Kind: AnswerLocation, Optional: true, KeepsEarly: true, Prompt: Text{"Lokasi?", "Where?"}},
			{ID: "note", Kind: AnswerText, Prompt: Text{"Catatan?", "Note?"}},
		},
		Submit: func(_ context.Context, s *Session) (Outcome, error) {
			h.submits++
			return reply("selesai"), nil
		},
	}
}

func TestEngineKeepsAPinAndPhotosSentEarly(t *testing.T) {
	h := &engineHarness{t: t, now: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	h.engine = NewEngine(nil, earlyFlow(h))
	h.start()

	out := h.send(Input{Kind: KindPhoto, PhotoFileID: "p1", MediaGroupID: "album"})
	if !strings.Contains(lastText(out), "Foto disimpan") || !strings.Contains(lastText(out), "Nama?") {
		t.Errorf("first photo of the album: %q, want the note above the open question", lastText(out))
	}
	for _, id := range []string{"p2", "p3"} {
		if out := h.send(Input{Kind: KindPhoto, PhotoFileID: id, MediaGroupID: "album"}); len(out.Replies) != 0 {
			t.Errorf("photo %s of the same album replied %+v, want silence", id, out.Replies)
		}
	}
	if got := h.conv.Answers["photos"].List; strings.Join(got, ",") != "p1,p2" {
		t.Errorf("kept photos %v, want the first 2 (the step's maximum)", got)
	}
	out = h.send(Input{Kind: KindLocation, Location: &Location{Latitude: -0.95, Longitude: 100.35}})
	if !strings.Contains(lastText(out), "Lokasi disimpan") || h.conv.Answers["where"].Loc == nil {
		t.Errorf("pin: %q, answer %+v", lastText(out), h.conv.Answers["where"])
	}
	if h.conv.Step != "name" {
		t.Fatalf("the open question moved to %q", h.conv.Step)
	}
	out = h.text("Siti")
	if !strings.Contains(lastText(out), "Catatan?") {
		t.Errorf("after the name: %q, want the note question (photos and location answered early)", lastText(out))
	}
}
