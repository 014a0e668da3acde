package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// Ensure Register stores what onboarding collected, with the defaults the
// schema promises.
func TestRegisterStoresTheVolunteer(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	ctx := context.Background()

	tests := []struct {
		name string
		edit func(*flows.NewVolunteer)
		want func(*flows.Volunteer)
	}{
		{
			name: "pending volunteer",
			edit: func(nv *flows.NewVolunteer) {},
			want: func(v *flows.Volunteer) {},
		},
		{
			name: "admin starts active",
			edit: func(nv *flows.NewVolunteer) { nv.IsAdmin, nv.Status = true, flows.StatusActive },
			want: func(v *flows.Volunteer) { v.IsAdmin, v.Status = true, flows.StatusActive },
		},
		{
			name: "empty status and language take the defaults",
			edit: func(nv *flows.NewVolunteer) { nv.Status, nv.Language = "", "" },
			want: func(v *flows.Volunteer) { v.Status, v.Language = flows.StatusPending, "id" },
		},
		{
			name: "no kecamatan",
			edit: func(nv *flows.NewVolunteer) { nv.DistrictCode = "" },
			want: func(v *flows.Volunteer) { v.DistrictCode = "" },
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nv := newVolunteer(int64(1000+i), "Siti Rahmawati")
			tt.edit(&nv)
			got, err := vs.Register(ctx, nv)
			if err != nil {
				t.Fatalf("Register: %v", err)
			}
			want := flows.Volunteer{
				ID: got.ID, TelegramID: nv.TelegramID, ChatID: nv.ChatID, Name: "Siti Rahmawati",
				Role: flows.RoleTagana, Phone: "+6281234567890", RegencyCode: regencyPadang,
				DistrictCode: districtPadang, Status: flows.StatusPending, Language: "id",
				CreatedAt: got.CreatedAt,
			}
			tt.want(&want)
			if got != want {
				t.Errorf("Register returned\n%+v\nwant\n%+v", got, want)
			}
			if got.ID == 0 || got.CreatedAt.IsZero() {
				t.Errorf("ID %d, CreatedAt %v: want both set", got.ID, got.CreatedAt)
			}
			stored, err := vs.ByTelegramID(ctx, nv.TelegramID)
			if err != nil || stored != got {
				t.Errorf("ByTelegramID = %+v, %v; want what Register returned", stored, err)
			}
		})
	}
}

// Ensure a second registration of one Telegram user keeps the first and
// says so.
func TestRegisterTwiceReturnsTheExistingVolunteer(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	first := mustRegister(t, vs, newVolunteer(42, "Budi Santoso"))

	again := newVolunteer(42, "Budi S.")
	got, err := vs.Register(context.Background(), again)
	if !errors.Is(err, flows.ErrAlreadyExists) {
		t.Fatalf("second Register error = %v, want ErrAlreadyExists", err)
	}
	if got != first {
		t.Errorf("second Register returned %+v, want the first registration %+v", got, first)
	}
	if n := countRows(t, db, `SELECT count(*) FROM volunteers WHERE telegram_id = 42`); n != 1 {
		t.Errorf("%d rows for the user, want 1", n)
	}
}

// Ensure joining through a live invite takes one place, starts the account
// active with the invite's role and kabupaten/kota, and audits the join.
func TestRegisterWithInviteJoinsActive(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	admin := mustAdmin(t, vs, 1)
	inv := mustInvite(t, db, admin.ID, 10, time.Now().Add(time.Hour))

	nv := newVolunteer(2, "Rina Marlina")
	nv.InviteCode = inv.Code
	nv.Role, nv.RegencyCode = flows.RoleTagana, regencyPariaman // the invite overrides these
	v, err := vs.Register(context.Background(), nv)
	if err != nil {
		t.Fatalf("Register: %v", err)
	}
	if v.Status != flows.StatusActive || v.Role != flows.RolePSM || v.RegencyCode != regencyPadang ||
		v.InviteCode != inv.Code || v.DecidedBy != admin.ID || v.DecidedAt.IsZero() {
		t.Errorf("joined volunteer = %+v; want active PSM of %s via %s, decided by %d", v, regencyPadang, inv.Code, admin.ID)
	}
	if got, _ := store.NewInvites(db).Get(context.Background(), inv.Code); got.Uses != 1 {
		t.Errorf("invite uses = %d, want 1", got.Uses)
	}
	want := []auditRow{{ActorID: admin.ID, Action: "invite_join", TargetID: v.ID,
		Detail: map[string]any{"invite": inv.Code, "regency": regencyPadang, "role": "psm"}}}
	assertAudit(t, auditOf(t, db, v.ID), want)
}

// Ensure an invite that cannot be used refuses the registration and
// leaves no trace of it.
func TestRegisterWithUnusableInviteWritesNothing(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	admin := mustAdmin(t, vs, 1)
	expired := mustInvite(t, db, admin.ID, 10, time.Now().Add(-time.Minute))
	full := mustInvite(t, db, admin.ID, 1, time.Now().Add(time.Hour))
	holder := newVolunteer(2, "Pemegang Terakhir")
	holder.InviteCode = full.Code
	mustRegister(t, vs, holder)

	tests := []struct {
		name string
		code string
		want error
	}{
		{"expired", expired.Code, flows.ErrInviteExpired},
		{"used up", full.Code, flows.ErrInviteUsedUp},
		{"unknown", "NoSuchCode", flows.ErrNotFound},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nv := newVolunteer(int64(100+i), "Terlambat")
			nv.InviteCode = tt.code
			v, err := vs.Register(context.Background(), nv)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Register error = %v, want %v", err, tt.want)
			}
			if v != (flows.Volunteer{}) {
				t.Errorf("Register returned %+v with the error, want the zero value", v)
			}
			if _, err := vs.ByTelegramID(context.Background(), nv.TelegramID); !errors.Is(err, flows.ErrNotFound) {
				t.Errorf("volunteer stored anyway: ByTelegramID error = %v", err)
			}
		})
	}
	if n := countRows(t, db, `SELECT coalesce(sum(uses), 0) FROM invites`); n != 1 {
		t.Errorf("invites used %d times in total, want 1 (the holder's)", n)
	}
}

// Ensure a user already registered who opens an invite link again does
// not use up a place.
func TestRegisterTwiceWithInviteKeepsThePlace(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	admin := mustAdmin(t, vs, 1)
	inv := mustInvite(t, db, admin.ID, 5, time.Now().Add(time.Hour))
	nv := newVolunteer(2, "Dewi Lestari")
	nv.InviteCode = inv.Code
	first := mustRegister(t, vs, nv)

	got, err := vs.Register(context.Background(), nv)
	if !errors.Is(err, flows.ErrAlreadyExists) || got != first {
		t.Fatalf("second Register = %+v, %v; want the first registration and ErrAlreadyExists", got, err)
	}
	if again, _ := store.NewInvites(db).Get(context.Background(), inv.Code); again.Uses != 1 {
		t.Errorf("invite uses = %d, want 1", again.Uses)
	}
}

// Ensure volunteers racing for the last places of an invite cannot
// overfill it: with two places left, exactly two of five get in.
func TestRegisterWithInviteRaceForLastPlaces(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	vs := store.NewVolunteers(db)
	admin := mustAdmin(t, vs, 1)
	inv := mustInvite(t, db, admin.ID, 3, time.Now().Add(time.Hour))
	early := newVolunteer(2, "Datang Awal")
	early.InviteCode = inv.Code
	mustRegister(t, vs, early)

	const racers = 5
	errs := make([]error, racers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range racers {
		wg.Go(func() {
			nv := newVolunteer(int64(100+i), "Peserta Bimtek")
			nv.InviteCode = inv.Code
			<-start
			_, errs[i] = vs.Register(context.Background(), nv)
		})
	}
	close(start)
	wg.Wait()

	var joined, usedUp int
	for _, err := range errs {
		switch {
		case err == nil:
			joined++
		case errors.Is(err, flows.ErrInviteUsedUp):
			usedUp++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	if joined != 2 || usedUp != 3 {
		t.Errorf("%d joined and %d refused as used up; want 2 and 3", joined, usedUp)
	}
	if got, _ := store.NewInvites(db).Get(context.Background(), inv.Code); got.Uses != 3 {
		t.Errorf("invite uses = %d, want 3", got.Uses)
	}
	if n := countRows(t, db, `SELECT count(*) FROM volunteers WHERE invite_code = $1`, inv.Code); n != 3 {
		t.Errorf("%d volunteers joined through the invite, want 3", n)
	}
	if n := countRows(t, db, `SELECT count(*) FROM audit_log WHERE action = 'invite_join'`); n != 3 {
		t.Errorf("%d invite_join audit entries, want 3", n)
	}
}
