package store

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// suspectWindow is how long after a connection was found broken the pool
// checks every connection before handing it out.
const suspectWindow = 30 * time.Second

// connectionWatch decides when the pool pings a connection before use.
// Pinging every time costs a round trip per query, so a connection is
// checked only when it sat idle for over a second (pgxpool's own rule)
// or while the server is suspect: for suspectWindow after any connection
// came back closed. When PostgreSQL restarts, every idle connection is
// dead; the first query to meet one fails, and from then on the others
// are pinged and replaced instead of failing a volunteer's retry of
// "Kirim" one by one.
type connectionWatch struct {
	suspectUntil atomic.Int64 // unix nanoseconds
}

// shouldPing is the pool's ShouldPing hook.
func (w *connectionWatch) shouldPing(_ context.Context, p pgxpool.ShouldPingParams) bool {
	return p.IdleDuration > time.Second || time.Now().UnixNano() < w.suspectUntil.Load()
}

// TraceRelease sees every connection returned to the pool; a closed one
// died under a query (or its context was cancelled mid-query, which pgx
// also answers by closing it).
func (w *connectionWatch) TraceRelease(_ *pgxpool.Pool, d pgxpool.TraceReleaseData) {
	if d.Conn.IsClosed() {
		w.suspectUntil.Store(time.Now().Add(suspectWindow).UnixNano())
	}
}

// TraceQueryStart and TraceQueryEnd complete pgx.QueryTracer, the type
// the pool takes its release tracer from; they do nothing.
func (w *connectionWatch) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	return ctx
}

func (w *connectionWatch) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}
