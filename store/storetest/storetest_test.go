package storetest

import (
	"context"
	"testing"
	"time"
)

// Ensure each test gets its own migrated database, dropped afterwards.
func TestPostgresIsolatesTests(t *testing.T) {
	ctx := context.Background()
	var names [2]string
	for i := range names {
		t.Run("test", func(t *testing.T) {
			db := Postgres(t)
			if err := db.QueryRow(ctx, `SELECT current_database()`).Scan(&names[i]); err != nil {
				t.Fatal(err)
			}
			var migrations int
			if err := db.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&migrations); err != nil || migrations == 0 {
				t.Errorf("schema_migrations has %d rows (%v), want the migrations applied", migrations, err)
			}
		})
	}
	if names[0] == names[1] {
		t.Fatalf("both tests got database %s", names[0])
	}
	var left int
	err := adminPool(t).QueryRow(ctx, `SELECT count(*) FROM pg_database WHERE datname = ANY($1)`, names[:]).Scan(&left)
	if err != nil || left != 0 {
		t.Errorf("%d test databases left after their tests (%v), want 0", left, err)
	}
}

// Ensure a test's Redis keys are deleted when it ends, and no one else's.
func TestRedisCleansUpItsPrefix(t *testing.T) {
	ctx := context.Background()
	outer, outerPrefix := Redis(t)
	if err := outer.Set(ctx, outerPrefix+"keep", "1", time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	var inner string
	t.Run("test", func(t *testing.T) {
		rdb, prefix := Redis(t)
		inner = prefix
		for _, k := range []string{"a", "conv:{1}", "lock:{1}"} {
			if err := rdb.Set(ctx, prefix+k, "x", time.Minute).Err(); err != nil {
				t.Fatal(err)
			}
		}
	})
	if keys, err := outer.Keys(ctx, inner+"*").Result(); err != nil || len(keys) != 0 {
		t.Errorf("keys left under %s: %v (%v)", inner, keys, err)
	}
	if n := outer.Exists(ctx, outerPrefix+"keep").Val(); n != 1 {
		t.Errorf("another test's key was deleted")
	}
}

func TestWithDatabase(t *testing.T) {
	tests := []struct{ base, want string }{
		{"postgres://u:p@h:5432/postgres?sslmode=disable", "postgres://u:p@h:5432/x?sslmode=disable"},
		{"postgresql://h/", "postgresql://h/x"},
		{"host=h user=u dbname=postgres", "host=h user=u dbname=postgres dbname=x"},
	}
	for _, tt := range tests {
		if got := withDatabase(tt.base, "x"); got != tt.want {
			t.Errorf("withDatabase(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}

func TestTestDatabaseCreated(t *testing.T) {
	if got, ok := testDatabaseCreated("mitra_test_1700000000_abcdef"); !ok || got.Unix() != 1700000000 {
		t.Errorf("testDatabaseCreated = %v, %v", got, ok)
	}
	if _, ok := testDatabaseCreated("mitra_tmpl_abc"); ok {
		t.Error("a template name was read as a test database")
	}
}
