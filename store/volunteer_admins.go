package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Audit actions for admin rights, which follow MITRA_ADMINS.
const (
	auditGrantAdmin  = "grant_admin"
	auditRevokeAdmin = "revoke_admin"
)

// sqlSyncAdmins makes is_admin follow the configured list: listed
// volunteers become admins (a pending one is activated, as at an admin's
// first /start), everyone else loses admin. Only rows that change are
// touched, each with an audit entry by the system.
const sqlSyncAdmins = `
WITH changed AS (
    UPDATE volunteers
    SET is_admin = (telegram_id = ANY($1::bigint[])),
        status = CASE WHEN telegram_id = ANY($1::bigint[]) AND status = 'pending' THEN 'active' ELSE status END,
        updated_at = now()
    WHERE is_admin <> (telegram_id = ANY($1::bigint[]))
    RETURNING id, is_admin
)
INSERT INTO audit_log (actor_id, action, target_id, detail)
SELECT NULL, CASE WHEN is_admin THEN '` + auditGrantAdmin + `' ELSE '` + auditRevokeAdmin + `' END, id,
       '{"source": "MITRA_ADMINS"}'::jsonb
FROM changed
RETURNING action`

// SyncAdmins applies the configured admin list (Telegram user ids) to
// volunteers already registered, so adding or removing an id in
// MITRA_ADMINS takes effect at the next start, not only for people who
// have not pressed /start yet. It returns how many gained and lost admin.
func (s *Volunteers) SyncAdmins(ctx context.Context, telegramIDs []int64) (granted, revoked int, err error) {
	if telegramIDs == nil {
		telegramIDs = []int64{}
	}
	rows, err := s.db.Query(ctx, sqlSyncAdmins, telegramIDs)
	if err != nil {
		return 0, 0, fmt.Errorf("store: sync admins: %w", err)
	}
	actions, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return 0, 0, fmt.Errorf("store: sync admins: %w", err)
	}
	for _, a := range actions {
		if a == auditGrantAdmin {
			granted++
		} else {
			revoked++
		}
	}
	return granted, revoked, nil
}
