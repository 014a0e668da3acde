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

	"github.com/jackc/pgx/v5"

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
