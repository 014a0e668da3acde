package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mitra-id/mitra/flows"
)

// sqlLockVolunteer reads a volunteer and locks the row until the
// transaction ends, so two coordinators pressing at once are serialised
// and the second sees the first one's verdict.
const sqlLockVolunteer = `SELECT` + volunteerColumns + ` FROM volunteers WHERE id = $1 FOR UPDATE`

const sqlDecideVolunteer = `
UPDATE volunteers
SET status = $2, decided_at = now(), decided_by = NULLIF($3::bigint, 0), updated_at = now()
WHERE id = $1
RETURNING` + volunteerColumns

// Decide approves (status active) or rejects a pending volunteer, recording
// who decided and when, and writes the "approve" or "reject" audit entry
// in the same transaction. The first decision wins: a volunteer no longer
// pending is returned unchanged, as currently stored, together with an
// error wrapping flows.ErrAlreadyDecided. actorID 0 means the system.
func (s *Volunteers) Decide(ctx context.Context, actorID, volunteerID int64, approve bool) (flows.Volunteer, error) {
	status, action := flows.StatusRejected, auditReject
	if approve {
		status, action = flows.StatusActive, auditApprove
	}
	var v flows.Volunteer
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		current, err := queryOne(ctx, scanVolunteer, tx, sqlLockVolunteer, volunteerID)
		if err != nil {
			return err
		}
		if current.Status != flows.StatusPending {
			v = current
			return fmt.Errorf("status is %s: %w", current.Status, flows.ErrAlreadyDecided)
		}
		if v, err = queryOne(ctx, scanVolunteer, tx, sqlDecideVolunteer, volunteerID, status, actorID); err != nil {
			return err
		}
		return writeAudit(ctx, tx, flows.AuditEntry{
			ActorID:  actorID,
			Action:   action,
			TargetID: volunteerID,
			Detail:   map[string]any{"regency": v.RegencyCode},
		})
	})
	if errors.Is(err, flows.ErrAlreadyDecided) {
		return v, fmt.Errorf("store: decide volunteer %d: %w", volunteerID, err)
	}
	if err != nil {
		return flows.Volunteer{}, fmt.Errorf("store: decide volunteer %d: %w", volunteerID, err)
	}
	return v, nil
}
