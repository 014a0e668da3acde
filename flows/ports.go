package flows

import (
	"context"
	"time"
)

// Conversations keeps in-progress conversations, one per chat. Load returns
// an error wrapping ErrNotFound when the chat has none (or it expired).
type Conversations interface {
	Load(ctx context.Context, chatID int64) (Conversation, error)
	Save(ctx context.Context, chatID int64, c Conversation) error
	Delete(ctx context.Context, chatID int64) error
	// SavePrompt records which delivered message carries the live
	// question; the next Load returns it as PromptMessageID. It is one
	// write, made after every reply, so it must not rewrite the whole
	// conversation.
	SavePrompt(ctx context.Context, chatID int64, messageID int) error
}

// Volunteers is the registry of Mitra users. Lookups of a missing volunteer
// return an error wrapping ErrNotFound.
type Volunteers interface {
	ByTelegramID(ctx context.Context, telegramID int64) (Volunteer, error)
	ByID(ctx context.Context, id int64) (Volunteer, error)
	// Register creates the volunteer. Registering the same Telegram user
	// twice returns the existing record and an error wrapping ErrAlreadyExists.
	Register(ctx context.Context, nv NewVolunteer) (Volunteer, error)
	// Decide approves or rejects a pending volunteer and writes the audit
	// entry in the same transaction. A volunteer no longer pending yields an
	// error wrapping ErrAlreadyDecided, together with the current record.
	Decide(ctx context.Context, actorID, volunteerID int64, approve bool) (Volunteer, error)
	// SetCoordinator makes the volunteer coordinator of regencyCode, or
	// removes the role when regencyCode is "", and audits it.
	SetCoordinator(ctx context.Context, actorID, volunteerID int64, regencyCode string) (Volunteer, error)
	SetLanguage(ctx context.Context, volunteerID int64, lang string) error
	// Coordinators lists the active coordinators of a kabupaten/kota.
	Coordinators(ctx context.Context, regencyCode string) ([]Volunteer, error)
	// Admins lists the active admins.
	Admins(ctx context.Context) ([]Volunteer, error)
	// Search finds active volunteers by name or "V<id>", best first.
	Search(ctx context.Context, query string, limit int) ([]Volunteer, error)
}

// Invites issues and redeems invite links.
type Invites interface {
	Create(ctx context.Context, inv Invite) (Invite, error)
	// Get returns the invite or an error wrapping ErrNotFound.
	Get(ctx context.Context, code string) (Invite, error)
	// Redeem uses one place of the invite atomically. It fails with errors
	// wrapping ErrNotFound, ErrInviteExpired or ErrInviteUsedUp.
	Redeem(ctx context.Context, code string, now time.Time) (Invite, error)
}
