package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/redis/go-redis/v9"
)

// transportTestRedis connects to TEST_REDIS_URL (default
// redis://127.0.0.1:6379/0) and returns a key prefix unique to the test;
// every key under it is deleted when the test ends. Without TEST_REDIS_URL
// an unreachable local Redis skips the test; with it, the test fails.
func transportTestRedis(t *testing.T) (*redis.Client, string) {
	t.Helper()
	url := os.Getenv("TEST_REDIS_URL")
	explicit := url != ""
	if !explicit {
		url = "redis://127.0.0.1:6379/0"
	}
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatalf("TEST_REDIS_URL: %v", err)
	}
	rdb := redis.NewClient(opt)
	t.Cleanup(func() { _ = rdb.Close() })
	ctx := context.Background()
	if err := rdb.Ping(ctx).Err(); err != nil {
		if explicit {
			t.Fatalf("redis at TEST_REDIS_URL: %v", err)
		}
		t.Skipf("no Redis at %s (set TEST_REDIS_URL): %v", url, err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	prefix := "test:" + hex.EncodeToString(b) + ":"
	t.Cleanup(func() {
		keys, _ := rdb.Keys(ctx, prefix+"*").Result()
		if len(keys) > 0 {
			_ = rdb.Del(ctx, keys...).Err()
		}
	})
	return rdb, prefix
}

func TestUpdateLedgerClaimsOnce(t *testing.T) {
	rdb, prefix := transportTestRedis(t)
	ledger := NewUpdateLedger(rdb, prefix)
	ctx := context.Background()

	first, err := ledger.Claim(ctx, 42)
	if err != nil || !first {
		t.Fatalf("first claim = %v, %v; want true", first, err)
	}
	second, err := ledger.Claim(ctx, 42)
	if err != nil || second {
		t.Fatalf("second claim = %v, %v; want false", second, err)
	}
	if done, err := ledger.Finished(ctx, 42); err != nil || done {
		t.Fatalf("Finished while claimed = %v, %v; want false", done, err)
	}
	if other, err := ledger.Claim(ctx, 43); err != nil || !other {
		t.Fatalf("claim of another update = %v, %v; want true", other, err)
	}
	if ttl := rdb.PTTL(ctx, prefix+"upd:42").Val(); ttl <= 0 || ttl > updateClaimTTL {
		t.Errorf("claim TTL = %v, want within (0, %v]", ttl, updateClaimTTL)
	}
}

func TestUpdateLedgerDoneIsFinal(t *testing.T) {
	rdb, prefix := transportTestRedis(t)
	ledger := NewUpdateLedger(rdb, prefix)
	ctx := context.Background()

	if _, err := ledger.Claim(ctx, 7); err != nil {
		t.Fatal(err)
	}
	if err := ledger.Done(ctx, 7); err != nil {
		t.Fatal(err)
	}
	if done, err := ledger.Finished(ctx, 7); err != nil || !done {
		t.Fatalf("Finished = %v, %v; want true", done, err)
	}
	if again, err := ledger.Claim(ctx, 7); err != nil || again {
		t.Fatalf("claim after done = %v, %v; want false", again, err)
	}
	// A late Release must not make a handled update look new.
	if err := ledger.Release(ctx, 7); err != nil {
		t.Fatal(err)
	}
	if again, err := ledger.Claim(ctx, 7); err != nil || again {
		t.Fatalf("claim after done and release = %v, %v; want false", again, err)
	}
	if ttl := rdb.TTL(ctx, prefix+"upd:7").Val(); ttl <= updateClaimTTL || ttl > updateDoneTTL {
		t.Errorf("done TTL = %v, want about %v", ttl, updateDoneTTL)
	}
}

func TestUpdateLedgerReleaseAllowsRetry(t *testing.T) {
	rdb, prefix := transportTestRedis(t)
	ledger := NewUpdateLedger(rdb, prefix)
	ctx := context.Background()

	if ok, err := ledger.Claim(ctx, 9); err != nil || !ok {
		t.Fatalf("claim = %v, %v", ok, err)
	}
	if err := ledger.Release(ctx, 9); err != nil {
		t.Fatal(err)
	}
	if ok, err := ledger.Claim(ctx, 9); err != nil || !ok {
		t.Fatalf("claim after release = %v, %v; want true", ok, err)
	}
}

func TestUpdateLedgerReportsRedisErrors(t *testing.T) {
	rdb, prefix := transportTestRedis(t)
	opt := *rdb.Options()
	broken := redis.NewClient(&opt)
	_ = broken.Close()
	ledger := NewUpdateLedger(broken, prefix)
	if _, err := ledger.Claim(context.Background(), 1); err == nil {
		t.Fatal("claim on a closed client succeeded")
	}
}
