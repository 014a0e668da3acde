package flows

import "time"

// A Count is a head count a volunteer may not know yet: nil means "tidak
// tahu", which is different from zero.
type Count = *int

// ReportStatus is where an emergency report stands.
type ReportStatus string

const (
	ReportOpen    ReportStatus = "open"
	ReportHandled ReportStatus = "handled"
)

// EmergencyReport is a laporan kejadian from /lapor (fields after Perka BNPB
// 8/2011 and the DIBI schema; see docs/domain.md §1).
type EmergencyReport struct {
	ID           int64
	Code         string // LAP-7K2Q, assigned by the store
	SubmissionID string // idempotency key of the conversation that filed it
	VolunteerID  int64

	DisasterType string    // DIBI code ("101") or our own key ("kebakaran_permukiman")
	OccurredOn   time.Time // date, midnight local
	OccurredTime string    // "14.30" or "" when unknown
	Location     *Location
	VillageCode  string
	DistrictCode string
	RegencyCode  string
	ProvinceCode string

	Dead, Missing, SeverelyInjured, LightlyInjured Count
	AffectedKK, AffectedPeople                     Count
	DisplacedKK, DisplacedPeople                   Count
	HousesHeavy, HousesModerate, HousesLight       Count
	HousesFlooded                                  Count

	VulnerableGroups []string
	UrgentNeeds      []string
	ActionsTaken     []string
	PhotoFileIDs     []string
	Notes            string

	Status    ReportStatus
	HandledBy int64 // volunteer id of the coordinator, 0 if none
	HandledAt time.Time
	// ReportedAt is when the volunteer sent the final answer (their
	// phone's time), which may be earlier than CreatedAt after a burst.
	ReportedAt time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// ReportUpdate is a reporter's update to an open report: the report's new
// values and a readable list of what changed.
type ReportUpdate struct {
	SubmissionID string
	VolunteerID  int64
	Report       EmergencyReport // new values; ID identifies the report
	Changes      []FieldChange
}

// FieldChange is one changed field, already rendered for people.
type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Registration is a pre-proposal (usulan) of a person needing assistance
// for DTKS/DTSEN; Dinas Sosial verifies it (docs/domain.md §2).
type Registration struct {
	ID           int64
	Code         string // REG-…
	SubmissionID string
	VolunteerID  int64

	Criterion     string // Permensos 3/2021 criterion key
	Category      string // PPKS key
	NIK           string
	Name          string
	BirthPlace    string
	BirthDate     time.Time
	Female        bool
	KK            string
	MotherName    string
	Relationship  string
	MaritalStatus string

	VillageCode  string
	DistrictCode string
	RegencyCode  string
	ProvinceCode string
	RT, RW       string
	Street       string

	Occupation   string
	Condition    string
	HousePhotoID string
	Location     *Location

	// NIK checks at the time of entry: warnings, never refusals.
	NIKRegionCheck string // "match", "differs", "unknown"
	NIKBirthCheck  string // "match", "differs"
	NIKWarnings    []string

	CreatedAt time.Time
}

// VisitResult is how a visit ended.
type VisitResult string

const (
	VisitDone        VisitResult = "selesai"
	VisitRescheduled VisitResult = "dijadwalkan_ulang"
	VisitNotMet      VisitResult = "tidak_bertemu"
)

// Visit is a field check-in from /kunjungan.
type Visit struct {
	ID           int64
	Code         string // KNJ-…
	SubmissionID string
	VolunteerID  int64

	TargetKind     string // kpm_pkh, registration, lks, other
	TargetName     string
	RegistrationID int64 // when TargetKind is registration
	LKSType        string

	Purpose     string
	VisitedOn   time.Time
	Result      VisitResult
	NextVisitOn time.Time // for rescheduled and not-met visits
	Reason      string

	Findings  string
	Obstacles string
	FollowUp  string

	LKSNeeds       []string
	FundingSources []string

	PhotoFileIDs []string
	Location     *Location
	RegencyCode  string
	DistrictCode string

	CreatedAt time.Time
}

// Reminder is a scheduled nudge to a volunteer, such as a rescheduled visit.
type Reminder struct {
	ID          int64
	VolunteerID int64
	VisitID     int64
	DueAt       time.Time
	Status      string // pending, sent, cancelled
	Note        string
	CreatedAt   time.Time
}

// UpcomingVisit is a rescheduled visit still ahead, for /jadwal.
type UpcomingVisit struct {
	Reminder Reminder
	Visit    Visit
}
