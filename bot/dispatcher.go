package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"

	"github.com/go-telegram/bot/models"
)

// dispatcher keeps each chat's updates in order while different chats are
// handled concurrently. Every chat with pending updates has a mailbox,
// drained by one goroutine that starts on demand and exits when the
// mailbox is empty, so idle chats cost nothing. A global bound on running
// updates keeps a burst (a broadcast's replies, a redelivered backlog)
// from exhausting database connections.
type dispatcher struct {
	process func(ctx context.Context, upd *models.Update) error
	slots   chan struct{}
	log     *slog.Logger

	mu        sync.Mutex
	mailboxes map[int64]*mailbox // chats with a draining goroutine
	idle      *sync.Cond         // signalled when mailboxes becomes empty
}

type mailbox struct {
	queue []job
}

type job struct {
	ctx    context.Context
	upd    *models.Update
	result chan error
}

func newDispatcher(process func(context.Context, *models.Update) error, maxRunning int, log *slog.Logger) *dispatcher {
	d := &dispatcher{
		process:   process,
		slots:     make(chan struct{}, maxRunning),
		log:       log,
		mailboxes: make(map[int64]*mailbox),
	}
	d.idle = sync.NewCond(&d.mu)
	return d
}

// Dispatch queues the update behind the earlier ones of its chat. The
// returned channel receives exactly one value once the update is finished:
// nil, or an error wrapping errNotProcessed when it was not handled and
// must be delivered again. An update whose ctx ends before it starts is
// not handled; once started, it runs to the end.
func (d *dispatcher) Dispatch(ctx context.Context, upd *models.Update) <-chan error {
	result := make(chan error, 1)
	key := chatKey(upd)
	d.mu.Lock()
	mb, draining := d.mailboxes[key]
	if !draining {
		mb = &mailbox{}
		d.mailboxes[key] = mb
	}
	mb.queue = append(mb.queue, job{ctx: ctx, upd: upd, result: result})
	d.mu.Unlock()
	if !draining {
		go d.drain(key, mb)
	}
	return result
}

// Wait blocks until every dispatched update is finished. Unlike a
// sync.WaitGroup it may run while new updates keep arriving (webhook
// requests during shutdown).
func (d *dispatcher) Wait() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for len(d.mailboxes) > 0 {
		d.idle.Wait()
	}
}

func (d *dispatcher) drain(key int64, mb *mailbox) {
	for {
		d.mu.Lock()
		if len(mb.queue) == 0 {
			delete(d.mailboxes, key)
			if len(d.mailboxes) == 0 {
				d.idle.Broadcast()
			}
			d.mu.Unlock()
			return
		}
		next := mb.queue[0]
		mb.queue[0] = job{}
		mb.queue = mb.queue[1:]
		d.mu.Unlock()
		next.result <- d.run(next)
	}
}

func (d *dispatcher) run(j job) (err error) {
	select {
	case d.slots <- struct{}{}:
	case <-j.ctx.Done():
		return fmt.Errorf("%w: %w", errNotProcessed, j.ctx.Err())
	}
	defer func() { <-d.slots }()
	if err := j.ctx.Err(); err != nil {
		return fmt.Errorf("%w: %w", errNotProcessed, err)
	}
	defer func() {
		// The core's panics are caught closer to it; this one is ours.
		// Keep serving the other chats and do not ask for a redelivery
		// that would panic again.
		if v := recover(); v != nil {
			d.log.Error("panic while processing update", "update_id", j.upd.ID, "chat_id", chatKey(j.upd),
				"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			err = nil
		}
	}()
	return d.process(j.ctx, j.upd)
}
