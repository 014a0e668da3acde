package bot

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/prometheus/client_golang/prometheus"
)

// step is one scripted answer of the fake transport below.
type step func(req *http.Request) (*http.Response, error)

// refuse fails like a refused connection: nothing was written.
func refuse(*http.Request) (*http.Response, error) {
	return nil, errors.New("dial tcp 127.0.0.1:443: connect: connection refused")
}

// timeoutAfterWrite sends the whole request, then loses the answer.
func timeoutAfterWrite(req *http.Request) (*http.Response, error) {
	wrote(req)
	return nil, errors.New("read: i/o timeout")
}

func respond(code int, body string) step {
	return func(req *http.Request) (*http.Response, error) {
		wrote(req)
		return &http.Response{
			StatusCode: code,
			Header:     http.Header{"Content-Type": {"application/json"}},
			Body:       io.NopCloser(strings.NewReader(body)),
			Request:    req,
		}, nil
	}
}

const okMessage = `{"ok":true,"result":{"message_id":5,"date":1,"chat":{"id":1,"type":"private"},"text":"hi"}}`

// wrote reads the body and fires the trace hook http.Transport would.
func wrote(req *http.Request) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
	}
	if trace := httptrace.ContextClientTrace(req.Context()); trace != nil && trace.WroteRequest != nil {
		trace.WroteRequest(httptrace.WroteRequestInfo{})
	}
}

type scriptedTransport struct {
	mu    sync.Mutex
	steps []step
	calls int
}

func (s *scriptedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	s.mu.Lock()
	if s.calls >= len(s.steps) {
		s.mu.Unlock()
		panic("scriptedTransport: more requests than scripted")
	}
	next := s.steps[s.calls]
	s.calls++
	s.mu.Unlock()
	return next(req)
}

// newScriptedAPI returns an api whose requests get the scripted answers in
// order and whose waits are recorded instead of slept.
func newScriptedAPI(t *testing.T, steps ...step) (*api, *scriptedTransport, *[]time.Duration) {
	t.Helper()
	transport := &scriptedTransport{steps: steps}
	tg, err := tgbot.New("123:secret-token",
		tgbot.WithServerURL("http://telegram.invalid"),
		tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(time.Minute, attemptRecorder{client: &http.Client{Transport: transport}}),
		tgbot.WithErrorsHandler(func(error) {}),
	)
	if err != nil {
		t.Fatal(err)
	}
	m, err := newMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	var waits []time.Duration
	a := &api{tg: tg, log: discardLogger(), metrics: m, sleep: func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}}
	return a, transport, &waits
}

func sendHi(a *api) error {
	return a.call(context.Background(), "sendMessage", sendsOnce, func(ctx context.Context) error {
		_, err := a.tg.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: 1, Text: "hi"})
		return err
	})
}

func answerPress(a *api) error {
	return a.call(context.Background(), "answerCallbackQuery", idempotent, func(ctx context.Context) error {
		_, err := a.tg.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: "q"})
		return err
	})
}

func TestAPIRetryPolicy(t *testing.T) {
	tooMany := func(after int) step {
		return respond(429, `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after N","parameters":{"retry_after":`+strconv.Itoa(after)+`}}`)
	}
	tests := []struct {
		name      string
		call      func(*api) error
		steps     []step
		wantErr   bool
		wantCalls int
		wantWaits []time.Duration
	}{
		{"429 waits retry_after", sendHi, []step{tooMany(2), respond(200, okMessage)}, false, 2, []time.Duration{2 * time.Second}},
		{"429 wait is capped", sendHi, []step{tooMany(42000), respond(200, okMessage)}, false, 2, []time.Duration{maxRetryAfter}},
		{"429 gives up eventually", sendHi, []step{tooMany(1), tooMany(1), tooMany(1), tooMany(1)}, true, 4,
			[]time.Duration{time.Second, time.Second, time.Second}},
		{"connect errors are retried", sendHi, []step{refuse, refuse, respond(200, okMessage)}, false, 3,
			[]time.Duration{250 * time.Millisecond, 500 * time.Millisecond}},
		{"connect errors give up after 3 retries", sendHi, []step{refuse, refuse, refuse, refuse}, true, 4,
			[]time.Duration{250 * time.Millisecond, 500 * time.Millisecond, time.Second}},
		{"a send that may have arrived is not repeated", sendHi, []step{timeoutAfterWrite}, true, 1, nil},
		{"a send answered 5xx is not repeated", sendHi, []step{respond(502, `<html>Bad Gateway</html>`)}, true, 1, nil},
		{"an idempotent call is repeated after 5xx", answerPress,
			[]step{respond(500, `{"ok":false,"error_code":500,"description":"Internal Server Error"}`), respond(200, `{"ok":true,"result":true}`)},
			false, 2, []time.Duration{250 * time.Millisecond}},
		{"an idempotent call is repeated after a timeout", answerPress,
			[]step{timeoutAfterWrite, respond(200, `{"ok":true,"result":true}`)}, false, 2, []time.Duration{250 * time.Millisecond}},
		{"4xx is final", sendHi, []step{respond(400, `{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}`)}, true, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, transport, waits := newScriptedAPI(t, tt.steps...)
			err := tt.call(a)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error: %v", err, tt.wantErr)
			}
			if transport.calls != tt.wantCalls {
				t.Errorf("%d requests, want %d", transport.calls, tt.wantCalls)
			}
			if !equalDurations(*waits, tt.wantWaits) {
				t.Errorf("waits = %v, want %v", *waits, tt.wantWaits)
			}
		})
	}
}

func TestAPIGivesUpWhenRetryAfterPassesTheDeadline(t *testing.T) {
	a, transport, waits := newScriptedAPI(t,
		respond(429, `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 30","parameters":{"retry_after":30}}`))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := a.call(ctx, "sendMessage", sendsOnce, func(ctx context.Context) error {
		_, err := a.tg.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: 1, Text: "hi"})
		return err
	})
	var tooMany *tgbot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 30 {
		t.Fatalf("err = %v, want the 429", err)
	}
	if transport.calls != 1 || len(*waits) != 0 {
		t.Fatalf("%d requests and waits %v; want 1 request, no wait", transport.calls, *waits)
	}
}

func TestAPIMapsDeadChatsToErrChatGone(t *testing.T) {
	for desc, gone := range map[string]bool{
		"Forbidden: bot was blocked by the user":                 true,
		"Forbidden: user is deactivated":                         true,
		"Forbidden: bot can't initiate conversation with a user": false,
		"Forbidden: bot was kicked from the group chat":          false,
	} {
		a, _, _ := newScriptedAPI(t, respond(403, `{"ok":false,"error_code":403,"description":"`+desc+`"}`))
		err := sendHi(a)
		if errors.Is(err, ErrChatGone) != gone {
			t.Errorf("%q: errors.Is(err, ErrChatGone) = %v, want %v (err: %v)", desc, !gone, gone, err)
		}
		if !errors.Is(err, tgbot.ErrorForbidden) {
			t.Errorf("%q: the library's error is no longer wrapped: %v", desc, err)
		}
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
