package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mitra-id/mitra/bot/faketelegram"
)

// strictFake is bot/faketelegram, the strict fake the end-to-end tests
// use, behind a thin proxy in the same process. faketelegram has no hook
// that reports a sent message as it arrives (its Wait* helpers wake every
// waiter on every change, which at 1,000 waiting users is the bottleneck),
// so the proxy stamps each request on arrival and, once the fake has
// accepted a sendMessage, reports the reply from the response. The
// proxy's own cost (a second HTTP hop) counts as the fake's.
type strictFake struct {
	tb      testing.TB
	tg      *faketelegram.Server
	proxy   *httptest.Server
	client  *http.Client
	ctx     context.Context // upstream requests; cancelled by Close
	cancel  context.CancelFunc
	onReply func(reply)

	conns    atomic.Int64
	requests atomic.Int64
	polls    atomic.Int64
	polled   chan struct{}
	pollOnce sync.Once

	mu    sync.Mutex
	users map[int64]faketelegram.User
}

func newStrictFake(tb testing.TB, onReply func(reply)) *strictFake {
	s := &strictFake{tb: tb, tg: faketelegram.New(tb), onReply: onReply, polled: make(chan struct{}), users: map[int64]faketelegram.User{}}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 1024, 1024 // the proxy must not add connection churn of its own
	s.client = &http.Client{Transport: tr}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.proxy = httptest.NewUnstartedServer(http.HandlerFunc(s.forward))
	s.proxy.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.proxy.Start()
	return s
}

// forward passes one Bot API request to the strict fake and its answer
// back. It buffers both bodies and does not tie the upstream request to
// the bot's connection: httputil.ReverseProxy, which streams and cancels
// upstream when the server thinks the client left, now and then cut long
// poll answers short under load (the bot then logged "unexpected EOF").
func (s *strictFake) forward(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	s.requests.Add(1)
	method := strings.ToLower(path.Base(r.URL.Path))
	if method == "getupdates" {
		s.polls.Add(1)
		s.pollOnce.Do(func() { close(s.polled) })
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	req, err := http.NewRequestWithContext(s.ctx, r.Method, s.tg.URL()+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	req.Header.Set("Content-Type", r.Header.Get("Content-Type"))
	resp, err := s.client.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	answer, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	if method == "sendmessage" && resp.StatusCode == http.StatusOK {
		s.observe(answer, at)
	}
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.Header().Set("Content-Length", strconv.Itoa(len(answer)))
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(answer)
}

func (s *strictFake) URL() string             { return s.proxy.URL }
func (s *strictFake) Token() string           { return s.tg.Token() }
func (s *strictFake) Polled() <-chan struct{} { return s.polled }
func (s *strictFake) Close() {
	s.cancel() // ends long polls still waiting in the fake
	s.proxy.CloseClientConnections()
	s.proxy.Close()
}

func (s *strictFake) Stats() fakeStats {
	errs := s.tg.Errors()
	st := fakeStats{Conns: s.conns.Load(), Requests: s.requests.Load(), Polls: s.polls.Load(), Failures: int64(len(errs))}
	if len(errs) > 0 {
		st.LastFailure = errs[len(errs)-1].String()
	}
	return st
}

func (s *strictFake) user(uid int64) faketelegram.User {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[uid]
	if !ok {
		u = faketelegram.User{ID: uid, FirstName: userName(uid), LanguageCode: "id"}
		s.users[uid] = u
	}
	return u
}

func (s *strictFake) SendText(uid int64, text string) { s.tg.SendText(s.user(uid), text) }

func (s *strictFake) Press(uid int64, msgID int, label string) { s.tg.Press(s.user(uid), msgID, label) }

// observe reports a message the strict fake accepted to onReply.
func (s *strictFake) observe(answer []byte, at time.Time) {
	var env struct {
		Result struct {
			MessageID int    `json:"message_id"`
			Text      string `json:"text"`
			Chat      struct {
				ID int64 `json:"id"`
			} `json:"chat"`
		} `json:"result"`
	}
	if err := json.Unmarshal(answer, &env); err != nil {
		return
	}
	if s.onReply != nil {
		s.onReply(reply{chatID: env.Result.Chat.ID, msgID: env.Result.MessageID, text: env.Result.Text, at: at})
	}
}
