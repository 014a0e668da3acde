package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/store"
	"github.com/mitra-id/mitra/store/storetest"
)

// Ensure replicas starting together on an empty database migrate it once:
// all succeed, and each migration is applied exactly once.
func TestMigrateConcurrentlyAppliesEachMigrationOnce(t *testing.T) {
	t.Parallel()
	url := storetest.EmptyDatabaseURL(t)
	ctx := context.Background()
	const replicas = 3

	pools := make([]*pgxpool.Pool, replicas)
	for i := range pools {
		cfg, err := pgxpool.ParseConfig(url)
		if err != nil {
			t.Fatal(err)
		}
		cfg.MaxConns = 3
		if pools[i], err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(pools[i].Close)
	}
	applied := make([]int, replicas)
	errs := make([]error, replicas)
	var wg sync.WaitGroup
	for i, db := range pools {
		wg.Go(func() { applied[i], errs[i] = store.Migrate(ctx, db, storetest.Logger(t)) })
	}
	wg.Wait()

	total := 0
	for i, err := range errs {
		if err != nil {
			t.Errorf("replica %d: Migrate: %v", i, err)
		}
		total += applied[i]
	}
	db := pools[0]
	var files, recorded, distinct int
	if err := db.QueryRow(ctx, `SELECT count(*), count(DISTINCT version) FROM schema_migrations`).Scan(&recorded, &distinct); err != nil {
		t.Fatal(err)
	}
	files = migrationFileCount(t)
	if total != files || recorded != files || distinct != files {
		t.Errorf("applied %d in total, %d recorded (%d distinct); want each of the %d files once",
			total, recorded, distinct, files)
	}

	again, err := store.Migrate(ctx, db, storetest.Logger(t))
	if err != nil || again != 0 {
		t.Errorf("Migrate on a migrated database = %d, %v; want 0, nil", again, err)
	}
}

func migrationFileCount(t *testing.T) int {
	t.Helper()
	n, err := store.MigrationFileCount()
	if err != nil || n == 0 {
		t.Fatalf("embedded migrations: %d, %v", n, err)
	}
	return n
}
