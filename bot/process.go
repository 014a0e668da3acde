package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/mitra-id/mitra/flows"
)

// processor handles one update end to end: dedupe, lock, core, delivery.
type processor struct {
	handler  Handler
	ledger   UpdateLedger
	locks    ChatLocker // nil when one process sees every update (polling)
	sender   *sender
	metrics  *metrics
	log      *slog.Logger
	username string
	now      func() time.Time
	// handleTimeout bounds the core's work on one update and
	// deliverTimeout the Bot API calls answering it. A webhook request
	// that outlasts Telegram's 60 s is redelivered, finds the update
	// claimed (503) and later done (200), so exceeding it is harmless.
	handleTimeout, deliverTimeout time.Duration
}

// ledgerTimeout bounds a ledger write made after the caller's ctx may
// have ended.
const ledgerTimeout = 5 * time.Second

// apology is sent when the core fails or panics. The core saves nothing
// on error, so the user's earlier answers are indeed safe.
var apology = flows.Text{
	ID: "Maaf, terjadi gangguan di sistem kami. Jawaban Anda sebelumnya aman tersimpan; silakan coba lagi sebentar lagi.",
	EN: "Sorry, something went wrong on our side. Your earlier answers are safely saved; please try again in a moment.",
}

// process handles one update. It returns nil when the update is finished
// (answered, ignored or a duplicate) and an error wrapping errNotProcessed
// when it was not handled and must be delivered again. Failures of the
// core are not such errors: the user gets an apology and the update is
// done, because a redelivery would only apologise again.
func (p *processor) process(ctx context.Context, upd *models.Update) error {
	in, ok := convertUpdate(upd, p.username, p.now())
	log := p.log.With("update_id", upd.ID)
	if !ok {
		p.metrics.ignoredUpdate()
		p.answerPressAnyway(ctx, log, in)
		return nil
	}
	log = log.With("chat_id", in.input.ChatID)
	p.metrics.update(in.input.Kind)

	claimed, err := p.ledger.Claim(ctx, in.updateID)
	if err != nil {
		p.answerPressAnyway(ctx, log, in)
		return fmt.Errorf("%w: %w", errNotProcessed, err)
	}
	if !claimed {
		return p.duplicate(ctx, log, in)
	}
	if p.locks != nil {
		unlock, err := p.locks.Lock(ctx, in.input.ChatID)
		if err != nil {
			p.release(ctx, log, in.updateID)
			p.answerPressAnyway(ctx, log, in)
			return fmt.Errorf("%w: %w", errNotProcessed, err)
		}
		defer unlock()
	}

	// From here on the step runs to the end even if the caller goes away
	// (shutdown, Telegram closing the webhook request): stopping half-way
	// would leave the core's saved state and the chat out of step.
	work := context.WithoutCancel(ctx)
	out := p.handle(work, log, in.input)
	deliverCtx, cancel := context.WithTimeout(work, p.deliverTimeout)
	p.sender.deliver(deliverCtx, in, out, p.handler.PromptDelivered)
	cancel()
	doneCtx, cancel := context.WithTimeout(work, ledgerTimeout)
	defer cancel()
	if err := p.ledger.Done(doneCtx, in.updateID); err != nil {
		// The claim expires in 90 s; only a redelivery after that repeats.
		log.Warn("marking update done failed", "error", err)
	}
	return nil
}

// handle runs the core, turning an error or a panic into an apology.
func (p *processor) handle(ctx context.Context, log *slog.Logger, in flows.Input) (out flows.Outcome) {
	ctx, cancel := context.WithTimeout(ctx, p.handleTimeout)
	defer cancel()
	start := time.Now()
	defer func() {
		p.metrics.handlerDuration.Observe(time.Since(start).Seconds())
		if v := recover(); v != nil {
			p.metrics.handlerFailed("panic")
			log.Error("handler panicked", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			out = apologyFor(in)
		}
	}()
	out, err := p.handler.Handle(ctx, in)
	if err != nil {
		p.metrics.handlerFailed("error")
		log.Error("handler failed", "kind", in.Kind, "error", err)
		return apologyFor(in)
	}
	return out
}

func apologyFor(in flows.Input) flows.Outcome {
	return flows.Outcome{Replies: []flows.Reply{{Text: apology.In(flows.LanguageFor(in.Lang))}}}
}

// duplicate handles an update the ledger already knows. Done: the first
// delivery answered it, so only a press is answered (again; Telegram
// refuses the second answer, which is ignored). Still claimed: another
// worker is on it, or one crashed; a later delivery decides.
func (p *processor) duplicate(ctx context.Context, log *slog.Logger, in incoming) error {
	done, err := p.ledger.Finished(ctx, in.updateID)
	if err != nil {
		return fmt.Errorf("%w: %w", errNotProcessed, err)
	}
	if !done {
		log.Info("update claimed by another worker; asking for redelivery")
		return fmt.Errorf("%w: %w", errNotProcessed, errInProgress)
	}
	log.Debug("duplicate update skipped")
	p.answerPressAnyway(ctx, log, in)
	return nil
}

// answerPressAnyway stops the spinner of a press that is not handled now;
// a later delivery's answer then fails harmlessly as "query is too old".
func (p *processor) answerPressAnyway(ctx context.Context, log *slog.Logger, in incoming) {
	if in.callbackQueryID == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.deliverTimeout)
	defer cancel()
	p.sender.answerCallback(ctx, log, in.callbackQueryID, "")
}

func (p *processor) release(ctx context.Context, log *slog.Logger, updateID int64) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ledgerTimeout)
	defer cancel()
	if err := p.ledger.Release(ctx, updateID); err != nil {
		log.Warn("releasing update claim failed; redelivery waits for it to expire", "error", err)
	}
}
