package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mitra-id/mitra/bot/faketelegram"
	"github.com/mitra-id/mitra/store"
)

func postUpdate(t *testing.T, url, secret, body string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set(secretHeader, secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

func TestWebhookHappyPath(t *testing.T) {
	h := startBot(t, true)
	u := h.tg.NewUser("Siti")
	h.tg.WaitProcessed(h.tg.SendText(u, "halo"))
	if got := h.tg.LastMessage(u.ID).Text; got != "echo: halo" {
		t.Fatalf("reply = %q", got)
	}
	h.tg.WaitProcessed(h.tg.SendText(u, "ask"))
	question := h.tg.LastMessage(u.ID)
	h.tg.WaitProcessed(h.tg.Press(u, question.ID, "Tidak"))
	if got := h.tg.Messages(u.ID)[1].Text; got != "Ada korban? ✅ tidak" {
		t.Fatalf("edited question = %q", got)
	}
	h.tg.AssertAllAnswered(t)
	h.tg.AssertNoErrors(t)
}

func TestWebhookKeepsEachChatInOrder(t *testing.T) {
	h := startBot(t, true)
	const chats, perChat = 8, 15
	users := h.sendConcurrently(chats, perChat)
	for _, u := range users {
		var want []string
		for n := range perChat {
			want = append(want, fmt.Sprintf("echo: pesan %02d", n))
		}
		if got := h.texts(u.ID); !slices.Equal(got, want) {
			t.Fatalf("chat %d replies = %q, want in order", u.ID, got)
		}
	}
}

func TestWebhookRejectsBadRequests(t *testing.T) {
	h := startBot(t, true)
	update := `{"update_id":1,"message":{"message_id":1,"date":1,"from":{"id":9,"is_bot":false,"first_name":"X"},"chat":{"id":9,"type":"private"},"text":"hi"}}`
	tests := []struct {
		name, secret, body string
		want               int
	}{
		{"no secret", "", update, http.StatusUnauthorized},
		{"wrong secret", "test-secret_0123456788", update, http.StatusUnauthorized},
		{"secret prefix", testWebhookSecret[:5], update, http.StatusUnauthorized},
		{"not JSON", testWebhookSecret, "<html>", http.StatusBadRequest},
		{"too large", testWebhookSecret, `{"update_id":1,"x":"` + strings.Repeat("a", maxUpdateBytes) + `"}`, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		if got := postUpdate(t, h.webhookURL, tt.secret, tt.body); got != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, got, tt.want)
		}
	}
	resp, err := http.Get(h.webhookURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d, want 405", resp.StatusCode)
	}
	if n := len(h.handler.inputsOf(9)); n != 0 {
		t.Fatalf("rejected requests reached the core %d times", n)
	}
}

// Ensure an update another replica is still handling is sent back for
// redelivery (503), and one already done is acknowledged without handling.
func TestWebhookDefersUpdatesClaimedElsewhere(t *testing.T) {
	h := startBot(t, true)
	ctx := context.Background()
	const id = 987654
	update := fmt.Sprintf(`{"update_id":%d,"message":{"message_id":1,"date":1,"from":{"id":9,"is_bot":false,"first_name":"X"},"chat":{"id":9,"type":"private"},"text":"hi"}}`, id)

	if ok, err := h.ledger.Claim(ctx, id); err != nil || !ok {
		t.Fatalf("claim: %v %v", ok, err)
	}
	if got := postUpdate(t, h.webhookURL, testWebhookSecret, update); got != http.StatusServiceUnavailable {
		t.Fatalf("update claimed elsewhere: status %d, want 503", got)
	}
	if err := h.ledger.Done(ctx, id); err != nil {
		t.Fatal(err)
	}
	if got := postUpdate(t, h.webhookURL, testWebhookSecret, update); got != http.StatusOK {
		t.Fatalf("update done elsewhere: status %d, want 200", got)
	}
	if n := len(h.handler.inputsOf(9)); n != 0 {
		t.Fatalf("core handled an update owned by another replica %d times", n)
	}
}

func TestHTTPEndpoints(t *testing.T) {
	h := startBot(t, false)
	h.tg.WaitProcessed(h.tg.SendText(h.tg.NewUser("Siti"), "boom"))

	ready := func(ctx context.Context) error {
		return fmt.Errorf("redis: dial tcp 10.0.3.7:6379: connection refused")
	}
	var readyLog syncBuffer
	mux := NewHTTPHandler(HTTPOptions{Ready: ready, Registry: h.registry, Log: slog.New(slog.NewTextHandler(&readyLog, nil))})
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code, rec.Body.String()
	}
	if code, body := get("/healthz"); code != 200 || body != "ok" {
		t.Errorf("/healthz = %d %q", code, body)
	}
	// Why it is not ready goes to the log, not to whoever asked: in
	// webhook mode the endpoint faces the internet.
	if code, body := get("/readyz"); code != 503 || strings.Contains(body, "10.0.3.7") {
		t.Errorf("/readyz = %d %q, want 503 without the internal address", code, body)
	}
	if !strings.Contains(readyLog.String(), "10.0.3.7:6379: connection refused") {
		t.Errorf("the cause of 503 was not logged: %q", readyLog.String())
	}
	code, metrics := get("/metrics")
	if code != 200 {
		t.Fatalf("/metrics = %d", code)
	}
	for _, want := range []string{
		`mitra_updates_total{type="text"} 1`,
		`mitra_handler_errors_total{kind="panic"} 1`,
		`mitra_handler_errors_total{kind="error"} 0`,
		`mitra_telegram_api_calls_total{method="sendMessage",outcome="ok"} 1`,
		`mitra_handler_duration_seconds_count 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if code, _ := get("/telegram/webhook"); code != http.StatusNotFound {
		t.Errorf("webhook path served in polling mode: %d", code)
	}

	okMux := NewHTTPHandler(HTTPOptions{Ready: func(context.Context) error { return nil }})
	rec := httptest.NewRecorder()
	okMux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	if rec.Code != 200 {
		t.Errorf("/readyz when ready = %d", rec.Code)
	}
}

// A shutdown that arrives while Run is still registering with Telegram is
// a clean stop; a registration Telegram refuses is still an error.
func TestRunStoppedWhileRegisteringIsACleanStop(t *testing.T) {
	for _, webhook := range []bool{false, true} {
		tg := faketelegram.New(t)
		rdb, prefix := testRedis(t)
		opt := Options{Token: tg.Token(), APIURL: tg.URL(), Handler: newScriptHandler(),
			Ledger: store.NewUpdateLedger(rdb, prefix), Locks: store.NewChatLocks(rdb, prefix),
			Log: slog.New(slog.DiscardHandler), Registry: prometheus.NewRegistry()}
		method := "deleteWebhook"
		if webhook {
			opt.WebhookURL, opt.WebhookSecret, method = "https://mitra.example/telegram/webhook", testWebhookSecret, "setWebhook"
		}
		b, err := New(context.Background(), opt)
		if err != nil {
			t.Fatal(err)
		}
		stopped, cancel := context.WithCancel(context.Background())
		cancel()
		if err := b.Run(stopped); err != nil {
			t.Errorf("webhook=%v: Run after shutdown = %v, want nil", webhook, err)
		}
		tg.FailNext(method, 400, "Bad Request: bad webhook: Failed to resolve host", 0)
		if err := b.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "Failed to resolve host") {
			t.Errorf("webhook=%v: Run with %s refused = %v, want that error", webhook, method, err)
		}
		_ = b.Close()
	}
}
