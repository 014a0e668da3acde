package bot

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/mitra-id/mitra/bot/faketelegram"
	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// testRedis connects to TEST_REDIS_URL (default redis://127.0.0.1:6379/0)
// and returns a key prefix unique to the test, whose keys are deleted at
// the end. Without TEST_REDIS_URL an unreachable Redis skips the test.
func testRedis(t *testing.T) (*redis.Client, string) {
	t.Helper()
	url := os.Getenv("TEST_REDIS_URL")
	explicit := url != ""
	if !explicit {
		url = "redis://127.0.0.1:6379/0"
	}
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatalf("TEST_REDIS_URL: %v", err)
	}
	rdb := redis.NewClient(opt)
	ctx := context.Background()
	if err := rdb.Ping(ctx).Err(); err != nil {
		_ = rdb.Close()
		if explicit {
			t.Fatalf("redis at TEST_REDIS_URL: %v", err)
		}
		t.Skipf("no Redis at %s (set TEST_REDIS_URL): %v", url, err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	prefix := "test:bot:" + hex.EncodeToString(b) + ":"
	t.Cleanup(func() {
		if keys, _ := rdb.Keys(ctx, prefix+"*").Result(); len(keys) > 0 {
			_ = rdb.Del(ctx, keys...).Err()
		}
		_ = rdb.Close()
	})
	return rdb, prefix
}

// syncBuffer collects log output written from many goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// scriptHandler stands in for the core. It records every input and
// answers by a small script of magic texts and callback data.
type scriptHandler struct {
	mu      sync.Mutex
	inputs  map[int64][]flows.Input
	prompts map[int64][]int
}

func newScriptHandler() *scriptHandler {
	return &scriptHandler{inputs: map[int64][]flows.Input{}, prompts: map[int64][]int{}}
}

func (h *scriptHandler) Handle(ctx context.Context, in flows.Input) (flows.Outcome, error) {
	h.mu.Lock()
	h.inputs[in.ChatID] = append(h.inputs[in.ChatID], in)
	h.mu.Unlock()
	reply := func(text string) flows.Outcome { return flows.Outcome{Replies: []flows.Reply{{Text: text}}} }
	switch {
	case in.Kind == flows.KindCommand:
		return reply(fmt.Sprintf("Halo <b>%s</b>: /%s %s", html.EscapeString(in.DisplayName), in.Command, html.EscapeString(in.Args))), nil
	case !in.Private:
		return flows.Outcome{}, nil // like the core: groups get answers to commands only
	case in.Text == "boom" || in.Callback == "boom":
		panic("scripted panic")
	case in.Text == "fail":
		return flows.Outcome{}, errors.New("scripted failure")
	case in.Text == "ask":
		return flows.Outcome{Replies: []flows.Reply{{
			Text:    "Ada <b>korban</b>?",
			Buttons: [][]flows.Button{{{Text: "Ya", Data: "ans:ya"}, {Text: "Tidak", Data: "ans:tidak"}}},
			Prompt:  true,
		}}}, nil
	case in.Text == "phone":
		return flows.Outcome{Replies: []flows.Reply{{Text: "Nomor HP?", RequestContact: "📱 Kirim nomor saya", Prompt: true}}}, nil
	case in.Text == "pin":
		return flows.Outcome{Replies: []flows.Reply{{Text: "Lokasi posko:", Location: &flows.Location{Latitude: -6.2, Longitude: 106.8}}}}, nil
	case strings.HasPrefix(in.Text, "to:"):
		other, _ := strconv.ParseInt(strings.TrimPrefix(in.Text, "to:"), 10, 64)
		return flows.Outcome{Replies: []flows.Reply{{ChatID: other, Text: "Kabar untuk Anda"}, {Text: "terkirim"}}}, nil
	case strings.HasPrefix(in.Callback, "ans:"):
		return flows.Outcome{
			Notice:  "Tersimpan",
			Replies: []flows.Reply{{EditMessageID: in.CallbackMessageID, Text: "Ada korban? ✅ " + strings.TrimPrefix(in.Callback, "ans:")}},
		}, nil
	case in.Callback == "clear":
		return flows.Outcome{ClearButtons: []int{in.CallbackMessageID}, Replies: []flows.Reply{{Text: "dibatalkan", RemoveKeyboard: true}}}, nil
	case in.Kind == flows.KindText:
		return reply("echo: " + html.EscapeString(in.Text)), nil
	}
	return reply("kind: " + string(in.Kind)), nil
}

func (h *scriptHandler) PromptDelivered(ctx context.Context, chatID int64, messageID int) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.prompts[chatID] = append(h.prompts[chatID], messageID)
	return nil
}

func (h *scriptHandler) inputsOf(chatID int64) []flows.Input {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]flows.Input(nil), h.inputs[chatID]...)
}

func (h *scriptHandler) promptsOf(chatID int64) []int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]int(nil), h.prompts[chatID]...)
}

// harness is a Bot wired to a fake Telegram, real Redis and scriptHandler.
type harness struct {
	tg       *faketelegram.Server
	bot      *Bot
	handler  *scriptHandler
	ledger   *store.UpdateLedger
	logs     *syncBuffer
	registry *prometheus.Registry
	// webhookURL is where the fake posts in webhook mode.
	webhookURL string
}

const testWebhookSecret = "test-secret_0123456789"

// startBot runs a bot until the test ends. The bot's shutdown is
// registered after the fake's, so it runs first.
func startBot(t *testing.T, webhook bool) *harness {
	t.Helper()
	tg := faketelegram.New(t)
	rdb, prefix := testRedis(t)
	h := &harness{
		tg:       tg,
		handler:  newScriptHandler(),
		ledger:   store.NewUpdateLedger(rdb, prefix),
		logs:     &syncBuffer{},
		registry: prometheus.NewRegistry(),
	}
	opt := Options{
		Token:       tg.Token(),
		APIURL:      tg.URL(),
		Handler:     h.handler,
		Ledger:      h.ledger,
		Locks:       store.NewChatLocks(rdb, prefix),
		Log:         slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Registry:    h.registry,
		PollTimeout: 2 * time.Second,
	}
	var serve atomic.Pointer[http.Handler]
	if webhook {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			(*serve.Load()).ServeHTTP(w, r)
		}))
		t.Cleanup(srv.Close)
		h.webhookURL = srv.URL + "/telegram/webhook"
		opt.WebhookURL, opt.WebhookSecret = h.webhookURL, testWebhookSecret
	}
	b, err := New(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	h.bot = b
	mux := NewHTTPHandler(HTTPOptions{Registry: h.registry, Webhook: b.WebhookHandler()})
	serve.Store(&mux)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
		_ = b.Close()
		if strings.Contains(h.logs.String(), tg.Token()) {
			t.Errorf("the bot token appears in the logs")
		}
		if t.Failed() {
			t.Logf("bot logs:\n%s", h.logs.String())
		}
	})
	return h
}

// texts are the rendered texts of the bot's messages in a chat.
func (h *harness) texts(chatID int64) []string {
	var out []string
	for _, m := range h.tg.Messages(chatID) {
		out = append(out, m.Text)
	}
	return out
}
