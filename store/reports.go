package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/flows"
)

// Reports stores emergency reports (tables emergency_reports and
// emergency_report_updates). It implements flows.Reports.
type Reports struct {
	db   *pgxpool.Pool
	code codeFunc
}

var _ flows.Reports = (*Reports)(nil)

// NewReports returns the report store backed by db.
func NewReports(db *pgxpool.Pool) *Reports { return &Reports{db: db, code: newRecordCode} }

// reportColumns is the select list scanReport reads.
const reportColumns = `
    id, code, submission_id, volunteer_id,
    disaster_type, occurred_on, occurred_time, latitude, longitude,
    coalesce(village_code, ''), coalesce(district_code, ''), regency_code, province_code,
    dead, missing, severely_injured, lightly_injured,
    affected_kk, affected_people, displaced_kk, displaced_people,
    houses_heavy, houses_moderate, houses_light, houses_flooded,
    vulnerable_groups, urgent_needs, actions_taken, photo_file_ids, notes,
    status, coalesce(handled_by, 0), handled_at, reported_at, created_at, updated_at`

// scanReport reads one row selected with reportColumns. Unknown counts
// stay nil.
func scanReport(row pgx.CollectableRow) (flows.EmergencyReport, error) {
	var r flows.EmergencyReport
	var lat, lon *float64
	var handledAt *time.Time
	err := row.Scan(&r.ID, &r.Code, &r.SubmissionID, &r.VolunteerID,
		&r.DisasterType, &r.OccurredOn, &r.OccurredTime, &lat, &lon,
		&r.VillageCode, &r.DistrictCode, &r.RegencyCode, &r.ProvinceCode,
		&r.Dead, &r.Missing, &r.SeverelyInjured, &r.LightlyInjured,
		&r.AffectedKK, &r.AffectedPeople, &r.DisplacedKK, &r.DisplacedPeople,
		&r.HousesHeavy, &r.HousesModerate, &r.HousesLight, &r.HousesFlooded,
		&r.VulnerableGroups, &r.UrgentNeeds, &r.ActionsTaken, &r.PhotoFileIDs, &r.Notes,
		&r.Status, &r.HandledBy, &handledAt, &r.ReportedAt, &r.CreatedAt, &r.UpdatedAt)
	r.Location = scannedLocation(lat, lon)
	r.HandledAt = timeOrZero(handledAt)
	return r, err
}

// sqlInsertReport stores a new open report. A repeated submission inserts
// nothing and returns no row. The province defaults to the one the
// regency code starts with; reported_at defaults to now.
const sqlInsertReport = `
INSERT INTO emergency_reports (
    code, submission_id, volunteer_id,
    disaster_type, occurred_on, occurred_time, latitude, longitude,
    village_code, district_code, regency_code, province_code,
    dead, missing, severely_injured, lightly_injured,
    affected_kk, affected_people, displaced_kk, displaced_people,
    houses_heavy, houses_moderate, houses_light, houses_flooded,
    vulnerable_groups, urgent_needs, actions_taken, photo_file_ids, notes,
    reported_at)
VALUES (
    $1, $2, $3,
    $4, $5, $6, $7, $8,
    nullif($9::text, ''), nullif($10::text, ''), $11,
    coalesce(nullif($12::text, ''), split_part($11, '.', 1)),
    $13, $14, $15, $16,
    $17, $18, $19, $20,
    $21, $22, $23, $24,
    $25, $26, $27, $28, $29,
    coalesce($30::timestamptz, now()))
ON CONFLICT (submission_id) DO NOTHING
RETURNING` + reportColumns

const sqlReportBySubmission = `SELECT` + reportColumns + ` FROM emergency_reports WHERE submission_id = $1`

// Create stores a new open report with a fresh LAP- code. It is idempotent
// by r.SubmissionID: a repeat returns the report stored the first time,
// unchanged. Status, handling and timestamps in r are ignored, except
// ReportedAt (now when zero).
func (s *Reports) Create(ctx context.Context, r flows.EmergencyReport) (flows.EmergencyReport, error) {
	if r.SubmissionID == "" {
		return flows.EmergencyReport{}, fmt.Errorf("store: create report: %w", errNoSubmissionID)
	}
	lat, lon := locationArgs(r.Location)
	created, err := insertWithCode(s.code, reportCodePrefix, "emergency_reports_code_key",
		func(code string) (flows.EmergencyReport, error) {
			return queryOne(ctx, scanReport, s.db, sqlInsertReport,
				code, r.SubmissionID, r.VolunteerID,
				r.DisasterType, optionalTime(r.OccurredOn), r.OccurredTime, lat, lon,
				r.VillageCode, r.DistrictCode, r.RegencyCode, r.ProvinceCode,
				r.Dead, r.Missing, r.SeverelyInjured, r.LightlyInjured,
				r.AffectedKK, r.AffectedPeople, r.DisplacedKK, r.DisplacedPeople,
				r.HousesHeavy, r.HousesModerate, r.HousesLight, r.HousesFlooded,
				textArray(r.VulnerableGroups), textArray(r.UrgentNeeds), textArray(r.ActionsTaken),
				textArray(r.PhotoFileIDs), r.Notes,
				optionalTime(r.ReportedAt))
		})
	if errors.Is(err, flows.ErrNotFound) {
		// Nothing inserted: this submission was stored before.
		created, err = queryOne(ctx, scanReport, s.db, sqlReportBySubmission, r.SubmissionID)
	}
	if err != nil {
		return flows.EmergencyReport{}, fmt.Errorf("store: create report for submission %s: %w", r.SubmissionID, err)
	}
	return created, nil
}

const sqlReportByID = `SELECT` + reportColumns + ` FROM emergency_reports WHERE id = $1`

// ByID returns the report, or an error wrapping flows.ErrNotFound.
func (s *Reports) ByID(ctx context.Context, id int64) (flows.EmergencyReport, error) {
	r, err := queryOne(ctx, scanReport, s.db, sqlReportByID, id)
	if err != nil {
		return flows.EmergencyReport{}, fmt.Errorf("store: report %d: %w", id, err)
	}
	return r, nil
}

const sqlOpenReportsByVolunteer = `SELECT` + reportColumns + `
FROM emergency_reports
WHERE volunteer_id = $1 AND created_at >= $2 AND status IN ('open', 'handled')
ORDER BY created_at DESC, id DESC`

// OpenByVolunteer lists the volunteer's reports created at or after since
// that are open or handled, not closed, newest first. None is an empty
// list, not an error.
func (s *Reports) OpenByVolunteer(ctx context.Context, volunteerID int64, since time.Time) ([]flows.EmergencyReport, error) {
	rows, err := s.db.Query(ctx, sqlOpenReportsByVolunteer, volunteerID, since)
	if err != nil {
		return nil, fmt.Errorf("store: open reports of volunteer %d: %w", volunteerID, err)
	}
	rs, err := pgx.CollectRows(rows, scanReport)
	if err != nil {
		return nil, fmt.Errorf("store: open reports of volunteer %d: %w", volunteerID, err)
	}
	return rs, nil
}

// sqlLockReport serialises updates of one report, so that of two
// deliveries of the same update only one applies it.
const sqlLockReport = `SELECT` + reportColumns + ` FROM emergency_reports WHERE id = $1 FOR UPDATE`

// sqlInsertReportUpdate records an update; a repeated submission inserts
// nothing.
const sqlInsertReportUpdate = `
INSERT INTO emergency_report_updates (report_id, submission_id, volunteer_id, regency_code, changes)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (submission_id) DO NOTHING`

// sqlApplyReportUpdate writes the fields a reporter may change. Photos are
// appended: those already on the report are skipped, so $17 may hold
// either the new photos or the whole list.
const sqlApplyReportUpdate = `
UPDATE emergency_reports SET
    dead = $2, missing = $3, severely_injured = $4, lightly_injured = $5,
    affected_kk = $6, affected_people = $7, displaced_kk = $8, displaced_people = $9,
    houses_heavy = $10, houses_moderate = $11, houses_light = $12, houses_flooded = $13,
    vulnerable_groups = $14, urgent_needs = $15, actions_taken = $16,
    photo_file_ids = photo_file_ids || array(
        SELECT p FROM unnest($17::text[]) WITH ORDINALITY AS added (p, i)
        WHERE p <> ALL (photo_file_ids)
        GROUP BY p ORDER BY min(i)),
    notes = $18,
    updated_at = now()
WHERE id = $1
RETURNING` + reportColumns

// Update applies a reporter's update to report u.Report.ID and records it
// with its changes, in one transaction. Only the fields a reporter may
// change are written: the counts, vulnerable groups, urgent needs,
// actions taken, notes, and new photos, which are appended. It is
// idempotent by u.SubmissionID: a repeat changes nothing and returns the
// report as it is. A missing report yields an error wrapping
// flows.ErrNotFound.
func (s *Reports) Update(ctx context.Context, u flows.ReportUpdate) (flows.EmergencyReport, error) {
	if u.SubmissionID == "" {
		return flows.EmergencyReport{}, fmt.Errorf("store: update report %d: %w", u.Report.ID, errNoSubmissionID)
	}
	changes := u.Changes
	if changes == nil {
		changes = []flows.FieldChange{}
	}
	changesJSON, err := json.Marshal(changes)
	if err != nil {
		return flows.EmergencyReport{}, fmt.Errorf("store: update report %d: encode changes: %w", u.Report.ID, err)
	}
	n := u.Report
	var updated flows.EmergencyReport
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		current, err := queryOne(ctx, scanReport, tx, sqlLockReport, n.ID)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, sqlInsertReportUpdate,
			current.ID, u.SubmissionID, u.VolunteerID, current.RegencyCode, changesJSON)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			updated = current // a repeat: applied the first time
			return nil
		}
		updated, err = queryOne(ctx, scanReport, tx, sqlApplyReportUpdate, current.ID,
			n.Dead, n.Missing, n.SeverelyInjured, n.LightlyInjured,
			n.AffectedKK, n.AffectedPeople, n.DisplacedKK, n.DisplacedPeople,
			n.HousesHeavy, n.HousesModerate, n.HousesLight, n.HousesFlooded,
			textArray(n.VulnerableGroups), textArray(n.UrgentNeeds), textArray(n.ActionsTaken),
			textArray(n.PhotoFileIDs), n.Notes)
		return err
	})
	if err != nil {
		return flows.EmergencyReport{}, fmt.Errorf("store: update report %d (submission %s): %w", n.ID, u.SubmissionID, err)
	}
	return updated, nil
}

// sqlMarkReportHandled takes an open report for a coordinator. Concurrent
// coordinators queue on the row lock and each re-checks handled_by against
// the committed row, so exactly one wins.
const sqlMarkReportHandled = `
UPDATE emergency_reports
SET status = 'handled', handled_by = $2, handled_at = coalesce($3::timestamptz, now()), updated_at = now()
WHERE id = $1 AND handled_by IS NULL AND status = 'open'
RETURNING` + reportColumns

// MarkHandled records that the coordinator took the report at at (now
// when zero). The first coordinator wins: once the report is handled (or
// closed), it returns the current report, whose HandledBy names the
// winner, and an error wrapping flows.ErrAlreadyDecided. A missing report
// yields an error wrapping flows.ErrNotFound.
func (s *Reports) MarkHandled(ctx context.Context, reportID, coordinatorID int64, at time.Time) (flows.EmergencyReport, error) {
	r, err := queryOne(ctx, scanReport, s.db, sqlMarkReportHandled, reportID, coordinatorID, optionalTime(at))
	if err == nil {
		return r, nil
	}
	if !errors.Is(err, flows.ErrNotFound) {
		return flows.EmergencyReport{}, fmt.Errorf("store: mark report %d handled: %w", reportID, err)
	}
	current, err := queryOne(ctx, scanReport, s.db, sqlReportByID, reportID)
	if err != nil {
		return flows.EmergencyReport{}, fmt.Errorf("store: mark report %d handled: %w", reportID, err)
	}
	return current, fmt.Errorf("store: mark report %d handled: report is %s, handled by volunteer %d: %w",
		reportID, current.Status, current.HandledBy, flows.ErrAlreadyDecided)
}
