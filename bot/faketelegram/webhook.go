package faketelegram

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Webhook delivery parameters. Telegram waits 60 s and retries "a
// reasonable amount of attempts"; the fake is quicker.
const (
	webhookTimeout  = 10 * time.Second
	webhookAttempts = 5
	webhookBackoff  = 20 * time.Millisecond
)

type webhookState struct {
	url, secret      string
	maxConnections   int
	inFlight         int
	lastErrorDate    int64
	lastErrorMessage string
}

var webhookClient = &http.Client{
	Timeout: webhookTimeout,
	// Test webhooks run on httptest TLS servers with self-signed certificates.
	Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}, //nolint:gosec // test-only fake
}

// setWebhook accepts https URLs, and plain http only for loopback hosts so
// that tests can use httptest.NewServer.
func (s *Server) setWebhook(p params) (any, *apiError) {
	raw := p.str("url")
	if raw == "" {
		return s.deleteWebhook(p)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, badRequest("bad webhook: invalid webhook URL specified")
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, badRequest("bad webhook: An HTTPS URL must be provided for webhook")
	}
	secret := p.str("secret_token")
	if p.has("secret_token") && !validSecret(secret) {
		return nil, badRequest("secret token contains unallowed characters")
	}
	maxConn := 40
	if n, ok, _ := p.int64("max_connections"); ok {
		if n < 1 || n > 100 {
			return nil, badRequest("bad webhook: max_connections must be between 1 and 100")
		}
		maxConn = int(n)
	}
	if aerr := s.poll.setAllowed(p.str("allowed_updates")); aerr != nil {
		return nil, aerr
	}
	if p.bool("drop_pending_updates") {
		s.dropPendingLocked()
	}
	same := s.webhook.url == raw && s.webhook.secret == secret && s.webhook.maxConnections == maxConn
	s.webhook.url, s.webhook.secret, s.webhook.maxConnections = raw, secret, maxConn
	s.poll.gen++ // a waiting getUpdates ends with 409
	s.notifyLocked()
	s.kickWebhookLocked()
	if same {
		return described{true, "Webhook is already set"}, nil
	}
	return described{true, "Webhook was set"}, nil
}

func (s *Server) deleteWebhook(p params) (any, *apiError) {
	if p.bool("drop_pending_updates") {
		s.dropPendingLocked()
	}
	if s.webhook.url == "" {
		return described{true, "Webhook is already deleted"}, nil
	}
	s.webhook.url, s.webhook.secret = "", ""
	s.notifyLocked()
	return described{true, "Webhook was deleted"}, nil
}

func (s *Server) getWebhookInfo(params) (any, *apiError) {
	pending := 0
	for _, q := range s.updates {
		if !q.done {
			pending++
		}
	}
	info := map[string]any{"url": s.webhook.url, "has_custom_certificate": false, "pending_update_count": pending}
	if s.webhook.url != "" {
		info["max_connections"] = s.webhook.maxConnections
	}
	if s.webhook.lastErrorDate != 0 {
		info["last_error_date"] = s.webhook.lastErrorDate
		info["last_error_message"] = s.webhook.lastErrorMessage
	}
	return info, nil
}

func (s *Server) dropPendingLocked() {
	for _, q := range s.updates {
		if !q.done && !q.inFlight {
			q.done, q.failure = true, "dropped by drop_pending_updates"
		}
	}
	s.notifyLocked()
}

// kickWebhookLocked starts a POST for the oldest pending update of every
// chat that has none in flight: one chat's updates go one at a time, in
// order; different chats go concurrently up to max_connections.
func (s *Server) kickWebhookLocked() {
	if s.webhook.url == "" || s.closed {
		return
	}
	busy := map[int64]bool{}
	for _, q := range s.updates {
		if q.done || busy[q.chatID] {
			continue
		}
		if !s.poll.allows(q.kind) {
			q.done, q.failure = true, "dropped: "+q.kind+" is not in allowed_updates"
			s.notifyLocked()
			continue
		}
		busy[q.chatID] = true
		if q.inFlight {
			continue
		}
		if s.webhook.inFlight >= s.webhook.maxConnections {
			return
		}
		q.inFlight = true
		s.webhook.inFlight++
		s.wg.Add(1)
		go s.deliver(q, s.webhook.url, s.webhook.secret)
	}
}

// deliver POSTs q until it gets a 2xx, the attempts run out, the webhook
// changes or the server closes.
func (s *Server) deliver(q *queuedUpdate, target, secret string) {
	defer s.wg.Done()
	backoff := webhookBackoff
	for {
		errMsg := post(s, target, secret, q.body)
		s.mu.Lock()
		q.attempts++
		q.delivered = true
		stop := true
		switch {
		case errMsg == "":
			q.done, q.lastError = true, ""
		case q.attempts >= webhookAttempts:
			q.done, q.failed = true, true
			q.failure = fmt.Sprintf("webhook delivery failed %d times, last error: %s", q.attempts, errMsg)
		default:
			stop = s.closed || s.webhook.url != target
		}
		if errMsg != "" {
			q.lastError = errMsg
			s.webhook.lastErrorDate, s.webhook.lastErrorMessage = time.Now().Unix(), errMsg
		}
		if stop {
			q.inFlight = false
			s.webhook.inFlight--
			s.notifyLocked()
			s.kickWebhookLocked()
			s.mu.Unlock()
			return
		}
		s.notifyLocked()
		s.mu.Unlock()
		select {
		case <-s.ctx.Done():
		case <-time.After(backoff):
		}
		backoff *= 2
	}
}

// post sends one update and returns "" on a 2xx, else Telegram's
// last_error_message wording.
func post(s *Server, target, secret string, body []byte) string {
	req, err := http.NewRequestWithContext(s.ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := webhookClient.Do(req)
	if err != nil {
		return "Connection failed: " + err.Error()
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode/100 != 2 {
		return "Wrong response from the webhook: " + resp.Status
	}
	return ""
}

func validSecret(s string) bool {
	if len(s) < 1 || len(s) > 256 {
		return false
	}
	for _, c := range []byte(s) {
		if !isAlnum(c) && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
