package store_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
	"github.com/mitra-id/mitra/store/storetest"
)

// Regions the tests use. The seeded template has them already; they are
// upserted so the tests pass on a database without region data too.
const (
	provinceSumbar  = "13"
	regencyPadang   = "13.71" // Kota Padang
	districtPadang  = "13.71.01"
	regencyPariaman = "13.05" // Kab. Padang Pariaman
)

const sqlUpsertTestRegion = `
INSERT INTO regions (code, parent_code, level, name, timezone)
VALUES ($1, NULLIF($2, ''), $3, $4, 'Asia/Jakarta')
ON CONFLICT (code) DO NOTHING`

// testDB returns a fresh migrated database holding the test regions.
func testDB(t *testing.T) *pgxpool.Pool {
	t.Helper()
	db := storetest.Postgres(t)
	rows := []struct {
		code, parent string
		level        int
		name         string
	}{
		{provinceSumbar, "", 1, "Sumatera Barat"},
		{regencyPadang, provinceSumbar, 2, "Kota Padang"},
		{districtPadang, regencyPadang, 3, "Bungus Teluk Kabung"},
		{regencyPariaman, provinceSumbar, 2, "Kab. Padang Pariaman"},
	}
	for _, r := range rows {
		if _, err := db.Exec(context.Background(), sqlUpsertTestRegion, r.code, r.parent, r.level, r.name); err != nil {
			t.Fatalf("insert region %s: %v", r.code, err)
		}
	}
	return db
}

// newVolunteer is a valid pending registration from Kota Padang; change
// fields as a test needs.
func newVolunteer(telegramID int64, name string) flows.NewVolunteer {
	return flows.NewVolunteer{
		TelegramID:   telegramID,
		ChatID:       telegramID,
		Name:         name,
		Role:         flows.RoleTagana,
		Phone:        "+6281234567890",
		RegencyCode:  regencyPadang,
		DistrictCode: districtPadang,
		Language:     "id",
		Status:       flows.StatusPending,
	}
}

// mustRegister registers nv and fails the test on any error.
func mustRegister(t *testing.T, vs *store.Volunteers, nv flows.NewVolunteer) flows.Volunteer {
	t.Helper()
	v, err := vs.Register(context.Background(), nv)
	if err != nil {
		t.Fatalf("register %q: %v", nv.Name, err)
	}
	return v
}

// mustAdmin registers an active admin, who may create invites and decide.
func mustAdmin(t *testing.T, vs *store.Volunteers, telegramID int64) flows.Volunteer {
	t.Helper()
	nv := newVolunteer(telegramID, "Admin Dinsos")
	nv.IsAdmin, nv.Status = true, flows.StatusActive
	return mustRegister(t, vs, nv)
}

// auditRow is one audit_log entry as the tests compare it.
type auditRow struct {
	ActorID  int64
	Action   string
	TargetID int64
	Detail   map[string]any
}

// auditOf lists the audit entries about a volunteer, oldest first.
func auditOf(t *testing.T, db *pgxpool.Pool, targetID int64) []auditRow {
	t.Helper()
	rows, err := db.Query(context.Background(), `
SELECT coalesce(actor_id, 0), action, coalesce(target_id, 0), detail
FROM audit_log WHERE target_id = $1 ORDER BY id`, targetID)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (auditRow, error) {
		var a auditRow
		var detail []byte
		if err := row.Scan(&a.ActorID, &a.Action, &a.TargetID, &detail); err != nil {
			return a, err
		}
		return a, json.Unmarshal(detail, &a.Detail)
	})
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// countRows runs a SELECT count(*) query.
func countRows(t *testing.T, db *pgxpool.Pool, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// mustInvite creates an invite to Kota Padang for PSM volunteers.
func mustInvite(t *testing.T, db *pgxpool.Pool, createdBy int64, maxUses int, expiresAt time.Time) flows.Invite {
	t.Helper()
	inv, err := store.NewInvites(db).Create(context.Background(), flows.Invite{
		Role: flows.RolePSM, RegencyCode: regencyPadang, CreatedBy: createdBy,
		MaxUses: maxUses, ExpiresAt: expiresAt,
	})
	if err != nil {
		t.Fatalf("create invite: %v", err)
	}
	return inv
}

// assertAudit compares audit entries in order.
func assertAudit(t *testing.T, got, want []auditRow) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit entries\n%+v\nwant\n%+v", got, want)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
