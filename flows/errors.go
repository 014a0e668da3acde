package flows

import "errors"

// Sentinel errors shared with the store package, which wraps them with %w.
var (
	ErrNotFound       = errors.New("not found")
	ErrAlreadyDecided = errors.New("already decided")
	ErrInviteExpired  = errors.New("invite expired")
	ErrInviteUsedUp   = errors.New("invite used up")
	ErrAlreadyExists  = errors.New("already exists")
)
