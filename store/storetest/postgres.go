package storetest

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// DefaultDatabaseURL is the admin connection used when TEST_DATABASE_URL is
// unset: the maintenance database of a local PostgreSQL, which
// docker-compose.yml and .ci/run provide.
const DefaultDatabaseURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// Postgres returns a pool on a fresh database of the test's own, fully
// migrated and seeded, cloned from a template in a fraction of a second.
// The pool is closed and the database dropped when the test ends.
func Postgres(t testing.TB) *pgxpool.Pool {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(DatabaseURL(t))
	if err != nil {
		t.Fatalf("storetest: parse database url: %v", err)
	}
	// Enough for tests that race several transactions against each other.
	cfg.MaxConns = 8
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatalf("storetest: open test database: %v", err)
	}
	// Cleanups run last-in first-out: the pool closes before the
	// database it uses is dropped.
	t.Cleanup(pool.Close)
	return pool
}

// DatabaseURL creates a fresh migrated and seeded database, as Postgres
// does, and returns its URL, for tests that start the whole binary. The
// database is dropped when the test ends, ending any connection left.
func DatabaseURL(t testing.TB) string {
	t.Helper()
	admin := adminPool(t)
	name := newTestDatabaseName(t)
	tmpl := templateDatabase(t, admin)
	err := cloneDatabase(admin, name, tmpl)
	if isMissingDatabase(err) {
		// A test binary of another schema version dropped it as outdated
		// (see dropOtherTemplates): build it again.
		forgetTemplate(tmpl)
		tmpl = templateDatabase(t, admin)
		err = cloneDatabase(admin, name, tmpl)
	}
	if err != nil {
		t.Fatalf("storetest: create test database from %s: %v", tmpl, err)
	}
	dropWhenDone(t, admin, name)
	return withDatabase(AdminURL(), name)
}

// EmptyDatabaseURL creates a database of the test's own with no tables at
// all, for tests of migrating itself, and returns its URL. It is dropped
// when the test ends.
func EmptyDatabaseURL(t testing.TB) string {
	t.Helper()
	admin := adminPool(t)
	name := newTestDatabaseName(t)
	if err := cloneDatabase(admin, name, "template0"); err != nil {
		t.Fatalf("storetest: create empty test database: %v", err)
	}
	dropWhenDone(t, admin, name)
	return withDatabase(AdminURL(), name)
}

// AdminURL is the URL of the server's maintenance database that storetest
// administers from: TEST_DATABASE_URL, or DefaultDatabaseURL.
func AdminURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultDatabaseURL
}

// withDatabase returns base with its database replaced by name; base is a
// postgres:// URL or a keyword/value connection string.
func withDatabase(base, name string) string {
	if strings.HasPrefix(base, "postgres://") || strings.HasPrefix(base, "postgresql://") {
		if u, err := url.Parse(base); err == nil {
			u.Path = "/" + name
			u.RawPath = ""
			return u.String()
		}
	}
	// In a keyword/value string the last setting of a keyword wins.
	return base + " dbname=" + name
}
