package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestChatLockSecondWaitsForFirst(t *testing.T) {
	rdb, prefix := transportTestRedis(t)
	locks := NewChatLocks(rdb, prefix)
	ctx := context.Background()

	unlockFirst, err := locks.Lock(ctx, 1001)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var events []string
	record := func(e string) {
		mu.Lock()
		defer mu.Unlock()
		events = append(events, e)
	}

	secondLocked := make(chan struct{})
	go func() {
		unlock, err := locks.Lock(ctx, 1001)
		if err != nil {
			t.Error(err)
			close(secondLocked)
			return
		}
		record("second locked")
		unlock()
		close(secondLocked)
	}()

	// Another chat is independent of the held one.
	unlockOther, err := locks.Lock(ctx, 1002)
	if err != nil {
		t.Fatalf("lock of another chat: %v", err)
	}
	unlockOther()

	record("first unlocking")
	unlockFirst()
	<-secondLocked

	mu.Lock()
	defer mu.Unlock()
	want := []string{"first unlocking", "second locked"}
	if len(events) != 2 || events[0] != want[0] || events[1] != want[1] {
		t.Fatalf("events = %q, want %q", events, want)
	}
}

func TestChatLockTimesOutWhileHeld(t *testing.T) {
	rdb, prefix := transportTestRedis(t)
	locks := NewChatLocks(rdb, prefix)
	locks.wait = 50 * time.Millisecond
	ctx := context.Background()

	unlock, err := locks.Lock(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := locks.Lock(ctx, 5); !errors.Is(err, ErrChatLockTimeout) {
		t.Fatalf("second Lock error = %v, want ErrChatLockTimeout", err)
	}
}

func TestChatLockHonoursCancel(t *testing.T) {
	rdb, prefix := transportTestRedis(t)
	locks := NewChatLocks(rdb, prefix)
	unlock, err := locks.Lock(context.Background(), 6)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := locks.Lock(ctx, 6); !errors.Is(err, context.Canceled) {
		t.Fatalf("Lock with cancelled ctx = %v, want context.Canceled", err)
	}
}

func TestChatLockUnlockKeepsSomeoneElsesLock(t *testing.T) {
	rdb, prefix := transportTestRedis(t)
	locks := NewChatLocks(rdb, prefix)
	ctx := context.Background()
	key := prefix + "lock:{77}"

	unlock, err := locks.Lock(ctx, 77)
	if err != nil {
		t.Fatal(err)
	}
	// Simulate expiry and a takeover by another replica.
	if err := rdb.Set(ctx, key, "other-replica", time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	unlock()
	unlock() // a second call is a no-op
	if got := rdb.Get(ctx, key).Val(); got != "other-replica" {
		t.Fatalf("lock value after stale unlock = %q, want the other replica's", got)
	}
	if held, err := locks.extend(ctx, key, "not-the-owner"); err != nil || held {
		t.Fatalf("extend by a non-owner = %v, %v; want false", held, err)
	}
	if held, err := locks.extend(ctx, key, "other-replica"); err != nil || !held {
		t.Fatalf("extend by the owner = %v, %v; want true", held, err)
	}
}
