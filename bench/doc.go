// Package bench holds Mitra's end-to-end performance benchmarks. They
// build cmd/mitra, run `mitra serve` as a separate process against a fake
// Telegram Bot API server, a fresh PostgreSQL database and a dedicated
// Redis database, and drive it with simulated volunteers:
//
//	go test -run '^$' -bench . ./bench/
//
// The code is in _test.go files; BENCHMARKS.md at the repository root
// explains the method and records the results.
package bench
