package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mitra-id/mitra/flows"
)

// sqlIsRegency checks that a code names a kabupaten/kota (level 2):
// approval cards are routed by the volunteer's regency, so a coordinator
// of a province or kecamatan would never receive any.
const sqlIsRegency = `SELECT EXISTS (SELECT 1 FROM regions WHERE code = $1 AND level = 2)`

const sqlSetCoordinatorOf = `
UPDATE volunteers SET coordinator_of = NULLIF($2, ''), updated_at = now()
WHERE id = $1
RETURNING` + volunteerColumns

// SetCoordinator makes the volunteer coordinator of regencyCode, replacing
// any kabupaten/kota they coordinated before, or removes the role when
// regencyCode is "". The change and its "grant_coordinator" or
// "revoke_coordinator" audit entry commit together; setting what is
// already set changes and audits nothing. An unknown volunteer, or a code
// that is not a kabupaten/kota, yields an error wrapping flows.ErrNotFound.
func (s *Volunteers) SetCoordinator(ctx context.Context, actorID, volunteerID int64, regencyCode string) (flows.Volunteer, error) {
	var v flows.Volunteer
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		current, err := queryOne(ctx, scanVolunteer, tx, sqlLockVolunteer, volunteerID)
		if err != nil {
			return err
		}
		if current.CoordinatorOf == regencyCode {
			v = current
			return nil
		}
		if regencyCode != "" {
			var isRegency bool
			if err := tx.QueryRow(ctx, sqlIsRegency, regencyCode).Scan(&isRegency); err != nil {
				return err
			}
			if !isRegency {
				return fmt.Errorf("kabupaten/kota %q: %w", regencyCode, flows.ErrNotFound)
			}
		}
		if v, err = queryOne(ctx, scanVolunteer, tx, sqlSetCoordinatorOf, volunteerID, regencyCode); err != nil {
			return err
		}
		return writeAudit(ctx, tx, coordinatorAudit(actorID, volunteerID, current.CoordinatorOf, regencyCode))
	})
	if err != nil {
		return flows.Volunteer{}, fmt.Errorf("store: set coordinator of volunteer %d: %w", volunteerID, err)
	}
	return v, nil
}

// coordinatorAudit describes a change of coordinator_of from previous to
// next, either of which may be "".
func coordinatorAudit(actorID, volunteerID int64, previous, next string) flows.AuditEntry {
	if next == "" {
		return flows.AuditEntry{ActorID: actorID, Action: auditRevokeCoordinator, TargetID: volunteerID,
			Detail: map[string]any{"regency": previous}}
	}
	detail := map[string]any{"regency": next}
	if previous != "" {
		detail["previous"] = previous
	}
	return flows.AuditEntry{ActorID: actorID, Action: auditGrantCoordinator, TargetID: volunteerID, Detail: detail}
}
