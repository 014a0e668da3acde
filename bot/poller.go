package bot

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/go-telegram/bot/models"
)

// allowedUpdates are the update types Mitra asks for. Naming them matters:
// an omitted list keeps whatever an earlier deployment registered.
var allowedUpdates = []string{
	models.AllowedUpdateMessage,
	models.AllowedUpdateEditedMessage,
	models.AllowedUpdateCallbackQuery,
}

const (
	firstPollBackoff = 100 * time.Millisecond
	maxPollBackoff   = 5 * time.Second
)

// poller is Mitra's long-polling loop. It replaces go-telegram's Start,
// which confirms updates before handling them (a crash loses them) and
// ignores retry_after. Here a batch is confirmed only after every update
// in it is finished, by asking for the next offset; after a crash Telegram
// resends the unconfirmed ones and the ledger skips those already done.
type poller struct {
	// client's timeout must exceed pollTimeout.
	client      *jsonClient
	pollTimeout time.Duration
	dispatch    func(ctx context.Context, upd *models.Update) <-chan error
	log         *slog.Logger
	metrics     *metrics
	sleep       func(ctx context.Context, d time.Duration) error
}

// run polls until ctx ends (returning nil) or Telegram rejects the token.
// Polling cannot run on more than one replica: Telegram answers a second
// poller with 409 Conflict.
func (p *poller) run(ctx context.Context) error {
	var offset int64
	backoff := time.Duration(0)
	pause := func(wait time.Duration) bool { return p.sleep(ctx, wait) == nil }
	grow := func() time.Duration {
		backoff = min(max(backoff*2, firstPollBackoff), maxPollBackoff)
		return backoff
	}
	for ctx.Err() == nil {
		updates, err := p.getUpdates(ctx, offset)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			var apiErr *telegramError
			if errors.As(err, &apiErr) && apiErr.tokenRejected() {
				return err
			}
			wait := grow()
			if errors.As(err, &apiErr) && apiErr.retryAfter > 0 {
				wait = min(time.Duration(apiErr.retryAfter)*time.Second, maxRetryAfter)
			}
			p.log.Warn("getUpdates failed", "method", "getUpdates", "wait", wait, "error", err)
			if !pause(wait) {
				return nil
			}
			continue
		}
		next, complete := p.handleBatch(ctx, updates)
		if next != 0 {
			offset = next
		}
		if complete {
			backoff = 0
			continue
		}
		if !pause(grow()) {
			return nil
		}
	}
	return nil
}

// handleBatch dispatches a batch and waits for all of it. next is the
// offset that confirms what is finished: after the whole batch, or up to
// (not including) the first update that must be delivered again.
func (p *poller) handleBatch(ctx context.Context, updates []*models.Update) (next int64, complete bool) {
	results := make([]<-chan error, len(updates))
	for i, upd := range updates {
		results[i] = p.dispatch(ctx, upd)
	}
	complete = true
	for i, result := range results {
		err := <-result
		switch {
		case err == nil && complete:
			next = updates[i].ID + 1
		case err != nil && complete:
			complete = false
			next = updates[i].ID
			if ctx.Err() == nil {
				p.log.Warn("update not processed; it will be fetched again", "update_id", updates[i].ID, "error", err)
			}
		}
	}
	return next, complete
}

// getUpdatesRequest is getUpdates' parameters.
type getUpdatesRequest struct {
	Offset         int64    `json:"offset,omitempty"`
	Timeout        int      `json:"timeout"`
	AllowedUpdates []string `json:"allowed_updates"`
}

func (p *poller) getUpdates(ctx context.Context, offset int64) ([]*models.Update, error) {
	var updates []*models.Update
	err := p.client.call(ctx, "getUpdates", getUpdatesRequest{
		Offset:         offset,
		Timeout:        int(p.pollTimeout / time.Second),
		AllowedUpdates: allowedUpdates,
	}, &updates)
	if err != nil {
		p.metrics.apiCall("getUpdates", "error")
		return nil, err
	}
	p.metrics.apiCall("getUpdates", "ok")
	kept := updates[:0]
	for _, u := range updates {
		if u != nil {
			kept = append(kept, u)
		}
	}
	return kept, nil
}
