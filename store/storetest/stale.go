package storetest

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// staleAfter is the age beyond which a test database is a leftover: its
// test was killed before its cleanup ran. No test runs this long.
const staleAfter = 2 * time.Hour

const sqlTestDatabases = `SELECT datname FROM pg_database WHERE datname LIKE 'mitra\_test\_%'`

// sweepStaleDatabases drops test databases older than staleAfter, so
// interrupted runs do not fill the disk. It is best effort: a database
// still in use refuses the plain DROP and is left alone.
func sweepStaleDatabases(ctx context.Context, pool *pgxpool.Pool) {
	rows, err := pool.Query(ctx, sqlTestDatabases)
	if err != nil {
		return
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return
	}
	for _, name := range names {
		created, ok := testDatabaseCreated(name)
		if !ok || time.Since(created) < staleAfter {
			continue
		}
		_, _ = pool.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize())
	}
}

// testDatabaseCreated reads the creation time from a name made by
// newTestDatabaseName.
func testDatabaseCreated(name string) (time.Time, bool) {
	rest, ok := strings.CutPrefix(name, testDatabasePrefix)
	if !ok {
		return time.Time{}, false
	}
	secs, _, _ := strings.Cut(rest, "_")
	n, err := strconv.ParseInt(secs, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(n, 0), true
}
