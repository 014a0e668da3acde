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

// Visits stores visit check-ins and the reminders of rescheduled visits
// (tables visits and reminders). It implements flows.Visits.
type Visits struct {
	db   *pgxpool.Pool
	code codeFunc
}

var _ flows.Visits = (*Visits)(nil)

// NewVisits returns the visit store backed by db.
func NewVisits(db *pgxpool.Pool) *Visits { return &Visits{db: db, code: newRecordCode} }

// visitColumns is the select list scanVisit reads, qualified with the
// alias v so that it also serves joins with reminders.
const visitColumns = `
    v.id, v.code, v.submission_id, v.volunteer_id,
    v.target_kind, v.target_name, coalesce(v.registration_id, 0), v.lks_type,
    v.purpose, v.visited_on, v.result, v.next_visit_on, v.reason,
    v.findings, v.obstacles, v.follow_up, v.lks_needs, v.funding_sources,
    v.photo_file_ids, v.latitude, v.longitude, v.regency_code, coalesce(v.district_code, ''),
    v.created_at`

// visitDest holds the nullable columns of a visit row while it is scanned.
type visitDest struct {
	v           flows.Visit
	nextVisitOn *time.Time
	lat, lon    *float64
}

// dest lists the scan targets of visitColumns.
func (d *visitDest) dest() []any {
	v := &d.v
	return []any{&v.ID, &v.Code, &v.SubmissionID, &v.VolunteerID,
		&v.TargetKind, &v.TargetName, &v.RegistrationID, &v.LKSType,
		&v.Purpose, &v.VisitedOn, &v.Result, &d.nextVisitOn, &v.Reason,
		&v.Findings, &v.Obstacles, &v.FollowUp, &v.LKSNeeds, &v.FundingSources,
		&v.PhotoFileIDs, &d.lat, &d.lon, &v.RegencyCode, &v.DistrictCode,
		&v.CreatedAt}
}

// visit returns the scanned visit.
func (d *visitDest) visit() flows.Visit {
	v := d.v
	v.NextVisitOn = timeOrZero(d.nextVisitOn)
	v.Location = scannedLocation(d.lat, d.lon)
	return v
}

// scanVisit reads one row selected with visitColumns.
func scanVisit(row pgx.CollectableRow) (flows.Visit, error) {
	var d visitDest
	err := row.Scan(d.dest()...)
	return d.visit(), err
}

// sqlInsertVisit stores a new visit; a repeated submission inserts nothing
// and returns no row.
const sqlInsertVisit = `
INSERT INTO visits AS v (
    code, submission_id, volunteer_id,
    target_kind, target_name, registration_id, lks_type,
    purpose, visited_on, result, next_visit_on, reason,
    findings, obstacles, follow_up, lks_needs, funding_sources,
    photo_file_ids, latitude, longitude, regency_code, district_code)
VALUES (
    $1, $2, $3,
    $4, $5, nullif($6::bigint, 0), $7,
    $8, $9, $10, $11, $12,
    $13, $14, $15, $16, $17,
    $18, $19, $20, $21, nullif($22::text, ''))
ON CONFLICT (submission_id) DO NOTHING
RETURNING` + visitColumns

const sqlVisitBySubmission = `SELECT` + visitColumns + ` FROM visits v WHERE v.submission_id = $1`

const sqlInsertReminder = `
INSERT INTO reminders (volunteer_id, visit_id, regency_code, due_at, note)
VALUES ($1, $2, $3, $4, $5)`

// Create stores the visit with a fresh KNJ- code and, when reminder is not
// nil, a pending reminder for it (VisitID set to the new visit; the
// visit's volunteer when VolunteerID is 0), in one transaction. It is
// idempotent by v.SubmissionID: a repeat returns the visit stored the
// first time and adds no second reminder. A rescheduled or not-met visit
// needs NextVisitOn; the schema refuses it without.
func (s *Visits) Create(ctx context.Context, v flows.Visit, reminder *flows.Reminder) (flows.Visit, error) {
	if v.SubmissionID == "" {
		return flows.Visit{}, fmt.Errorf("store: create visit: %w", errNoSubmissionID)
	}
	if reminder != nil && reminder.DueAt.IsZero() {
		return flows.Visit{}, fmt.Errorf("store: create visit for submission %s: reminder has no due time", v.SubmissionID)
	}
	created, err := insertWithCode(s.code, visitCodePrefix, "visits_code_key", func(code string) (flows.Visit, error) {
		return s.insert(ctx, code, v, reminder)
	})
	if err != nil {
		return flows.Visit{}, fmt.Errorf("store: create visit for submission %s: %w", v.SubmissionID, err)
	}
	return created, nil
}

// insert runs one attempt of Create with the given code in a transaction
// of its own: a collision on the code aborts it, and the next attempt
// starts afresh.
func (s *Visits) insert(ctx context.Context, code string, v flows.Visit, reminder *flows.Reminder) (flows.Visit, error) {
	lat, lon := locationArgs(v.Location)
	var created flows.Visit
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var err error
		created, err = queryOne(ctx, scanVisit, tx, sqlInsertVisit,
			code, v.SubmissionID, v.VolunteerID,
			v.TargetKind, v.TargetName, v.RegistrationID, v.LKSType,
			v.Purpose, optionalTime(v.VisitedOn), v.Result, optionalTime(v.NextVisitOn), v.Reason,
			v.Findings, v.Obstacles, v.FollowUp, textArray(v.LKSNeeds), textArray(v.FundingSources),
			textArray(v.PhotoFileIDs), lat, lon, v.RegencyCode, v.DistrictCode)
		if errors.Is(err, flows.ErrNotFound) {
			// Nothing inserted: this submission was stored before, with
			// its reminder if it had one.
			created, err = queryOne(ctx, scanVisit, tx, sqlVisitBySubmission, v.SubmissionID)
			return err
		}
		if err != nil || reminder == nil {
			return err
		}
		volunteerID := reminder.VolunteerID
		if volunteerID == 0 {
			volunteerID = created.VolunteerID
		}
		_, err = tx.Exec(ctx, sqlInsertReminder,
			volunteerID, created.ID, created.RegencyCode, reminder.DueAt, reminder.Note)
		return err
	})
	return created, err
}

// sqlUpcomingVisits lists pending reminders of visits from $2 on, soonest
// first; $3 NULL means no limit.
const sqlUpcomingVisits = `
SELECT r.id, r.volunteer_id, r.visit_id, r.due_at, r.status, r.note, r.created_at,` + visitColumns + `
FROM reminders r
JOIN visits v ON v.id = r.visit_id
WHERE r.volunteer_id = $1 AND r.status = 'pending' AND r.due_at >= $2
ORDER BY r.due_at, r.id
LIMIT $3`

// Upcoming lists the volunteer's pending visit reminders due at or after
// from, soonest first, each with its visit; at most limit of them, or all
// when limit is 0 or less. None is an empty list, not an error.
func (s *Visits) Upcoming(ctx context.Context, volunteerID int64, from time.Time, limit int) ([]flows.UpcomingVisit, error) {
	var lim *int // NULL: LIMIT ALL
	if limit > 0 {
		lim = &limit
	}
	rows, err := s.db.Query(ctx, sqlUpcomingVisits, volunteerID, from, lim)
	if err != nil {
		return nil, fmt.Errorf("store: upcoming visits of volunteer %d: %w", volunteerID, err)
	}
	us, err := pgx.CollectRows(rows, scanUpcomingVisit)
	if err != nil {
		return nil, fmt.Errorf("store: upcoming visits of volunteer %d: %w", volunteerID, err)
	}
	return us, nil
}

// scanUpcomingVisit reads one row of sqlUpcomingVisits.
func scanUpcomingVisit(row pgx.CollectableRow) (flows.UpcomingVisit, error) {
	var r flows.Reminder
	var d visitDest
	dest := append([]any{&r.ID, &r.VolunteerID, &r.VisitID, &r.DueAt, &r.Status, &r.Note, &r.CreatedAt}, d.dest()...)
	err := row.Scan(dest...)
	return flows.UpcomingVisit{Reminder: r, Visit: d.visit()}, err
}
