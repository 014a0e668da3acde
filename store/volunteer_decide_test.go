package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// Ensure a decision on a pending volunteer sets the status, who decided and
// when, and is audited.
func TestDecidePendingVolunteer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		approve    bool
		wantStatus flows.Status
		wantAction string
	}{
		{"approve", true, flows.StatusActive, "approve"},
		{"reject", false, flows.StatusRejected, "reject"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db := testDB(t)
			vs := store.NewVolunteers(db)
			admin := mustAdmin(t, vs, 1)
			pending := mustRegister(t, vs, newVolunteer(2, "Agus Salim"))

			got, err := vs.Decide(context.Background(), admin.ID, pending.ID, tt.approve)
			if err != nil {
				t.Fatalf("Decide: %v", err)
			}
			if got.Status != tt.wantStatus || got.DecidedBy != admin.ID || got.DecidedAt.IsZero() {
				t.Errorf("decided volunteer = %+v; want status %s decided by %d", got, tt.wantStatus, admin.ID)
			}
			if stored, _ := vs.ByID(context.Background(), pending.ID); stored != got {
				t.Errorf("stored %+v, Decide returned %+v", stored, got)
			}
			assertAudit(t, auditOf(t, db, pending.ID), []auditRow{{
				ActorID: admin.ID, Action: tt.wantAction, TargetID: pending.ID,
				Detail: map[string]any{"regency": regencyPadang},
			}})
		})
	}
}

// Ensure the first decision wins: deciding again returns the current record
// with ErrAlreadyDecided and changes and audits nothing.
func TestDecideAlreadyDecidedReturnsCurrentRecord(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	first := mustAdmin(t, vs, 1)
	second := mustAdmin(t, vs, 2)
	pending := mustRegister(t, vs, newVolunteer(3, "Agus Salim"))
	approved, err := vs.Decide(context.Background(), first.ID, pending.ID, true)
	if err != nil {
		t.Fatal(err)
	}

	got, err := vs.Decide(context.Background(), second.ID, pending.ID, false)
	if !errors.Is(err, flows.ErrAlreadyDecided) {
		t.Fatalf("second Decide error = %v, want ErrAlreadyDecided", err)
	}
	if got != approved {
		t.Errorf("second Decide returned %+v, want the current record %+v", got, approved)
	}
	if n := len(auditOf(t, db, pending.ID)); n != 1 {
		t.Errorf("%d audit entries, want only the first decision's", n)
	}
}

// Ensure two coordinators pressing at the same moment produce exactly one
// decision.
func TestDecideConcurrentlyDecidesOnce(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	a := mustAdmin(t, vs, 1)
	b := mustAdmin(t, vs, 2)
	pending := mustRegister(t, vs, newVolunteer(3, "Agus Salim"))

	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, d := range []struct {
		actor   int64
		approve bool
	}{{a.ID, true}, {b.ID, false}} {
		wg.Go(func() { _, errs[i] = vs.Decide(context.Background(), d.actor, pending.ID, d.approve) })
	}
	wg.Wait()

	decided := 0
	for _, err := range errs {
		switch {
		case err == nil:
			decided++
		case !errors.Is(err, flows.ErrAlreadyDecided):
			t.Errorf("unexpected error: %v", err)
		}
	}
	if decided != 1 || len(auditOf(t, db, pending.ID)) != 1 {
		t.Errorf("%d decisions and %d audit entries, want 1 and 1", decided, len(auditOf(t, db, pending.ID)))
	}
}

// Ensure deciding about nobody is reported as not found.
func TestDecideUnknownVolunteer(t *testing.T) {
	t.Parallel()
	vs := store.NewVolunteers(testDB(t))
	v, err := vs.Decide(context.Background(), 0, 999, true)
	if !errors.Is(err, flows.ErrNotFound) || v != (flows.Volunteer{}) {
		t.Errorf("Decide = %+v, %v; want the zero value and ErrNotFound", v, err)
	}
}
