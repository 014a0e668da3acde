package store_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store/storetest"
)

// Regions of the field-record tests: Kota Padang, Sumatera Barat.
const (
	recProvince = "13"
	recRegency  = "13.71"         // Kota Padang
	recDistrict = "13.71.01"      // Padang Selatan
	recVillage  = "13.71.01.1001" // Belakang Pondok
)

// wib is the time zone of Padang; dates in the tests are midnight there,
// as the flows produce them.
var wib = time.FixedZone("WIB", 7*60*60)

const sqlRecordsUpsertRegion = `
INSERT INTO regions (code, parent_code, level, name, timezone)
VALUES ($1, nullif($2::text, ''), $3, $4, 'Asia/Jakarta')
ON CONFLICT (code) DO NOTHING`

// recordsDB returns a fresh migrated database holding the regions above.
// The seeded template has them already; they are upserted so the tests
// also pass on a database without region data.
func recordsDB(t *testing.T) *pgxpool.Pool {
	t.Helper()
	db := storetest.Postgres(t)
	regions := []struct {
		code, parent string
		level        int
		name         string
	}{
		{recProvince, "", 1, "Sumatera Barat"},
		{recRegency, recProvince, 2, "Kota Padang"},
		{recDistrict, recRegency, 3, "Padang Selatan"},
		{recVillage, recDistrict, 4, "Belakang Pondok"},
	}
	for _, r := range regions {
		if _, err := db.Exec(context.Background(), sqlRecordsUpsertRegion, r.code, r.parent, r.level, r.name); err != nil {
			t.Fatalf("insert region %s: %v", r.code, err)
		}
	}
	return db
}

var recordsTelegramIDs atomic.Int64

const sqlRecordsInsertVolunteer = `
INSERT INTO volunteers (telegram_id, chat_id, name, role, phone, regency_code, district_code, status)
VALUES ($1, $1, $2, 'tagana', '+6281200000000', $3, $4, 'active')
RETURNING id`

// recordsVolunteer inserts an active Tagana volunteer of Kota Padang and
// returns its id.
func recordsVolunteer(t *testing.T, db *pgxpool.Pool, name string) int64 {
	t.Helper()
	var id int64
	tgID := 7_000_000 + recordsTelegramIDs.Add(1)
	if err := db.QueryRow(context.Background(), sqlRecordsInsertVolunteer, tgID, name, recRegency, recDistrict).Scan(&id); err != nil {
		t.Fatalf("insert volunteer %s: %v", name, err)
	}
	return id
}

// recordsCount runs a SELECT count(*) query.
func recordsCount(t *testing.T, db *pgxpool.Pool, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// known is a head count the volunteer knows.
func known(n int) flows.Count { return &n }

// countText shows a count as the tests compare it.
func countText(c flows.Count) string {
	if c == nil {
		return "tidak tahu"
	}
	return strconv.Itoa(*c)
}

// sameDay reports whether t falls on the calendar day y-m-d, the way date
// columns come back (midnight UTC).
func sameDay(t time.Time, y int, m time.Month, d int) bool {
	ty, tm, td := t.Date()
	return ty == y && tm == m && td == d
}
