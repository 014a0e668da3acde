package faketelegram

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// queuedUpdate is one delivery of an update. Redeliver queues another
// delivery with the same update_id.
type queuedUpdate struct {
	id         int64
	chatID     int64
	kind       string
	body       json.RawMessage
	redelivery bool
	delivered  bool   // returned by getUpdates or POSTed at least once
	done       bool   // confirmed, or dropped (see failure)
	failure    string // why a done update was dropped instead of confirmed
	failed     bool   // dropped because webhook delivery kept failing
	inFlight   bool   // a webhook POST is under way
	attempts   int    // webhook POSTs so far
	lastError  string // last webhook error
}

// pollState tracks long polling.
type pollState struct {
	gen     uint64          // bumped by every getUpdates; an older waiting call is terminated
	allowed map[string]bool // allowed_updates; nil means Telegram's default
}

// defaultExcluded are the update types Telegram leaves out unless asked.
var defaultExcluded = map[string]bool{"chat_member": true, "message_reaction": true, "message_reaction_count": true}

func (p *pollState) allows(kind string) bool {
	if p.allowed == nil {
		return !defaultExcluded[kind]
	}
	return p.allowed[kind]
}

// setAllowed applies an allowed_updates parameter: omitted keeps the
// previous setting, [] restores the default.
func (p *pollState) setAllowed(raw string) *apiError {
	if raw == "" {
		return nil
	}
	var kinds []string
	if err := json.Unmarshal([]byte(raw), &kinds); err != nil {
		return badRequest("can't parse allowed_updates JSON array")
	}
	if len(kinds) == 0 {
		p.allowed = nil
		return nil
	}
	p.allowed = map[string]bool{}
	for _, k := range kinds {
		p.allowed[k] = true
	}
	return nil
}

// enqueueLocked queues u for the bot and returns its update_id.
func (s *Server) enqueueLocked(u *wireUpdate, chatID int64) int64 {
	u.UpdateID = s.nextUpdID
	s.nextUpdID++
	body, err := json.Marshal(u)
	if err != nil {
		panic(err) // wire types always marshal
	}
	s.updates = append(s.updates, &queuedUpdate{id: u.UpdateID, chatID: chatID, kind: u.kind(), body: body})
	s.notifyLocked()
	s.kickWebhookLocked()
	return u.UpdateID
}

// Redeliver queues the update with this update_id again, unchanged (same
// update_id), as Telegram does after a webhook timeout or when a poller
// restarts without confirming. In polling mode it is returned by the next
// getUpdates whatever the offset and is confirmed by a later offset > id.
func (s *Server) Redeliver(updateID int64) int64 {
	s.tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, q := range s.updates {
		if q.id == updateID {
			s.updates = append(s.updates, &queuedUpdate{id: q.id, chatID: q.chatID, kind: q.kind, body: q.body, redelivery: true})
			s.logLocked(q.chatID, "(update %d redelivered)", updateID)
			s.notifyLocked()
			s.kickWebhookLocked()
			return updateID
		}
	}
	s.tb.Fatalf("faketelegram: Redeliver: no update %d", updateID)
	return 0
}

// getUpdates implements long polling. It runs without s.mu held.
func (s *Server) getUpdates(ctx context.Context, p params) (any, *apiError) {
	offset, _, _ := p.int64("offset")
	limit := 100
	if n, ok, _ := p.int64("limit"); ok {
		limit = int(min(max(n, 1), 100))
	}
	timeout, _, _ := p.int64("timeout")
	s.mu.Lock()
	if s.webhook.url != "" {
		s.mu.Unlock()
		return nil, errWebhookActive
	}
	if aerr := s.poll.setAllowed(p.str("allowed_updates")); aerr != nil {
		s.mu.Unlock()
		return nil, aerr
	}
	s.poll.gen++
	gen := s.poll.gen
	s.notifyLocked() // terminates an older waiting call
	s.confirmLocked(offset)
	s.mu.Unlock()

	batch := []json.RawMessage{}
	var aerr *apiError
	s.waitFor(ctx, time.Duration(max(timeout, 0))*time.Second, func() bool {
		switch {
		case s.webhook.url != "":
			aerr = errWebhookActive
		case s.poll.gen != gen:
			aerr = errTerminated
		default:
			batch = s.collectLocked(offset, limit)
			return len(batch) > 0
		}
		return true
	})
	if ctx.Err() != nil {
		return nil, errClientGone
	}
	if aerr == errTerminated {
		// A client that went away (bot restart) is not worth a 409.
		select {
		case <-ctx.Done():
			return nil, errClientGone
		case <-time.After(100 * time.Millisecond):
		}
	}
	if aerr != nil {
		return nil, aerr
	}
	return batch, nil
}

var (
	errWebhookActive = &apiError{code: http.StatusConflict, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
	errTerminated    = &apiError{code: http.StatusConflict, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
)

// confirmLocked applies a getUpdates offset: updates with a smaller id are
// confirmed (a redelivery only once it was delivered); a negative offset
// keeps only the last -offset pending updates.
func (s *Server) confirmLocked(offset int64) {
	changed := false
	switch {
	case offset > 0:
		for _, q := range s.updates {
			if !q.done && q.id < offset && (!q.redelivery || q.delivered) {
				q.done, changed = true, true
			}
		}
	case offset < 0:
		var pending []*queuedUpdate
		for _, q := range s.updates {
			if !q.done {
				pending = append(pending, q)
			}
		}
		for i := 0; i < len(pending)-int(-offset); i++ {
			pending[i].done, pending[i].failure, changed = true, "forgotten by a negative getUpdates offset", true
		}
	}
	if changed {
		s.notifyLocked()
	}
}

// collectLocked returns up to limit pending updates for getUpdates and marks
// them delivered. Updates excluded by allowed_updates are dropped.
func (s *Server) collectLocked(offset int64, limit int) []json.RawMessage {
	var out []json.RawMessage
	for _, q := range s.updates {
		if q.done || len(out) == limit {
			continue
		}
		if !s.poll.allows(q.kind) {
			q.done, q.failure = true, "dropped: "+q.kind+" is not in allowed_updates"
			s.notifyLocked()
			continue
		}
		if q.id >= offset || (q.redelivery && !q.delivered) {
			q.delivered = true
			out = append(out, q.body)
		}
	}
	return out
}

// WaitProcessed blocks until the bot has processed the update: in polling
// mode until a getUpdates call confirmed it (offset > update_id), in webhook
// mode until its POST (every redelivery included) got a 2xx. Updates the bot
// chose to skip (allowed_updates, drop_pending_updates, negative offset)
// count as processed. It fails the test after WaitTimeout or when webhook
// delivery failed for good.
func (s *Server) WaitProcessed(updateID int64) {
	s.tb.Helper()
	s.wait(fmt.Sprintf("update %d", updateID), func(q *queuedUpdate) bool { return q.id == updateID })
}

// WaitAllProcessed is WaitProcessed for every update queued so far.
func (s *Server) WaitAllProcessed() {
	s.tb.Helper()
	s.wait("all updates", func(*queuedUpdate) bool { return true })
}

func (s *Server) wait(what string, match func(*queuedUpdate) bool) {
	s.tb.Helper()
	var pending, failed []string
	ok := s.waitFor(context.Background(), WaitTimeout, func() bool {
		pending, failed = nil, nil
		for _, q := range s.updates {
			switch {
			case !match(q):
			case !q.done:
				pending = append(pending, s.describeLocked(q))
			case q.failed:
				failed = append(failed, fmt.Sprintf("update %d: %s", q.id, q.failure))
			}
		}
		return len(pending) == 0
	})
	switch {
	case len(failed) > 0:
		s.tb.Fatalf("faketelegram: %s: %v", what, failed)
	case !ok:
		s.tb.Fatalf("faketelegram: %s not processed within %v: %v", what, WaitTimeout, pending)
	}
	s.mu.Lock()
	found := false
	for _, q := range s.updates {
		found = found || match(q)
	}
	s.mu.Unlock()
	if !found && what != "all updates" {
		s.tb.Fatalf("faketelegram: %s was never queued", what)
	}
}

func (s *Server) describeLocked(q *queuedUpdate) string {
	switch {
	case q.lastError != "":
		return fmt.Sprintf("update %d: webhook failing after %d attempts: %s", q.id, q.attempts, q.lastError)
	case q.delivered:
		return fmt.Sprintf("update %d: delivered but not confirmed (getUpdates with offset > %d never came)", q.id, q.id)
	default:
		return fmt.Sprintf("update %d: never delivered (no getUpdates call, no webhook)", q.id)
	}
}
