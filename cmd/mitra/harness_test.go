package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"github.com/mitra-id/mitra/bot/faketelegram"
	"github.com/mitra-id/mitra/config"
	"github.com/mitra-id/mitra/store/storetest"
)

// mitra is the whole service running in-process against a fake Telegram,
// a fresh PostgreSQL database and a private Redis key prefix: the same
// wiring as `mitra serve`, driven the way users drive it.
type mitra struct {
	t      *testing.T
	tg     *faketelegram.Server
	db     *pgxpool.Pool
	cfg    config.Config
	prefix string

	cancel context.CancelFunc
	done   chan error
	// logs keeps everything Mitra logged, at debug level, for tests that
	// check what must never be logged.
	logs *lockedBuffer
}

// lockedBuffer is a bytes.Buffer safe for the service's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type mitraOption func(*config.Config)

func withAdmins(ids ...int64) mitraOption {
	return func(c *config.Config) { c.Admins = append(c.Admins, ids...) }
}

// startMitra starts Mitra and stops it when the test ends, before the fake
// Telegram closes.
func startMitra(t *testing.T, opts ...mitraOption) *mitra {
	t.Helper()
	tg := faketelegram.New(t)
	dbURL := storetest.DatabaseURL(t)
	_, prefix := storetest.Redis(t)
	redisURL := os.Getenv("TEST_REDIS_URL")
	if redisURL == "" {
		redisURL = storetest.DefaultRedisURL
	}
	cfg := config.Config{
		TelegramToken:  tg.Token(),
		TelegramAPIURL: tg.URL(),
		DatabaseURL:    dbURL,
		RedisURL:       redisURL,
		HTTPAddr:       "127.0.0.1:0",
		TimeZone:       "Asia/Jakarta",
	}
	for _, o := range opts {
		o(&cfg)
	}
	// The assertion pool reads the service's own database.
	m := &mitra{t: t, tg: tg, db: openPool(t, dbURL), cfg: cfg, prefix: prefix, logs: &lockedBuffer{}}
	m.start()
	t.Cleanup(m.stop)
	return m
}

func openPool(t *testing.T, url string) *pgxpool.Pool {
	pool, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return pool
}

func (m *mitra) start() {
	m.t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		m.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	m.cancel, m.done = cancel, make(chan error, 1)
	go func() {
		log := slog.New(slog.NewJSONHandler(m.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
		m.done <- serve(ctx, m.cfg, log, appOptions{redisPrefix: m.prefix, listener: ln, ready: ready})
	}()
	select {
	case <-ready:
	case err := <-m.done:
		m.t.Fatalf("mitra did not start: %v", err)
	case <-time.After(60 * time.Second):
		m.t.Fatal("mitra did not start within a minute")
	}
}

func (m *mitra) stop() {
	if m.cancel == nil {
		return
	}
	m.cancel()
	if err := <-m.done; err != nil && !errors.Is(err, context.Canceled) {
		m.t.Errorf("mitra stopped with %v", err)
	}
	m.cancel = nil
}

// restart stops the process and starts a new one on the same database and
// Redis, as a deploy or a crash-and-restart would.
func (m *mitra) restart() {
	m.stop()
	m.start()
}

// say sends text as u and waits until Mitra has handled it.
func (m *mitra) say(u faketelegram.User, text string) {
	m.t.Helper()
	m.tg.WaitProcessed(m.tg.SendText(u, text))
}

// press taps the newest button whose text contains label in u's chat.
func (m *mitra) press(u faketelegram.User, label string) {
	m.t.Helper()
	msgs := m.tg.Messages(u.ID)
	for i := len(msgs) - 1; i >= 0; i-- {
		for _, row := range msgs[i].Buttons {
			for _, b := range row {
				if strings.Contains(b.Text, label) {
					m.tg.WaitProcessed(m.tg.Press(u, msgs[i].ID, b.Text))
					return
				}
			}
		}
	}
	m.t.Fatalf("no button %q in chat %d:\n%s", label, u.ID, m.tg.Transcript(u.ID))
}

// last is the text of the newest bot message in u's chat.
func (m *mitra) last(u faketelegram.User) string {
	m.t.Helper()
	return m.tg.LastMessage(u.ID).Text
}

// expect fails unless the newest bot message in u's chat contains want.
func (m *mitra) expect(u faketelegram.User, want string) {
	m.t.Helper()
	if got := m.last(u); !strings.Contains(got, want) {
		m.t.Fatalf("last message to %s = %q\nwant it to contain %q\ntranscript:\n%s", u.FirstName, got, want, m.tg.Transcript(u.ID))
	}
}

// neverLogged fails if any of secrets appears in what Mitra logged.
func (m *mitra) neverLogged(secrets ...string) {
	m.t.Helper()
	logs := m.logs.String()
	if logs == "" {
		m.t.Fatal("nothing was logged; the check would prove nothing")
	}
	for _, s := range secrets {
		if strings.Contains(logs, s) {
			m.t.Errorf("%q appears in the logs", s)
		}
	}
}

// noErrors fails if Mitra made any Bot API call Telegram would refuse.
func (m *mitra) noErrors() {
	m.t.Helper()
	m.tg.AssertNoErrors(m.t)
}

// noErrorsBut fails on any refused Bot API call other than those whose
// description contains allowed.
func (m *mitra) noErrorsBut(allowed string) {
	m.t.Helper()
	for _, e := range m.tg.Errors() {
		if !strings.Contains(e.Description, allowed) {
			m.t.Errorf("Telegram refused %s: %d %s", e.Method, e.Code, e.Description)
		}
	}
}

func (m *mitra) scalar(sql string, args ...any) any {
	m.t.Helper()
	var v any
	if err := m.db.QueryRow(context.Background(), sql, args...).Scan(&v); err != nil {
		m.t.Fatalf("%s: %v", sql, err)
	}
	return v
}

// countSince counts the messages in u's chat, from the first-th on, whose
// text contains want.
func (m *mitra) countSince(u faketelegram.User, first int, want string) int {
	n := 0
	for _, msg := range m.tg.Messages(u.ID)[first:] {
		if strings.Contains(msg.Text, want) {
			n++
		}
	}
	return n
}

// ageConversation moves the chat's saved conversation back in time by d,
// as if nothing had happened in it for that long.
func (m *mitra) ageConversation(chatID int64, d time.Duration) {
	m.t.Helper()
	opt, err := redis.ParseURL(m.cfg.RedisURL)
	if err != nil {
		m.t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	ctx := context.Background()
	key := m.prefix + "conv:{" + strconv.FormatInt(chatID, 10) + "}"
	var conv map[string]any
	data, err := rdb.Get(ctx, key).Bytes()
	if err == nil {
		err = json.Unmarshal(data, &conv)
	}
	if err != nil {
		m.t.Fatalf("read conversation %s: %v", key, err)
	}
	at, err := time.Parse(time.RFC3339Nano, conv["updated_at"].(string))
	if err != nil {
		m.t.Fatal(err)
	}
	conv["updated_at"] = at.Add(-d)
	if data, err = json.Marshal(conv); err == nil {
		err = rdb.Set(ctx, key, data, redis.KeepTTL).Err()
	}
	if err != nil {
		m.t.Fatal(err)
	}
}
