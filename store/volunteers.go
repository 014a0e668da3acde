package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/flows"
)

// Volunteers is the PostgreSQL registry of Mitra users (table volunteers).
// It implements flows.Volunteers.
type Volunteers struct{ db *pgxpool.Pool }

var _ flows.Volunteers = (*Volunteers)(nil)

// NewVolunteers returns the registry backed by db.
func NewVolunteers(db *pgxpool.Pool) *Volunteers { return &Volunteers{db: db} }

// volunteerColumns is the select list scanVolunteer reads. Nullable
// columns come back as "" or 0, the zero values flows.Volunteer uses.
const volunteerColumns = `
    id, telegram_id, chat_id, name, role, phone, regency_code,
    coalesce(district_code, ''), status, language, is_admin,
    coalesce(coordinator_of, ''), coalesce(invite_code, ''),
    created_at, decided_at, coalesce(decided_by, 0)`

// scanVolunteer reads one row selected with volunteerColumns.
func scanVolunteer(row pgx.CollectableRow) (flows.Volunteer, error) {
	var v flows.Volunteer
	var decidedAt *time.Time
	err := row.Scan(&v.ID, &v.TelegramID, &v.ChatID, &v.Name, &v.Role, &v.Phone, &v.RegencyCode,
		&v.DistrictCode, &v.Status, &v.Language, &v.IsAdmin,
		&v.CoordinatorOf, &v.InviteCode,
		&v.CreatedAt, &decidedAt, &v.DecidedBy)
	if decidedAt != nil {
		v.DecidedAt = *decidedAt
	}
	return v, err
}

// queryVolunteers runs a query selecting volunteerColumns.
func queryVolunteers(ctx context.Context, q querier, sql string, args ...any) ([]flows.Volunteer, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanVolunteer)
}

// querier is what both the pool and a transaction offer.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

const sqlVolunteerByID = `SELECT` + volunteerColumns + ` FROM volunteers WHERE id = $1`

// ByID returns the volunteer, or an error wrapping flows.ErrNotFound.
func (s *Volunteers) ByID(ctx context.Context, id int64) (flows.Volunteer, error) {
	v, err := queryOne(ctx, scanVolunteer, s.db, sqlVolunteerByID, id)
	if err != nil {
		return flows.Volunteer{}, fmt.Errorf("store: volunteer %d: %w", id, err)
	}
	return v, nil
}

const sqlVolunteerByTelegramID = `SELECT` + volunteerColumns + ` FROM volunteers WHERE telegram_id = $1`

// ByTelegramID returns the volunteer registered by that Telegram user, or
// an error wrapping flows.ErrNotFound.
func (s *Volunteers) ByTelegramID(ctx context.Context, telegramID int64) (flows.Volunteer, error) {
	v, err := queryOne(ctx, scanVolunteer, s.db, sqlVolunteerByTelegramID, telegramID)
	if err != nil {
		return flows.Volunteer{}, fmt.Errorf("store: volunteer with telegram id %d: %w", telegramID, err)
	}
	return v, nil
}

const sqlSetLanguage = `UPDATE volunteers SET language = $2, updated_at = now() WHERE id = $1`

// SetLanguage stores the volunteer's language, "id" or "en"; any other
// value is rejected by the schema. A missing volunteer yields an error
// wrapping flows.ErrNotFound.
func (s *Volunteers) SetLanguage(ctx context.Context, volunteerID int64, lang string) error {
	tag, err := s.db.Exec(ctx, sqlSetLanguage, volunteerID, lang)
	if err != nil {
		return fmt.Errorf("store: set language of volunteer %d: %w", volunteerID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: volunteer %d: %w", volunteerID, flows.ErrNotFound)
	}
	return nil
}

const sqlCoordinators = `SELECT` + volunteerColumns + `
FROM volunteers WHERE coordinator_of = $1 AND status = 'active' ORDER BY id`

// Coordinators lists the active coordinators of the kabupaten/kota, oldest
// account first; none is an empty list, not an error.
func (s *Volunteers) Coordinators(ctx context.Context, regencyCode string) ([]flows.Volunteer, error) {
	vs, err := queryVolunteers(ctx, s.db, sqlCoordinators, regencyCode)
	if err != nil {
		return nil, fmt.Errorf("store: coordinators of %s: %w", regencyCode, err)
	}
	return vs, nil
}

const sqlAdmins = `SELECT` + volunteerColumns + `
FROM volunteers WHERE is_admin AND status = 'active' ORDER BY id`

// Admins lists the active admins, oldest account first.
func (s *Volunteers) Admins(ctx context.Context) ([]flows.Volunteer, error) {
	vs, err := queryVolunteers(ctx, s.db, sqlAdmins)
	if err != nil {
		return nil, fmt.Errorf("store: admins: %w", err)
	}
	return vs, nil
}
