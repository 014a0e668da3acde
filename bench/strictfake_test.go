package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mitra-id/mitra/bot/faketelegram"
)

// strictFake is bot/faketelegram, the strict fake the end-to-end tests
// use, behind a thin reverse proxy in the same process. faketelegram has
// no hook that reports a sent message as it arrives (its Wait* helpers wake
// every waiter on every change, which at 1,000 waiting users is the
// bottleneck), so the proxy stamps each request on arrival and, once the
// fake has accepted a sendMessage, reports the reply from the response.
// The proxy's own cost is part of what CPU profiles of the bench process
// attribute to "the fake".
type strictFake struct {
	tb      testing.TB
	tg      *faketelegram.Server
	proxy   *httptest.Server
	onReply func(reply)

	conns    atomic.Int64
	requests atomic.Int64
	polls    atomic.Int64
	polled   chan struct{}
	pollOnce sync.Once

	mu    sync.Mutex
	users map[int64]faketelegram.User
}

type arrivalKey struct{}

func newStrictFake(tb testing.TB, onReply func(reply)) *strictFake {
	s := &strictFake{tb: tb, tg: faketelegram.New(tb), onReply: onReply, polled: make(chan struct{}), users: map[int64]faketelegram.User{}}
	target, err := url.Parse(s.tg.URL())
	if err != nil {
		tb.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(target)
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 1024 // the proxy must not add connection churn of its own
	rp.Transport = tr
	rp.ModifyResponse = s.observe
	rp.ErrorHandler = func(w http.ResponseWriter, _ *http.Request, _ error) {
		// The bot cancelled (a long poll at shutdown) or the fake closed.
		w.WriteHeader(http.StatusBadGateway)
	}
	s.proxy = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		if strings.HasSuffix(strings.ToLower(r.URL.Path), "/getupdates") {
			s.polls.Add(1)
			s.pollOnce.Do(func() { close(s.polled) })
		}
		rp.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), arrivalKey{}, time.Now())))
	}))
	s.proxy.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.proxy.Start()
	return s
}

func (s *strictFake) URL() string             { return s.proxy.URL }
func (s *strictFake) Token() string           { return s.tg.Token() }
func (s *strictFake) Polled() <-chan struct{} { return s.polled }
func (s *strictFake) Close() {
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

// observe reports a successful sendMessage to onReply.
func (s *strictFake) observe(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK || !strings.HasSuffix(strings.ToLower(resp.Request.URL.Path), "/sendmessage") {
		return nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
	var env struct {
		Result struct {
			MessageID int    `json:"message_id"`
			Text      string `json:"text"`
			Chat      struct {
				ID int64 `json:"id"`
			} `json:"chat"`
		} `json:"result"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil
	}
	at, _ := resp.Request.Context().Value(arrivalKey{}).(time.Time)
	if s.onReply != nil {
		s.onReply(reply{chatID: env.Result.Chat.ID, msgID: env.Result.MessageID, text: env.Result.Text, at: at})
	}
	return nil
}
