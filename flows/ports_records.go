package flows

import (
	"context"
	"time"
)

// Reports stores emergency reports. Creating and updating are idempotent
// by SubmissionID: a repeat returns the record made the first time.
type Reports interface {
	Create(ctx context.Context, r EmergencyReport) (EmergencyReport, error)
	// ByID returns the report or an error wrapping ErrNotFound.
	ByID(ctx context.Context, id int64) (EmergencyReport, error)
	// OpenByVolunteer lists the volunteer's reports created since `since`
	// that are still open or handled (not closed), newest first.
	OpenByVolunteer(ctx context.Context, volunteerID int64, since time.Time) ([]EmergencyReport, error)
	// Update applies a reporter's update and records its changes.
	Update(ctx context.Context, u ReportUpdate) (EmergencyReport, error)
	// MarkHandled records the coordinator who took the report. If someone
	// already did, it returns the current record and an error wrapping
	// ErrAlreadyDecided.
	MarkHandled(ctx context.Context, reportID, coordinatorID int64, at time.Time) (EmergencyReport, error)
}

// Registrations stores pre-proposals. Create is idempotent by
// SubmissionID; a NIK registered before yields the existing record and an
// error wrapping ErrAlreadyExists.
type Registrations interface {
	Create(ctx context.Context, r Registration) (Registration, error)
	// ByNIK returns the registration of a NIK or an error wrapping ErrNotFound.
	ByNIK(ctx context.Context, nik string) (Registration, error)
	// Find looks a registration up by its code ("REG-7K2Q") or NIK.
	Find(ctx context.Context, codeOrNIK string) (Registration, error)
}

// Visits stores visit check-ins. Create writes the visit and, for a
// rescheduled visit, its reminder in one transaction; it is idempotent by
// SubmissionID.
type Visits interface {
	Create(ctx context.Context, v Visit, reminder *Reminder) (Visit, error)
	// Upcoming lists the volunteer's pending reminders due at or after
	// `from`, soonest first, with their visits.
	Upcoming(ctx context.Context, volunteerID int64, from time.Time, limit int) ([]UpcomingVisit, error)
}
