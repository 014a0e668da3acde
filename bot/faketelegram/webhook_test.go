package faketelegram

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// hook is a bot-side webhook endpoint that records what it receives.
type hook struct {
	*httptest.Server
	mu      sync.Mutex
	got     []update
	secrets []string
	handle  func(update) int // status to answer; nil = 200
}

func newHook(t *testing.T, handle func(update) int) *hook {
	h := &hook{handle: handle}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var u update
		if err := json.Unmarshal(body, &u); err != nil {
			t.Errorf("webhook body %q: %v", body, err)
		}
		h.mu.Lock()
		h.got = append(h.got, u)
		h.secrets = append(h.secrets, r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		h.mu.Unlock()
		status := http.StatusOK
		if h.handle != nil {
			status = h.handle(u)
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hook) received() []update {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]update(nil), h.got...)
}

func TestWebhookDelivery(t *testing.T) {
	h := newHook(t, nil)
	s := New(t)
	env := callJSON(t, s, "setWebhook", map[string]any{"url": h.URL + "/tg", "secret_token": "s3cr3t_-X"})
	mustOK(t, env, nil)
	if env.Description != "Webhook was set" {
		t.Errorf("description %q", env.Description)
	}
	id := s.SendText(User{ID: 1001, FirstName: "Siti"}, "/start")
	s.WaitProcessed(id)
	got := h.received()
	if len(got) != 1 || got[0].UpdateID != id || got[0].Message.Text != "/start" || h.secrets[0] != "s3cr3t_-X" {
		t.Fatalf("received %+v with secrets %q", got, h.secrets)
	}

	s.Redeliver(id)
	s.WaitProcessed(id)
	if got := h.received(); len(got) != 2 || got[1].UpdateID != id {
		t.Fatalf("after Redeliver: %+v", got)
	}
	if n := pending(t, s); n != 0 {
		t.Errorf("pending = %d", n)
	}
}

func TestWebhookSequencesEachChat(t *testing.T) {
	release := make(chan struct{})
	h := newHook(t, func(u update) int {
		if u.Message.Text == "A1" {
			<-release
		}
		return http.StatusOK
	})
	s := New(t)
	mustOK(t, callJSON(t, s, "setWebhook", map[string]any{"url": h.URL}), nil)
	a, b := User{ID: 1, FirstName: "A"}, User{ID: 2, FirstName: "B"}
	a1, a2 := s.SendText(a, "A1"), s.SendText(a, "A2")
	b1 := s.SendText(b, "B1")

	s.WaitProcessed(b1) // another chat is not held up by A's slow update
	time.Sleep(100 * time.Millisecond)
	for _, u := range h.received() {
		if u.Message.Text == "A2" {
			t.Fatal("A2 was delivered while A1 was still being handled")
		}
	}
	close(release)
	s.WaitProcessed(a2)
	s.WaitProcessed(a1)
	var order []string
	for _, u := range h.received() {
		order = append(order, u.Message.Text)
	}
	if strings.Join(order, ",") != "A1,B1,A2" && strings.Join(order, ",") != "B1,A1,A2" {
		t.Errorf("delivery order %v", order)
	}
}

func TestWebhookRetriesNon2xx(t *testing.T) {
	var mu sync.Mutex
	calls := 0
	h := newHook(t, func(update) int {
		mu.Lock()
		defer mu.Unlock()
		calls++
		if calls <= 2 {
			return http.StatusInternalServerError
		}
		return http.StatusOK
	})
	s := New(t)
	mustOK(t, callJSON(t, s, "setWebhook", map[string]any{"url": h.URL}), nil)
	s.WaitProcessed(s.SendText(User{ID: 1, FirstName: "A"}, "hi"))
	if got := len(h.received()); got != 3 {
		t.Errorf("%d deliveries, want 3", got)
	}
	var info struct {
		LastError string `json:"last_error_message"`
	}
	mustOK(t, callJSON(t, s, "getWebhookInfo", nil), &info)
	if info.LastError != "Wrong response from the webhook: 500 Internal Server Error" {
		t.Errorf("last_error_message %q", info.LastError)
	}
}

func TestWebhookGivesUp(t *testing.T) {
	h := newHook(t, func(update) int { return http.StatusBadGateway })
	ft := &fakeTB{TB: t}
	s := New(ft)
	defer ft.runCleanups()
	mustOK(t, callJSON(t, s, "setWebhook", map[string]any{"url": h.URL}), nil)
	id := s.SendText(User{ID: 1, FirstName: "A"}, "hi")
	ft.run(func() { s.WaitProcessed(id) })
	_, fatals := ft.messages()
	if len(fatals) != 1 || !strings.Contains(fatals[0], "webhook delivery failed 5 times") || len(h.received()) != 5 {
		t.Fatalf("fatals %q after %d deliveries", fatals, len(h.received()))
	}
}

func TestSetWebhookValidation(t *testing.T) {
	s := New(t)
	wantError(t, callJSON(t, s, "setWebhook", map[string]any{"url": "http://bot.mitra.id/hook"}),
		400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
	wantError(t, callJSON(t, s, "setWebhook", map[string]any{"url": "https://bot.mitra.id/hook", "secret_token": "no spaces"}),
		400, "Bad Request: secret token contains unallowed characters")

	s.SendText(User{ID: 1, FirstName: "A"}, "lama")
	mustOK(t, callJSON(t, s, "setWebhook", map[string]any{"url": "https://bot.mitra.id/hook", "drop_pending_updates": true}), nil)
	if n := pending(t, s); n != 0 {
		t.Errorf("pending after drop_pending_updates = %d", n)
	}
	env := callJSON(t, s, "setWebhook", map[string]any{"url": "https://bot.mitra.id/hook"})
	if env.Description != "Webhook is already set" {
		t.Errorf("second setWebhook: %q", env.Description)
	}
	mustOK(t, callJSON(t, s, "deleteWebhook", nil), nil)
}
