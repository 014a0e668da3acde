package store_test

import (
	"context"
	"errors"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/mitra-id/mitra/flows"
	"github.com/mitra-id/mitra/store"
)

// Ensure created invites get a fresh deep-link-safe code and no uses.
func TestCreateInviteGeneratesCode(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	admin := mustAdmin(t, store.NewVolunteers(db), 1)
	expires := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	codeShape := regexp.MustCompile(`^[A-Za-z0-9]{10}$`)

	seen := map[string]bool{}
	for range 20 {
		inv := mustInvite(t, db, admin.ID, 40, expires)
		if !codeShape.MatchString(inv.Code) || seen[inv.Code] {
			t.Fatalf("code %q: want 10 new base62 characters", inv.Code)
		}
		seen[inv.Code] = true
		want := flows.Invite{Code: inv.Code, Role: flows.RolePSM, RegencyCode: regencyPadang,
			CreatedBy: admin.ID, MaxUses: 40, Uses: 0, ExpiresAt: inv.ExpiresAt, CreatedAt: inv.CreatedAt}
		if inv != want || !inv.ExpiresAt.Equal(expires) || inv.CreatedAt.IsZero() {
			t.Errorf("created %+v, want %+v expiring %v", inv, want, expires)
		}
	}
}

// Ensure a code chosen by the caller is kept, and cannot be taken twice.
func TestCreateInviteWithChosenCode(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	invites := store.NewInvites(db)
	admin := mustAdmin(t, store.NewVolunteers(db), 1)
	inv := flows.Invite{Code: "bimtek2025", Role: flows.RoleTKSK, RegencyCode: regencyPadang,
		CreatedBy: admin.ID, MaxUses: 5, ExpiresAt: time.Now().Add(time.Hour)}
	if got, err := invites.Create(context.Background(), inv); err != nil || got.Code != inv.Code {
		t.Fatalf("Create = %+v, %v; want code %s", got, err, inv.Code)
	}
	if _, err := invites.Create(context.Background(), inv); !errors.Is(err, flows.ErrAlreadyExists) {
		t.Errorf("second Create error = %v, want ErrAlreadyExists", err)
	}
	if _, err := invites.Get(context.Background(), "nosuchcode"); !errors.Is(err, flows.ErrNotFound) {
		t.Errorf("Get of an unknown code: error = %v, want ErrNotFound", err)
	}
}

// Ensure Redeem takes a place only from a live invite with places left,
// judging expiry by the caller's clock, and says why it refused.
func TestRedeemInvite(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	invites := store.NewInvites(db)
	admin := mustAdmin(t, store.NewVolunteers(db), 1)
	expires := time.Date(2030, 6, 1, 12, 0, 0, 0, time.UTC)
	inv := mustInvite(t, db, admin.ID, 2, expires)
	other := mustInvite(t, db, admin.ID, 2, expires)

	steps := []struct {
		name     string
		code     string
		now      time.Time
		want     error
		wantUses int
	}{
		{"first place", inv.Code, expires.Add(-time.Hour), nil, 1},
		{"at the expiry instant", inv.Code, expires, flows.ErrInviteExpired, 1},
		{"after expiry", inv.Code, expires.Add(time.Second), flows.ErrInviteExpired, 1},
		{"last place", inv.Code, expires.Add(-time.Microsecond), nil, 2},
		{"used up", inv.Code, expires.Add(-time.Hour), flows.ErrInviteUsedUp, 2},
		{"used up and expired says expired", inv.Code, expires.Add(time.Hour), flows.ErrInviteExpired, 2},
		{"unknown code", "nosuchcode", expires.Add(-time.Hour), flows.ErrNotFound, 2},
	}
	for _, step := range steps {
		got, err := invites.Redeem(context.Background(), step.code, step.now)
		if !errors.Is(err, step.want) || (err == nil) != (step.want == nil) {
			t.Fatalf("%s: Redeem error = %v, want %v", step.name, err, step.want)
		}
		if err == nil && got.Uses != step.wantUses {
			t.Errorf("%s: Redeem returned %d uses, want %d", step.name, got.Uses, step.wantUses)
		}
		if stored, _ := invites.Get(context.Background(), inv.Code); stored.Uses != step.wantUses {
			t.Errorf("%s: stored uses = %d, want %d", step.name, stored.Uses, step.wantUses)
		}
	}
	if stored, _ := invites.Get(context.Background(), other.Code); stored.Uses != 0 {
		t.Errorf("another invite was used %d times, want 0", stored.Uses)
	}
}

// Ensure concurrent redeemers never take more places than there are.
func TestRedeemInviteConcurrently(t *testing.T) {
	t.Parallel()
	db := testDB(t)
	invites := store.NewInvites(db)
	admin := mustAdmin(t, store.NewVolunteers(db), 1)
	inv := mustInvite(t, db, admin.ID, 3, time.Now().Add(time.Hour))

	const redeemers = 8
	var mu sync.Mutex
	var redeemed, usedUp int
	var wg sync.WaitGroup
	for range redeemers {
		wg.Go(func() {
			_, err := invites.Redeem(context.Background(), inv.Code, time.Now())
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				redeemed++
			case errors.Is(err, flows.ErrInviteUsedUp):
				usedUp++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		})
	}
	wg.Wait()
	if redeemed != 3 || usedUp != redeemers-3 {
		t.Errorf("%d redeemed, %d used up; want 3 and %d", redeemed, usedUp, redeemers-3)
	}
}
