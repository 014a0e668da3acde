package storetest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/store"
)

// templatePrefix starts the name of every template database; a hash of
// what it holds (store.SchemaChecksum) follows.
const templatePrefix = "mitra_tmpl_"

// templateLockKey names the advisory lock, taken in the admin database,
// under which one test binary builds a missing template while the others
// wait for it.
const templateLockKey int64 = 0x6d69_7472_615f_746d // "mitra_tm"

// templateBuildTimeout bounds migrating and seeding the template, which
// loads every region of Indonesia.
const templateBuildTimeout = 5 * time.Minute

// templates remembers, per test binary, the templates known to be ready.
var templates struct {
	sync.Mutex
	ready map[string]bool
}

const sqlTemplateState = `SELECT datistemplate FROM pg_database WHERE datname = $1`

// templateDatabase returns the name of the template holding the current
// schema and seed data, building it first if no test binary has yet. The
// name carries a hash of the migrations and the region seed, so a change
// gets a new template; building one drops the templates of other versions.
func templateDatabase(t testing.TB, admin *pgxpool.Pool) string {
	t.Helper()
	checksum, err := store.SchemaChecksum()
	if err != nil {
		t.Fatalf("storetest: %v", err)
	}
	name := templatePrefix + checksum[:12]

	templates.Lock()
	defer templates.Unlock()
	if templates.ready[name] {
		return name
	}
	ctx, cancel := context.WithTimeout(context.Background(), templateBuildTimeout)
	defer cancel()
	conn, err := admin.Acquire(ctx)
	if err != nil {
		t.Fatalf("storetest: template %s: %v", name, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, templateLockKey); err != nil {
		t.Fatalf("storetest: template %s: lock: %v", name, err)
	}
	defer func() {
		if _, err := conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, templateLockKey); err != nil {
			_ = conn.Conn().Close(context.Background()) // ends the session, and so the lock
		}
	}()

	var isTemplate bool
	err = conn.QueryRow(ctx, sqlTemplateState, name).Scan(&isTemplate)
	switch {
	case err == nil && isTemplate:
		// Built by an earlier run or another test binary.
	case err == nil || errors.Is(err, pgx.ErrNoRows):
		// Absent, or left half-built by a run that died: (re)build.
		start := time.Now()
		if err := buildTemplate(ctx, t, conn.Conn(), name); err != nil {
			t.Fatalf("storetest: build template %s: %v", name, err)
		}
		t.Logf("storetest: built template database %s in %v", name, time.Since(start).Round(time.Millisecond))
		dropOtherTemplates(ctx, conn.Conn(), name)
	default:
		t.Fatalf("storetest: template %s: %v", name, err)
	}
	if templates.ready == nil {
		templates.ready = map[string]bool{}
	}
	templates.ready[name] = true
	return name
}

// forgetTemplate makes the next templateDatabase check the server again,
// after a clone found the template gone.
func forgetTemplate(name string) {
	templates.Lock()
	defer templates.Unlock()
	delete(templates.ready, name)
}

// buildTemplate creates the database, migrates and seeds it with
// store.Migrate, and marks it a template that accepts no connections: a
// connected session would make every clone fail.
func buildTemplate(ctx context.Context, t testing.TB, admin *pgx.Conn, name string) error {
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)"); err != nil {
		return err
	}
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+ident); err != nil {
		return err
	}
	if err := migrateTemplate(ctx, t, name); err != nil {
		_, _ = admin.Exec(context.WithoutCancel(ctx), "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)")
		return err
	}
	_, err := admin.Exec(ctx, "ALTER DATABASE "+ident+" WITH ALLOW_CONNECTIONS false IS_TEMPLATE true")
	return err
}

func migrateTemplate(ctx context.Context, t testing.TB, name string) error {
	cfg, err := pgxpool.ParseConfig(withDatabase(AdminURL(), name))
	if err != nil {
		return err
	}
	cfg.MaxConns = 4 // Migrate holds one for its lock while seeding uses others
	db, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = store.Migrate(ctx, db, Logger(t))
	return err
}

const sqlTemplates = `SELECT datname FROM pg_database WHERE datname LIKE 'mitra\_tmpl\_%'`

// dropOtherTemplates removes the templates of other schema versions, best
// effort, so the disk does not fill up as the schema evolves. A test binary
// of another version still running finds its template gone and rebuilds it
// (see createDatabase).
func dropOtherTemplates(ctx context.Context, admin *pgx.Conn, keep string) {
	rows, err := admin.Query(ctx, sqlTemplates)
	if err != nil {
		return
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, name := range names {
		if name == keep || !strings.HasPrefix(name, templatePrefix) {
			continue
		}
		ident := pgx.Identifier{name}.Sanitize()
		if _, err := admin.Exec(ctx, "ALTER DATABASE "+ident+" WITH IS_TEMPLATE false"); err == nil {
			_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+ident+" WITH (FORCE)")
		}
	}
}
