package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// testDatabasePrefix starts the name of every per-test database; the
// creation time (Unix seconds) follows, so leftovers of killed test runs
// can be recognised and dropped.
const testDatabasePrefix = "mitra_test_"

var admin struct {
	sync.Mutex
	pool *pgxpool.Pool
}

// adminPool connects once per test binary to the admin database, failing
// the test with instructions when PostgreSQL is unreachable.
func adminPool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	admin.Lock()
	defer admin.Unlock()
	if admin.pool != nil {
		return admin.pool
	}
	cfg, err := pgxpool.ParseConfig(AdminURL())
	if err != nil {
		t.Fatalf("storetest: TEST_DATABASE_URL: %v", err)
	}
	cfg.MaxConns = 4
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	ctx := context.Background()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err == nil {
		err = pool.Ping(ctx)
	}
	if err != nil {
		if pool != nil {
			pool.Close()
		}
		t.Fatalf("storetest: PostgreSQL unreachable at %s:%d (set TEST_DATABASE_URL, or start it: "+
			"`docker compose up -d postgres`): %v", cfg.ConnConfig.Host, cfg.ConnConfig.Port, err)
	}
	admin.pool = pool
	sweepStaleDatabases(ctx, pool)
	return pool
}

func newTestDatabaseName(t testing.TB) string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatalf("storetest: random database name: %v", err)
	}
	return fmt.Sprintf("%s%d_%s", testDatabasePrefix, time.Now().Unix(), hex.EncodeToString(b))
}

// cloneDatabase creates name as a copy of template. Identifiers cannot
// be parameters; both are quoted.
func cloneDatabase(admin *pgxpool.Pool, name, template string) error {
	create := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize() +
		" TEMPLATE " + pgx.Identifier{template}.Sanitize()
	_, err := admin.Exec(context.Background(), create)
	return err
}

// dropWhenDone drops the database when the test ends. FORCE ends the
// connections a test left open, such as those of a binary it started.
func dropWhenDone(t testing.TB, admin *pgxpool.Pool, name string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		drop := "DROP DATABASE IF EXISTS " + pgx.Identifier{name}.Sanitize() + " WITH (FORCE)"
		if _, err := admin.Exec(ctx, drop); err != nil {
			t.Errorf("storetest: drop test database %s: %v", name, err)
		}
	})
}

// isMissingDatabase reports PostgreSQL's invalid_catalog_name.
func isMissingDatabase(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "3D000"
}
