package faketelegram

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

type update struct {
	UpdateID int64 `json:"update_id"`
	Message  *struct {
		MessageID int    `json:"message_id"`
		Text      string `json:"text"`
		Date      int64  `json:"date"`
		Entities  []struct {
			Type   string `json:"type"`
			Offset int    `json:"offset"`
			Length int    `json:"length"`
		} `json:"entities"`
		Chat struct {
			ID   int64  `json:"id"`
			Type string `json:"type"`
		} `json:"chat"`
	} `json:"message"`
}

func getUpdates(t *testing.T, s *Server, body map[string]any) []update {
	t.Helper()
	var ups []update
	mustOK(t, callJSON(t, s, "getUpdates", body), &ups)
	return ups
}

func pending(t *testing.T, s *Server) int {
	t.Helper()
	var info struct {
		Pending int `json:"pending_update_count"`
	}
	mustOK(t, callJSON(t, s, "getWebhookInfo", nil), &info)
	return info.Pending
}

func TestLongPollWaitsForAnUpdate(t *testing.T) {
	s := New(t)
	got := make(chan []update, 1)
	start := time.Now()
	go func() { got <- getUpdates(t, s, map[string]any{"timeout": 10}) }()

	select {
	case ups := <-got:
		t.Fatalf("long poll returned early: %+v", ups)
	case <-time.After(200 * time.Millisecond):
	}
	id := s.SendText(User{ID: 1001, FirstName: "Siti"}, "/start payload")
	ups := <-got
	if time.Since(start) > 5*time.Second || len(ups) != 1 || ups[0].UpdateID != id {
		t.Fatalf("got %+v after %v", ups, time.Since(start))
	}
	msg := ups[0].Message
	if msg.Text != "/start payload" || msg.Chat.Type != "private" || msg.Chat.ID != 1001 ||
		len(msg.Entities) != 1 || msg.Entities[0].Type != "bot_command" || msg.Entities[0].Length != 6 {
		t.Errorf("message = %+v", msg)
	}
}

func TestLongPollTimeoutAndCancellation(t *testing.T) {
	s := New(t)
	start := time.Now()
	if ups := getUpdates(t, s, map[string]any{"timeout": 1}); len(ups) != 0 {
		t.Fatalf("got %+v", ups)
	}
	if d := time.Since(start); d < 900*time.Millisecond || d > 8*time.Second {
		t.Errorf("timeout 1 took %v", d)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL()+"/bot"+s.Token()+"/getUpdates", strings.NewReader(`{"timeout":30}`))
	req.Header.Set("Content-Type", "application/json")
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Fatal("cancelled long poll succeeded")
	}
	time.Sleep(100 * time.Millisecond)
	if errs := s.Errors(); len(errs) != 0 {
		t.Errorf("a cancelled poll produced errors: %v", errs)
	}
}

func TestOffsetConfirmsUpdates(t *testing.T) {
	s := New(t)
	u := User{ID: 1001, FirstName: "Siti"}
	a, b, c := s.SendText(u, "1"), s.SendText(u, "2"), s.SendText(u, "3")
	if ups := getUpdates(t, s, map[string]any{"limit": 2}); len(ups) != 2 || ups[0].UpdateID != a || ups[1].UpdateID != b {
		t.Fatalf("limit 2: %+v", ups)
	}
	if n := pending(t, s); n != 3 {
		t.Fatalf("pending = %d before confirmation, want 3", n)
	}
	// Same offset again: the same updates come back (not confirmed).
	if ups := getUpdates(t, s, map[string]any{"offset": a}); len(ups) != 3 {
		t.Fatalf("offset a: %+v", ups)
	}
	if ups := getUpdates(t, s, map[string]any{"offset": b + 1}); len(ups) != 1 || ups[0].UpdateID != c {
		t.Fatalf("offset b+1: %+v", ups)
	}
	s.WaitProcessed(a)
	s.WaitProcessed(b)
	if n := pending(t, s); n != 1 {
		t.Fatalf("pending = %d, want 1", n)
	}
	getUpdates(t, s, map[string]any{"offset": c + 1})
	s.WaitAllProcessed()
}

func TestNegativeOffsetAndAllowedUpdates(t *testing.T) {
	s := New(t)
	u := User{ID: 1001, FirstName: "Siti"}
	s.SendText(u, "1")
	s.SendText(u, "2")
	last := s.SendText(u, "3")
	if ups := getUpdates(t, s, map[string]any{"offset": -1}); len(ups) != 1 || ups[0].UpdateID != last {
		t.Fatalf("offset -1: %+v", ups)
	}
	getUpdates(t, s, map[string]any{"offset": last + 1})

	var m sentMessage
	mustOK(t, callJSON(t, s, "sendMessage", map[string]any{"chat_id": 1001, "text": "x", "reply_markup": inlineKeyboard([]map[string]any{cb("A", "a")})}), &m)
	text := s.SendText(u, "ignored")
	press := s.Press(u, m.MessageID, "A")
	ups := getUpdates(t, s, map[string]any{"allowed_updates": []string{"callback_query"}})
	if len(ups) != 1 || ups[0].UpdateID != press {
		t.Fatalf("allowed_updates: %+v", ups)
	}
	s.WaitProcessed(text) // skipped by allowed_updates counts as processed
	var q []struct {
		CallbackQuery struct{ ID string } `json:"callback_query"`
	}
	mustOK(t, callJSON(t, s, "getUpdates", map[string]any{"offset": press}), &q)
	mustOK(t, callJSON(t, s, "answerCallbackQuery", map[string]any{"callback_query_id": q[0].CallbackQuery.ID}), nil)
}

func TestRedeliverInPollingMode(t *testing.T) {
	s := New(t)
	id := s.SendText(User{ID: 1001, FirstName: "Siti"}, "halo")
	getUpdates(t, s, map[string]any{"offset": id})
	getUpdates(t, s, map[string]any{"offset": id + 1})
	s.WaitProcessed(id)

	if got := s.Redeliver(id); got != id {
		t.Fatalf("Redeliver = %d", got)
	}
	ups := getUpdates(t, s, map[string]any{"offset": id + 1}) // below the offset, still delivered
	if len(ups) != 1 || ups[0].UpdateID != id || ups[0].Message.Text != "halo" {
		t.Fatalf("redelivered: %+v", ups)
	}
	if n := pending(t, s); n != 1 {
		t.Fatalf("pending = %d, want 1", n)
	}
	getUpdates(t, s, map[string]any{"offset": id + 1})
	s.WaitProcessed(id)
}

// waitPolls waits until n getUpdates calls have reached s, so a test
// orders its calls by what the server saw rather than by sleeping.
func waitPolls(t *testing.T, s *Server, n uint64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		got := s.poll.gen
		s.mu.Unlock()
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d getUpdates calls reached the server, want %d", got, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestGetUpdatesConflicts(t *testing.T) {
	s := New(t)
	first := make(chan envelope, 1)
	go func() { first <- callJSON(t, s, "getUpdates", map[string]any{"timeout": 10}) }()
	waitPolls(t, s, 1)
	second := make(chan envelope, 1)
	go func() { second <- callJSON(t, s, "getUpdates", map[string]any{"timeout": 1}) }()
	wantError(t, <-first, 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
	mustOK(t, <-second, nil)

	mustOK(t, callJSON(t, s, "setWebhook", map[string]any{"url": "https://bot.mitra.id/hook"}), nil)
	wantError(t, callJSON(t, s, "getUpdates", nil), 409,
		"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")
	env := callJSON(t, s, "deleteWebhook", nil)
	mustOK(t, env, nil)
	if env.Description != "Webhook was deleted" {
		t.Errorf("deleteWebhook description %q", env.Description)
	}
	mustOK(t, callJSON(t, s, "getUpdates", nil), nil)
}

func TestWaitProcessedUnknownUpdate(t *testing.T) {
	ft := &fakeTB{TB: t}
	s := New(ft)
	defer ft.runCleanups()
	ft.run(func() { s.WaitProcessed(424242) })
	if _, fatals := ft.messages(); len(fatals) != 1 || !strings.Contains(fatals[0], "never queued") {
		t.Fatalf("fatals = %q", fatals)
	}
}
