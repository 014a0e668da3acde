package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// Ensure granting, moving and revoking the coordinator role each change
// the record and leave an audit entry saying what changed.
func TestSetCoordinatorGrantMoveRevoke(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	ctx := context.Background()
	admin := mustAdmin(t, vs, 1)
	v := mustRegister(t, vs, newVolunteer(2, "Yusuf Hamid"))

	steps := []struct {
		name    string
		regency string
		want    auditRow
	}{
		{"grant", regencyPadang, auditRow{Action: "grant_coordinator",
			Detail: map[string]any{"regency": regencyPadang}}},
		{"move", regencyPariaman, auditRow{Action: "grant_coordinator",
			Detail: map[string]any{"regency": regencyPariaman, "previous": regencyPadang}}},
		{"revoke", "", auditRow{Action: "revoke_coordinator",
			Detail: map[string]any{"regency": regencyPariaman}}},
	}
	var want []auditRow
	for _, step := range steps {
		got, err := vs.SetCoordinator(ctx, admin.ID, v.ID, step.regency)
		if err != nil {
			t.Fatalf("%s: SetCoordinator: %v", step.name, err)
		}
		if got.CoordinatorOf != step.regency || got.IsCoordinator() != (step.regency != "") {
			t.Errorf("%s: CoordinatorOf = %q, want %q", step.name, got.CoordinatorOf, step.regency)
		}
		step.want.ActorID, step.want.TargetID = admin.ID, v.ID
		want = append(want, step.want)
	}
	assertAudit(t, auditOf(t, db, v.ID), want)
}

// Ensure setting the role a volunteer already has changes nothing and is
// not audited.
func TestSetCoordinatorUnchangedIsNotAudited(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	admin := mustAdmin(t, vs, 1)
	v := mustRegister(t, vs, newVolunteer(2, "Yusuf Hamid"))

	for _, regency := range []string{"", regencyPadang, regencyPadang} {
		if _, err := vs.SetCoordinator(context.Background(), admin.ID, v.ID, regency); err != nil {
			t.Fatalf("SetCoordinator(%q): %v", regency, err)
		}
	}
	if n := len(auditOf(t, db, v.ID)); n != 1 {
		t.Errorf("%d audit entries, want 1 (the grant)", n)
	}
}

// Ensure unknown volunteers and regions are reported as not found.
func TestSetCoordinatorNotFound(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	admin := mustAdmin(t, vs, 1)
	v := mustRegister(t, vs, newVolunteer(2, "Yusuf Hamid"))

	tests := []struct {
		name        string
		volunteerID int64
		regency     string
	}{
		{"unknown volunteer", 999, regencyPadang},
		{"unknown region", v.ID, "99.99"},
		{"a kecamatan is not a kabupaten/kota", v.ID, districtPadang},
		{"a province is not a kabupaten/kota", v.ID, provinceSumbar},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := vs.SetCoordinator(context.Background(), admin.ID, tt.volunteerID, tt.regency)
			if !errors.Is(err, flows.ErrNotFound) || got != (flows.Volunteer{}) {
				t.Errorf("SetCoordinator = %+v, %v; want the zero value and ErrNotFound", got, err)
			}
		})
	}
	if n := len(auditOf(t, db, v.ID)); n != 0 {
		t.Errorf("%d audit entries, want none", n)
	}
}
