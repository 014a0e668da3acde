package store

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrChatLockTimeout is returned by ChatLocks.Lock when the chat stayed
// locked by another worker for the whole wait.
var ErrChatLockTimeout = errors.New("chat lock wait timed out")

// chatUnlockScript deletes the lock only if it still holds our token, so a
// worker whose lock expired cannot release the next holder's.
var chatUnlockScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0`)

// chatExtendScript renews the lock only while it still holds our token.
var chatExtendScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`)

// ChatLocks serialises the handling of one chat across replicas: webhook
// deliveries of one chat can reach different replicas, and a redelivery can
// overlap a slow first attempt. Keys are <prefix>lock:{<chat_id>}; the
// braces keep a chat's keys in one Redis Cluster slot.
type ChatLocks struct {
	rdb    *redis.Client
	prefix string
	// ttl is how long a lock survives its holder's crash; a live holder
	// renews it every ttl/3, so slow steps keep the chat locked.
	ttl time.Duration
	// wait bounds how long Lock waits for a busy chat.
	wait time.Duration
	// firstRetry and maxRetry bound the pause between attempts.
	firstRetry, maxRetry time.Duration
}

// NewChatLocks returns locks whose keys start with prefix. A lock expires
// 30 s after its holder stops renewing it; Lock waits up to 10 s.
func NewChatLocks(rdb *redis.Client, prefix string) *ChatLocks {
	return &ChatLocks{
		rdb:        rdb,
		prefix:     prefix,
		ttl:        30 * time.Second,
		wait:       10 * time.Second,
		firstRetry: 10 * time.Millisecond,
		maxRetry:   250 * time.Millisecond,
	}
}

// Lock waits until the chat is free and locks it. The returned unlock must
// be called exactly once; it is safe to call after ctx ended. While held,
// the lock is renewed in the background. Lock fails with an error wrapping
// ErrChatLockTimeout when the chat stays busy, or ctx's error.
func (l *ChatLocks) Lock(ctx context.Context, chatID int64) (unlock func(), err error) {
	key := l.prefix + "lock:{" + strconv.FormatInt(chatID, 10) + "}"
	token, err := newChatLockToken()
	if err != nil {
		return nil, fmt.Errorf("store: lock chat %d: %w", chatID, err)
	}
	deadline := time.Now().Add(l.wait)
	pause := l.firstRetry
	for {
		ok, err := l.rdb.SetNX(ctx, key, token, l.ttl).Result()
		if err != nil {
			return nil, fmt.Errorf("store: lock chat %d: %w", chatID, err)
		}
		if ok {
			return l.hold(ctx, key, token), nil
		}
		// Jitter keeps contending workers from retrying in lockstep.
		sleep := pause/2 + rand.N(pause/2+1)
		if time.Now().Add(sleep).After(deadline) {
			return nil, fmt.Errorf("store: lock chat %d: %w", chatID, ErrChatLockTimeout)
		}
		t := time.NewTimer(sleep)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("store: lock chat %d: %w", chatID, ctx.Err())
		case <-t.C:
		}
		pause = min(pause*2, l.maxRetry)
	}
}

// hold renews the lock until the returned unlock is called.
func (l *ChatLocks) hold(ctx context.Context, key, token string) func() {
	// The lock outlives the caller's ctx: it is released by unlock, not by
	// cancellation, so a cancelled caller cannot leave the chat unguarded
	// while its step is still finishing.
	bg := context.WithoutCancel(ctx)
	stop := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(l.ttl / 3)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if held, err := l.extend(bg, key, token); err == nil && !held {
					return // expired and taken over; nothing left to renew
				}
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(stop)
			<-stopped
			releaseCtx, cancel := context.WithTimeout(bg, 3*time.Second)
			defer cancel()
			// A failed release only delays the next holder until the TTL.
			_ = chatUnlockScript.Run(releaseCtx, l.rdb, []string{key}, token).Err()
		})
	}
}

// extend renews the lock if token still holds it and reports whether it did.
func (l *ChatLocks) extend(ctx context.Context, key, token string) (bool, error) {
	n, err := chatExtendScript.Run(ctx, l.rdb, []string{key}, token, l.ttl.Milliseconds()).Int()
	if err != nil {
		return false, fmt.Errorf("store: extend %s: %w", key, err)
	}
	return n == 1, nil
}

func newChatLockToken() (string, error) {
	b := make([]byte, 16)
	if _, err := crand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
