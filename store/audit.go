package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mitra-id/mitra/flows"
)

// Audit actions written by this package; audit_log.action holds them.
const (
	auditApprove           = "approve"
	auditReject            = "reject"
	auditGrantCoordinator  = "grant_coordinator"
	auditRevokeCoordinator = "revoke_coordinator"
	auditInviteJoin        = "invite_join"
)

const sqlInsertAudit = `
INSERT INTO audit_log (actor_id, action, target_id, detail)
VALUES (NULLIF($1::bigint, 0), $2, NULLIF($3::bigint, 0), $4)`

// writeAudit records e inside tx, so the entry exists exactly when the
// change it describes was committed. ActorID 0 means the system and is
// stored as NULL.
func writeAudit(ctx context.Context, tx pgx.Tx, e flows.AuditEntry) error {
	detail := e.Detail
	if detail == nil {
		detail = map[string]any{}
	}
	body, err := json.Marshal(detail)
	if err != nil {
		return fmt.Errorf("store: audit %s: encode detail: %w", e.Action, err)
	}
	if _, err := tx.Exec(ctx, sqlInsertAudit, e.ActorID, e.Action, e.TargetID, body); err != nil {
		return fmt.Errorf("store: audit %s of volunteer %d: %w", e.Action, e.TargetID, err)
	}
	return nil
}
