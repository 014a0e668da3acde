package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/regions"
)

// regionsTestDB creates a throwaway database mitra_regions_test_<random>
// on TEST_DATABASE_URL (default: local PostgreSQL, trust auth), applies
// migrations/001_foundation.sql to it directly — on purpose, so this test
// depends neither on the migration runner nor on storetest — and drops it
// when the test ends. Without TEST_DATABASE_URL an unreachable local
// PostgreSQL skips the test; with it, the test fails.
func regionsTestDB(t *testing.T) *pgxpool.Pool {
	t.Helper()
	url := os.Getenv("TEST_DATABASE_URL")
	explicit := url != ""
	if !explicit {
		url = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, url)
	if err != nil {
		if explicit {
			t.Fatalf("postgres at TEST_DATABASE_URL: %v", err)
		}
		t.Skipf("no PostgreSQL at %s (set TEST_DATABASE_URL): %v", url, err)
	}
	defer admin.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name := "mitra_regions_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), url)
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})

	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.Database = name
	cfg.MaxConns = 4
	db, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close) // runs before the drop above
	schema, err := os.ReadFile("migrations/001_foundation.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, string(schema)); err != nil {
		t.Fatalf("apply 001_foundation.sql: %v", err)
	}
	return db
}

// regionsTableRows reads the table as code → "parent|level|name|timezone".
func regionsTableRows(t *testing.T, db *pgxpool.Pool) map[string]string {
	t.Helper()
	rows, err := db.Query(context.Background(),
		`SELECT code, coalesce(parent_code, '-') || '|' || level || '|' || name || '|' || timezone FROM regions`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for rows.Next() {
		var code, rest string
		if err := rows.Scan(&code, &rest); err != nil {
			t.Fatal(err)
		}
		out[code] = rest
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSeedRegions(t *testing.T) {
	db := regionsTestDB(t)
	ctx := context.Background()

	// Two replicas starting together: the advisory lock makes one wait,
	// and it then finds the data in place.
	var wg sync.WaitGroup
	errs := make([]error, 2)
	start := time.Now()
	for i := range errs {
		wg.Go(func() { errs[i] = SeedRegions(ctx, db) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	t.Logf("first seed (two concurrent calls): %v", time.Since(start))

	counts := map[int]int{}
	rows, err := db.Query(ctx, `SELECT level, count(*) FROM regions GROUP BY level`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var level, n int
		if err := rows.Scan(&level, &n); err != nil {
			t.Fatal(err)
		}
		counts[level] = n
	}
	if want := map[int]int{1: 38, 2: 514, 3: 7285, 4: 83762}; !maps.Equal(counts, want) {
		t.Errorf("counts per level = %v, want %v", counts, want)
	}

	table := regionsTableRows(t, db)
	for code, want := range map[string]string{
		"13":            "-|1|Sumatera Barat|Asia/Jakarta",
		"13.71":         "13|2|Kota Padang|Asia/Jakarta",
		"61":            "-|1|Kalimantan Barat|Asia/Pontianak",
		"62.71.03.1002": "62.71.03|4|Menteng|Asia/Pontianak",
		"73":            "-|1|Sulawesi Selatan|Asia/Makassar",
		"91":            "-|1|Papua|Asia/Jayapura",
		"91.03.01.3007": "91.03.01|4|Desa Adat Yoboi|Asia/Jayapura",
		"12.07.28.1007": "12.07.28|4|Lubuk Pakam I,II|Asia/Jakarta",
		"35.13.15.2017": `35.13.15|4|Soka"an|Asia/Jakarta`,
	} {
		if table[code] != want {
			t.Errorf("row %s = %q, want %q", code, table[code], want)
		}
	}

	// Seeded: the second call only reads the comment and the count. A
	// hand edit survives it, which shows nothing was rewritten.
	if _, err := db.Exec(ctx, `UPDATE regions SET name = 'Edited' WHERE code = '13.71'`); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	if err := SeedRegions(ctx, db); err != nil {
		t.Fatal(err)
	}
	t.Logf("second seed (no-op): %v", time.Since(start))
	if got := regionsTableRows(t, db)["13.71"]; !strings.Contains(got, "|Edited|") {
		t.Errorf("second seed rewrote 13.71: %q", got)
	}

	// New data (simulated by clearing the comment): changed rows are
	// upserted, and a region the dataset no longer has stays.
	if _, err := db.Exec(ctx, `COMMENT ON TABLE regions IS 'older dataset'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `INSERT INTO regions VALUES ('13.71.99', '13.71', 3, 'Dropped', 'Asia/Jakarta')`); err != nil {
		t.Fatal(err)
	}
	if err := SeedRegions(ctx, db); err != nil {
		t.Fatal(err)
	}
	after := regionsTableRows(t, db)
	if after["13.71"] != "13|2|Kota Padang|Asia/Jakarta" {
		t.Errorf("13.71 not repaired: %q", after["13.71"])
	}
	if after["13.71.99"] == "" {
		t.Error("a region missing from the data was deleted")
	}
	delete(after, "13.71.99")
	if !maps.Equal(after, table) {
		t.Errorf("re-seed changed %d rows", len(after))
	}
}

func TestLoadRegions(t *testing.T) {
	db := regionsTestDB(t)
	ctx := context.Background()
	if err := SeedRegions(ctx, db); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	got, err := LoadRegions(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("LoadRegions: %d regions in %v", len(got), time.Since(start))

	var want []regions.Region
	for _, name := range regionsFiles {
		rs, err := regionsRead(name)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, rs...)
	}
	slices.SortFunc(want, func(a, b regions.Region) int { return strings.Compare(a.Code, b.Code) })
	if len(got) != len(want) || len(got) != 91599 {
		t.Fatalf("loaded %d regions, embedded %d, want 91599", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("region %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	x := regions.NewIndex(got)
	if l := x.Label("13.74.02.1002"); l != "Pasar Usang, Kec. Padang Panjang Barat, Kota Padang Panjang, Sumatera Barat" {
		t.Errorf("label from loaded regions = %q", l)
	}
}

// TestRegionsEmbeddedData checks the embedded files without a database.
func TestRegionsEmbeddedData(t *testing.T) {
	a, err := regionsDigest()
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := regionsDigest(); a != b || len(a) != 64 {
		t.Errorf("digest %q then %q", a, b)
	}
	src := &regionsCopySource{}
	n := 0
	for src.Next() {
		v, _ := src.Values()
		if code := v[0].(string); (v[1] == nil) != (regions.LevelOf(code) == regions.ProvinceLevel) {
			t.Fatalf("row %v: parent and level disagree", v)
		}
		n++
	}
	if src.Err() != nil || n != 91599 {
		t.Errorf("copy source: %d rows, err %v", n, src.Err())
	}
	if _, err := regionsRead("missing.csv"); !errors.Is(err, ErrRegionsData) {
		t.Errorf("missing file: %v, want ErrRegionsData", err)
	}
}
