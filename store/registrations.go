package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mitra-id/mitra/flows"
)

// Registrations stores pre-proposals for DTKS/DTSEN (table registrations),
// one per person: the NIK is unique. It implements flows.Registrations.
//
// A NIK is personal data (UU PDP, UU Adminduk): no error or log line of
// this file contains one. PostgreSQL's own messages name the violated
// constraint, never the value; its Detail field does, so callers must
// not log that field.
type Registrations struct {
	db   *pgxpool.Pool
	code codeFunc
}

var _ flows.Registrations = (*Registrations)(nil)

// NewRegistrations returns the registration store backed by db.
func NewRegistrations(db *pgxpool.Pool) *Registrations {
	return &Registrations{db: db, code: newRecordCode}
}

// registrationColumns is the select list scanRegistration reads.
const registrationColumns = `
    id, code, submission_id, volunteer_id,
    criterion, category, nik, name, birth_place, birth_date, female,
    kk, mother_name, relationship, marital_status,
    coalesce(village_code, ''), coalesce(district_code, ''), regency_code, province_code,
    rt, rw, street, occupation, condition, house_photo_id, latitude, longitude,
    nik_region_check, nik_birth_check, nik_warnings, created_at`

// scanRegistration reads one row selected with registrationColumns.
func scanRegistration(row pgx.CollectableRow) (flows.Registration, error) {
	var r flows.Registration
	var birthDate *time.Time
	var lat, lon *float64
	err := row.Scan(&r.ID, &r.Code, &r.SubmissionID, &r.VolunteerID,
		&r.Criterion, &r.Category, &r.NIK, &r.Name, &r.BirthPlace, &birthDate, &r.Female,
		&r.KK, &r.MotherName, &r.Relationship, &r.MaritalStatus,
		&r.VillageCode, &r.DistrictCode, &r.RegencyCode, &r.ProvinceCode,
		&r.RT, &r.RW, &r.Street, &r.Occupation, &r.Condition, &r.HousePhotoID, &lat, &lon,
		&r.NIKRegionCheck, &r.NIKBirthCheck, &r.NIKWarnings, &r.CreatedAt)
	r.BirthDate = timeOrZero(birthDate)
	r.Location = scannedLocation(lat, lon)
	return r, err
}

// sqlInsertRegistration stores a new proposal. A repeated submission
// inserts nothing and returns no row; a NIK stored by another submission
// violates registrations_nik_key. The province defaults to the one the
// regency code starts with.
const sqlInsertRegistration = `
INSERT INTO registrations (
    code, submission_id, volunteer_id,
    criterion, category, nik, name, birth_place, birth_date, female,
    kk, mother_name, relationship, marital_status,
    village_code, district_code, regency_code, province_code,
    rt, rw, street, occupation, condition, house_photo_id, latitude, longitude,
    nik_region_check, nik_birth_check, nik_warnings)
VALUES (
    $1, $2, $3,
    $4, $5, $6, $7, $8, $9, $10,
    $11, $12, $13, $14,
    nullif($15::text, ''), nullif($16::text, ''), $17,
    coalesce(nullif($18::text, ''), split_part($17, '.', 1)),
    $19, $20, $21, $22, $23, $24, $25, $26,
    $27, $28, $29)
ON CONFLICT (submission_id) DO NOTHING
RETURNING` + registrationColumns

const sqlRegistrationBySubmission = `SELECT` + registrationColumns + ` FROM registrations WHERE submission_id = $1`

// Create stores a new proposal with a fresh REG- code. It is idempotent by
// r.SubmissionID: a repeat returns the proposal stored the first time. A
// NIK already proposed by another submission returns that existing
// proposal together with an error wrapping flows.ErrAlreadyExists: one
// record per person. Spaces in the NIK and KK are dropped.
func (s *Registrations) Create(ctx context.Context, r flows.Registration) (flows.Registration, error) {
	if r.SubmissionID == "" {
		return flows.Registration{}, fmt.Errorf("store: create registration: %w", errNoSubmissionID)
	}
	nik, kk := withoutSpaces(r.NIK), withoutSpaces(r.KK)
	lat, lon := locationArgs(r.Location)
	created, err := insertWithCode(s.code, registrationCodePrefix, "registrations_code_key",
		func(code string) (flows.Registration, error) {
			return queryOne(ctx, scanRegistration, s.db, sqlInsertRegistration,
				code, r.SubmissionID, r.VolunteerID,
				r.Criterion, r.Category, nik, r.Name, r.BirthPlace, optionalTime(r.BirthDate), r.Female,
				kk, r.MotherName, r.Relationship, r.MaritalStatus,
				r.VillageCode, r.DistrictCode, r.RegencyCode, r.ProvinceCode,
				r.RT, r.RW, r.Street, r.Occupation, r.Condition, r.HousePhotoID, lat, lon,
				r.NIKRegionCheck, r.NIKBirthCheck, textArray(r.NIKWarnings))
		})
	switch {
	case errors.Is(err, flows.ErrNotFound):
		// Nothing inserted: this submission was stored before.
		created, err = queryOne(ctx, scanRegistration, s.db, sqlRegistrationBySubmission, r.SubmissionID)
	case isUniqueViolationOn(err, "registrations_nik_key"):
		existing, lookupErr := queryOne(ctx, scanRegistration, s.db, sqlRegistrationByNIK, nik)
		if lookupErr != nil {
			return flows.Registration{}, fmt.Errorf("store: create registration for submission %s: NIK taken, but: %w", r.SubmissionID, lookupErr)
		}
		if existing.SubmissionID == r.SubmissionID {
			// The same submission delivered twice at once: the other
			// delivery won the race on the NIK.
			return existing, nil
		}
		return existing, fmt.Errorf("store: create registration for submission %s: NIK proposed before as %s: %w",
			r.SubmissionID, existing.Code, flows.ErrAlreadyExists)
	}
	if err != nil {
		return flows.Registration{}, fmt.Errorf("store: create registration for submission %s: %w", r.SubmissionID, err)
	}
	return created, nil
}

const sqlRegistrationByNIK = `SELECT` + registrationColumns + ` FROM registrations WHERE nik = $1`

// ByNIK returns the proposal of the NIK (spaces ignored), or an error
// wrapping flows.ErrNotFound.
func (s *Registrations) ByNIK(ctx context.Context, nik string) (flows.Registration, error) {
	r, err := queryOne(ctx, scanRegistration, s.db, sqlRegistrationByNIK, withoutSpaces(nik))
	if err != nil {
		return flows.Registration{}, fmt.Errorf("store: registration by NIK: %w", err)
	}
	return r, nil
}

const sqlRegistrationByCode = `SELECT` + registrationColumns + ` FROM registrations WHERE code = $1`

// Find looks a proposal up by its code, typed in any case and with or
// without the dash ("reg-7k2q", "REG 7K2Q"), or else by NIK (16 digits,
// spaces ignored). Anything else, or no match, yields an error wrapping
// flows.ErrNotFound.
func (s *Registrations) Find(ctx context.Context, codeOrNIK string) (flows.Registration, error) {
	if code, ok := normalizeRecordCode(registrationCodePrefix, codeOrNIK); ok {
		r, err := queryOne(ctx, scanRegistration, s.db, sqlRegistrationByCode, code)
		if err != nil {
			return flows.Registration{}, fmt.Errorf("store: registration %s: %w", code, err)
		}
		return r, nil
	}
	if nik := withoutSpaces(codeOrNIK); isNIKShaped(nik) {
		return s.ByNIK(ctx, nik)
	}
	// The query may be a mistyped NIK: it stays out of the error.
	return flows.Registration{}, fmt.Errorf("store: find registration: neither a REG- code nor a NIK: %w", flows.ErrNotFound)
}

// withoutSpaces drops all white space, as people type NIKs in groups.
func withoutSpaces(s string) string { return strings.Join(strings.Fields(s), "") }

// isNIKShaped reports whether s is 16 ASCII digits, the only NIKs the
// registrations table accepts.
func isNIKShaped(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
