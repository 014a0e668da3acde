// Package store implements the ports declared by package flows: volunteers
// and invites in PostgreSQL (pgx), conversation state, update de-duplication
// and chat locks in Redis (go-redis). It also owns the schema: numbered SQL
// migrations embedded in the binary and applied by Migrate.
//
// Every method takes ctx first and wraps its errors as "store: …: %w", so
// callers test the sentinels of package flows (flows.ErrNotFound, …) with
// errors.Is. Lookups never return a zero value with a nil error.
//
// Phone numbers and NIKs are personal data: nothing in this package logs
// them, nor the password of a database URL.
package store
