package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/flows"
)

// Invites stores invite deep links (table invites). It implements
// flows.Invites.
type Invites struct{ db *pgxpool.Pool }

var _ flows.Invites = (*Invites)(nil)

// NewInvites returns the invite store backed by db.
func NewInvites(db *pgxpool.Pool) *Invites { return &Invites{db: db} }

const inviteColumns = ` code, role, regency_code, created_by, max_uses, uses, expires_at, created_at`

func scanInvite(row pgx.CollectableRow) (flows.Invite, error) {
	var inv flows.Invite
	err := row.Scan(&inv.Code, &inv.Role, &inv.RegencyCode, &inv.CreatedBy,
		&inv.MaxUses, &inv.Uses, &inv.ExpiresAt, &inv.CreatedAt)
	return inv, err
}

const sqlInsertInvite = `
INSERT INTO invites (code, role, regency_code, created_by, max_uses, uses, expires_at)
VALUES ($1, $2, $3, $4, $5, 0, $6)
RETURNING` + inviteColumns

// generatedCodeAttempts bounds retries on the (astronomically unlikely)
// collision of a generated code with an existing one.
const generatedCodeAttempts = 3

// Create stores a new invite with no uses. When inv.Code is empty a random
// code is generated (see newInviteCode); a code given by the caller that
// exists already yields an error wrapping flows.ErrAlreadyExists.
// ExpiresAt is required and MaxUses must be positive.
func (s *Invites) Create(ctx context.Context, inv flows.Invite) (flows.Invite, error) {
	if inv.ExpiresAt.IsZero() {
		// A zero expiry would store year 1: an invite dead on arrival.
		return flows.Invite{}, errors.New("store: create invite: ExpiresAt is required")
	}
	generate := inv.Code == ""
	for attempt := 1; ; attempt++ {
		code := inv.Code
		if generate {
			var err error
			if code, err = newInviteCode(); err != nil {
				return flows.Invite{}, fmt.Errorf("store: create invite: %w", err)
			}
		}
		created, err := queryOne(ctx, scanInvite, s.db, sqlInsertInvite,
			code, inv.Role, inv.RegencyCode, inv.CreatedBy, inv.MaxUses, inv.ExpiresAt)
		if isPgCode(err, pgCodeUniqueViolation) {
			if generate && attempt < generatedCodeAttempts {
				continue
			}
			err = flows.ErrAlreadyExists
		}
		if err != nil {
			return flows.Invite{}, fmt.Errorf("store: create invite %s: %w", code, err)
		}
		return created, nil
	}
}

const sqlInviteByCode = `SELECT` + inviteColumns + ` FROM invites WHERE code = $1`

// Get returns the invite, or an error wrapping flows.ErrNotFound.
func (s *Invites) Get(ctx context.Context, code string) (flows.Invite, error) {
	inv, err := queryOne(ctx, scanInvite, s.db, sqlInviteByCode, code)
	if err != nil {
		return flows.Invite{}, fmt.Errorf("store: invite %s: %w", code, err)
	}
	return inv, nil
}

// Redeem uses one place of the invite, judging expiry at now (the caller's
// clock, so tests control it). It fails with an error wrapping
// flows.ErrNotFound, flows.ErrInviteExpired or flows.ErrInviteUsedUp and
// then changes nothing.
func (s *Invites) Redeem(ctx context.Context, code string, now time.Time) (flows.Invite, error) {
	inv, err := redeemInvite(ctx, s.db, code, &now)
	if err != nil {
		return flows.Invite{}, fmt.Errorf("store: redeem invite %s: %w", code, err)
	}
	return inv, nil
}

// sqlRedeemInvite takes one place only while one is left and the invite
// is live. Concurrent redeemers queue on the row lock and each re-checks
// the condition against the committed count, so no more than max_uses
// ever succeed. $2 is the clock; NULL means the database's.
const sqlRedeemInvite = `
UPDATE invites SET uses = uses + 1
WHERE code = $1 AND uses < max_uses AND expires_at > coalesce($2::timestamptz, now())
RETURNING` + inviteColumns

// redeemInvite runs the guarded update on q (the pool, or the transaction
// of a registration) and, when it took no place, tells why.
func redeemInvite(ctx context.Context, q querier, code string, now *time.Time) (flows.Invite, error) {
	inv, err := queryOne(ctx, scanInvite, q, sqlRedeemInvite, code, now)
	if !errors.Is(err, flows.ErrNotFound) {
		return inv, err
	}
	return flows.Invite{}, whyNotRedeemable(ctx, q, code, now)
}

const sqlInviteRefusal = `
SELECT expires_at <= coalesce($2::timestamptz, now()), uses >= max_uses
FROM invites WHERE code = $1`

// whyNotRedeemable names the reason an invite could not be redeemed:
// flows.ErrNotFound, else flows.ErrInviteExpired, else flows.ErrInviteUsedUp.
func whyNotRedeemable(ctx context.Context, q querier, code string, now *time.Time) error {
	rows, err := q.Query(ctx, sqlInviteRefusal, code, now)
	if err != nil {
		return err
	}
	type refusal struct{ expired, usedUp bool }
	r, err := pgx.CollectExactlyOneRow(rows, func(row pgx.CollectableRow) (refusal, error) {
		var r refusal
		return r, row.Scan(&r.expired, &r.usedUp)
	})
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return flows.ErrNotFound
	case err != nil:
		return err
	case r.expired:
		return flows.ErrInviteExpired
	case r.usedUp:
		return flows.ErrInviteUsedUp
	}
	// The invite became redeemable again between the two statements,
	// which only a concurrent edit of max_uses or expires_at can do.
	return fmt.Errorf("invite %s changed while being redeemed: %w", code, flows.ErrInviteUsedUp)
}
