// Package storetest gives tests real, isolated PostgreSQL databases and
// Redis key spaces, and loggers that write to the test log. Every package's
// tests use it; production code must not import it.
//
// PostgreSQL comes from TEST_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable), Redis from
// TEST_REDIS_URL (default redis://127.0.0.1:6379/0). A test whose service is
// unreachable fails with a message saying how to start it: CI always has
// both, and a silently skipped test proves nothing.
package storetest
