package bot

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func textUpdate(id, chatID int64) *models.Update {
	return &models.Update{ID: id, Message: &models.Message{
		ID: int(id), Chat: models.Chat{ID: chatID, Type: models.ChatTypePrivate},
		From: &models.User{ID: chatID}, Text: "x",
	}}
}

func TestDispatcherKeepsEachChatInOrder(t *testing.T) {
	const chats, perChat = 20, 30
	var mu sync.Mutex
	seen := map[int64][]int64{}
	// Every chat's first update waits until all chats have started one,
	// which only happens if chats really run side by side.
	var started sync.WaitGroup
	started.Add(chats)
	allStarted := make(chan struct{})
	go func() { started.Wait(); close(allStarted) }()

	d := newDispatcher(func(ctx context.Context, upd *models.Update) error {
		chat := upd.Message.Chat.ID
		mu.Lock()
		first := len(seen[chat]) == 0
		seen[chat] = append(seen[chat], upd.ID)
		mu.Unlock()
		if first {
			started.Done()
			select {
			case <-allStarted:
			case <-time.After(30 * time.Second):
				t.Error("chats were not handled concurrently")
			}
		}
		return nil
	}, 64, discardLogger())

	ctx := context.Background()
	var senders sync.WaitGroup
	for c := range int64(chats) {
		senders.Add(1)
		go func() {
			defer senders.Done()
			var results []<-chan error
			for n := range int64(perChat) {
				results = append(results, d.Dispatch(ctx, textUpdate(c*1000+n, c+1)))
			}
			for _, r := range results {
				if err := <-r; err != nil {
					t.Error(err)
				}
			}
		}()
	}
	senders.Wait()
	d.Wait()

	for c := range int64(chats) {
		got := seen[c+1]
		if len(got) != perChat {
			t.Fatalf("chat %d: %d updates handled, want %d", c+1, len(got), perChat)
		}
		for i, id := range got {
			if id != c*1000+int64(i) {
				t.Fatalf("chat %d handled %v, want ascending from %d", c+1, got, c*1000)
			}
		}
	}
}

func TestDispatcherBoundsConcurrency(t *testing.T) {
	const limit = 3
	var running, peak atomic.Int32
	release := make(chan struct{})
	d := newDispatcher(func(ctx context.Context, upd *models.Update) error {
		n := running.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		<-release
		running.Add(-1)
		return nil
	}, limit, discardLogger())

	var results []<-chan error
	for c := range int64(10) {
		results = append(results, d.Dispatch(context.Background(), textUpdate(c, c+1)))
	}
	close(release)
	for _, r := range results {
		<-r
	}
	if p := peak.Load(); p > limit {
		t.Fatalf("%d updates ran at once, limit %d", p, limit)
	}
}

func TestDispatcherSkipsUpdatesWhoseContextEnded(t *testing.T) {
	var handled atomic.Int32
	d := newDispatcher(func(ctx context.Context, upd *models.Update) error {
		handled.Add(1)
		return nil
	}, 4, discardLogger())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := <-d.Dispatch(ctx, textUpdate(1, 1))
	if !errors.Is(err, errNotProcessed) {
		t.Fatalf("result = %v, want errNotProcessed", err)
	}
	if handled.Load() != 0 {
		t.Fatal("an update with an ended context was handled")
	}
}

func TestDispatcherSurvivesPanicOutsideHandler(t *testing.T) {
	d := newDispatcher(func(ctx context.Context, upd *models.Update) error {
		if upd.ID == 1 {
			panic("bug")
		}
		return nil
	}, 4, discardLogger())
	if err := <-d.Dispatch(context.Background(), textUpdate(1, 9)); err != nil {
		t.Fatalf("panicking update: %v, want nil (no redelivery of a poison update)", err)
	}
	if err := <-d.Dispatch(context.Background(), textUpdate(2, 9)); err != nil {
		t.Fatalf("next update: %v", err)
	}
}
