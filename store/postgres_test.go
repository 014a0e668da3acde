package store_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/store"
	"github.com/mitra-id/mitra/store/storetest"
)

// Ensure EnsureDatabase creates a missing database, once, and that the
// pool then opens on it.
func TestEnsureDatabaseCreatesItOnce(t *testing.T) {
	t.Parallel()
	admin := storetest.AdminURL()
	u, err := url.Parse(admin)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Skip("TEST_DATABASE_URL is not a postgres:// URL")
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "mitra_test_ensure_" + hex.EncodeToString(b)
	u.Path = "/" + name
	target := u.String()
	ctx := context.Background()
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Error(err)
		}
	})

	for range 2 {
		if err := store.EnsureDatabase(ctx, target); err != nil {
			t.Fatalf("EnsureDatabase: %v", err)
		}
	}
	db, err := store.OpenPostgres(ctx, target, storetest.Logger(t))
	if err != nil {
		t.Fatalf("OpenPostgres on the created database: %v", err)
	}
	db.Close()
}

// Ensure the password of the database URL appears in no log line nor error.
func TestOpenPostgresNeverShowsThePassword(t *testing.T) {
	t.Parallel()
	const password = "Rahasia-Sekali-42"
	u, err := url.Parse(storetest.AdminURL())
	if err != nil || u.Scheme == "" {
		t.Skip("TEST_DATABASE_URL is not a postgres:// URL")
	}
	u.User = url.UserPassword(u.User.Username(), password)
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))

	db, err := store.OpenPostgres(context.Background(), u.String(), log)
	if err == nil {
		db.Close() // the server trusts local connections and ignored the password
	}
	if strings.Contains(logs.String(), password) || (err != nil && strings.Contains(err.Error(), password)) {
		t.Errorf("password leaked:\nlogs: %s\nerror: %v", logs.String(), err)
	}

	u.Host = "127.0.0.1:1" // nothing listens there
	if _, err := store.OpenPostgres(context.Background(), u.String(), log); err == nil || strings.Contains(err.Error(), password) {
		t.Errorf("OpenPostgres on a closed port: error = %v; want one without the password", err)
	}
}

// Ensure that after PostgreSQL drops every connection (a restart), at most
// the first query fails: the pool then checks its other idle connections
// before use instead of handing out dead ones, while it does not ping a
// healthy, busy pool before every query.
func TestPoolRecoversAfterServerDropsConnections(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := storetest.DatabaseURL(t)
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	db, err := store.OpenPostgres(ctx, url+sep+"pool_max_conns=4", storetest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	// Hold four connections at once so the pool keeps four idle ones.
	var pids []int64
	var conns []*pgxpool.Conn
	for range 4 {
		c, err := db.Acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		pids = append(pids, int64(c.Conn().PgConn().PID()))
	}
	for _, c := range conns {
		c.Release()
	}

	admin, err := pgx.Connect(ctx, storetest.AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, pids); err != nil {
		t.Fatal(err)
	}
	for {
		var alive int
		if err := admin.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE pid = ANY($1)`, pids).Scan(&alive); err != nil {
			t.Fatal(err)
		}
		if alive == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}

	var one int
	firstErr := db.QueryRow(ctx, `SELECT 1`).Scan(&one)
	for i := range 3 {
		if err := db.QueryRow(ctx, `SELECT 1`).Scan(&one); err != nil {
			t.Fatalf("query %d after the server dropped the connections: %v (first query: %v)", i+2, err, firstErr)
		}
	}
}
