package store

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/mitra-id/mitra/flows"
)

// queryOne runs a query that selects at most one row and scans it with
// scan. No row is flows.ErrNotFound, so callers can wrap it for errors.Is.
func queryOne[T any](ctx context.Context, scan pgx.RowToFunc[T], q querier, sql string, args ...any) (T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := pgx.CollectExactlyOneRow(rows, scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return v, flows.ErrNotFound
	}
	return v, err
}
