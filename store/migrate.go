package store

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrateLockKey identifies Mitra's migration advisory lock. Advisory
// locks are scoped to one database, so the key only has to be unique among
// the locks Mitra itself takes there.
const migrateLockKey int64 = 0x6d69_7472_615f_6d67 // "mitra_mg"

const (
	sqlAdvisoryLock   = `SELECT pg_advisory_lock($1)`
	sqlAdvisoryUnlock = `SELECT pg_advisory_unlock($1)`

	sqlCreateSchemaMigrations = `
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)`
	sqlAppliedVersions = `SELECT version FROM schema_migrations`
	sqlRecordMigration = `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`
)

// Migrate applies the embedded migrations not yet recorded in
// schema_migrations, each in its own transaction, then loads the region
// data with SeedRegions. It returns how many migrations it applied.
//
// The whole run holds a PostgreSQL session advisory lock on one dedicated
// connection, so replicas starting together migrate and seed once: the
// others wait, then find nothing left to do. SeedRegions runs on other
// connections of db, so the pool must allow at least two.
func Migrate(ctx context.Context, db *pgxpool.Pool, log *slog.Logger) (applied int, err error) {
	ms, err := loadMigrations()
	if err != nil {
		return 0, err
	}
	conn, err := db.Acquire(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: migrate: acquire connection: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, sqlAdvisoryLock, migrateLockKey); err != nil {
		return 0, fmt.Errorf("store: migrate: take lock: %w", err)
	}
	defer releaseAdvisoryLock(ctx, conn, log)

	if _, err := conn.Exec(ctx, sqlCreateSchemaMigrations); err != nil {
		return 0, fmt.Errorf("store: migrate: create schema_migrations: %w", err)
	}
	done, err := appliedVersions(ctx, conn.Conn())
	if err != nil {
		return 0, err
	}
	for _, m := range ms {
		if done[m.version] {
			continue
		}
		if err := applyMigration(ctx, conn.Conn(), m); err != nil {
			return applied, err
		}
		applied++
		log.InfoContext(ctx, "migration applied", "version", m.version, "name", m.name)
	}
	if err := SeedRegions(ctx, db); err != nil {
		return applied, fmt.Errorf("store: migrate: seed regions: %w", err)
	}
	return applied, nil
}

// releaseAdvisoryLock unlocks even when ctx has ended. A connection whose
// unlock failed may still hold the lock, so it is closed rather than
// returned to the pool, which ends its session and frees the lock.
func releaseAdvisoryLock(ctx context.Context, conn *pgxpool.Conn, log *slog.Logger) {
	bg := context.WithoutCancel(ctx)
	if _, err := conn.Exec(bg, sqlAdvisoryUnlock, migrateLockKey); err != nil {
		log.WarnContext(ctx, "migration lock release failed; closing its connection", "error", err)
		_ = conn.Conn().Close(bg)
	}
}

func appliedVersions(ctx context.Context, conn *pgx.Conn) (map[int]bool, error) {
	rows, err := conn.Query(ctx, sqlAppliedVersions)
	if err != nil {
		return nil, fmt.Errorf("store: migrate: read schema_migrations: %w", err)
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return nil, fmt.Errorf("store: migrate: read schema_migrations: %w", err)
	}
	done := make(map[int]bool, len(versions))
	for _, v := range versions {
		done[int(v)] = true
	}
	return done, nil
}

// applyMigration runs one file and records it in the same transaction, so
// a failed file leaves neither its changes nor its record behind.
func applyMigration(ctx context.Context, conn *pgx.Conn, m migration) error {
	err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		// Without arguments pgx uses the simple protocol, which accepts a
		// file of several statements.
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, sqlRecordMigration, m.version, m.name)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: migrate: apply %s: %w", m.name, err)
	}
	return nil
}
