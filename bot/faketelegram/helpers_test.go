package faketelegram

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// fakeTB records Errorf/Fatalf and cleanups instead of failing the test.
// Fatalf ends the calling goroutine like testing does, so run code that may
// call it through fakeTB.run.
type fakeTB struct {
	testing.TB
	mu       sync.Mutex
	errors   []string
	fatals   []string
	cleanups []func()
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

// run calls fn in its own goroutine so that Fatalf can end it.
func (f *fakeTB) run(fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	<-done
}

func (f *fakeTB) runCleanups() {
	f.mu.Lock()
	fns := f.cleanups
	f.cleanups = nil
	f.mu.Unlock()
	for i := len(fns) - 1; i >= 0; i-- {
		fns[i]()
	}
}

func (f *fakeTB) messages() (errors, fatals []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.errors...), append([]string(nil), f.fatals...)
}

// envelope is Telegram's response envelope.
type envelope struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  struct {
		RetryAfter int `json:"retry_after"`
	} `json:"parameters"`
	status int
}

// callJSON calls method with a JSON body.
func callJSON(t testing.TB, s *Server, method string, body map[string]any) envelope {
	t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	return do(t, s.URL()+"/bot"+s.Token()+"/"+method, "application/json", bytes.NewReader(raw))
}

// callForm calls method with a multipart/form-data body, like go-telegram/bot.
func callForm(t testing.TB, s *Server, method string, fields map[string]string) envelope {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return do(t, s.URL()+"/bot"+s.Token()+"/"+method, w.FormDataContentType(), &buf)
}

func do(t testing.TB, url, contentType string, body io.Reader) envelope {
	t.Helper()
	resp, err := http.Post(url, contentType, body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env envelope
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		t.Fatalf("decode %s: %v", url, err)
	}
	env.status = resp.StatusCode
	return env
}

// mustOK fails unless env is a success and decodes its result into dst.
func mustOK(t testing.TB, env envelope, dst any) {
	t.Helper()
	if !env.OK || env.status != http.StatusOK {
		t.Fatalf("want ok, got %d %q", env.ErrorCode, env.Description)
	}
	if dst != nil {
		if err := json.Unmarshal(env.Result, dst); err != nil {
			t.Fatalf("decode result %s: %v", env.Result, err)
		}
	}
}

// wantError fails unless env is an error with this code and description.
func wantError(t testing.TB, env envelope, code int, description string) {
	t.Helper()
	if env.OK || env.ErrorCode != code || env.status != code || env.Description != description {
		t.Fatalf("want %d %q, got ok=%v %d (HTTP %d) %q", code, description, env.OK, env.ErrorCode, env.status, env.Description)
	}
}

// wantErrorPrefix is wantError for descriptions with a variable tail.
func wantErrorPrefix(t testing.TB, env envelope, code int, prefix string) {
	t.Helper()
	if env.OK || env.ErrorCode != code || !strings.HasPrefix(env.Description, prefix) {
		t.Fatalf("want %d %q..., got ok=%v %d %q", code, prefix, env.OK, env.ErrorCode, env.Description)
	}
}

// sentMessage is the part of a returned Message the tests read.
type sentMessage struct {
	MessageID   int    `json:"message_id"`
	Text        string `json:"text"`
	Caption     string `json:"caption"`
	ReplyMarkup *struct {
		InlineKeyboard [][]map[string]any `json:"inline_keyboard"`
	} `json:"reply_markup"`
	Entities []struct {
		Type   string `json:"type"`
		Offset int    `json:"offset"`
		Length int    `json:"length"`
	} `json:"entities"`
}

// started returns a server and a user who has written to the bot.
func started(t *testing.T) (*Server, User) {
	t.Helper()
	s := New(t)
	u := User{ID: 1001, FirstName: "Siti", LanguageCode: "id"}
	s.SendText(u, "/start")
	return s, u
}

func inlineKeyboard(rows ...[]map[string]any) string {
	raw, _ := json.Marshal(map[string]any{"inline_keyboard": rows})
	return string(raw)
}

func cb(text, data string) map[string]any { return map[string]any{"text": text, "callback_data": data} }

// lastUserPhoto returns the file_id of the largest size of the user's last photo.
func lastUserPhoto(s *Server, chatID int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	msgs := s.chats[chatID].msgs
	for i := len(msgs) - 1; i >= 0; i-- {
		if m := msgs[i]; m.from != nil && len(m.photo) > 0 {
			return m.photo[len(m.photo)-1].FileID
		}
	}
	return ""
}
