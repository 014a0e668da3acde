package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// DefaultRedisURL is used when TEST_REDIS_URL is unset.
const DefaultRedisURL = "redis://127.0.0.1:6379/0"

// Redis returns a client for TEST_REDIS_URL and a key prefix of the test's
// own, "mitratest:<random>:". Give the prefix to the code under test so
// tests sharing one Redis never see each other's keys. When the test ends,
// every key under the prefix is deleted and the client closed.
func Redis(t testing.TB) (*redis.Client, string) {
	t.Helper()
	rawURL := os.Getenv("TEST_REDIS_URL")
	if rawURL == "" {
		rawURL = DefaultRedisURL
	}
	opt, err := redis.ParseURL(rawURL)
	if err != nil {
		t.Fatalf("storetest: TEST_REDIS_URL is not a redis:// URL")
	}
	rdb := redis.NewClient(opt)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		_ = rdb.Close()
		t.Fatalf("storetest: Redis unreachable at %s (set TEST_REDIS_URL, or start it: "+
			"`docker compose up -d redis`): %v", opt.Addr, err)
	}
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatalf("storetest: random prefix: %v", err)
	}
	prefix := "mitratest:" + hex.EncodeToString(b) + ":"
	t.Cleanup(func() {
		defer rdb.Close()
		if err := deleteKeys(context.Background(), rdb, prefix); err != nil {
			t.Errorf("storetest: delete redis keys %s*: %v", prefix, err)
		}
	})
	return rdb, prefix
}

// deleteKeys removes every key starting with prefix, scanning in batches
// rather than with KEYS, which would block a shared Redis.
func deleteKeys(ctx context.Context, rdb *redis.Client, prefix string) error {
	iter := rdb.Scan(ctx, 0, prefix+"*", 500).Iterator()
	var batch []string
	for iter.Next(ctx) {
		batch = append(batch, iter.Val())
		if len(batch) == 500 {
			if err := rdb.Unlink(ctx, batch...).Err(); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := iter.Err(); err != nil {
		return err
	}
	if len(batch) > 0 {
		return rdb.Unlink(ctx, batch...).Err()
	}
	return nil
}
