package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Pool limits used unless the URL sets its own pool_* parameters. A bot
// replica runs short queries; ten connections leave room for several
// replicas under PostgreSQL's default max_connections of 100.
const (
	defaultMaxConns        = 10
	defaultMinConns        = 1
	defaultMaxConnLifetime = 30 * time.Minute
	defaultMaxConnIdleTime = 5 * time.Minute
	defaultConnectTimeout  = 5 * time.Second
	pingTimeout            = 5 * time.Second
)

// OpenPostgres connects a pool to url and checks it with a ping. The
// pool's size and lifetimes come from the URL's pool_* parameters when
// present, otherwise from the defaults above. Only the host, database and
// user are logged, never the password.
func OpenPostgres(ctx context.Context, url string, log *slog.Logger) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgconn redacts the password in its parse errors.
		return nil, fmt.Errorf("store: parse database url: %w", err)
	}
	applyPoolDefaults(cfg, url)
	db, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	if err := db.Ping(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: ping postgres at %s/%s: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Database, err)
	}
	log.InfoContext(ctx, "postgres connected",
		"host", cfg.ConnConfig.Host, "database", cfg.ConnConfig.Database,
		"user", cfg.ConnConfig.User, "max_conns", cfg.MaxConns)
	return db, nil
}

// applyPoolDefaults sets the limits the URL leaves unset.
func applyPoolDefaults(cfg *pgxpool.Config, url string) {
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = defaultMaxConns
	}
	if !strings.Contains(url, "pool_min_conns") {
		cfg.MinConns = defaultMinConns
	}
	if !strings.Contains(url, "pool_max_conn_lifetime") {
		cfg.MaxConnLifetime = defaultMaxConnLifetime
	}
	if !strings.Contains(url, "pool_max_conn_idle_time") {
		cfg.MaxConnIdleTime = defaultMaxConnIdleTime
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = defaultConnectTimeout
	}
	// The default (ping only after a second idle) would let a retry after a
	// PostgreSQL restart meet a dead connection again; see connectionWatch.
	if cfg.ConnConfig.Tracer == nil {
		watch := &connectionWatch{}
		cfg.ConnConfig.Tracer = watch
		cfg.ShouldPing = watch.shouldPing
	}
}

// maintenanceDatabase is where EnsureDatabase connects to create the
// target; every PostgreSQL server has it.
const maintenanceDatabase = "postgres"

const sqlDatabaseExists = `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`

// EnsureDatabase creates the database named in url when it does not exist
// yet, so that `make run` works on a fresh machine. It first connects to the
// target itself, so a server where the database already exists needs no
// access to the maintenance database. Concurrent callers are safe: losing
// the race to create it counts as success.
func EnsureDatabase(ctx context.Context, url string) error {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("store: parse database url: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = defaultConnectTimeout
	}
	name := cfg.Database
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err == nil {
		return conn.Close(ctx)
	}
	if !isPgCode(err, pgCodeInvalidCatalogName) {
		return fmt.Errorf("store: connect to database %q: %w", name, err)
	}

	admin := cfg.Copy()
	admin.Database = maintenanceDatabase
	conn, err = pgx.ConnectConfig(ctx, admin)
	if err != nil {
		return fmt.Errorf("store: create database %q: connect to %q: %w", name, maintenanceDatabase, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	if err := conn.QueryRow(ctx, sqlDatabaseExists, name).Scan(&exists); err != nil {
		return fmt.Errorf("store: create database %q: %w", name, err)
	}
	if exists {
		return nil
	}
	// CREATE DATABASE takes no parameters; the name is quoted as an
	// identifier, never interpolated raw.
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	if err != nil && !isPgCode(err, pgCodeDuplicateDatabase) {
		return fmt.Errorf("store: create database %q: %w", name, err)
	}
	return nil
}

// PostgreSQL error codes this package reacts to.
const (
	pgCodeUniqueViolation    = "23505"
	pgCodeInvalidCatalogName = "3D000"
	pgCodeDuplicateDatabase  = "42P04"
)

// isPgCode reports whether err carries the PostgreSQL error code.
func isPgCode(err error, code string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == code
}
