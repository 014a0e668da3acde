package flows

import "time"

// InputKind says what a volunteer sent. The bot package maps every Telegram
// message shape onto one of these, so the engine can answer anything it does
// not expect with a friendly explanation instead of silence.
type InputKind string

const (
	KindText     InputKind = "text"
	KindCommand  InputKind = "command"
	KindCallback InputKind = "callback"
	KindContact  InputKind = "contact"
	KindLocation InputKind = "location"
	KindPhoto    InputKind = "photo"
	KindSticker  InputKind = "sticker"
	KindVoice    InputKind = "voice"
	KindOther    InputKind = "other" // video, document, poll, …
)

// Input is one thing a user did, independent of the transport.
type Input struct {
	ChatID    int64
	UserID    int64
	MessageID int
	Kind      InputKind

	// Text holds the message text or photo caption.
	Text string
	// Command is the command name without the slash or bot suffix
	// ("start" for "/start@MitraBot abc"); Args is the rest ("abc").
	Command string
	Args    string

	// Callback is the data of a pressed inline button; CallbackMessageID is
	// the message that carried the button.
	Callback          string
	CallbackMessageID int

	// Phone is set for a shared contact; ContactUserID tells whether the
	// contact is the sender's own.
	Phone         string
	ContactUserID int64

	Location *Location

	// PhotoFileID is the transport's handle of the largest photo size.
	PhotoFileID  string
	MediaGroupID string

	// SentAt is when the user sent the message (Telegram's date), which for
	// messages typed offline is earlier than when they arrive.
	SentAt time.Time

	// Lang is the user's client language (IETF tag such as "id" or "en").
	Lang string
	// DisplayName is the name the transport knows the user by.
	DisplayName string

	// Private is false for group and channel chats.
	Private bool
	// Edited marks an edit of an earlier message.
	Edited bool
}

// Location is a point on the map.
type Location struct {
	Latitude  float64 `json:"lat"`
	Longitude float64 `json:"lon"`
}
