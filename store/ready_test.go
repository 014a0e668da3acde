package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/mitra-id/mitra/store"
	"github.com/mitra-id/mitra/store/storetest"
)

// Ensure Ping passes with both services up and names the one that is down.
func TestPingNamesTheFailingService(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storetest.Postgres(t)
	rdb, _ := storetest.Redis(t)
	if err := store.Ping(ctx, db, rdb); err != nil {
		t.Fatalf("Ping with both up: %v", err)
	}

	deadRedis := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1})
	t.Cleanup(func() { _ = deadRedis.Close() })
	err := store.Ping(ctx, db, deadRedis)
	if err == nil || !strings.Contains(err.Error(), "redis") || strings.Contains(err.Error(), "postgres") {
		t.Errorf("Ping with Redis down: error = %v; want one naming redis only", err)
	}

	closedDB := storetest.Postgres(t)
	closedDB.Close()
	err = store.Ping(ctx, closedDB, rdb)
	if err == nil || !strings.Contains(err.Error(), "postgres") || strings.Contains(err.Error(), "redis") {
		t.Errorf("Ping with PostgreSQL down: error = %v; want one naming postgres only", err)
	}
}
