package store_test

import (
	"context"
	"testing"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// Ensure admin rights follow the configured list for volunteers who
// registered before it changed: a listed pending volunteer becomes an
// active admin, an admin no longer listed loses admin, others are left
// alone, and every change is audited as the system's.
func TestSyncAdminsFollowsTheConfiguredList(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	ctx := context.Background()
	former := mustAdmin(t, vs, 1)
	kept := mustAdmin(t, vs, 2)
	pending := mustRegister(t, vs, newVolunteer(3, "Rahmat Hidayat"))
	other := mustRegister(t, vs, newVolunteer(4, "Siti Aminah"))

	granted, revoked, err := vs.SyncAdmins(ctx, []int64{2, 3, 999})
	if err != nil || granted != 1 || revoked != 1 {
		t.Fatalf("SyncAdmins = %d granted, %d revoked, %v; want 1, 1", granted, revoked, err)
	}
	tests := []struct {
		who        flows.Volunteer
		wantAdmin  bool
		wantStatus flows.Status
		wantAudit  []auditRow
	}{
		{former, false, flows.StatusActive, []auditRow{{Action: "revoke_admin", TargetID: former.ID, Detail: map[string]any{"source": "MITRA_ADMINS"}}}},
		{kept, true, flows.StatusActive, nil},
		{pending, true, flows.StatusActive, []auditRow{{Action: "grant_admin", TargetID: pending.ID, Detail: map[string]any{"source": "MITRA_ADMINS"}}}},
		{other, false, flows.StatusPending, nil},
	}
	for _, tt := range tests {
		got, err := vs.ByID(ctx, tt.who.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.IsAdmin != tt.wantAdmin || got.Status != tt.wantStatus {
			t.Errorf("telegram %d: admin=%v status=%s, want admin=%v status=%s", got.TelegramID, got.IsAdmin, got.Status, tt.wantAdmin, tt.wantStatus)
		}
		assertAudit(t, auditOf(t, db, tt.who.ID), tt.wantAudit)
	}

	// The same list again changes nothing.
	if granted, revoked, err := vs.SyncAdmins(ctx, []int64{2, 3, 999}); err != nil || granted+revoked != 0 {
		t.Errorf("second SyncAdmins = %d granted, %d revoked, %v; want nothing", granted, revoked, err)
	}
}
