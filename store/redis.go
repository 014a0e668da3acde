package store

import (
	"context"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// OpenRedis connects to a redis:// or rediss:// URL and checks it with a
// ping. Errors name the address, never the URL, which may hold a password.
func OpenRedis(ctx context.Context, url string) (*redis.Client, error) {
	opt, err := redis.ParseURL(url)
	if err != nil {
		// ParseURL's errors can quote the URL; keep them out of the logs.
		return nil, fmt.Errorf("store: parse redis url: not a valid redis:// or rediss:// URL")
	}
	rdb := redis.NewClient(opt)
	pingCtx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	if err := rdb.Ping(pingCtx).Err(); err != nil {
		_ = rdb.Close()
		return nil, fmt.Errorf("store: ping redis at %s db %d: %w", opt.Addr, opt.DB, err)
	}
	return rdb, nil
}
