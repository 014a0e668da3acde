package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mitra-id/mitra/flows"
)

// sqlInsertVolunteer inserts unless the Telegram user is registered
// already; then it returns no row. Empty optional codes become NULL so the
// foreign keys accept them, and an empty language or status the default.
const sqlInsertVolunteer = `
INSERT INTO volunteers (telegram_id, chat_id, name, role, phone, regency_code, district_code,
                        status, language, is_admin, invite_code, decided_at, decided_by)
VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, ''),
        coalesce(NULLIF($8, ''), 'pending'), coalesce(NULLIF($9, ''), 'id'), $10, NULLIF($11, ''),
        CASE WHEN $11 <> '' THEN now() END, NULLIF($12::bigint, 0))
ON CONFLICT (telegram_id) DO NOTHING
RETURNING` + volunteerColumns

// Register creates the volunteer with nv.Status ("pending" when empty).
//
// When nv.InviteCode is set, the same transaction redeems one place of the
// invite: the volunteer starts active, with the invite's role and
// kabupaten/kota (the link fixes them), decided by the invite's creator,
// and an "invite_join" audit entry. If the invite is missing, expired or
// used up, Register fails with an error wrapping flows.ErrNotFound,
// flows.ErrInviteExpired or flows.ErrInviteUsedUp and writes nothing.
//
// A Telegram user who is registered already gets the existing record and
// an error wrapping flows.ErrAlreadyExists; no invite place is used then.
func (s *Volunteers) Register(ctx context.Context, nv flows.NewVolunteer) (flows.Volunteer, error) {
	var v flows.Volunteer
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		// Checked first so that a second registration reports the
		// existing account rather than a spent invite.
		if _, err := queryOne(ctx, scanVolunteer, tx, sqlVolunteerByTelegramID, nv.TelegramID); err == nil {
			return flows.ErrAlreadyExists
		} else if !errors.Is(err, flows.ErrNotFound) {
			return err
		}
		var decidedBy int64
		if nv.InviteCode != "" {
			inv, err := redeemInvite(ctx, tx, nv.InviteCode, nil)
			if err != nil {
				return fmt.Errorf("invite %s: %w", nv.InviteCode, err)
			}
			nv.Role, nv.RegencyCode, nv.Status = inv.Role, inv.RegencyCode, flows.StatusActive
			decidedBy = inv.CreatedBy
		}
		var err error
		v, err = queryOne(ctx, scanVolunteer, tx, sqlInsertVolunteer,
			nv.TelegramID, nv.ChatID, nv.Name, nv.Role, nv.Phone, nv.RegencyCode, nv.DistrictCode,
			nv.Status, nv.Language, nv.IsAdmin, nv.InviteCode, decidedBy)
		if errors.Is(err, flows.ErrNotFound) {
			// A concurrent registration of the same user won; rolling
			// back returns any invite place taken above.
			return flows.ErrAlreadyExists
		}
		if err != nil || nv.InviteCode == "" {
			return err
		}
		return writeAudit(ctx, tx, flows.AuditEntry{
			ActorID:  decidedBy,
			Action:   auditInviteJoin,
			TargetID: v.ID,
			Detail:   map[string]any{"invite": nv.InviteCode, "regency": nv.RegencyCode, "role": string(nv.Role)},
		})
	})
	switch {
	case errors.Is(err, flows.ErrAlreadyExists):
		existing, lookupErr := s.ByTelegramID(ctx, nv.TelegramID)
		if lookupErr != nil {
			return flows.Volunteer{}, fmt.Errorf("store: register telegram user %d: %w", nv.TelegramID, lookupErr)
		}
		return existing, fmt.Errorf("store: register telegram user %d: volunteer %d: %w", nv.TelegramID, existing.ID, err)
	case err != nil:
		return flows.Volunteer{}, fmt.Errorf("store: register telegram user %d: %w", nv.TelegramID, err)
	}
	return v, nil
}
