package faketelegram

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Identity of the fake bot, as returned by getMe.
const (
	BotID        int64 = 777000111
	BotUsername        = "MitraTestBot"
	BotFirstName       = "Mitra"
	// DefaultToken is the only token the server accepts.
	DefaultToken = "123456:TEST-TOKEN"
	// WaitTimeout bounds every Wait* helper; they fail the test after it.
	WaitTimeout = 15 * time.Second
)

// Server is a fake Telegram Bot API server. Create it with New; all methods
// are safe for concurrent use.
type Server struct {
	tb     testing.TB
	http   *httptest.Server
	token  string
	ctx    context.Context // cancelled on close; bounds webhook deliveries
	cancel context.CancelFunc
	wg     sync.WaitGroup // webhook delivery goroutines

	mu      sync.Mutex
	changed chan struct{} // closed and replaced whenever state changes
	closed  bool

	users        map[int64]*userState
	chats        map[int64]*chatState
	updates      []*queuedUpdate // every update ever queued, in queue order
	nextUpdID    int64
	callbacks    []*callbackState // in press order, for reports
	callbackByID map[string]*callbackState
	files        map[string]bool // file_ids the bot may send
	failures     map[string][]*apiError
	commands     map[commandKey][]BotCommand
	calls        []Call
	apiErrors    []APIError
	log          []logLine
	webhook      webhookState
	poll         pollState
	seq          int64 // source of unique ids (file ids, callback ids)
}

// New starts a fake server and registers a cleanup that stops it and reports
// (t.Errorf) every callback query the bot never answered. Register the bot's
// own shutdown after New so that it runs first.
func New(t testing.TB) *Server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		tb:           t,
		token:        DefaultToken,
		ctx:          ctx,
		cancel:       cancel,
		changed:      make(chan struct{}),
		users:        map[int64]*userState{},
		chats:        map[int64]*chatState{},
		callbackByID: map[string]*callbackState{},
		nextUpdID:    10001,
		files:        map[string]bool{},
		failures:     map[string][]*apiError{},
		commands:     map[commandKey][]BotCommand{},
	}
	s.http = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	t.Cleanup(s.close)
	return s
}

// URL is the base URL to give the bot (bot.WithServerURL / TELEGRAM_API_URL).
func (s *Server) URL() string { return s.http.URL }

// Token is the only bot token the server accepts; others get 401.
func (s *Server) Token() string { return s.token }

func (s *Server) close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.notifyLocked()
	s.mu.Unlock()
	s.cancel()
	s.wg.Wait()
	s.http.Close()
	s.reportUnanswered(s.tb)
}

// notifyLocked wakes everything blocked in waitFor or a long poll.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitFor blocks until cond (evaluated with s.mu held) is true, the timeout
// passes or ctx is done. It reports whether cond became true.
func (s *Server) waitFor(ctx context.Context, timeout time.Duration, cond func() bool) bool {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		ok := cond()
		ch, closed := s.changed, s.closed
		s.mu.Unlock()
		if ok {
			return true
		}
		if closed {
			return false
		}
		select {
		case <-ch:
		case <-timer.C:
			return false
		case <-ctx.Done():
			return false
		}
	}
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	method, aerr := s.route(r.URL.Path)
	var p params
	var result any
	if aerr == nil {
		p, aerr = parseParams(r)
	}
	if aerr == nil {
		result, aerr = s.dispatch(r.Context(), method, p)
	}
	if aerr == errClientGone {
		return
	}
	s.record(method, p, aerr)
	writeEnvelope(w, result, aerr)
}

// route splits "/bot{token}/{method}" and checks the token.
func (s *Server) route(path string) (string, *apiError) {
	rest, ok := strings.CutPrefix(path, "/bot")
	if !ok {
		return "", errNotFound
	}
	token, method, ok := strings.Cut(rest, "/")
	if !ok {
		return "", errNotFound
	}
	if token != s.token {
		return method, errUnauthorized
	}
	if method == "" || strings.Contains(method, "/") {
		return method, errNotFound
	}
	return method, nil
}

// dispatch runs one API method. Scripted failures win over everything.
func (s *Server) dispatch(ctx context.Context, method string, p params) (any, *apiError) {
	name := strings.ToLower(method)
	s.mu.Lock()
	if q := s.failures[name]; len(q) > 0 {
		s.failures[name] = q[1:]
		s.mu.Unlock()
		return nil, q[0]
	}
	s.mu.Unlock()
	if name == "getupdates" {
		return s.getUpdates(ctx, p)
	}
	h, ok := methods[name]
	if !ok {
		return nil, errNotFound
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.notifyLocked() // wake WaitMessages, WaitUntil...
	return h(s, p)
}

// methods maps lower-cased method names (Telegram matches them
// case-insensitively) to handlers that run with s.mu held.
var methods = map[string]func(*Server, params) (any, *apiError){
	"getme":                  (*Server).getMe,
	"setwebhook":             (*Server).setWebhook,
	"deletewebhook":          (*Server).deleteWebhook,
	"getwebhookinfo":         (*Server).getWebhookInfo,
	"sendmessage":            (*Server).sendMessage,
	"sendlocation":           (*Server).sendLocation,
	"sendphoto":              (*Server).sendPhoto,
	"sendmediagroup":         (*Server).sendMediaGroup,
	"editmessagetext":        (*Server).editMessageText,
	"editmessagereplymarkup": (*Server).editMessageReplyMarkup,
	"deletemessage":          (*Server).deleteMessage,
	"answercallbackquery":    (*Server).answerCallbackQuery,
	"setmycommands":          (*Server).setMyCommands,
	"getmycommands":          (*Server).getMyCommands,
	"deletemycommands":       (*Server).deleteMyCommands,
	"setchatmenubutton":      (*Server).setChatMenuButton,
}

// described is a successful result that also carries a description, as
// setWebhook's {"ok":true,"result":true,"description":"Webhook was set"}.
type described struct {
	result      any
	description string
}

func writeEnvelope(w http.ResponseWriter, result any, e *apiError) {
	w.Header().Set("Content-Type", "application/json")
	body := map[string]any{"ok": e == nil}
	code := http.StatusOK
	if e != nil {
		code = e.code
		body["error_code"] = e.code
		body["description"] = e.description
		if e.retryAfter > 0 {
			body["parameters"] = map[string]int{"retry_after": e.retryAfter}
		}
	} else if d, ok := result.(described); ok {
		body["result"] = d.result
		body["description"] = d.description
	} else {
		body["result"] = result
	}
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(body)
}
