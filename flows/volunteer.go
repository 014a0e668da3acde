package flows

import "time"

// Role is the kind of field work a volunteer does.
type Role string

const (
	RoleTagana       Role = "tagana"
	RoleTKSK         Role = "tksk"
	RolePKH          Role = "pendamping_pkh"
	RolePSM          Role = "psm"
	RoleKarangTaruna Role = "karang_taruna"
	RoleOther        Role = "lainnya"
)

// Roles lists the field roles in the order they are offered.
var Roles = []Role{RoleTagana, RoleTKSK, RolePKH, RolePSM, RoleKarangTaruna, RoleOther}

// Status is where a volunteer's account stands.
type Status string

const (
	StatusPending     Status = "pending"
	StatusActive      Status = "active"
	StatusRejected    Status = "rejected"
	StatusDeactivated Status = "deactivated"
)

// Volunteer is a registered Mitra user. Coordinators and admins are
// volunteers too, with extra powers.
type Volunteer struct {
	ID           int64
	TelegramID   int64
	ChatID       int64
	Name         string
	Role         Role
	Phone        string // +62…; never logged
	RegencyCode  string // kabupaten/kota of duty, e.g. "13.71"
	DistrictCode string // kecamatan of duty, e.g. "13.71.01"
	Status       Status
	Language     string // "id" or "en"
	IsAdmin      bool
	// CoordinatorOf is the kabupaten/kota this volunteer coordinates, or "".
	CoordinatorOf string
	InviteCode    string
	CreatedAt     time.Time
	DecidedAt     time.Time
	DecidedBy     int64 // volunteer id of the approver, 0 if none
}

// Approved reports whether the account may use the field commands.
func (v Volunteer) Approved() bool { return v.Status == StatusActive }

// IsCoordinator reports whether v coordinates some kabupaten/kota.
func (v Volunteer) IsCoordinator() bool { return v.CoordinatorOf != "" }

// NewVolunteer is what onboarding collects.
type NewVolunteer struct {
	TelegramID   int64
	ChatID       int64
	Name         string
	Role         Role
	Phone        string
	RegencyCode  string
	DistrictCode string
	Language     string
	IsAdmin      bool
	// InviteCode, when set, was redeemed for this registration and the
	// account starts active.
	InviteCode string
	Status     Status
}

// Invite is a deep link a coordinator hands out at a bimtek so that
// volunteers join pre-approved.
type Invite struct {
	Code        string
	Role        Role
	RegencyCode string
	CreatedBy   int64 // volunteer id
	MaxUses     int
	Uses        int
	ExpiresAt   time.Time
	CreatedAt   time.Time
}

// AuditEntry records who changed whose account, for Dinas Sosial's review.
type AuditEntry struct {
	ActorID  int64  // volunteer id; 0 for the system
	Action   string // "approve", "reject", "grant_coordinator", …
	TargetID int64  // volunteer id
	Detail   map[string]any
}
