package store

import (
	"errors"
	"time"

	"github.com/mitra-id/mitra/flows"
)

// Conversions between the zero values of the field-record types in flows
// and the NULLs of their tables (migrations/002_field_records.sql).
//
// Dates (occurred_on, birth_date, visited_on, next_visit_on) are stored as
// the calendar day of the time.Time given, in its own location, and come
// back as midnight UTC of that day: compare them by Year, Month and Day.

// errNoSubmissionID refuses a record without its idempotency key, which
// would otherwise make every later record without one "a repeat" of it.
var errNoSubmissionID = errors.New("submission id is empty")

// textArray keeps a nil list from being stored as NULL in a NOT NULL text[]
// column.
func textArray(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// optionalTime maps the zero time to NULL.
func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// timeOrZero maps NULL to the zero time.
func timeOrZero(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

// locationArgs returns the latitude and longitude parameters of l, NULL
// when there is no location.
func locationArgs(l *flows.Location) (lat, lon *float64) {
	if l == nil {
		return nil, nil
	}
	return &l.Latitude, &l.Longitude
}

// scannedLocation is the inverse of locationArgs.
func scannedLocation(lat, lon *float64) *flows.Location {
	if lat == nil || lon == nil {
		return nil
	}
	return &flows.Location{Latitude: *lat, Longitude: *lon}
}
