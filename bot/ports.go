package bot

import (
	"context"

	"github.com/mitra-id/mitra/flows"
)

// Handler is the core that answers users; flows.Service implements it.
type Handler interface {
	// Handle answers one input; it is called for one chat at a time, in order.
	Handle(ctx context.Context, in flows.Input) (flows.Outcome, error)
	// PromptDelivered tells the core the message id of the delivered Reply
	// that had Prompt=true.
	PromptDelivered(ctx context.Context, chatID int64, messageID int) error
}

// UpdateLedger deduplicates Telegram updates, which can arrive more than
// once (redelivery after a crash, a slow webhook answer, two replicas).
// store.UpdateLedger implements it.
type UpdateLedger interface {
	// Claim marks the update in progress. It returns false when another
	// worker holds it or it is done.
	Claim(ctx context.Context, updateID int64) (bool, error)
	// Finished reports whether the update was marked done.
	Finished(ctx context.Context, updateID int64) (bool, error)
	// Done marks the update handled; later deliveries are skipped.
	Done(ctx context.Context, updateID int64) error
	// Release drops a claim so a redelivery is handled again at once.
	Release(ctx context.Context, updateID int64) error
}

// ChatLocker keeps one chat's updates in order across replicas, where the
// in-process mailbox cannot see the other replicas. store.ChatLocks
// implements it.
type ChatLocker interface {
	// Lock waits until the chat is free and locks it; unlock releases it.
	Lock(ctx context.Context, chatID int64) (unlock func(), err error)
}
