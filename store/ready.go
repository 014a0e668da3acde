package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// Ping checks PostgreSQL and Redis at once, for /readyz. The error names
// each one that failed ("store: postgres: …", "store: redis: …"); ctx
// bounds the wait.
func Ping(ctx context.Context, db *pgxpool.Pool, rdb *redis.Client) error {
	var pgErr, redisErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := db.Ping(ctx); err != nil {
			pgErr = fmt.Errorf("store: postgres: %w", err)
		}
	})
	wg.Go(func() {
		if err := rdb.Ping(ctx).Err(); err != nil {
			redisErr = fmt.Errorf("store: redis: %w", err)
		}
	})
	wg.Wait()
	return errors.Join(pgErr, redisErr)
}
